"""Pilot tests for the suggestions, nearest-fields and what-if screens, on the real
bundled catalogs; plus one snapshot of the suggestions screen.

Update the snapshot after reading snapshot_report.html: `--snapshot-update`."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from credplan.core.competency_options import competency_suggestions
from credplan.core.completions import completions
from credplan.core.model import EARNED, PLANNED, Plan
from credplan.core.nearest import nearest_fields
from credplan.core.plans import read_plan
from credplan.core.words.suggestions import competency_sentence, completion_text, distance_sentence, score_text
from credplan.ui.screens.compare import CompareScreen
from credplan.ui.screens.main import MainScreen
from credplan.ui.screens.nearest import NearestFieldsScreen
from credplan.ui.screens.suggestions import SuggestionsScreen
from uihelp import make_app

SIZE = (100, 30)


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def prompts(app, selector: str = "OptionList") -> list[str]:
    listing = app.screen.query_one(selector, OptionList)
    return [listing.get_option_at_index(i).prompt.plain for i in range(listing.option_count)]


def static_text(app, selector: str) -> str:
    return app.screen.query_one(selector, Static).content.plain


def only_in(catalog, field_id, points):
    return next(c for c in catalog.credentials if not c.universal and c.fields == (field_id,) and c.points_in(field_id) == points)


def health_plan() -> Plan:
    """Health pinned, 1 of 12 points (the driver license): 11 short."""
    return Plan(student="Ana", class_of=2024, pinned_field="health").with_selection("ohio-driver-license", EARNED)


# -- suggestions --------------------------------------------------------------------------------------
async def test_s_lists_completions_for_the_bundle_field(ohio):
    plan = health_plan()
    app = make_app(ohio, plan)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SuggestionsScreen)
        expected = completions(ohio, plan, None, "count", 10)
        assert screen.result.field == "health" and screen.result.how == "pinned"
        shown = prompts(app)
        assert len(shown) == len(expected.completions) > 0
        for n, (line, c) in enumerate(zip(shown, expected.completions), 1):
            assert line == f"{n:>2}. {completion_text(c)}"
        text = screen_text(app)
        assert "Health (your bundle field, pinned): 1 of 12 points, 11 more needed" in text
        assert "Ranked by fewest credentials" in text
        assert "? = value not confirmed against the official list" in text
        assert screen.query_one(OptionList).has_focus and screen.query_one(OptionList).highlighted == 0
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.plan == plan


async def test_measure_key_changes_order_and_label(ohio):
    plan = health_plan()
    app = make_app(ohio, plan)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        for by, words in [("cost", "Ranked by lowest cost"), ("hours", "Ranked by fewest preparation hours"),
                          ("overshoot", "Ranked by fewest points more than needed"), ("count", "Ranked by fewest credentials")]:
            await pilot.press("m")
            await pilot.pause()
            assert app.screen.by == by
            assert words in screen_text(app)
            expected = completions(ohio, plan, "health", by, 10).completions
            assert [p.split(". ", 1)[1] for p in prompts(app)] == [completion_text(c) for c in expected]
        # the hours ranking puts a completion with listed hours first, unlike the count one
        assert completions(ohio, plan, "health", "hours", 10).completions[0] != completions(ohio, plan, "health", "count", 10).completions[0]


async def test_enter_adds_the_highlighted_completion_and_completes_the_bundle(ohio, tmp_path):
    path = tmp_path / "plan.toml"
    from plantools import save_plan

    save_plan(path, health_plan(), ohio)
    app = make_app(ohio, path=path)
    async with app.run_test(size=SIZE) as pilot:
        assert not app.evaluation.bundle.met
        await pilot.press("s")
        await pilot.pause()
        chosen = app.screen.result.completions[1]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        for credential_id in chosen.credentials:
            assert app.plan.selection(credential_id).status == PLANNED
        assert app.plan.selection("ohio-driver-license").status == EARNED
        bundle = app.evaluation.bundle
        assert bundle.field == "health" and bundle.met and bundle.points == 1 + chosen.added
    saved = read_plan(path)
    assert {s.id for s in saved.selections} == {"ohio-driver-license", *chosen.credentials}


async def test_field_keys_cycle_from_the_bundle_field(ohio):
    app = make_app(ohio, health_plan())
    fields = [f.id for f in ohio.fields]
    h = fields.index("health")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        await pilot.press("f")
        await pilot.pause()
        assert screen.field_id == fields[h + 1]
        name = ohio.field_name(fields[h + 1])
        assert f"{name} (not your bundle field): 1 of 12 points" in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        assert screen.field_id == fields[h + 2]
        await pilot.press("left", "left", "left")
        await pilot.pause()
        assert screen.field_id == fields[h - 1]
        expected = completions(ohio, app.plan, fields[h - 1], "count", 10).completions
        assert [p.split(". ", 1)[1] for p in prompts(app)] == [completion_text(c) for c in expected]


async def test_already_complete_says_so(ohio):
    plan = Plan(pinned_field="it").with_selection(only_in(ohio, "it", 12).id)
    app = make_app(ohio, plan)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert static_text(app, "#suggest-heading").endswith("12 of 12 points: already complete. Nothing to add here.")
        assert prompts(app) == []
        await pilot.press("enter")
        await pilot.pause()
        assert app.plan == plan


async def test_colorado_shows_competency_options_and_enter_adds_a_credential(colorado):
    plan = Plan(class_of=2027)
    app = make_app(colorado, plan)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SuggestionsScreen) and screen.result is None
        expected = competency_suggestions(colorado, plan)
        shown = prompts(app)
        for s in expected:
            assert competency_sentence(s) in shown
            first = s.credentials[0]
            assert any(line.startswith(f"  + {first.name}") for line in shown)
            for t in s.scores:
                assert any(line.strip().startswith(score_text(t)) for line in shown)
        assert f"{len(expected)} competencies not met yet" in screen_text(app)
        # measure and field keys do not apply here
        await pilot.press("m", "f")
        await pilot.pause()
        assert screen.by == "count"
        listing = screen.query_one(OptionList)
        option = listing.highlighted_option
        assert option is not None and not option.disabled
        added = expected[0].credentials[0]
        assert option.prompt.plain.startswith(f"  + {added.name}")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.plan.selection(added.id).status == PLANNED


async def test_colorado_all_met(colorado):
    both = next(c for c in colorado.credentials if {"english", "math"} <= c.meets)
    app = make_app(colorado, Plan(class_of=2027).with_selection(both.id))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert "Every competency that applies is met: nothing to add." in screen_text(app)
        assert prompts(app) == []


async def test_markup_in_names_is_shown_literally(hostile):
    app = make_app(hostile, Plan())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert "Health [Health] (your bundle field)" in screen_text(app)
        assert "Cannot reach 12 points in Health [Health]" in static_text(app, "#suggest-heading")
        await pilot.press("f")
        await pilot.pause()
        assert "+ [link=http://evil]click[/link] me (12) reaches 12" in screen_text(app)
        await pilot.press("escape", "n")
        await pilot.pause()
        assert "[/foo] IT" in screen_text(app)


# -- nearest fields ----------------------------------------------------------------------------------
async def test_n_ranks_fields_enter_suggests_p_pins(ohio):
    plan = health_plan()
    app = make_app(ohio, plan)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NearestFieldsScreen)
        distances = nearest_fields(ohio, plan)
        shown = prompts(app)
        assert len(shown) == len(ohio.fields)
        for n, (line, d) in enumerate(zip(shown, distances), 1):
            assert line.startswith(f"{n:>2}. {distance_sentence(d)}")
            assert ("(your bundle field, pinned)" in line) == (d.field == "health")
        assert any(" points from " in line for line in shown)

        await pilot.press("down")
        second = distances[1].field
        await pilot.press("p")
        await pilot.pause()
        assert app.plan.pinned_field == second
        assert "(your bundle field, pinned)" in prompts(app)[1]

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SuggestionsScreen)
        assert app.screen.field_id == second
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)  # nearest fields was closed, not stacked


# -- what-if -----------------------------------------------------------------------------------------
async def test_compare_changes_only_the_what_if(ohio, tmp_path):
    from plantools import save_plan

    path = tmp_path / "plan.toml"
    plan = Plan(student="Ana", class_of=2024, pinned_field="it").with_selection(only_in(ohio, "it", 12).id)
    save_plan(path, plan, ohio)
    before = path.read_bytes(), path.stat().st_mtime_ns
    app = make_app(ohio, path=path)
    async with app.run_test(size=SIZE) as pilot:
        start_plan = app.plan
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        left = static_text(app, "#left-body")
        right = static_text(app, "#right-body")
        assert left == right and "Bundle field: Information Technology (pinned)" in left
        assert "No differences" in static_text(app, "#differences-body")

        await pilot.press("f")  # IT pinned -> the field after "not pinned"... cycles from it
        await pilot.pause()
        right2 = static_text(app, "#right-body")
        assert right2 != right
        assert static_text(app, "#left-body") == left
        assert app.plan is start_plan
        diffs = static_text(app, "#differences-body")
        assert "- Pinned field: Information Technology -> " in diffs

        # keep cycling: "not pinned" is one of the choices
        for _ in range(len(ohio.fields) - ohio.fields.index(ohio.field_by_id["it"]) - 1):
            await pilot.press("f")
        await pilot.pause()
        assert screen.what_if.field == ""
        assert "Bundle field: Information Technology (most points)" in static_text(app, "#right-body")

        # class: digits only
        await pilot.press("y")
        box = screen.query_one("#whatif-class", Input)
        assert box.has_focus
        await pilot.press("backspace", "backspace", "backspace", "backspace", "x", "2", "0", "1", "9")
        await pilot.pause()
        assert box.value == "2019"
        assert "Class of 2019" in static_text(app, "#right-body")
        assert "Class of 2024" in static_text(app, "#left-body")
        assert "Graduating class: class of 2024 -> class of 2019" in static_text(app, "#differences-body")
        await pilot.press("escape")  # leaves the box, stays on the screen
        await pilot.pause()
        assert app.screen is screen and not box.has_focus

        # catalog
        await pilot.press("k")
        await pilot.pause()
        assert "Colorado" in static_text(app, "#right-body")
        assert "Catalog: Ohio" in static_text(app, "#differences-body")
        assert static_text(app, "#left-body") == left

        await pilot.press("r")
        await pilot.pause()
        assert static_text(app, "#right-body") == left
        assert "No differences" in static_text(app, "#differences-body")

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.plan is start_plan
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


async def test_compare_colorado_greys_out_the_field_key(colorado):
    app = make_app(colorado, Plan(class_of=2027))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.check_action("cycle_field", ()) is None
        right = static_text(app, "#right-body")
        await pilot.press("f")
        await pilot.pause()
        assert static_text(app, "#right-body") == right
        await pilot.press("k")
        await pilot.pause()
        assert "Bundle field:" in static_text(app, "#right-body")
        assert "Catalog: Colorado" in static_text(app, "#differences-body")


# -- snapshot -------------------------------------------------------------------------------------------
def test_suggestions_screen_snapshot(snap_compare, ohio):
    plan = health_plan().with_selection(only_in(ohio, "it", 12).id)
    assert snap_compare(make_app(ohio, plan), press=["s"], terminal_size=SIZE)
