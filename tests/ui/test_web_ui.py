"""The planner opened for a browser (`credplan serve` sets the identity): no path box
anywhere, the report goes to `App.deliver_text`, a student gets no plan picker, a
counselor gets one."""

from __future__ import annotations

from textual.widgets import Input

from credplan.core.access import COUNSELOR, STUDENT, WebAccess
from credplan.core.model import Plan
from credplan.core.paths import plans_dir
from credplan.core.session import OpenRequest, PlanSession
from credplan.core.students import plan_path_for
from credplan.ui.app import CredplanApp
from credplan.ui.commands import PlannerCommands
from credplan.ui.screens.plans import PlanPickerScreen
from credplan.ui.screens.web_export import WebExportScreen
from plantools import save_plan
from uihelp import TODAY


def web_app(access: WebAccess) -> CredplanApp:
    return CredplanApp(PlanSession.open(OpenRequest(web=access, catalog="ohio")), today=TODAY)


async def test_export_in_the_web_planner_is_a_download_with_no_path_box(ohio, tmp_path, monkeypatch):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    app = web_app(WebAccess(STUDENT, "Ana López"))
    delivered: list[tuple[str, dict]] = []

    def deliver_text(file, **kw):
        delivered.append((file.read(), kw))
        return "key-1"

    async with app.run_test(size=(120, 40)) as pilot:
        monkeypatch.setattr(app, "deliver_text", deliver_text)
        await pilot.press("space", "e")
        assert isinstance(app.screen, WebExportScreen)
        assert not app.screen.query(Input)
        await pilot.press("ctrl+t", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, WebExportScreen)
    app.session.close()
    (text, kw), = delivered
    assert kw["save_filename"].startswith("credplan-ana-lopez--") and kw["save_filename"].endswith(".txt")
    assert "/" not in kw["save_filename"] and kw["open_method"] == "download"
    assert "Ana López" in text
    assert list(cwd.iterdir()) == []  # nothing written where the planner runs


async def test_a_student_gets_no_plan_picker_and_no_palette_entry_for_it(ohio):
    save_plan(plan_path_for("bob", plans_dir()), Plan(student="Bob Secret"), ohio)
    app = web_app(WebAccess(STUDENT, "ana"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert not isinstance(app.screen, PlanPickerScreen)
        titles = [title for title, _, _ in PlannerCommands(app.screen, None)._commands()]
        assert not any(t.startswith("Plans") for t in titles)
        app.open_plan_file(plan_path_for("bob", plans_dir()), "bob")  # even called directly
        assert app.plan.student == "ana"
    app.session.close()


async def test_a_counselor_gets_the_picker_over_the_plans_folder(ohio):
    save_plan(plan_path_for("bob", plans_dir()), Plan(student="Bob Secret"), ohio)
    app = web_app(WebAccess(COUNSELOR, "ms-c"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, PlanPickerScreen)
        assert [i.student for i in app.screen.infos] == ["Bob Secret"]
        assert str(plans_dir()) not in str(app.screen.query_one("#where").content)
        await pilot.press("enter")
        await pilot.pause()
        assert app.plan.student == "Bob Secret"
    app.session.close()
