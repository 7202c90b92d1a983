"""Plans that are broken in every way, and environments that fight back: the student is
told, the old plan is kept, and the planner still opens."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from credplan.core.model import Plan
from credplan.core.paths import plans_dir
from credplan.core.plans import read_plan
from plantools import save_plan
from credplan.core.students import plan_path_for
from credplan.core.session import OpenRequest, PlanSession
from credplan.ui.app import CredplanApp
from uihelp import TODAY

GOOD = 'format = 1\nstudent = "Ana"\nclass_of = 2027\n\n[[selection]]\nid = "ohio-driver-license"\nstatus = "earned"\n'

BROKEN = {
    "truncated": GOOD[: len(GOOD) // 2 + 7].encode(),
    "binary": bytes(range(256)) * 4,
    "huge": (GOOD + "".join(f'\n[[selection]]\nid = "x{i}"\n' for i in range(60_000)) + "\n[[[").encode(),
    "wrong-types": b'student = 3\nclass_of = "soon"\n[[selection]]\nid = ["a"]\nstatus = "maybe"\n',
    "unknown-keys": b'studnet = "Ana"\n[[selection]]\nid = "a"\nstaus = "earned"\n',
}


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CREDPLAN_DATA_DIR", str(tmp_path / "data"))


def session_for(path: Path, catalog: str | None = "ohio") -> PlanSession:
    return PlanSession.open(OpenRequest(catalog=catalog, plan=str(path)))


@pytest.mark.parametrize("kind", sorted(BROKEN))
async def test_broken_plan_is_kept_aside_and_the_planner_opens(kind, tmp_path, capsys):
    path = tmp_path / "ana.toml"
    path.write_bytes(BROKEN[kind])
    session = session_for(path)
    backups = [p for p in tmp_path.iterdir() if ".broken-" in p.name]
    assert len(backups) == 1 and backups[0].read_bytes() == BROKEN[kind]  # kept byte for byte
    assert "kept as" in session.notice and str(backups[0]) in session.notice
    app = CredplanApp(session, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "kept as" in str(app.screen.query_one("#banner").content)
        await pilot.press("space")  # the new plan saves where the broken one was
    session.close()
    assert read_plan(path).selections


async def test_plan_made_with_another_catalog_opens_with_a_notice(ohio, colorado, tmp_path):
    path = tmp_path / "ana.toml"
    save_plan(path, Plan(student="Ana").with_selection("ohio-driver-license"), ohio)
    session = session_for(path, catalog="colorado-example")
    assert "saved with the catalog `ohio`" in session.notice
    app = CredplanApp(session, today=TODAY)
    async with app.run_test(size=(100, 30)):
        assert not app.evaluation.selection("ohio-driver-license").known
        assert "saved with the catalog `ohio`" in str(app.screen.query_one("#banner").content)
    session.close()
    assert read_plan(path).selection("ohio-driver-license")  # nothing dropped


@pytest.mark.parametrize(
    "failure",
    [OSError(errno.ENOSPC, "No space left on device"), OSError(errno.EROFS, "Read-only file system"),
     PermissionError(errno.EACCES, "Permission denied")],
    ids=["disk-full", "read-only-fs", "permission"],
)
async def test_a_save_that_fails_keeps_the_old_plan_and_says_so(ohio, tmp_path, monkeypatch, failure):
    path = plan_path_for("Ana", plans_dir())
    save_plan(path, Plan(student="Ana").with_selection("ohio-driver-license"), ohio)
    before = path.read_bytes()
    session = PlanSession.open(OpenRequest(catalog="ohio", student="Ana"))
    app = CredplanApp(session, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        real_fsync = os.fsync

        def failing_fsync(fd):
            raise failure

        monkeypatch.setattr(os, "fsync", failing_fsync)
        await pilot.press("down", "space")
        await pilot.pause()
        banner = str(app.screen.query_one("#banner").content)
        assert "Could not save" in banner and "Your change is kept here but not saved" in banner
        assert len(app.plan.selections) == 2  # the change is kept in the session
        assert path.read_bytes() == before
        assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
        monkeypatch.setattr(os, "fsync", real_fsync)
        await pilot.press("up", "down")  # the next change saves both and clears the message
        await pilot.press("m")
        await pilot.pause()
        assert "Could not save" not in str(app.screen.query_one("#banner").content)
    session.close()
    assert len(read_plan(path).selections) == 2


def test_missing_home_and_xdg_still_work(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "HOME", "CREDPLAN_"))}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    done = subprocess.run(
        [sys.executable, "-c", "from credplan.core.paths import data_dir; print(data_dir())"],
        env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )
    assert done.returncode == 0 and done.stdout.strip() and "Traceback" not in done.stderr
    done = subprocess.run(
        [sys.executable, "-m", "credplan", "catalogs"], env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert done.returncode == 0 and "ohio" in done.stdout, done.stderr


def test_unwritable_data_dir_gives_a_message_not_a_traceback(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the data folder should be")
    env = dict(os.environ, CREDPLAN_DATA_DIR=str(blocker), TERM="xterm-256color")
    done = subprocess.run(
        [sys.executable, "-m", "credplan", "shell"], input="add ohio-driver-license\nstatus\nquit\n",
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert "Traceback" not in done.stderr
    # The plan opens read-only, so the change is refused with the session's reason.
    assert "Read-only, nothing was changed. Cannot read" in done.stderr and ".." not in done.stderr
    assert done.returncode == 1  # a refused command makes a script fail
    assert "Added Ohio driver license" not in done.stdout
    assert "Selections:" in done.stdout  # the session itself went on
