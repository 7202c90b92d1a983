"""`R`: the roster screen in the planner."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from counselor import class_folder
from credplan.core.catalog import load_catalog
from credplan.core.model import Plan
from credplan.core.paths import plans_dir
from credplan.core.students import plan_path_for
from credplan.ui.screens.main import MainScreen
from credplan.ui.screens.roster import RosterScreen
from plantools import save_plan
from uihelp import HOSTILE_CATALOG, make_app


def table_rows(screen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def wait_rows(pilot, screen) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_r_shows_every_student_and_enter_opens_one(ohio, colorado):
    paths = class_folder(plans_dir(), ohio, colorado)
    app = make_app(ohio, Plan(student="Cy Park"), path=paths["cy"])
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("R")
        screen = app.screen
        assert isinstance(screen, RosterScreen)
        await wait_rows(pilot, screen)
        counts = str(screen.query_one("#roster-counts", Static).content)
        assert counts.startswith("8 students: 2 met, 2 on track, 2 not on track, 2 unreadable. Sorted by need")
        rows = table_rows(screen)
        assert rows[0][:4] == ["Cy Park (open now)", "2026", "ohio", "not on track"]
        assert rows[1][0] == "Ben Ortiz" and rows[1][5] == "21/12, 9 earned" and rows[1][7] == "1: ServSafe Food Handler"
        eli = next(r for r in rows if r[0] == "Eli Moss")
        assert eli[2:5] == ["colorado-example", "met", "-"]

        await pilot.press("s")  # by name
        assert table_rows(screen)[0][0] == "Ana López"
        await pilot.press("slash")
        await pilot.press(*"fay")
        assert [r[0] for r in table_rows(screen)] == ["Fay Ng"]
        assert "Showing 1 of 8." in str(screen.query_one("#roster-counts", Static).content)
        await pilot.press("enter")  # leaves the filter box for the table
        await pilot.press("enter")  # Fay's plan is a Colorado one: not judged by Ohio here
        await pilot.pause()
        assert app.screen is screen and app.plan.student == "Cy Park"
        assert any("credplan --student \"Fay Ng\"" in str(n.message) for n in app._notifications)
        await pilot.press("escape", "slash", *"ben", "enter", "enter")  # an Ohio plan opens
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.plan.student == "Ben Ortiz" and app.session.path == paths["ben"]


async def test_escape_clears_the_filter_then_closes(ohio, colorado):
    class_folder(plans_dir(), ohio, colorado)
    app = make_app(ohio, Plan(student="X"), path=plan_path_for("X", plans_dir()))
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("R")
        screen = app.screen
        await wait_rows(pilot, screen)
        await pilot.press("slash", "z", "z", "z")
        assert table_rows(screen) == []
        assert "None of the 8 plans match." in str(screen.query_one("#roster-counts", Static).content)
        await pilot.press("escape")
        assert screen.query_one("#roster-filter", Input).value == "" and len(table_rows(screen)) == 8
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_not_in_a_demo(ohio, colorado):
    class_folder(plans_dir(), ohio, colorado)
    app = make_app(ohio, demo=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("R")
        assert isinstance(app.screen, MainScreen)
        assert not any("Roster" in title for title, _, _ in app_commands(app))


async def test_palette_entry_and_hostile_names_shown_as_text(ohio, tmp_path):
    (tmp_path / "hostile.toml").write_text(HOSTILE_CATALOG, encoding="utf-8")
    hostile = load_catalog(tmp_path / "hostile.toml")  # its path is saved in the plan
    save_plan(plan_path_for("[b]Bold[/b] \x1b[2J", plans_dir()),
              Plan(student="[b]Bold[/b] \x1b[2J").with_selection("pharm"), hostile)
    app = make_app(ohio, Plan(student="X"), path=plan_path_for("X", plans_dir()))
    async with app.run_test(size=(160, 40)) as pilot:
        assert any(title.startswith("Roster") for title, _, _ in app_commands(app))
        app.open_roster()
        await pilot.pause()
        screen = app.screen
        await wait_rows(pilot, screen)
        rows = table_rows(screen)
        hostile_row = next(r for r in rows if "Bold" in r[0])
        assert hostile_row[0] == "[b]Bold[/b] ␛[2J"  # literal, and the escape made visible
        assert hostile_row[4] == "Health [Health]"  # the plan's own (hostile) catalog, shown literally


def app_commands(app):
    from credplan.ui.commands import PlannerCommands

    return PlannerCommands(app.screen)._commands()
