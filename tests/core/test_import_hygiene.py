"""The core and the command line never import Textual (it loads only with the planner)."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import credplan.core.catalog, credplan.core.rules, credplan.core.plans
import credplan.core.report, credplan.core.storage, credplan.cli
credplan.cli.build_parser()
assert "credplan.core.rules" in sys.modules and "credplan.commands.check" in sys.modules
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print("textual modules:", loaded)
sys.exit(1 if loaded else 0)
"""


def test_core_and_cli_do_not_import_textual():
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "textual modules: []" in done.stdout


PLANNER_ONLY = """
import sys
import credplan.cli
args = credplan.cli.parse(["--demo", "--catalog", "ohio"])
assert args.demo and args.catalog == "ohio" and not hasattr(args, "func")
print(sorted(m for m in sys.modules if m.startswith("credplan.commands.") and m != "credplan.commands.common"))
args = credplan.cli.parse(["fields", "--catalog", "ohio", "--plan", "plan.toml"])
assert args.func.__module__ == "credplan.commands.fields", args
"""


def test_opening_the_planner_imports_no_subcommand_module():
    done = subprocess.run([sys.executable, "-c", PLANNER_ONLY], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[0] == "[]"
