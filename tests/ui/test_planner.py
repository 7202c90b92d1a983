"""Pilot tests: press the keys a student presses and check the screen and the plan file."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.widgets import Input

from credplan.core.model import BELOW, Plan
from credplan.core.plans import read_plan
from credplan.core.words import requirements as words
from credplan.ui.screens.help import HelpScreen
from credplan.ui.widgets.credential_list import CredentialList
from credplan.ui.widgets.field_list import FieldList
from credplan.ui.widgets.score_inputs import ScoreInput

from uihelp import make_app


def screen_text(app) -> str:
    """The whole screen as plain text, as a person (or a screen reader) would read it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def plan_text(app) -> str:
    """The plan pane's text, unwrapped: the plan in words, then each label of the
    score boxes, one per line."""
    from uihelp import plan_pane_text

    return plan_pane_text(app)


def only_in(catalog, field_id, points):
    """A credential listed only in `field_id` with `points` there."""
    for c in catalog.credentials:
        if not c.universal and c.fields == (field_id,) and c.points_in(field_id) == points:
            return c
    pytest.skip(f"no {points}-point credential only in {field_id}")


async def choose_field(pilot, field_id):
    fields = pilot.app.screen.query_one(FieldList)
    fields.highlighted = fields.get_option_index(field_id)
    await pilot.pause()


async def toggle_by_search(pilot, credential):
    """Find a credential with `/`, jump to it with enter, toggle it with space."""
    await pilot.press("slash")
    await pilot.press(*credential.id)
    await pilot.pause()
    await pilot.press("enter")
    credentials = pilot.app.screen.query_one(CredentialList)
    credentials.highlighted = credentials.get_option_index(credential.id)
    await pilot.press("space")
    await pilot.press("escape")
    await pilot.pause()


