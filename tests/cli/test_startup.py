"""What `credplan COMMAND` loads before it runs. Scripts call `credplan check --json` in
loops, so a command imports its own module and nothing it does not use; `make bench`
prints what that costs (never asserted here: timings depend on the machine)."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import credplan.commands
from credplan.cli import build_parser
from credplan.commands import COMMANDS, command_module

REPO = Path(__file__).resolve().parents[2]


WATCH = """
import atexit, json, sys
def report():
    inspect = sys.modules.get("inspect")
    loaded = sorted(m for m in sys.modules if m != "inspect" or type(inspect).__name__ == "module")
    sys.stderr.write("\\nMODULES " + json.dumps(loaded) + "\\n")
atexit.register(report)
sys.argv = ["credplan", *sys.argv[1:]]
from credplan.__main__ import main
main()
"""


def imported_by(
    *argv: str, tmp_path: Path, env: dict[str, str] | None = None
) -> tuple[subprocess.CompletedProcess, set[str]]:
    """Run credplan's entry point with ARGV; return what it printed and every module it
    loaded (`inspect` only if it was loaded, not merely deferred)."""
    done = subprocess.run(
        [sys.executable, "-c", WATCH, *argv],
        cwd=REPO, capture_output=True, text=True, timeout=60,
        env=env or dict(os.environ, CREDPLAN_DATA_DIR=str(tmp_path / "data"), NO_COLOR="1"),
    )
    assert "Traceback" not in done.stderr, done.stderr
    report = done.stderr.rsplit("\nMODULES ", 1)[1]
    return done, set(json.loads(report))


@pytest.fixture
def plan(tmp_path: Path) -> str:
    path = tmp_path / "plan.toml"
    path.write_text('format = 1\nstudent = "Ana"\n[[selection]]\nid = "ohio-driver-license"\nstatus = "earned"\n',
                    encoding="utf-8")
    return str(path)


def test_check_json_imports_no_other_subcommand(tmp_path, plan):
    done, modules = imported_by("check", "--json", "--catalog", "ohio", "--plan", plan, tmp_path=tmp_path)
    assert done.returncode == 1 and done.stdout.lstrip().startswith("{")
    commands = {m for m in modules if m.startswith("credplan.commands.")}
    assert commands == {"credplan.commands.check", "credplan.commands.common", "credplan.commands.output"}
    # nor what only other commands need: the suggestions search, saving plans, exports, Textual
    for unused in ("credplan.core.completions", "credplan.core.store", "credplan.core.lock", "credplan.core.atomic", "credplan.core.export", "textual"):
        assert unused not in modules, unused


def test_check_json_leaves_typing_and_inspect_unloaded(tmp_path, plan):
    """Together about a fifth of what check costs. `typing`: the core imports it only under
    `if TYPE_CHECKING:`. `inspect`: dataclasses loads it to write a docstring for a
    dataclass that has none, so every dataclass on this path has one."""
    _, modules = imported_by("check", "--json", "--catalog", "ohio", "--plan", plan, tmp_path=tmp_path)
    assert "typing" not in modules
    assert "inspect" not in modules


def _platform_env(tmp_path: Path) -> dict[str, str]:
    """No CREDPLAN_DATA_DIR: the data folder is platformdirs' (under XDG_DATA_HOME)."""
    env = {k: v for k, v in os.environ.items() if k != "CREDPLAN_DATA_DIR"}
    return dict(env, XDG_DATA_HOME=str(tmp_path / "xdg"), HOME=str(tmp_path / "home"), NO_COLOR="1")


def test_check_of_a_plan_outside_the_plans_folder_does_not_ask_where_that_folder_is(tmp_path, plan):
    """platformdirs (with tempfile, shutil, random) was a tenth of `check --plan FILE`."""
    done, modules = imported_by("check", "--json", "--catalog", "ohio", "--plan", plan, tmp_path=tmp_path,
                                env=_platform_env(tmp_path))
    assert done.returncode == 1 and json.loads(done.stdout)["student"] == "Ana"
    assert "platformdirs" not in modules


def test_check_of_a_plan_in_the_plans_folder_still_makes_it_private(tmp_path):
    plans = tmp_path / "xdg" / "credplan" / "plans"
    plans.mkdir(parents=True)
    plans.chmod(0o777)
    (plans / "ana.toml").write_text('format = 1\nstudent = "Ana"\n', encoding="utf-8")
    done, modules = imported_by("check", "--plan", str(plans / "ana.toml"), tmp_path=tmp_path,
                                env=_platform_env(tmp_path))
    assert "platformdirs" in modules
    assert plans.stat().st_mode & 0o777 == 0o700
    assert "plans" in done.stdout + done.stderr and "777" in done.stdout + done.stderr


def test_help_lists_every_command_without_importing_one(tmp_path):
    done, modules = imported_by("--help", tmp_path=tmp_path)
    assert done.returncode == 0
    for name, (_, help_line) in COMMANDS.items():
        assert f"    {name} " in done.stdout
        assert help_line.split()[0] in done.stdout
    assert not {m for m in modules if m.startswith("credplan.commands.")}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_command_help_loads_that_command(name):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as exc:
        build_parser(load_all=False).parse_args([name, "--help"])
    assert exc.value.code == 0
    assert out.getvalue().startswith(f"usage: credplan {name} ")


def test_unknown_command_is_told_every_command(capsys):
    with pytest.raises(SystemExit) as exc:
        build_parser(load_all=False).parse_args(["chek"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'chek' (choose from " + ", ".join(f"'{n}'" for n in COMMANDS) + ")" in err


def test_the_table_matches_the_modules():
    """COMMANDS lists every module with a `register`, with the help line the module
    registers, in the modules' ORDER."""
    with_register = {
        info.name for info in pkgutil.iter_modules(credplan.commands.__path__)
        if hasattr(__import__(f"credplan.commands.{info.name}", fromlist=["x"]), "register")
    }
    assert {module for module, _ in COMMANDS.values()} == with_register
    full = build_parser(load_all=True)
    sub = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction))
    for name, (_, help_line) in COMMANDS.items():
        registered = argparse.ArgumentParser().add_subparsers()
        command_module(name).register(registered)
        assert [a.help for a in registered._choices_actions] == [help_line], name
        assert sub._name_parser_map[name] is not None
    orders = [command_module(name).ORDER for name in COMMANDS]
    assert orders == sorted(orders)


def test_inspect_still_works_after_a_command():
    """`inspect` is loaded on first use, for whoever uses it after a command ran."""
    code = (
        "import contextlib, io, sys\n"
        "from credplan.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['catalogs'])\n"
        "assert type(sys.modules['inspect']).__name__ == '_DeferredInspect'\n"
        "import dataclasses\n"
        "@dataclasses.dataclass\n"
        "class NoDoc:\n"
        "    x: int\n"
        "assert NoDoc.__doc__ == 'NoDoc(x: int)', NoDoc.__doc__\n"
        "import inspect\n"
        "assert str(inspect.signature(lambda a, b=2: 0)) == '(a, b=2)'\n"
        "assert type(sys.modules['inspect']).__name__ == 'module'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
