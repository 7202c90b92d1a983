"""Snapshots of the main screen: Ohio and Colorado at 80x24 and 120x40.

Update after reading snapshot_report.html: `make test PYTEST_ARGS=--snapshot-update`."""

from __future__ import annotations

import pytest

from credplan.core.model import EARNED, Plan
from uihelp import make_app

SIZES = [(80, 24), (120, 40)]


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
    plan = Plan(class_of=2027).with_selection(first.id).with_score("act", "Math", 17)
    assert snap_compare(make_app(colorado, plan), terminal_size=size)


def test_ohio_empty_plan_80x24(snap_compare, ohio):
    assert snap_compare(make_app(ohio, Plan()), terminal_size=(80, 24))