async def test_twelve_points_in_one_field_completes_the_bar(ohio, tmp_path):
    twelve = only_in(ohio, "it", 12)
    app = make_app(ohio, path=tmp_path / "plan.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await toggle_by_search(pilot, twelve)
        bundle = app.evaluation.bundle
        assert bundle.field == "it" and bundle.points == 12 and bundle.met
        text = screen_text(app)
        assert "12/12 points, all planned" in text  # met, and says it is only planned
        assert "[met]" in text


async def test_space_and_enter_toggle_the_highlighted_credential(ohio):
    app = make_app(ohio)
    async with app.run_test(size=(100, 30)) as pilot:
        credentials = app.screen.query_one(CredentialList)
        assert credentials.has_focus
        first = credentials.credential_id
        await pilot.press("space")
        assert app.plan.selection(first) is not None
        assert "[x]" in screen_text(app)
        await pilot.press("enter")
        assert app.plan.selection(first) is None


async def test_other_field_selection_is_flagged_and_does_not_count(ohio):
    it_cred = only_in(ohio, "it", 12)
    hosp = next(c for c in ohio.credentials if c.fields == ("hospitality",))
    plan = Plan(pinned_field="it").with_selection(it_cred.id)
    app = make_app(ohio, plan)
    async with app.run_test(size=(120, 40)) as pilot:
        before = app.evaluation.bundle.points
        await toggle_by_search(pilot, hosp)
        assert app.plan.selection(hosp.id) is not None
        assert app.evaluation.bundle.points == before
        flagged = app.evaluation.selection(hosp.id)
        assert not flagged.counts
        assert "[other field] " in plan_text(app)
        assert "listed in Hospitality and Tourism, not in Information Technology, so it does not count there" in plan_text(app)


async def test_p_pins_the_highlighted_field_and_moves_the_count(ohio):
    # 6 points in construction-only, 1 universal: bundle follows the most points
    cons = next(c for c in ohio.credentials if c.fields == ("construction",))
    plan = Plan().with_selection(cons.id).with_selection("ohio-driver-license")
    app = make_app(ohio, plan)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.evaluation.bundle.field == "construction"
        app.screen.query_one(FieldList).focus()
        await choose_field(pilot, "health")
        await pilot.press("p")
        await pilot.pause()
        assert app.plan.pinned_field == "health"
        assert app.evaluation.bundle.field == "health" and app.evaluation.bundle.pinned
        assert app.evaluation.bundle.points == 1  # only the driver license counts in Health
        assert "(pinned)" in screen_text(app)
        await pilot.press("p")
        assert app.plan.pinned_field is None
        assert app.evaluation.bundle.field == "construction"


async def test_j_k_move_and_highlighting_a_field_shows_its_credentials(ohio):
    app = make_app(ohio)
    async with app.run_test(size=(100, 30)) as pilot:
        fields = app.screen.query_one(FieldList)
        credentials = app.screen.query_one(CredentialList)
        await pilot.press("shift+tab")
        assert fields.has_focus
        start = fields.highlighted
        await pilot.press("j", "j")
        assert fields.highlighted == start + 2
        await pilot.press("k")
        assert fields.highlighted == start + 1
        shown_field = ohio.fields[start + 1].id
        assert credentials.field_id == shown_field
        assert credentials.option_count == len(ohio.by_field[shown_field])


async def test_tab_moves_between_panes(ohio):
    app = make_app(ohio)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.screen.query_one(CredentialList).has_focus
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id in ("summary", "class-of")
        await pilot.press("shift+tab", "shift+tab")
        assert app.screen.query_one(FieldList).has_focus


async def test_search_finds_across_every_field_enter_and_escape(ohio):
    app = make_app(ohio)
    async with app.run_test(size=(100, 30)) as pilot:
        credentials = app.screen.query_one(CredentialList)
        await pilot.press("slash")
        search = app.screen.query_one("#search", Input)
        assert search.has_focus
        await pilot.press(*"comptia")
        await pilot.pause()
        ids = [credentials.get_option_at_index(i).id for i in range(credentials.option_count)]
        assert ids and all("comptia" in (i or "") or "CompTIA" in ohio.credential_by_id[i].issuer for i in ids)
        assert credentials.field_id is None  # results from every field, not one
        await pilot.press("enter")
        assert credentials.has_focus and credentials.highlighted == 0
        await pilot.press("escape")
        await pilot.pause()
        assert search.value == ""
        assert credentials.field_id is not None  # the highlighted field's list is back


async def test_score_out_of_range_is_refused_where_it_is_typed(ohio):
    app = make_app(ohio, Plan(class_of=2021))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w")
        first = app.focused
        assert isinstance(first, ScoreInput) and first.part == "Applied Math"
        await pilot.press("9")
        await pilot.pause()
        assert first.value == ""
        assert app.plan.score("workkeys", "Applied Math") is None
        assert "Refused '9': Applied Math takes 3-7, or <3" in plan_text(app)
        await pilot.press("5")
        await pilot.pause()
        assert app.plan.score("workkeys", "Applied Math") == 5
        await pilot.press("tab", "less_than_sign", "3")
        await pilot.pause()
        assert app.plan.score("workkeys", "Graphic Literacy") is BELOW
        text = plan_text(app)
        assert "Graphic Literacy needs at least 3" in text
        assert "[not met] WorkKeys (classes 2020-2024)" in text


async def test_a_refusal_is_scrolled_into_view(ohio):
    """With the class not set the plan panel is taller than 30 rows: the refusal under
    the score input must still be on screen, where the key was typed."""
    app = make_app(ohio, Plan().with_selection("ohio-driver-license"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("w", "9")
        await pilot.pause()
        assert "Refused '9'" in screen_text(app)


async def test_a_refusal_goes_when_a_good_key_follows(ohio):
    """With no class set a score changes no requirement, so the evaluation stays the
    same: the refusal must still give way to the accepted score at once."""
    app = make_app(ohio)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("w", "tab", "9")  # w: the class box first (not set), tab: Applied Math
        await pilot.pause()
        assert "Refused '9'" in plan_text(app)
        await pilot.press("5")
        await pilot.pause()
        assert app.plan.score("workkeys", "Applied Math") == 5
        assert "Refused" not in plan_text(app)


async def test_graduating_class_decides_which_workkeys_rule_applies(ohio):
    app = make_app(ohio)
    async with app.run_test(size=(100, 40)) as pilot:
        assert "set your graduating class" in screen_text(app)
        await pilot.pause()  # the boxes are mounted just after the first frame
        app.screen.query_one("#class-of", Input).focus()
        await pilot.press(*"2019")
        await pilot.pause()
        assert app.plan.class_of == 2019
        assert [r.id for r in app.evaluation.requirements] == ["bundle", "workkeys-2018"]
        await pilot.press("backspace", "backspace", "3", "0")
        await pilot.pause()
        assert app.plan.class_of == 2030
        await pilot.press("backspace", "x")  # not a year: refused where it is typed
        await pilot.pause()
        assert app.screen.query_one("#class-of", Input).value == "203"
        assert "Refused '203x': type a year such as 2027" in plan_text(app)
        assert app.evaluation.requirement("workkeys-silver") is not None


async def test_help_and_palette_open(ohio):
    app = make_app(ohio)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "pin or unpin the bundle field" in screen_text(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"pin field health")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.plan.pinned_field == "health"


async def test_quit_and_reopen_restores_the_plan(ohio, tmp_path):
    path = tmp_path / "plan.toml"
    app = make_app(ohio, path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        first = app.screen.query_one(CredentialList).credential_id
        await pilot.press("space")
        await pilot.press("w", "tab", "6")  # w: the class box first (not set), tab: Applied Math
        await pilot.pause()
        app.screen.query_one(CredentialList).focus()
        await pilot.press("q")
    assert read_plan(path).selection(first) is not None
    again = make_app(ohio, path=path)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()  # the boxes are mounted just after the first frame
        assert again.plan.selection(first) is not None
        assert again.plan.score("workkeys", "Applied Math") == 6
        assert again.screen.query_one(ScoreInput).value == "6"
        assert "[x]" in screen_text(again)


async def test_every_change_is_on_disk_before_the_next_key(ohio, tmp_path):
    """Closing the terminal (no clean quit) loses nothing: each change is saved at once."""
    path = tmp_path / "plan.toml"
    app = make_app(ohio, path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        first = app.screen.query_one(CredentialList).credential_id
        await pilot.press("space")
        assert read_plan(path).selection(first) is not None
        await pilot.press("p")
        assert read_plan(path).pinned_field == app.plan.pinned_field is not None


async def test_catalog_text_is_shown_literally(hostile):
    app = make_app(hostile, Plan().with_selection("pharm"))
    async with app.run_test(size=(120, 30)) as pilot:
        text = screen_text(app)
        assert "Pharmacy Tech [Health] Pathway" in text
        assert "[bold red]X[/]" in text
        assert "Health [Health]" in text
        await pilot.press("slash", *"click")
        await pilot.pause()
        assert "[link=http://evil]click[/link] me" in screen_text(app)


async def test_competency_catalog_shows_english_and_math_not_a_bar(colorado):
    app = make_app(colorado)
    async with app.run_test(size=(120, 40)) as pilot:
        text = plan_text(app)
        assert "░" not in text and "points" not in text  # no points bar in a competency catalog
        assert "[not met] English competency" in text
        assert "[not met] Math competency" in text
        await pilot.press("space")
        await pilot.pause()
        text = plan_text(app)
        assert "[met] English competency" in text and "[met] Math competency" in text
        # score inputs come from the catalog's assessments, not hard-coded WorkKeys
        parts = {(i.assessment.id, i.part) for i in app.screen.query(ScoreInput)}
        assert ("sat", "Math") in parts and ("act", "English") in parts


@pytest.mark.parametrize("size", [(80, 24), (60, 30), (20, 6), (250, 80)])
async def test_sizes_do_not_crash_and_keep_the_status(ohio, size):
    app = make_app(ohio, Plan().with_selection("ohio-driver-license"))
    async with app.run_test(size=size) as pilot:
        await pilot.press("down", "space", "tab", "slash", "a", "escape")
        await pilot.pause()
        assert app.screen.has_class("-narrow") == (size[0] < 80)
        if size[1] >= 24:
            assert "Status:" in screen_text(app)


async def test_80x24_shows_bar_and_status_unclipped(ohio):
    plan = Plan().with_selection("ohio-driver-license")
    app = make_app(ohio, plan)
    async with app.run_test(size=(80, 24)):
        text = screen_text(app)
        assert "1/12 points" in text
        status_line = next(line for line in text.splitlines() if "Status:" in line)
        assert status_line.rstrip().endswith(words.status_line(app.evaluation).split()[-1])


async def test_no_color_still_says_everything_in_words(ohio, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    it_cred = only_in(ohio, "it", 12)
    hosp = next(c for c in ohio.credentials if c.fields == ("hospitality",))
    plan = Plan(pinned_field="it").with_selection(it_cred.id).with_selection(hosp.id)
    app = make_app(ohio, plan)
    async with app.run_test(size=(120, 40)):
        text = screen_text(app) + plan_text(app)
        for needle in ("[x]", "[other field]", "[met]", "(pinned)", "12/12 points, all planned", "?"):
            assert needle in text


async def test_stale_catalog_is_warned_in_the_header(ohio):
    import datetime as dt

    from credplan.core.session import PlanSession
    from credplan.ui.app import CredplanApp

    later = dt.date(2028, 1, 1)
    app = CredplanApp(PlanSession.start(ohio, today=later), today=later)
    async with app.run_test(size=(120, 30)):
        assert "over a year ago" in screen_text(app)


async def test_keys_typed_in_a_burst_after_slash_land_in_the_search(ohio):
    """Over SSH keys arrive in bursts: `/cp` must search for "cp", not compare and pin."""
    from textual import events

    app = make_app(ohio)
    async with app.run_test(size=(100, 30)) as pilot:
        for ch in "/comptia":
            key = "slash" if ch == "/" else ch
            app.post_message(events.Key(key, ch))
        await pilot.pause()
        assert app.screen.query_one("#search", Input).value == "comptia"
        assert app.plan.pinned_field is None and type(app.screen).__name__ == "MainScreen"


async def test_a_burst_after_slash_survives_a_slow_list(ohio, monkeypatch):
    """Under load (seen in tmux during a CI-like run) the list passed the burst's keys up
    after the screen had been redrawn with the search box focused, and they were lost:
    `/comptia-a-plus` searched for `plus`. A list that takes 30 ms a key does the same."""
    import asyncio

    from textual import events

    async def slow(self, event) -> None:
        await asyncio.sleep(0.03)

    monkeypatch.setattr(CredentialList, "_on_key", slow, raising=False)
    app = make_app(ohio)
    async with app.run_test(size=(100, 30)) as pilot:
        for ch in "/comptia-a-plus":
            key = {"/": "slash", "-": "minus"}.get(ch, ch)
            app.post_message(events.Key(key, ch))
        await pilot.pause(1.0)
        assert app.screen.query_one("#search", Input).value == "comptia-a-plus"
        await pilot.press("x")  # typed later: the box's own key, once
        assert app.screen.query_one("#search", Input).value == "comptia-a-plusx"


async def test_keys_after_enter_in_a_burst_reach_the_results(ohio):
    """`/comptia`, enter, down, space in one burst (found driving it over a laggy
    link): down and space belong to the results list, not to the search box."""
    from textual import events

    app = make_app(ohio)
    async with app.run_test(size=(100, 30)) as pilot:
        keys = [("slash", "/"), *((ch, ch) for ch in "comptia"), ("enter", "\r"), ("down", None), ("space", " ")]
        for key, ch in keys:
            app.post_message(events.Key(key, ch))
        await pilot.pause()
        assert app.screen.query_one("#search", Input).value == "comptia"
        credentials = app.screen.query_one(CredentialList)
        assert credentials.has_focus and credentials.highlighted == 1
        second = credentials.credential_id
        assert app.plan.selection(second) is not None and len(app.plan.selections) == 1
        # typed at an ordinary pace, then enter, down, space in one burst
        await pilot.press("escape", "slash", *"comptia")
        assert app.screen.query_one("#search", Input).has_focus
        for key, ch in [("enter", "\r"), ("down", None), ("down", None), ("space", " ")]:
            app.post_message(events.Key(key, ch))
        await pilot.pause()
        assert app.screen.query_one("#search", Input).value == "comptia"
        assert credentials.has_focus and credentials.highlighted == 2
        assert len(app.plan.selections) == 2


async def test_scores_typed_in_a_burst_after_w_land_in_their_boxes(ohio):
    """down, space, `w5`, tab, `4`, tab, `6` at once (found driving it in tmux): the
    toggle is the list's, 5 is Applied Math's, 4 Graphic Literacy's, 6 Workplace
    Documents' (the digits used to fall on the list)."""
    from textual import events

    app = make_app(ohio, Plan(class_of=2025))
    async with app.run_test(size=(100, 30)) as pilot:
        second = app.screen.query_one(CredentialList)._credentials[1]
        burst = [("down", None), ("space", " "), ("w", "w"), ("5", "5"), ("tab", "\t"), ("4", "4"), ("tab", "\t"), ("6", "6")]
        for key, ch in burst:
            app.post_message(events.Key(key, ch))
        await pilot.pause()
        assert [s.id for s in app.plan.selections] == [second.id]
        assert app.plan.score("workkeys", "Applied Math") == 5
        assert app.plan.score("workkeys", "Graphic Literacy") == 4
        assert app.plan.score("workkeys", "Workplace Documents") == 6
        assert "Refused" not in plan_text(app)
        await pilot.press("7")  # an ordinary key later: the box that has the focus
        assert app.screen.query_one("#score-0-2").value == "6"
        assert "Refused '67'" in plan_text(app)


async def test_a_name_cut_short_in_the_list_is_shown_whole_below(ohio):
    """At 80 columns a row keeps about a dozen characters of a name; the line under the
    panes shows the highlighted credential whole, with where it counts, as the cursor moves."""
    long_one = max((c for c in ohio.by_field["it"] if not c.universal), key=lambda c: len(c.name))
    app = make_app(ohio)
    async with app.run_test(size=(80, 24)) as pilot:
        await choose_field(pilot, "it")
        credentials = app.screen.query_one(CredentialList)
        credentials.highlighted = credentials.get_option_index(long_one.id)
        await pilot.pause()
        text = screen_text(app)
        row = next(line for line in text.splitlines() if "…" in line and "[ ]" in line)
        assert long_one.name not in row  # cut in the list...
        assert long_one.name in text.replace("\n ", " ")  # ...and whole below it
        assert f"Information Technology {long_one.points_in('it')}" in text
        assert "not in your plan" in text
        await pilot.press("space")
        await pilot.pause()
        assert "in your plan (planned)" in screen_text(app)
        await pilot.press("down")
        await pilot.pause()
        assert long_one.name not in screen_text(app).replace("\n ", " ")


async def test_the_bar_fills_with_points_in_the_bundle_field(ohio):
    from credplan.ui.widgets.plan_panel import BAR_CELLS

    license_ = ohio.credential_by_id["ohio-driver-license"]
    twelve = only_in(ohio, "it", 12)
    app = make_app(ohio, Plan(pinned_field="it").with_selection(license_.id))
    async with app.run_test(size=(100, 30)) as pilot:
        bar = next(line for line in plan_text(app).splitlines() if "░" in line)
        assert bar.count("█") == round(BAR_CELLS / 12) and bar.count("░") == BAR_CELLS - round(BAR_CELLS / 12)
        await toggle_by_search(pilot, twelve)
        bar = next(line for line in plan_text(app).splitlines() if "█" in line)
        assert bar == "█" * BAR_CELLS  # 13 points: full, never past the end
        assert "13/12 points, all planned" in plan_text(app)


async def test_the_plan_border_lights_while_an_input_in_it_has_focus(ohio):
    from textual.color import Color

    app = make_app(ohio)
    async with app.run_test(size=(100, 30)) as pilot:
        panel = app.screen.query_one("#plan")
        before = panel.styles.border_top
        accent = Color.parse(app.theme_variables["accent"])
        assert before[1] != accent
        await pilot.press("w")
        await pilot.pause()
        # heavy as well as coloured: the focused pane shows without colour too
        assert panel.styles.border_top == ("heavy", accent)
        await pilot.press("tab")  # the next score: still inside
        await pilot.pause()
        assert panel.styles.border_top == ("heavy", accent)
        await pilot.press("escape")
        await pilot.pause()
        assert panel.styles.border_top == before
