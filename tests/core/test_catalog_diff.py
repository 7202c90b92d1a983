"""What a new list changes: credentials and points, and the students it moves."""

from __future__ import annotations

from counselor import class_folder, next_ohio_list, plan
from credplan.core.catalog import load_catalog
from credplan.core.catalog_diff import diff_catalogs, diff_dict, plan_impact, plan_impacts
from credplan.core.model import EARNED
from credplan.core.roster import MET, NOT_ON_TRACK, ON_TRACK
from credplan.core.words import catalog_diff as words


def test_the_same_list_has_no_differences(ohio, colorado):
    assert diff_catalogs(ohio, ohio).empty
    assert words.section_lines(diff_catalogs(ohio, ohio)) == [words.SAME]


def test_added_removed_renamed_and_points(tmp_path, ohio):
    new = load_catalog(next_ohio_list(tmp_path / "ohio-2027.toml"))
    diff = diff_catalogs(ohio, new)
    assert [(c.id, c.points) for c in diff.added] == [("ai-fundamentals", (("Information Technology", 3),))]
    assert [c.id for c in diff.removed] == ["servsafe-food-handler"]
    assert [(r.id, r.old, r.new) for r in diff.renamed] == [
        ("comptia-network-plus", "CompTIA Network+", "CompTIA Network+ (N10-009)")]
    assert [(p.id, p.field, p.old, p.new) for p in diff.points] == [("comptia-a-plus", "it", 12, 9)]
    assert words.section_lines(diff) == [
        "Added (1):", "  + AI Fundamentals (Information Technology 3)", "",
        "Removed (1):", "  - ServSafe Food Handler (Hospitality and Tourism 1)", "",
        "Renamed, same id (1):", "  ~ comptia-network-plus: CompTIA Network+ → CompTIA Network+ (N10-009)", "",
        "Points changed (1):", "  CompTIA A+: Information Technology 12 → 9",
    ]
    data = diff_dict(diff)
    assert data["same"] is False and data["points"][0]["old"] == 12 and "plans" not in data


def test_points_per_field_and_universal_credentials(ohio, colorado):
    diff = diff_catalogs(ohio, colorado)  # another list altogether: few ids in common
    common = set(ohio.credential_by_id) & set(colorado.credential_by_id)
    assert {c.id for c in diff.removed} == set(ohio.credential_by_id) - common
    # a credential with points in Ohio and none in Colorado loses them field by field
    for cid in common:
        assert all(p.new is None for p in diff.points if p.id == cid)
    license_ = next(c for c in diff.removed if c.id == "ohio-driver-license")
    assert words.listed(license_) == "Ohio driver license (every field 1)"
    assert diff.fields_added and diff.fields_removed


def test_the_plans_it_moves(tmp_path, ohio, colorado):
    paths = class_folder(tmp_path / "plans", ohio, colorado)
    new = load_catalog(next_ohio_list(tmp_path / "ohio-2027.toml"))
    report = plan_impacts(ohio, new, tmp_path / "plans")
    assert report.considered == 4 and report.other == 3  # Eli, Fay (Colorado), Gus (catalog gone)
    assert report.unreadable and "broken.toml" in report.unreadable[0]
    lines = [words.impact(i) for i in report.impacts]
    assert lines == [
        "Ana López: Information Technology 12 → 9, no longer met",
        "Dana Lee: Information Technology 12 → 9, no longer on track",
        "Ben Ortiz: Information Technology 21 → 18, ServSafe Food Handler no longer on the list",
    ]
    ana = report.impacts[0]
    assert (ana.old_status, ana.new_status, ana.path) == (MET, NOT_ON_TRACK, paths["ana"])
    assert report.impacts[2].old_status == report.impacts[2].new_status == ON_TRACK
    assert diff_dict(diff_catalogs(ohio, new), report)["plans"]["changes"][0]["student"] == "Ana López"


def test_a_plan_that_is_not_moved(tmp_path, ohio):
    new = load_catalog(next_ohio_list(tmp_path / "ohio-2027.toml"))
    cy = plan("Cy", 2026, [("comptia-itf-plus", EARNED)])
    assert plan_impact(ohio, new, cy, tmp_path / "cy.toml") is None
    now_met = plan("Eve", 2027, [("comptia-itf-plus", EARNED), ("comptia-linux-plus", EARNED)],
                   {"workkeys": {"Applied Math": 4, "Graphic Literacy": 4, "Workplace Documents": 4}})
    gains = plan_impact(new, load_catalog(next_ohio_list(tmp_path / "again.toml")), now_met, tmp_path / "e.toml")
    assert gains is None
    back = plan_impact(new, ohio, plan("Ana", 2027, [("comptia-a-plus", EARNED)],
                                       {"workkeys": {"Applied Math": 4, "Graphic Literacy": 4, "Workplace Documents": 4}}),
                       tmp_path / "a.toml")
    assert back is not None and words.impact(back) == "Ana: Information Technology 9 → 12, now met"
