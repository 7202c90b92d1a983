"""The screen at the sizes lab machines have, and the keys that used to surprise.

Each test here failed on the screen before the 80x24 redesign."""

from __future__ import annotations

from textual.widgets import Input

from credplan.core.model import Plan
from credplan.ui.widgets.credential_list import CURSOR_BLURRED, CURSOR_FOCUSED, CredentialList
from credplan.ui.widgets.field_list import FieldList
from credplan.ui.widgets.score_inputs import ScoreInput

from uihelp import make_app


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def on_screen(app, widget) -> bool:
    """Drawn where a person can see it: displayed, and inside the terminal."""
    region = widget.region
    return bool(widget.display and region.area and app.screen.region.contains_region(region))


def it_bundle(ohio) -> Plan:
    return Plan(student="Ana López").with_selection("comptia-a-plus")


# -- the flag, the names, whose plan ----------------------------------------------------------
async def test_at_80x24_the_pick_from_another_field_is_said_under_the_list(ohio):
    app = make_app(ohio, it_bundle(ohio))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"taser", "enter", "space")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        under = " ".join(" ".join(lines[17:]).split())  # below the panes
        assert "[other field] It is listed in Law and Public Safety, not in Information Technology, so it does not count there." in under


async def test_at_80x24_the_list_shows_30_characters_of_each_name(ohio):
    app = make_app(ohio, it_bundle(ohio))
    async with app.run_test(size=(80, 24)) as pilot:
        fields = app.screen.query_one(FieldList)
        fields.highlighted = fields.get_option_index("it")
        await pilot.pause()
        text = screen_text(app)
        shown = [c for c in ohio.by_field["it"] if c.name[:30] in text]
        assert len(shown) >= 12  # every row on screen, not one cut to a dozen characters


