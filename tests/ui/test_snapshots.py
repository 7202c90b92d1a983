"""Snapshots of the main screen: Ohio and Colorado at 80x24 (the home layout), 60x20
and 40x12 (one pane at a time) and 120x40 (the fields in a column), and the moment
right after a pick from another field, when the flag must be in sight.

Update after reading snapshot_report.html: `make test PYTEST_ARGS=--snapshot-update`."""

from __future__ import annotations

import pytest

from credplan.core.model import EARNED, Plan
from uihelp import make_app

SIZES = [(80, 24), (60, 20), (40, 12), (120, 40)]


def ohio_plan(ohio) -> Plan:
    it12 = next(c for c in ohio.credentials if c.fields == ("it",) and c.points_in("it") == 12)
    hosp = next(c for c in ohio.credentials if c.fields == ("hospitality",))
    return (
        Plan(student="Snapshot Student", class_of=2024, pinned_field="it")
        .with_selection(it12.id, EARNED)
        .with_selection(hosp.id)
        .with_selection("ohio-driver-license")
        .with_score("workkeys", "Applied Math", 5)
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_ohio_main_screen(snap_compare, ohio, size):
    assert snap_compare(make_app(ohio, ohio_plan(ohio)), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_colorado_main_screen(snap_compare, colorado, size):
    first = colorado.credentials[0]
    plan = Plan(student="Snapshot Student", class_of=2027).with_selection(first.id).with_score("act", "Math", 17)
    assert snap_compare(make_app(colorado, plan), terminal_size=size)


def test_ohio_empty_plan_80x24(snap_compare, ohio):
    assert snap_compare(make_app(ohio, Plan()), terminal_size=(80, 24))


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_right_after_a_pick_from_another_field(snap_compare, ohio, size):
    """An Information Technology bundle, then `/taser`, enter, space: the words say at
    once, under the cursor, that it does not count toward the bundle field and why."""
    it12 = next(c for c in ohio.credentials if c.fields == ("it",) and c.points_in("it") == 12)
    plan = Plan(student="Ana López").with_selection(it12.id)
    assert snap_compare(make_app(ohio, plan), terminal_size=size, press=["slash", *"taser", "enter", "space"])


def test_plan_pane_at_40x12(snap_compare, ohio):
    """One pane at a time: tab past the list shows the plan, named on the pane line."""
    assert snap_compare(make_app(ohio, ohio_plan(ohio)), terminal_size=(40, 12), press=["tab"])


def test_demo_at_80x24(snap_compare, ohio):
    assert snap_compare(make_app(ohio, Plan(), demo=True), terminal_size=(80, 24))
