"""Plans in the planner: earned vs planned, export, the plan picker, a second session,
demo mode, a plan changed on disk."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from credplan.core.model import EARNED, PLANNED, Plan
from credplan.core.store import PlanStore
from credplan.core.plans import read_plan
from credplan.core.paths import plans_dir
from plantools import save_plan
from credplan.core.students import list_plans, plan_path_for
from credplan.core.session import OpenRequest, PlanSession
from credplan.ui.app import CredplanApp
from credplan.ui.screens.export import ExportScreen
from credplan.ui.screens.plans import PlanPickerScreen
from credplan.ui.widgets.credential_list import CredentialList
from uihelp import TODAY


def store_app(catalog, path: Path | None, student: str = "") -> tuple[CredplanApp, PlanStore]:
    session = PlanSession.start(catalog, Plan(student=student) if student else None, path=path, today=TODAY)
    assert session.store is not None
    return CredplanApp(session, today=TODAY), session.store


def status_text(app) -> str:
    return app.screen.query_one("#status").content.plain


async def test_m_marks_the_highlighted_selection_earned_and_back(ohio, tmp_path):
    app, store = store_app(ohio, tmp_path / "p.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        cred = app.screen.query_one(CredentialList).credential_id
        await pilot.press("m")  # not selected yet: nothing to mark
        assert app.plan.selection(cred) is None
        await pilot.press("space", "m")
        assert app.plan.selection(cred).status == EARNED
        assert read_plan(tmp_path / "p.toml").selection(cred).status == EARNED
        assert "earned" in app.screen.query_one(CredentialList).get_option_at_index(0).prompt.plain
        assert "points, all earned" in str(app.screen.query_one("#summary").content)
        assert app.evaluation.bundle.earned_points == app.evaluation.bundle.points > 0
        await pilot.press("m")
        assert app.plan.selection(cred).status == PLANNED
    store.close()


async def test_e_exports_a_report_to_the_path_typed(ohio, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plan = Plan(student="Ana Lopez").with_selection("ohio-driver-license", EARNED)
    app, _store = store_app(ohio, None)
    app.set_reactive(CredplanApp.plan, plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        path_input = app.screen.query_one("#path", Input)
        assert path_input.value.endswith(".md") and "ana-lopez" in path_input.value
        await pilot.press("ctrl+t")  # md -> txt
        assert path_input.value.endswith(".txt")
        await pilot.press("enter")
        await pilot.pause()
    written = Path(path_input.value)
    text = written.read_text()
    assert "Ana Lopez" in text and "Ohio driver license" in text and "earned" in text
    assert written.stat().st_mode & 0o777 == 0o600


async def test_plan_picker_creates_opens_renames_and_deletes(ohio, tmp_path):
    other = plan_path_for("Ben", plans_dir())
    save_plan(other, Plan(student="Ben").with_selection("ohio-driver-license"), ohio)
    app, store = store_app(ohio, plan_path_for("Ana", plans_dir()), student="Ana")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space")  # Ana's first change creates her file
        await pilot.press("o")
        assert isinstance(app.screen, PlanPickerScreen)
        labels = [app.screen.query_one(OptionList).get_option_at_index(i).prompt.plain for i in range(2)]
        assert any(label.startswith("Ana") and "(open now)" in label for label in labels)
        # new plan: Cleo
        await pilot.press("n", *"Cleo", "enter")
        await pilot.pause()
        assert app.plan.student == "Cleo" and not app.plan.selections
        await pilot.press("space")
        assert read_plan(plan_path_for("Cleo", plans_dir())).selections
        # open Ben's
        await pilot.press("o")
        picker = app.screen.query_one(OptionList)
        ben = next(i for i in range(picker.option_count) if picker.get_option_at_index(i).prompt.plain.startswith("Ben"))
        picker.highlighted = ben
        await pilot.press("enter")
        await pilot.pause()
        assert app.plan.student == "Ben" and app.plan.selection("ohio-driver-license")
        # rename Ana to Anna, then delete Cleo (asks first)
        await pilot.press("o")
        picker = app.screen.query_one(OptionList)
        picker.highlighted = next(i for i in range(picker.option_count) if picker.get_option_at_index(i).prompt.plain.startswith("Ana"))
        await pilot.press("r", *(["backspace"] * 3), *"Anna", "enter")
        await pilot.pause()
        names = {p.student for p in list_plans(plans_dir())}
        assert names == {"Anna", "Ben", "Cleo"}
        picker = app.screen.query_one(OptionList)
        picker.highlighted = next(i for i in range(picker.option_count) if picker.get_option_at_index(i).prompt.plain.startswith("Cleo"))
        await pilot.press("d", "n")  # no: nothing happens
        assert {p.student for p in list_plans(plans_dir())} == {"Anna", "Ben", "Cleo"}
        await pilot.press("d", "y")
        await pilot.pause()
        assert {p.student for p in list_plans(plans_dir())} == {"Anna", "Ben"}
        assert list((plans_dir() / "trash").iterdir())  # moved, not destroyed
    store.close()
    app.store.close()


async def test_second_session_opens_read_only_and_refuses_changes(ohio, tmp_path):
    path = tmp_path / "p.toml"
    first = PlanStore(path)
    first.open()
    first.save(Plan(student="Ana").with_selection("ohio-driver-license"), ohio)
    app, second = store_app(ohio, path)
    assert second.read_only
    async with app.run_test(size=(120, 40)) as pilot:
        assert "open in another session" in str(app.screen.query_one("#banner").content)
        before = path.read_bytes()
        await pilot.press("down", "space", "p")
        assert app.plan.selections == read_plan(path).selections
        assert path.read_bytes() == before
        assert app.screen.query_one("#class-of", Input).disabled
    first.close()
    second.close()


async def test_plan_changed_on_disk_is_never_silently_overwritten(ohio, tmp_path):
    path = tmp_path / "p.toml"
    app, store = store_app(ohio, path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space")
        # someone edits the file behind our back (an editor ignores our lock)
        path.write_text('student = "Edited elsewhere"\n')
        await pilot.press("down", "space")
        assert read_plan(path).student == "Edited elsewhere"
        assert "changed" in str(app.screen.query_one("#banner").content)
        app.keep_my_version()
        assert read_plan(path).selections == app.plan.selections
        assert any(p.name.startswith("p.toml.conflict-") for p in tmp_path.iterdir())
    store.close()


async def test_demo_mode_writes_nothing_and_says_so(ohio, tmp_path):
    session = PlanSession.open(OpenRequest(catalog="ohio", demo=True))
    app = CredplanApp(session, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space", "p")
        assert app.plan.selections
        assert "DEMO: nothing is saved" in app.title  # other screens' headers
        top = app.screen.query_one("TitleBar").render().plain
        assert top.lstrip().startswith("DEMO") and "nothing is saved" in top
    assert not plans_dir().exists() or not any(plans_dir().iterdir())


async def test_student_option_opens_that_students_plan(ohio, tmp_path):
    save_plan(plan_path_for("Ana López", plans_dir()), Plan(student="Ana López").with_selection("ohio-driver-license"), ohio)
    session = PlanSession.open(OpenRequest(student="Ana López"))
    assert session.plan.selection("ohio-driver-license")
    assert session.catalog.id == "ohio"
    session.close()
