"""`credplan shell` fed by a script: a last line cut off before its newline may be half
a command (`add a-pl` of `add a-plus-cert`), so it is refused, never run as a search
that adds whatever matches."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from credplan.core.model import Plan
from credplan.core.session import PlanSession
from credplan.shell import PlanShell, run_shell

REPO = Path(__file__).resolve().parents[2]


def shell(catalog, tmp_path: Path) -> tuple[PlanShell, Path, io.StringIO]:
    err = io.StringIO()
    path = tmp_path / f"p{len(list(tmp_path.iterdir()))}.toml"
    sh = PlanShell(PlanSession.start(catalog, Plan(), path=path), out=io.StringIO(), err=err)
    return sh, path, err


def test_a_last_line_without_newline_is_refused(ohio, tmp_path):
    sh, saved, err = shell(ohio, tmp_path)
    code = run_shell(sh, io.StringIO("status\nadd ohio-driv"), interactive=False)
    assert code == 1
    assert not saved.exists() and not sh.plan.selections
    assert "add ohio-driv" in err.getvalue() and "newline" in err.getvalue()


def test_complete_lines_still_run_and_an_empty_tail_is_fine(ohio, tmp_path):
    sh, _, _ = shell(ohio, tmp_path)
    assert run_shell(sh, io.StringIO("add ohio-driver-license\n"), interactive=False) == 0
    assert [s.id for s in sh.plan.selections] == ["ohio-driver-license"]
    sh, _, err = shell(ohio, tmp_path)
    assert run_shell(sh, io.StringIO("add ohio-driver-license\n   "), interactive=False) == 0
    assert err.getvalue() == ""


def test_through_the_command_line(tmp_path):
    env = dict(os.environ, CREDPLAN_DATA_DIR=str(tmp_path / "data"), NO_COLOR="1")
    plan = tmp_path / "p.toml"
    done = subprocess.run(
        [sys.executable, "-m", "credplan", "shell", "--catalog", "ohio", "--plan", str(plan)],
        cwd=REPO, env=env, input="add ohio-dri", capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "not run" in done.stderr
    assert not plan.exists()
