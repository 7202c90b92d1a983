"""The roster: every plan in a folder, each judged by its own catalog, one row each."""

from __future__ import annotations

import pytest

from counselor import class_folder
from credplan.core import roster as roster_module
from credplan.core.roster import (
    MET,
    NOT_ON_TRACK,
    ON_TRACK,
    REQ_MET,
    REQ_NOT_CHECKED,
    REQ_NOT_ENTERED,
    REQ_NOT_MET,
    UNREADABLE,
    filter_rows,
    roster,
    row_dict,
    sort_rows,
    status_counts,
)
from credplan.core.words import roster as words


@pytest.fixture
def folder(tmp_path, ohio, colorado):
    class_folder(tmp_path / "plans", ohio, colorado)
    return tmp_path / "plans"


def by_name(rows):
    return {r.student or r.path.name: r for r in rows}


def test_each_plan_is_judged_by_its_own_catalog(folder):
    rows = by_name(roster(folder))
    assert rows["Ana López"].catalog_id == "ohio" and rows["Eli Moss"].catalog_id == "colorado-example"
    ana = rows["Ana López"]
    assert (ana.status, ana.field, ana.points, ana.earned_points, ana.required, ana.scores) == (MET, "it", 12, 12, 12, REQ_MET)
    assert rows["Eli Moss"].status == MET
    assert not rows["Eli Moss"].has_bundle and rows["Eli Moss"].top_fields == ()
    assert [r.state for r in rows["Eli Moss"].requirements] == [REQ_MET, REQ_MET]


def test_three_statuses(folder):
    rows = by_name(roster(folder))
    ben = rows["Ben Ortiz"]
    assert ben.status == ON_TRACK  # 21 planned and earned, 9 earned
    assert (ben.points, ben.earned_points) == (21, 9)
    cy = rows["Cy Park"]
    assert cy.status == NOT_ON_TRACK and cy.missing == 9 and cy.scores == REQ_NOT_ENTERED
    fay = rows["Fay Ng"]
    assert fay.status == NOT_ON_TRACK
    assert [r.state for r in fay.requirements] == [REQ_MET, REQ_NOT_MET]  # ACT English 18 meets English only


def test_class_not_set_is_on_track_at_best(folder):
    dana = by_name(roster(folder))["Dana Lee"]
    assert dana.status == ON_TRACK
    assert dana.scores == REQ_NOT_CHECKED
    assert dana.points == dana.earned_points == 12


def test_unreadable_plans_are_rows_with_the_reason(folder):
    rows = by_name(roster(folder))
    broken = rows["broken.toml"]
    assert broken.status == UNREADABLE and "TOML syntax" in broken.problem
    assert str(folder / "broken.toml") in broken.problem
    gus = rows["Gus"]
    assert gus.status == UNREADABLE and gus.catalog_id == "gone" and "cannot be found" in gus.problem
    assert gus.class_of == 2027


def test_other_field_picks_unverified_and_top_fields(folder, ohio):
    ben = by_name(roster(folder))["Ben Ortiz"]
    assert ben.other_field == ("ServSafe Food Handler",)
    counted = [ohio.credential_by_id[c] for c in ("comptia-a-plus", "comptia-network-plus")]
    assert ben.unverified == sum(1 for c in counted if not c.verified)
    assert ben.top_fields[0] == ("it", "Information Technology", 21)
    assert ("hospitality", "Hospitality and Tourism", 1) in ben.top_fields
    assert len(ben.top_fields) <= 3


def test_each_catalog_is_loaded_once(folder, monkeypatch):
    calls = []
    real = roster_module.plan_catalog

    def counting(plan, catalog=None):
        calls.append(plan.catalog.id if plan.catalog else None)
        return real(plan, catalog)

    monkeypatch.setattr(roster_module, "plan_catalog", counting)
    roster(folder)
    assert sorted(calls) == ["colorado-example", "gone", "ohio"]


def test_sort_by_need_name_and_class(folder):
    rows = roster(folder)
    need = [r.student or r.path.name for r in sort_rows(rows, "need")]
    # 2026 first (Cy far from the bundle, then Ben on track), then 2027, 2028, class not set; unreadable last
    assert need == ["Cy Park", "Ben Ortiz", "Ana López", "Eli Moss", "Fay Ng", "Dana Lee", "broken.toml", "Gus"]
    names = [r.student for r in sort_rows(rows, "name")]
    assert names[:7] == ["Ana López", "Ben Ortiz", "Cy Park", "Dana Lee", "Eli Moss", "Fay Ng", "Gus"]
    classes = [r.class_of for r in sort_rows(rows, "class")]
    assert classes == sorted(classes, key=lambda c: c or 10_000)
    with pytest.raises(ValueError):
        sort_rows(rows, "shoe size")


def test_filters_and_counts(folder):
    rows = roster(folder)
    assert status_counts(rows) == {MET: 2, ON_TRACK: 2, NOT_ON_TRACK: 2, UNREADABLE: 2}
    assert {r.student for r in filter_rows(rows, class_of=2026)} == {"Ben Ortiz", "Cy Park"}
    assert {r.student for r in filter_rows(rows, catalog_id="colorado-example")} == {"Eli Moss", "Fay Ng"}
    assert {r.student for r in filter_rows(rows, statuses=[MET, ON_TRACK])} == {"Ana López", "Ben Ortiz", "Dana Lee", "Eli Moss"}
    assert {r.student for r in filter_rows(rows, text="lóp")} == {"Ana López"}
    assert {r.student for r in filter_rows(rows, text="information tech")} >= {"Ana López", "Ben Ortiz"}


def test_words_and_plain_data(folder):
    rows = by_name(roster(folder))
    cells = words.cells(rows["Ben Ortiz"])
    assert cells["status"] == "on track"
    assert cells["points"] == "21/12, 9 earned"
    assert cells["other"] == "1: ServSafe Food Handler"
    assert words.cells(rows["Dana Lee"])["class"] == "not set"
    assert words.cells(rows["broken.toml"])["student"] == "broken.toml (cannot be read)"
    assert words.counts_line({MET: 1, ON_TRACK: 0, NOT_ON_TRACK: 2, UNREADABLE: 0}) == "3 students: 1 met, 0 on track, 2 not on track"
    data = row_dict(rows["Ana López"])
    assert data["bundle"]["points"] == 12 and data["status"] == "met" and data["scores"] == "met"
    assert row_dict(rows["Eli Moss"])["bundle"] is None


def test_empty_and_missing_folders(tmp_path):
    assert roster(tmp_path / "nope") == []
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "x.toml.broken-20260101").write_text("junk")
    (tmp_path / "plans" / ".hidden.toml").write_text("junk")
    assert roster(tmp_path / "plans") == []
