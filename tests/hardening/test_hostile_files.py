"""Inputs that used to crash or hang: each now ends in `FILE:LINE: message` (or one
plain line) with the command's usual status for bad input (validate 1, the others 2),
no traceback, within seconds; and the planner's session opens or says why not."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from credplan.core.catalog import load_catalog, parse_catalog
from credplan.core.paths import plans_dir
from credplan.core.problems import MAX_CATALOG_BYTES, MAX_PLAN_BYTES, FileProblems, parse_toml
from credplan.core.session import OpenRequest, PlanSession, SessionError
from credplan.core.students import list_plans, plan_path_for

REPO = Path(__file__).resolve().parents[2]
OHIO = REPO / "catalogs" / "ohio.toml"
MEMORY_CAP = 2 << 30
"""Address-space cap for the subprocesses: reading /dev/zero must fail fast, not eat the machine."""


def _cap_memory() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


@pytest.fixture
def credplan(tmp_path):
    env = dict(os.environ, CREDPLAN_DATA_DIR=str(tmp_path / "data"), NO_COLOR="1", TERM="xterm-256color")

    def run(*args: str, timeout: float = 20, stdin: str = "") -> subprocess.CompletedProcess:
        done = subprocess.run(
            [sys.executable, "-m", "credplan", *map(str, args)], cwd=REPO, env=env, capture_output=True,
            text=True, timeout=timeout, preexec_fn=_cap_memory, input=stdin,
        )
        assert "Traceback" not in done.stderr, done.stderr[-3000:]
        return done

    return run


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CREDPLAN_DATA_DIR", str(tmp_path / "data"))


def good_plan(path: Path) -> Path:
    path.write_text('format = 1\nstudent = "Ana"\n[[selection]]\nid = "ohio-driver-license"\n', encoding="utf-8")
    return path


# -- deeply nested TOML -------------------------------------------------------------------------
DEEP = {
    "arrays-400": "x = " + "[" * 400 + "]" * 400 + "\n",
    "arrays-490": "x = " + "[" * 490 + "]" * 490 + "\n",
    "tables-480": "x = " + "{a=" * 480 + "1" + "}" * 480 + "\n",
    "dotted-1500": ".".join(["a"] * 1500) + " = 1\n",
    "dotted-900": ".".join(["a"] * 900) + " = 1\n",
    "header-1500": "[" + ".".join(["a"] * 1500) + "]\n",
    "in-a-credential": 'format = 1\n[[credential]]\nid = "x"\nname = ' + "[" * 490 + "]" * 490 + "\n",
    "in-scores": 'format = 1\n[scores]\nworkkeys = ' + "[" * 300 + "]" * 300 + "\n",
}


@pytest.mark.parametrize("kind", sorted(DEEP))
def test_deep_nesting_is_a_problem_with_a_line(kind):
    with pytest.raises(FileProblems) as info:
        parse_catalog(DEEP[kind], "deep.toml")
    for problem in info.value.problems:
        assert str(problem).startswith("deep.toml:"), problem
        assert problem.line >= 1


@pytest.mark.parametrize("kind", ["arrays-490", "tables-480", "dotted-1500", "dotted-900", "in-a-credential"])
def test_deep_nesting_says_so(kind):
    with pytest.raises(FileProblems) as info:
        parse_toml(DEEP[kind], "deep.toml")
    assert "nested" in str(info.value) or "parts" in str(info.value)


@pytest.mark.parametrize("kind", sorted(DEEP))
def test_deep_plans_are_kept_aside_listed_and_refused_when_inspecting(kind, tmp_path):
    path = plan_path_for("Ana", plans_dir())
    path.parent.mkdir(parents=True)
    path.write_text(DEEP[kind], encoding="utf-8")
    (info,) = list_plans(plans_dir())  # the `o` picker and `credplan plans`
    assert not info.readable and info.problem
    with pytest.raises(SessionError):
        PlanSession.open(OpenRequest(plan=path, catalog="ohio", inspect=True))
    session = PlanSession.open(OpenRequest(plan=path, catalog="ohio"))  # the planner, the shell
    try:
        assert "kept as" in session.notice
        assert session.change(session.plan.with_selection("ohio-driver-license"))
    finally:
        session.close()


@pytest.mark.parametrize("kind", ["arrays-490", "dotted-1500", "in-a-credential"])
def test_deep_nesting_from_every_command(kind, credplan, tmp_path):
    deep = tmp_path / "deep.toml"
    deep.write_text(DEEP[kind], encoding="utf-8")
    done = credplan("validate", deep)
    assert done.returncode == 1 and f"{deep}:" in done.stderr
    for args in (["check", "--plan", deep], ["check", "--catalog", deep, "--plan", good_plan(tmp_path / "p.toml")],
                 ["export", "--plan", deep], ["check", "--plan", tmp_path / "p.toml", "--what-if", f"catalog={deep}"]):
        done = credplan(*args)
        assert done.returncode == 2, (args, done.stderr)
        assert done.stderr.strip(), args
    plans = tmp_path / "data" / "plans"
    plans.mkdir(parents=True)
    (plans / "ana.toml").write_text(DEEP[kind], encoding="utf-8")
    done = credplan("plans")
    assert done.returncode == 0 and "cannot be read" in done.stdout
    done = credplan("export", "--student", "ana")
    assert done.returncode == 2


# -- files that are not files ---------------------------------------------------------------------
def special_files(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    huge = tmp_path / "huge.toml"
    with open(huge, "wb") as handle:  # sparse: takes no disk
        handle.truncate(3 << 30)
    return {"fifo": fifo, "zero": Path("/dev/zero"), "urandom": Path("/dev/urandom"), "huge": huge}


def test_the_limits_are_far_above_real_files():
    assert OHIO.stat().st_size * 100 < MAX_CATALOG_BYTES
    assert MAX_PLAN_BYTES >= 1 << 20


@pytest.mark.parametrize("kind", ["fifo", "zero", "urandom", "huge"])
def test_a_catalog_that_is_not_a_regular_file_is_refused(kind, tmp_path):
    path = special_files(tmp_path)[kind]
    with pytest.raises(FileProblems) as info:
        load_catalog(path, display="x.toml")
    message = str(info.value)
    assert message.startswith("x.toml: ")
    assert ("not a regular file" in message) if kind != "huge" else ("MiB" in message)


@pytest.mark.parametrize("kind", ["fifo", "zero", "huge"])
def test_every_command_refuses_special_files_quickly(kind, credplan, tmp_path):
    path = special_files(tmp_path)[kind]
    plan = good_plan(tmp_path / "p.toml")
    assert credplan("validate", path, timeout=10).returncode == 1
    for args in (["check", "--catalog", path, "--plan", plan], ["check", "--plan", path],
                 ["export", "--plan", path], ["check", "--plan", plan, "--what-if", f"catalog={path}"]):
        done = credplan(*args, timeout=10)
        assert done.returncode == 2, (args, done.stderr)
        assert done.stderr.strip().splitlines()[-1].startswith(f"{path}: "), done.stderr


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_the_shell_on_a_special_plan_file_says_so_and_does_not_hang(kind, credplan, tmp_path):
    path = special_files(tmp_path)[kind]
    done = credplan("shell", "--catalog", "ohio", "--plan", path, stdin="add ohio-driver-license\nquit\n", timeout=10)
    assert "not a regular file" in done.stderr
    if kind == "fifo":
        assert path.exists() and not path.is_file()  # left as it is


def test_a_plan_over_the_limit_is_kept_aside(tmp_path):
    path = tmp_path / "big.toml"
    path.write_bytes(b"# " + b"x" * MAX_PLAN_BYTES + b"\n")
    session = PlanSession.open(OpenRequest(plan=path, catalog="ohio"))
    try:
        assert "kept as" in session.notice
    finally:
        session.close()


