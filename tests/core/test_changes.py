"""Catalog changes: removed and re-valued credentials are pointed out, nothing dropped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from credplan.core.catalog import parse_catalog
from credplan.core.changes import EVERY, Changes, catalog_changes, remember_points
from credplan.core.words.notices import point_change_line
from credplan.core.model import Catalog, CatalogStamp, Plan, Selection
from credplan.core.plans import dump_plan, parse_plan
from credplan.core.rules import evaluate
from credplan.core.store import PlanStore
from credplan.core.plans import read_plan


def catalog(checked: str = "2026-11-01", *, a_plus: int | None = 12, osha: str = "{ construction = 3, health = 1 }",
            osha_fields: str = '["construction", "health"]', license_points: int = 1, cid: str = "mini") -> Catalog:
    a_plus_entry = (
        f"""
[[credential]]
id = "comptia-a-plus"
name = "CompTIA A+"
fields = ["it"]
points = {a_plus}
"""
        if a_plus is not None
        else ""
    )
    text = f"""
format = 1
[catalog]
id = "{cid}"
title = "Mini"
region = "Test"
source = "https://example.org"
checked = {checked}
[[field]]
id = "construction"
name = "Construction"
[[field]]
id = "health"
name = "Health"
[[field]]
id = "it"
name = "Information Technology"
[[credential]]
id = "ohio-driver-license"
name = "Ohio driver license"
fields = ["*"]
points = {license_points}
[[credential]]
id = "osha-10"
name = "OSHA 10"
fields = {osha_fields}
points = {osha}
{a_plus_entry}
[[requirement]]
id = "bundle"
kind = "bundle"
name = "Bundle"
points = 12
"""
    return parse_catalog(text, f"{cid}.toml")


PLAN = Plan(
    student="Ana",
    selections=(Selection("comptia-a-plus"), Selection("ohio-driver-license", "earned"), Selection("osha-10")),
)


def test_nothing_to_say_for_a_plan_saved_with_this_catalog() -> None:
    old = catalog()
    plan = remember_points(old, PLAN)
    plan = parse_plan(dump_plan(plan, old))  # saved and read back
    changes = catalog_changes(old, plan)
    assert not changes and changes.messages() == []
    assert dict(plan.known_points["ohio-driver-license"]) == {EVERY: 1}
    assert dict(plan.known_points["osha-10"]) == {"construction": 3, "health": 1}


def test_removed_credential_stays_in_the_plan_and_is_named() -> None:
    plan = parse_plan(dump_plan(remember_points(catalog(), PLAN), catalog()))
    new = catalog(a_plus=None)
    changes = catalog_changes(new, plan)
    assert changes.removed == ("comptia-a-plus",)
    assert "`comptia-a-plus` is no longer in this catalog; it stays in the plan but does not count." in changes.messages()
    result = evaluate(new, plan).selection("comptia-a-plus")
    assert result is not None and not result.known and not result.counts
    # Saving with the new catalog keeps both the selection and what was known of it.
    kept = remember_points(new, plan)
    assert kept.selection("comptia-a-plus") is not None
    assert dict(kept.known_points["comptia-a-plus"]) == {"it": 12}


def test_changed_points_are_pointed_out_in_words() -> None:
    plan = parse_plan(dump_plan(remember_points(catalog(), PLAN), catalog()))
    new = catalog(a_plus=10, osha="3", license_points=2)
    changes = catalog_changes(new, plan)
    assert [point_change_line(c) for c in changes.points] == [
        "CompTIA A+: was 12 points, now 10 points in Information Technology",
        "Ohio driver license: was 1 point, now 2 points in every field",
        "OSHA 10: was 1 point, now 3 points in Health",
    ]
    assert changes.points[0].old == 12 and changes.points[0].new == 10 and changes.points[0].field_id == "it"


def test_listing_changes_are_pointed_out() -> None:
    plan = remember_points(catalog(), PLAN)
    fewer = catalog(osha="3", osha_fields='["construction"]')
    messages = [point_change_line(c) for c in catalog_changes(fewer, plan).points]
    assert messages == ["OSHA 10: no longer listed in Health (was 1 point)"]


def test_a_change_is_pointed_out_once(tmp_path: Path) -> None:
    path = tmp_path / "ana.toml"
    with PlanStore(path) as store:
        store.open("Ana")
        store.save(PLAN, catalog())
    new = catalog("2026-12-01", a_plus=10)
    with PlanStore(path) as store:
        opened = store.open()
        first = catalog_changes(new, opened.plan)
        assert [point_change_line(c) for c in first.points] == ["CompTIA A+: was 12 points, now 10 points in Information Technology"]
        assert first.checked_before == dt.date(2026, 11, 1) and first.checked_now == dt.date(2026, 12, 1)
        assert "The catalog was checked again on 2026-12-01" in first.messages()[0]
        store.save(opened.plan, new)  # the UI showed it, then saved
    again = catalog_changes(new, read_plan(path))
    assert not again


def test_new_selections_are_not_changes() -> None:
    plan = Plan(student="Ana", selections=(Selection("comptia-a-plus"),), catalog=CatalogStamp("mini", dt.date(2026, 11, 1)))
    assert not catalog_changes(catalog(a_plus=10), plan)
    assert dict(remember_points(catalog(a_plus=10), plan).known_points["comptia-a-plus"]) == {"it": 10}


def test_another_catalog_is_named_and_points_are_not_compared() -> None:
    plan = parse_plan(dump_plan(remember_points(catalog(), PLAN), catalog()))
    other = catalog(cid="other", a_plus=5)
    changes = catalog_changes(other, plan)
    assert changes.previous_catalog == "mini" and changes.points == ()
    assert changes.messages()[0].startswith("This plan was last saved with the catalog `mini`")


def test_remember_points_forgets_unselected_and_is_stable() -> None:
    cat = catalog()
    plan = remember_points(cat, PLAN)
    assert remember_points(cat, plan) is plan  # nothing new: the same object
    fewer = plan.without("osha-10")
    assert "osha-10" not in remember_points(cat, fewer).known_points


def test_changes_is_falsy_when_empty() -> None:
    assert not Changes("x")
    assert Changes("x", removed=("a",))
