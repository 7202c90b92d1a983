"""Nothing is overwritten behind a student's back: an export never replaces a file
unless asked (and never writes into the plans folder), a planted lock file, trash
folder or plan file is refused, and a data folder anyone can write is repaired or
refused."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from credplan.core.model import Plan
from credplan.core.paths import data_dir, plans_dir
from credplan.core.report_files import ReportTargetError, check_report_target, write_report
from credplan.core.store import PlanStore
from credplan.core.plan_errors import StorageError
from credplan.core.students import delete_plan, plan_path_for
from plantools import save_plan

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CREDPLAN_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def credplan(tmp_path):
    env = dict(os.environ, CREDPLAN_DATA_DIR=str(tmp_path / "data"), NO_COLOR="1")

    def run(*args: str) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [sys.executable, "-m", "credplan", *map(str, args)], cwd=REPO, env=env, capture_output=True, text=True,
            timeout=60,
        )
        assert "Traceback" not in done.stderr, done.stderr
        return done

    return run


def ana() -> Path:
    path = plan_path_for("Ana", plans_dir())
    save_plan(path, Plan(student="Ana").with_selection("ohio-driver-license"))
    return path


# -- export -o ----------------------------------------------------------------------------------
def test_export_refuses_an_existing_file_without_force(credplan, tmp_path):
    ana()
    target = tmp_path / "report.md"
    target.write_text("keep me")
    done = credplan("export", "--student", "Ana", "-o", target)
    assert done.returncode == 2 and "--force" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert target.read_text() == "keep me"


def test_export_force_replaces_and_keeps_the_mode(credplan, tmp_path):
    ana()
    target = tmp_path / "report.md"
    target.write_text("old")
    target.chmod(0o640)
    done = credplan("export", "--student", "Ana", "-o", target, "--force")
    assert done.returncode == 0, done.stderr
    assert target.read_text().startswith("# Credential plan: Ana")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.parametrize("force", [False, True])
def test_export_never_writes_into_the_plans_folder(credplan, tmp_path, force):
    plan = ana()
    before = plan.read_bytes()
    targets = [plan, plans_dir() / "report.md", plans_dir() / "trash" / "x.md"]
    link = tmp_path / "plans-link"
    link.symlink_to(plans_dir())
    targets.append(link / "report.md")
    for target in targets:
        done = credplan("export", "--student", "Ana", "-o", target, *(["--force"] if force else []))
        assert done.returncode == 2, (target, done.stderr)
        assert "plans folder" in done.stderr
    assert plan.read_bytes() == before
    assert sorted(p.name for p in plans_dir().iterdir()) == [plan.name]


def test_export_refuses_a_device_or_pipe(credplan, tmp_path):
    ana()
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    for target in (fifo, Path("/dev/null")):
        done = credplan("export", "--student", "Ana", "-o", target, "--force")
        assert done.returncode == 2 and "regular file" in done.stderr, done.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_check_report_target_rules(tmp_path):
    ana()
    new = check_report_target(tmp_path / "new.md")
    assert not new.exists and new.mode == 0o600
    old = tmp_path / "old.md"
    old.write_text("x")
    old.chmod(0o644)
    with pytest.raises(ReportTargetError) as info:
        check_report_target(old)
    assert info.value.exists
    target = check_report_target(old, force=True)
    assert target.exists and target.mode == 0o644
    write_report(target, "new text")
    assert old.read_text() == "new text" and stat.S_IMODE(old.stat().st_mode) == 0o644
    with pytest.raises(ReportTargetError) as info:
        check_report_target(plans_dir() / "x.md", force=True)
    assert not info.value.exists  # a force does not help: no question to ask


def test_a_file_created_after_the_check_is_not_replaced(tmp_path):
    target = check_report_target(tmp_path / "late.md")
    (tmp_path / "late.md").write_text("someone else's")
    with pytest.raises(ReportTargetError):
        write_report(target, "mine")
    assert (tmp_path / "late.md").read_text() == "someone else's"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left


async def test_the_planner_export_asks_before_replacing(ohio, tmp_path, monkeypatch):
    from textual.widgets import Input

    from credplan.core.session import PlanSession
    from credplan.ui.app import CredplanApp
    from credplan.ui.screens.export import ExportScreen
    from credplan.ui.screens.prompts import Confirm

    monkeypatch.chdir(tmp_path)
    session = PlanSession.start(ohio, Plan(student="Ana"), path=None)
    app = CredplanApp(session)
    target = tmp_path / "report.md"
    target.write_text("keep me")
    target.chmod(0o644)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen) and target.read_text() == "keep me"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, (ExportScreen, Confirm))
        assert "Ana" in target.read_text() and stat.S_IMODE(target.stat().st_mode) == 0o644
        # into the plans folder: refused, no question
        await pilot.press("e")
        app.screen.query_one("#path", Input).value = str(plans_dir() / "ana.md")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert not (plans_dir() / "ana.md").exists()
    session.close()


# -- planted files --------------------------------------------------------------------------------
def test_a_hard_linked_lock_file_is_refused_and_not_written(tmp_path):
    plan = ana()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    os.link(victim, plan.with_name(plan.name + ".lock"))
    with PlanStore(plan) as store:
        opened = store.open()
        assert opened.read_only and "lock" in opened.notice
    assert victim.read_text() == "precious\n"


def test_a_lock_that_is_not_a_regular_file_is_refused(tmp_path):
    plan = ana()
    os.mkfifo(plan.with_name(plan.name + ".lock"))
    with PlanStore(plan) as store:
        opened = store.open()
        assert opened.read_only and "lock" in opened.notice


def test_a_symlinked_trash_is_refused(tmp_path):
    plan = ana()
    outside = tmp_path / "outside"
    outside.mkdir()
    (plans_dir() / "trash").symlink_to(outside)
    with pytest.raises(StorageError) as info:
        delete_plan(plan, directory=plans_dir())
    assert "trash" in str(info.value)
    assert plan.exists() and list(outside.iterdir()) == []


@pytest.mark.parametrize("which", ["data", "plans"])
def test_a_world_writable_data_folder_is_repaired_and_said(which):
    from credplan.core.session import OpenRequest, PlanSession

    ana()
    folder = data_dir() if which == "data" else plans_dir()
    folder.chmod(0o777)
    session = PlanSession.open(OpenRequest(student="Ana"))
    try:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert any("0700" in n or "only you" in n for n in session.notices), session.notices
    finally:
        session.close()


def test_a_world_writable_data_folder_we_do_not_own_is_refused(monkeypatch):
    from credplan.core import paths
    from credplan.core.session import OpenRequest, PlanSession, SessionError

    ana()
    plans_dir().chmod(0o777)
    monkeypatch.setattr(paths, "_owner", lambda st: st.st_uid + 1)  # as if another user owned it
    with pytest.raises(SessionError) as info:
        PlanSession.open(OpenRequest(student="Ana"))
    assert "any user" in str(info.value) and "belongs to another user" in str(info.value)


def test_a_fifo_at_the_plan_path_does_not_hang_the_shell(credplan, tmp_path):
    path = plan_path_for("Ana", plans_dir())
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    env = dict(os.environ, CREDPLAN_DATA_DIR=str(tmp_path / "data"), NO_COLOR="1")
    done = subprocess.run(
        [sys.executable, "-m", "credplan", "shell", "--student", "Ana"], cwd=REPO, env=env, capture_output=True,
        text=True, timeout=20, input="add ohio-driver-license\nquit\n",
    )
    assert "not a regular file" in done.stderr
    assert stat.S_ISFIFO(path.stat().st_mode)


def test_export_never_replaces_the_plan_it_reports_on_even_outside_the_plans_folder(credplan, tmp_path):
    plan = tmp_path / "ana.toml"
    save_plan(plan, Plan(student="Ana").with_selection("ohio-driver-license"))
    before = plan.read_bytes()
    link = tmp_path / "ana-link.toml"
    os.link(plan, link)
    for target in (plan, link):
        done = credplan("export", "--plan", plan, "--catalog", "ohio", "-o", target, "--force")
        assert done.returncode == 2 and "plan file itself" in done.stderr, done.stderr
    assert plan.read_bytes() == before