async def test_the_student_and_demo_are_on_the_top_line_at_80x24(ohio):
    app = make_app(ohio, Plan(student="Ana López"), demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        top = screen_text(app).splitlines()[0]
        assert top.lstrip().startswith("DEMO") and "Ana López" in top
        assert "DEMO" in app.title and "Ana López" in app.title


# -- keys -----------------------------------------------------------------------------------------
async def test_p_on_a_search_result_pins_the_results_field(ohio):
    """The field list's cursor (Agriculture, out of sight behind the search) is not
    what the student is looking at: the highlighted result is."""
    app = make_app(ohio)
    async with app.run_test(size=(80, 24)) as pilot:
        fields = app.screen.query_one(FieldList)
        assert fields.field_id == "agriculture"
        await pilot.press("slash", *"taser", "enter")
        await pilot.pause()
        assert app.screen.query_one(CredentialList).credential_id == "taser-certification"
        await pilot.press("p")
        await pilot.pause()
        assert app.plan.pinned_field == "law"


async def test_w_goes_to_the_class_box_while_the_class_is_not_set(ohio):
    """`w2027` must set the class, not store Applied Math 7."""
    app = make_app(ohio)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", *"2027")
        await pilot.pause()
        assert app.plan.class_of == 2027
        assert app.plan.score("workkeys", "Applied Math") is None
        await pilot.press("escape", "w")
        await pilot.pause()
        assert isinstance(app.focused, ScoreInput) and app.focused.part == "Applied Math"


async def test_left_and_right_in_the_list_step_through_the_fields(ohio):
    app = make_app(ohio)
    async with app.run_test(size=(80, 24)) as pilot:
        credentials = app.screen.query_one(CredentialList)
        first = credentials.field_id
        await pilot.press("right")
        await pilot.pause()
        assert credentials.field_id == ohio.fields[1].id != first
        await pilot.press("left", "left")
        await pilot.pause()
        assert credentials.field_id == ohio.fields[-1].id


async def test_the_field_line_opens_into_a_list_and_shows_the_field_chosen(ohio):
    app = make_app(ohio)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("shift+tab")
        await pilot.pause()
        fields = app.screen.query_one(FieldList)
        assert fields.has_focus and fields.region.height > 10  # opened
        assert "Agriculture and Environmental Systems" in screen_text(app)  # whole names
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one(CredentialList).has_focus and fields.region.height == 1
        field_line = screen_text(app).splitlines()[1]
        assert "Business, Marketing and Finance" in field_line


# -- narrower terminals ------------------------------------------------------------------------------
async def test_at_60x20_the_plan_is_one_tab_away_and_on_screen(ohio):
    app = make_app(ohio, it_bundle(ohio))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert on_screen(app, app.screen.query_one(CredentialList))
        await pilot.press("tab")
        await pilot.pause()
        assert on_screen(app, app.focused)
        assert "12/12 points" in screen_text(app)
        assert "▸Plan" in screen_text(app)


async def test_at_40x12_tab_never_moves_into_a_pane_out_of_sight(ohio):
    app = make_app(ohio, it_bundle(ohio))
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        seen = []
        for _ in range(8):
            await pilot.press("tab")
            await pilot.pause()
            assert app.focused is not None and on_screen(app, app.focused), app.focused
            seen.append(app.focused.id)
        assert "credentials" in seen and ("summary" in seen or "class-of" in seen)
        # the credentials pane: the list and the flag under it fit in 40 columns
        line = next(line for line in screen_text(app).splitlines() if "Credentials" in line)
        assert "tab" in line  # the way to the other pane is on screen


async def test_at_40x24_nothing_runs_past_the_edge(ohio):
    app = make_app(ohio)
    async with app.run_test(size=(40, 24)) as pilot:
        await pilot.pause()
        for widget in app.screen.query("*"):
            if widget.display and widget.region.area and widget.is_on_screen:
                assert widget.region.right <= 40, widget


async def test_at_20x6_the_screen_says_it_is_too_small(ohio):
    app = make_app(ohio)
    async with app.run_test(size=(20, 6)) as pilot:
        await pilot.pause()
        flat = " ".join(screen_text(app).split())
        assert "Too small: 20x6" in flat and "press q to quit" in flat
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert "Too small" not in screen_text(app)


# -- monochrome ----------------------------------------------------------------------------------------
async def test_without_colour_the_focused_pane_and_the_cursor_still_show(ohio, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(ohio)
    async with app.run_test(size=(80, 24)) as pilot:
        credentials = app.screen.query_one(CredentialList)
        assert credentials.styles.border_top[0] == "heavy"
        assert screen_text(app).count(CURSOR_FOCUSED) == 1
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        assert credentials.styles.border_top[0] == "round"
        assert app.screen.query_one("#plan").styles.border_top[0] == "heavy"
        text = screen_text(app)
        assert CURSOR_FOCUSED not in text and text.count(CURSOR_BLURRED) == 1


# -- help follows the catalog's kind ---------------------------------------------------------------------
def help_text(app) -> str:
    from credplan.ui.screens.help import HelpText

    return " ".join(app.screen.query_one(HelpText).render().plain.split())


async def test_help_for_a_competency_catalog_speaks_of_competencies(colorado):
    app = make_app(colorado)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = help_text(app)
        assert "E+M?" in text and "English competency" in text and "Math competency" in text
        assert "12?" not in text and "bundle field" not in text and "[other field]" not in text
        assert "pin or unpin" not in text


async def test_help_for_a_points_catalog_and_a_demo(ohio):
    app = make_app(ohio, demo=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = help_text(app)
        assert "12?" in text and "[bundle field]" in text and "[other field]" in text
        assert "3 pts" in text  # the numbers before the field names, explained
        assert "reset the demo" in text


# -- teachers -----------------------------------------------------------------------------------------------
async def test_r_resets_a_demo_to_the_plan_it_started_with(ohio):
    start = Plan(student="Example student").with_selection("comptia-a-plus")
    app = make_app(ohio, start, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "r Reset demo" in app.screen.query_one("KeyBar").render().plain
        await pilot.press("down", "space", "w", *"2027")
        await pilot.pause()
        assert app.plan != start and app.plan.class_of == 2027
        await pilot.press("escape", "r")
        await pilot.pause()
        assert app.plan == start
        assert app.screen.query_one("#class-of", Input).value == ""
        assert screen_text(app).splitlines()[0].lstrip().startswith("DEMO")


async def test_r_does_nothing_to_a_students_plan(ohio):
    app = make_app(ohio, Plan(student="Ana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "r")
        await pilot.pause()
        assert len(app.plan.selections) == 1
        assert "Reset" not in app.screen.query_one("KeyBar").render().plain


def test_the_readmes_key_table_has_the_planners_keys():
    """README and help (`?`) list the same keys; help's words come from core.words."""
    import re
    from pathlib import Path

    from credplan.core.words.screen import help_keys

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| key | does |"):].split("\n\n")[0]
    readme_keys = {re.sub(r"`", "", row.split("|")[1]).strip() for row in table.splitlines()[2:]}
    helped = {key for key, _ in help_keys(bundle=True, demo=True)} - {"enter (in search)"}  # under `/` in the README
    assert readme_keys == helped


async def test_without_colour_the_opened_field_lists_cursor_is_underlined(ohio, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(ohio)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("shift+tab")
        await pilot.pause()
        fields = app.screen.query_one(FieldList)
        style = fields.get_visual_style("option-list--option-highlighted")
        assert style.underline and style.bold
        plain = fields.get_visual_style("option-list--option")
        assert not plain.underline


async def test_w_brings_the_first_score_box_and_the_rule_into_sight_at_80x24(ohio):
    """The first `w` mounts the boxes and the rule line above them; the box it focuses
    must be on screen at once, not below the fold until the first key is typed."""
    plan = (
        it_bundle(ohio).with_selection("ohio-driver-license", "earned").with_selection("mos-excel-expert")
        .with_class(2027).with_score("workkeys", "Applied Math", 5)
    )
    app = make_app(ohio, plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.focused, ScoreInput) and app.focused.part == "Applied Math"
        pane = [line.split("┃")[1][:-1] for line in screen_text(app).splitlines() if line.count("┃") >= 2]  # no scrollbar
        assert any(line.strip().startswith("Applied Math") for line in pane), "\n".join(pane)
        said = " ".join(" ".join(pane).split())
        assert "For the class of 2027: WorkKeys Silver NCRC (class 2025 on), at least 4 on every part." in said, said


async def test_the_rule_line_follows_the_graduating_class(ohio):
    app = make_app(ohio, it_bundle(ohio))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        rule = app.screen.query_one("#score-rule-0")
        assert "depend on the graduating class" in str(rule.content)
        await pilot.press(*"2019", "tab")
        await pilot.pause()
        assert app.plan.class_of == 2019
        assert str(rule.content) == (
            "For the class of 2019: WorkKeys (classes 2018-2019), a total of at least 13 and at least 3 on every part."
        )
