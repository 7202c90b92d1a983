"""The core, the shell and the command line never import Textual (it loads only with
the planner), and opening the planner imports no subcommand module."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import credplan
import credplan.core


def _modules(package) -> list[str]:
    return [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]


def test_every_core_module_and_the_shell_and_cli_are_found():
    core = _modules(credplan.core)
    assert "credplan.core.rules" in core and "credplan.core.session" in core and "credplan.core.words.notices" in core
    assert len(core) > 20


CHECK = """
import importlib, sys
names = sys.argv[1:]
for name in names:
    importlib.import_module(name)
import credplan.cli
credplan.cli.build_parser()
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print("textual modules:", loaded)
sys.exit(1 if loaded else 0)
"""


def test_core_shell_and_cli_do_not_import_textual():
    names = _modules(credplan.core) + [
        m for m in _modules(credplan) if m.startswith(("credplan.shell", "credplan.commands."))
    ]
    assert any(n.startswith("credplan.shell") for n in names)
    done = subprocess.run([sys.executable, "-c", CHECK, *names], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "textual modules: []" in done.stdout


PLANNER_ONLY = """
import sys
import credplan.cli
args = credplan.cli.parse(["--demo", "--catalog", "ohio"])
assert args.demo and args.catalog == "ohio" and not hasattr(args, "func")
print(sorted(m for m in sys.modules if m.startswith("credplan.commands.") and m not in ("credplan.commands.common", "credplan.commands.output")))
args = credplan.cli.parse(["fields", "--catalog", "ohio", "--plan", "plan.toml"])
assert args.func.__module__ == "credplan.commands.fields", args
"""


def test_opening_the_planner_imports_no_subcommand_module():
    done = subprocess.run([sys.executable, "-c", PLANNER_ONLY], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[0] == "[]"
