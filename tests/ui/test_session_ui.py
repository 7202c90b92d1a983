"""The planner on the shared session: leaving with an unsaved change asks first, a demo
touches no plan file and lists no one, and a score box shows what the file holds."""

from __future__ import annotations

import errno
import os

from credplan.core.model import Plan
from credplan.core.paths import plans_dir
from credplan.core.session import OpenRequest, PlanSession
from credplan.core.plans import read_plan
from credplan.core.students import plan_path_for
from credplan.ui.app import EXIT_NOT_SAVED, CredplanApp
from credplan.ui.screens.plans import PlanPickerScreen
from credplan.ui.screens.unsaved import UnsavedScreen
from credplan.ui.widgets.score_inputs import ScoreInput
from plantools import save_plan
from uihelp import TODAY, make_app


def fail_saves(monkeypatch):
    real = os.fsync

    def fail(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    return lambda: monkeypatch.setattr(os, "fsync", real)


async def test_q_with_an_unsaved_change_asks_and_discard_says_so(ohio, tmp_path, monkeypatch):
    path = tmp_path / "p.toml"
    app = make_app(ohio, path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        restore = fail_saves(monkeypatch)
        await pilot.press("down", "space")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)  # not gone: the change would be lost
        assert "No space left on device" in str(app.screen.query_one("#why").content)
        assert "p.toml.copy-" in str(app.screen.query_one("#where").content)
        await pilot.press("escape")
        assert not isinstance(app.screen, UnsavedScreen) and app.is_running
        await pilot.press("q", "d")
        await pilot.pause()
        restore()
    assert app.return_code == EXIT_NOT_SAVED
    assert "discarded" in app.exit_message
    assert len(read_plan(path).selections) == 1


async def test_q_then_c_saves_a_copy_with_the_change(ohio, tmp_path, monkeypatch):
    path = tmp_path / "p.toml"
    app = make_app(ohio, path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        monkeypatch.setattr(app.session.store, "save", _refuse)
        await pilot.press("down", "space", "q", "c")
        await pilot.pause()
    copies = [p for p in tmp_path.iterdir() if ".copy-" in p.name]
    assert len(copies) == 1 and len(read_plan(copies[0]).selections) == 2
    assert str(copies[0]) in app.exit_message and not app.return_code


async def test_q_then_r_retries_and_leaves_once_saved(ohio, tmp_path, monkeypatch):
    path = tmp_path / "p.toml"
    app = make_app(ohio, path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        restore = fail_saves(monkeypatch)
        await pilot.press("space", "q", "r")
        await pilot.pause()
        assert app.is_running and "No space left" in str(app.screen.query_one("#banner").content)
        restore()
        await pilot.press("q", "r")
        await pilot.pause()
    assert read_plan(path).selections and not app.return_code


def _refuse(*_a, **_k):
    from credplan.core.plan_errors import PlanSaveFailed

    raise PlanSaveFailed("Could not save: disk full.")


async def test_demo_lists_no_student_and_changes_no_plan_file(ohio):
    ana = plan_path_for("Ana López", plans_dir())
    save_plan(ana, Plan(student="Ana López"), ohio)
    before = ana.read_bytes()
    session = PlanSession.open(OpenRequest(demo=True, catalog="ohio"))
    app = CredplanApp(session, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert not isinstance(app.screen, PlanPickerScreen)
        await pilot.press("space")
        await pilot.pause()
        assert app.plan.selections  # the demo plan changed, in memory
    assert ana.read_bytes() == before
    assert sorted(p.name for p in plans_dir().iterdir()) == [ana.name]


async def test_a_score_box_shows_what_the_file_holds_with_no_class(ohio, tmp_path):
    path = tmp_path / "p.toml"
    app = make_app(ohio, path=path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("w", "tab", "5")  # w: the class box first (not set), tab: Applied Math
        await pilot.pause()
        box = app.focused
        assert isinstance(box, ScoreInput)
        assert read_plan(path).score("workkeys", "Applied Math") == 5
        await pilot.press("end", "backspace")
        await pilot.pause()
        assert box.value == ""
        assert read_plan(path).score("workkeys", "Applied Math") is None
        await pilot.press("6")
        await pilot.pause()
        assert box.value == "6" and read_plan(path).score("workkeys", "Applied Math") == 6
    assert read_plan(path).score("workkeys", "Applied Math") == 6
