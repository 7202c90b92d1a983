"""core.words.requirements: what a plan's evaluation reads like, for a 15-year-old.

The sentences every front-end shows (the planner, `credplan shell`, `check`, the
exports) are tested here once; test_same_words.py checks they all show them."""

from __future__ import annotations

import itertools
import re

import pytest

from credplan.core.catalog import parse_catalog
from credplan.core.model import BELOW, EARNED, PLANNED, Plan, Selection, freeze_scores
from credplan.core.rules import evaluate
from credplan.core.words import requirements as words

IT = "Information Technology"


def only_in(catalog, field_id, points=None):
    return [c for c in catalog.credentials
            if not c.universal and c.fields == (field_id,) and (points is None or c.points_in(field_id) == points)]


def worth_in(catalog, field_id, target):
    pool = [c for c in catalog.credentials if not c.universal and c.points_in(field_id)]
    for size in (1, 2, 3, 4):
        for combo in itertools.combinations(pool, size):
            if sum(c.points_in(field_id) for c in combo) == target:
                return list(combo)
    raise AssertionError(f"no credentials worth {target} in {field_id}")


def plan_of(*creds, status=PLANNED, **kw) -> Plan:
    return Plan(selections=tuple(Selection(c if isinstance(c, str) else c.id, status) for c in creds), **kw)


def workkeys(math=None, graphic=None, documents=None):
    parts = {"Applied Math": math, "Graphic Literacy": graphic, "Workplace Documents": documents}
    return freeze_scores({"workkeys": {k: v for k, v in parts.items() if v is not None}})


# -- the bundle: never "complete" without saying how much is only planned ------------------------------------
def test_a_bundle_met_only_by_planned_credentials_says_so(ohio):
    ev = evaluate(ohio, plan_of(only_in(ohio, "it", 12)[0], class_of=2017))  # before any WorkKeys rule
    bundle = ev.bundle
    assert words.mark(bundle.state) == "[met]"
    assert words.requirement_detail(bundle) == f"12/12 points in {IT}, all planned"
    assert words.bundle_line(bundle) == f"Bundle field: {IT} (most points): 12/12 points, all planned"
    assert words.status_line(ev) == "Meets every requirement once the planned credentials are earned."
    assert words.earned_line(ev) == f"Earned credentials alone: still missing 12 more points in {IT}."


def test_earned_and_planned_points_both_said(ohio):
    plan = Plan(class_of=2017, selections=(Selection(only_in(ohio, "it", 12)[0].id, EARNED), Selection("ohio-driver-license")))
    ev = evaluate(ohio, plan)
    assert words.bundle_points(ev.bundle) == "13/12 points: 12 earned, 1 planned"
    assert words.requirement_detail(ev.bundle) == f"13/12 points in {IT}: 12 earned, 1 planned"
    assert words.status_line(ev) == "Meets every requirement."
    assert words.earned_line(ev) == "Earned credentials alone meet every requirement."
    earned = evaluate(ohio, plan.with_status("ohio-driver-license", EARNED))
    assert words.bundle_points(earned.bundle) == "13/12 points, all earned"


def test_points_still_needed(ohio):
    ev = evaluate(ohio, plan_of(*worth_in(ohio, "it", 10), pinned_field="it"))
    assert words.mark(ev.bundle.state) == "[not met]"
    assert words.requirement_detail(ev.bundle) == f"10/12 points in {IT}; 2 more points needed"
    assert words.requirement_short(ev.bundle) == f"2 more points in {IT}"
    assert words.status_line(ev) == f"Still missing: 2 more points in {IT}"
    one = evaluate(ohio, plan_of(*worth_in(ohio, "it", 11), pinned_field="it"))
    assert words.requirement_short(one.bundle) == f"1 more point in {IT}"


def test_an_empty_plan_names_the_field_it_uses(ohio):
    ev = evaluate(ohio, Plan())
    first = ohio.fields[0].name
    assert words.bundle_line(ev.bundle) == f"Bundle field: {first} (most points): 0/12 points"
    assert words.requirement_detail(ev.bundle) == f"0/12 points in {first}; 12 more points needed"
    assert words.status_line(ev) == "Still missing: credentials worth 12 points in one career field (none selected yet)"
    assert words.earned_line(ev) == ""  # nothing selected: nothing to say about earned ones


def test_pinned_field_with_nothing_in_it(ohio):
    ev = evaluate(ohio, plan_of(only_in(ohio, "it", 12)[0], pinned_field="law"))
    law = ohio.field_name("law")
    assert words.bundle_line(ev.bundle) == f"Bundle field: {law} (pinned): 0/12 points"
    assert words.status_line(ev) == f"Still missing: 12 more points in {law}"


def test_no_over_jargon(ohio):
    ev = evaluate(ohio, plan_of(*only_in(ohio, "it", 12)[:2], "ohio-driver-license"))
    text = " ".join([words.bundle_line(ev.bundle), words.requirement_line(ev.bundle), words.status_line(ev)])
    assert not re.search(r"\+\d|\bover\b|complete", text), text


# -- selections ---------------------------------------------------------------------------------------------
def test_selection_reasons(ohio):
    it12 = only_in(ohio, "it", 12)[0]
    hosp = only_in(ohio, "hospitality")[0]
    ev = evaluate(ohio, plan_of(it12, hosp, "ohio-driver-license", "retired-cert", pinned_field="it"))
    by_id = {s.id: s for s in ev.selections}
    assert words.selection_reason(by_id[it12.id], ohio) == f"counts 12 points in {IT}"
    assert words.selection_reason(by_id["ohio-driver-license"], ohio) == f"counts 1 point in {IT} (listed in every field)"
    other = by_id[hosp.id]
    assert words.selection_mark(other) == "[other field]"
    assert words.selection_sentence(other, ohio) == (
        f"It is listed in Hospitality and Tourism, not in {IT}, so it does not count there."
    )
    gone = by_id["retired-cert"]
    assert words.selection_mark(gone) == "[not in catalog]"
    assert words.selection_sentence(gone, ohio) == "It is no longer in this catalog, so it counts nowhere."
    assert words.selection_mark(by_id[it12.id]) == ""


def test_competencies_are_named_not_given_as_ids(colorado):
    cred = next(c for c in colorado.credentials if {"english", "math"} <= c.meets)
    ev = evaluate(colorado, plan_of(cred))
    (sel,) = ev.selections
    assert words.selection_reason(sel, colorado) == "meets English competency and Math competency"
    english = ev.requirement("english")
    assert words.requirement_line(english) == f"English competency: met by {cred.name} (planned)"
    empty = evaluate(colorado, Plan())
    math = empty.requirement("math")
    detail = words.requirement_detail(math)
    assert detail.startswith("not met yet; any one of: a certificate that meets Math competency; ")
    assert "ACT Math at least 19" in detail and "ACT WorkKeys every part at least 3" in detail
    assert words.requirement_short(math) == "Math competency: a certificate that meets it, or a qualifying score"
    every = " ".join([*(words.requirement_line(r) for r in empty.requirements), words.status_line(empty)])
    assert not re.search(r"\bmeets (english|math)\b", every)


def test_competency_met_by_scores(colorado):
    ev = evaluate(colorado, Plan(scores=freeze_scores({"act": {"English": 18, "Math": 18}})))
    assert words.requirement_line(ev.requirement("english")) == "English competency: met by ACT English 18 (needs 18)"
    assert words.status_line(ev) == "Still missing: Math competency: a certificate that meets it, or a qualifying score"
    wk = evaluate(colorado, Plan(scores=workkeys(3, 3, 3)))
    assert words.requirement_line(wk.requirement("math")) == "Math competency: met by ACT WorkKeys every part at least 3"
    assert words.status_line(wk) == "Meets every requirement."


# -- scores --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("class_of", "scores", "req_id", "line", "short"),
    [
        (2019, (5, 4, 4), "workkeys-2018", "WorkKeys (classes 2018-2019): total 13 of 13, every part at least 3", ""),
        (2018, (4, 4, 4), "workkeys-2018", "WorkKeys (classes 2018-2019): total 12 of 13 (1 more)",
         "WorkKeys (classes 2018-2019): 1 more in total"),
        (2021, (5, 5, 4), "workkeys-2020", "WorkKeys (classes 2020-2024): total 14 of 14, every part at least 3", ""),
        (2024, (7, 7, BELOW), "workkeys-2020",
         "WorkKeys (classes 2020-2024): Workplace Documents needs at least 3 (now <3)",
         "WorkKeys (classes 2020-2024): Workplace Documents needs at least 3"),
        (2021, (7, 7, None), "workkeys-2020",
         "WorkKeys (classes 2020-2024): Workplace Documents needs at least 3 (not taken yet)",
         "WorkKeys (classes 2020-2024): Workplace Documents needs at least 3"),
        (2021, (BELOW, 7, 6), "workkeys-2020",
         "WorkKeys (classes 2020-2024): total 13 of 14 (1 more); Applied Math needs at least 3 (now <3)",
         "WorkKeys (classes 2020-2024): 1 more in total; Applied Math needs at least 3"),
        (2026, (None, 4, BELOW), "workkeys-silver",
         "WorkKeys Silver NCRC (class 2025 on): Applied Math needs at least 4 (not taken yet); "
         "Workplace Documents needs at least 4 (now <3)",
         "WorkKeys Silver NCRC (class 2025 on): Applied Math and Workplace Documents need at least 4"),
    ],
)
def test_workkeys_lines(ohio, class_of, scores, req_id, line, short):
    ev = evaluate(ohio, Plan(class_of=class_of, scores=workkeys(*scores)))
    result = ev.requirement(req_id)
    assert words.requirement_line(result) == line
    assert words.requirement_short(result) == short
    assert words.mark(result.state) == ("[not met]" if short else "[met]")


def test_part_status_beside_a_score_input(ohio):
    assert words.part_status("Applied Math", 4) == "Applied Math needs at least 4"
    assert words.part_status("Applied Math", None) == ""


# -- not checked, warnings, status ---------------------------------------------------------------------------
def test_not_checked_says_why(ohio):
    unset = evaluate(ohio, plan_of(only_in(ohio, "it", 12)[0], status=EARNED))
    silver = next(n for n in unset.not_checked if n.id == "workkeys-silver")
    assert words.mark(silver.state) == "[not checked]"
    assert words.not_checked_line(silver) == (
        "WorkKeys Silver NCRC (class 2025 on): for class of 2025 on; set your graduating class to check it"
    )
    assert words.status_line(unset) == "Meets every requirement checked so far; set the graduating class to check the rest."
    (warning,) = unset.warnings
    assert words.warning_text(warning) == (
        "Graduating class not set: WorkKeys (classes 2018-2019), WorkKeys (classes 2020-2024) and "
        "WorkKeys Silver NCRC (class 2025 on) are not checked."
    )
    other = evaluate(ohio, Plan(class_of=2019))
    old = next(n for n in other.not_checked if n.id == "workkeys-2020")
    assert words.not_checked_detail(old) == "for classes 2020-2024, not the class of 2019"


def test_warnings_in_words(ohio):
    biz = only_in(ohio, "business")[0]
    scores = freeze_scores({"workkeys": {"Applied Mathematics": 5, "Graphic Literacy": 9}, "act": {"English": 20}})
    plan = Plan(class_of=2019, pinned_field="astronomy", selections=(Selection(biz.id), Selection(biz.id)), scores=scores)
    said = [words.warning_text(w) for w in evaluate(ohio, plan).warnings]
    assert said == [
        "The pinned field `astronomy` is not in this catalog, so the field with the most points is used.",
        f"{biz.name} is selected twice; it is counted once.",
        "ACT WorkKeys has no part `Applied Mathematics`, so its score was ignored.",
        "ACT WorkKeys Graphic Literacy score 9 was ignored: scores go from 3 to 7.",
        "Scores for `act` were ignored: this catalog has no such assessment.",
    ]


def test_status_lists_everything_missing_in_order(ohio):
    ev = evaluate(ohio, plan_of(*worth_in(ohio, "it", 10), pinned_field="it", class_of=2026, scores=workkeys(5, 3, 5)))
    assert words.status_line(ev) == (
        f"Still missing: 2 more points in {IT}; WorkKeys Silver NCRC (class 2025 on): Graphic Literacy needs at least 4"
    )
    assert words.verdict(ev) == "Not met yet"


def test_no_requirement_applies():
    catalog = parse_catalog(MINI_LIMITED)
    ev = evaluate(catalog, Plan())
    assert ev.requirements == () and words.status_line(ev) == (
        "No requirement applies to this plan yet; set the graduating class."
    )


def test_classes_text():
    assert words.classes_text(None, None) == "every class"
    assert words.classes_text(2019, 2019) == "class of 2019"
    assert words.classes_text(2018, 2019) == "classes 2018-2019"
    assert words.classes_text(2025, None) == "class of 2025 on"
    assert words.classes_text(None, 2024) == "classes up to 2024"


def test_every_mark_has_a_meaning_and_fits_the_padding():
    marks = [m for m, _ in words.MARK_MEANINGS]
    assert marks == [words.MET, words.NOT_MET, words.NOT_CHECKED, words.OTHER_FIELD, words.NOT_IN_CATALOG]
    assert all(len(words.mark(s)) <= words.MARK_WIDTH for s in (True, False))


MINI_LIMITED = """\
format = 1
[catalog]
id = "mini"
title = "Mini"
region = "Nowhere"
source = "https://example.org"
checked = 2026-01-01
[[field]]
id = "x"
name = "Xray"
[[assessment]]
id = "t"
name = "Test"
parts = ["A"]
min = 1
max = 5
[[requirement]]
id = "s"
kind = "score"
name = "Score"
assessment = "t"
each = 3
from_class = 2020
[[credential]]
id = "cx"
name = "CX"
fields = ["x"]
"""


@pytest.mark.parametrize(
    "class_of, said",
    [
        (None, "The 3 ACT WorkKeys rules depend on the graduating class: set yours to see which one is yours."),
        (2018, "For the class of 2018: WorkKeys (classes 2018-2019), a total of at least 13 and at least 3 on every part."),
        (2024, "For the class of 2024: WorkKeys (classes 2020-2024), a total of at least 14 and at least 3 on every part."),
        (2031, "For the class of 2031: WorkKeys Silver NCRC (class 2025 on), at least 4 on every part."),
        (2012, "No ACT WorkKeys rule applies to the class of 2012."),
    ],
)
def test_which_workkeys_rule_and_why(ohio, class_of, said):
    (workkeys_test,) = [a for a in ohio.assessments if a.id == "workkeys"]
    assert words.score_rule_line(ohio, workkeys_test, class_of) == said


def test_a_rule_whose_name_does_not_say_its_classes_gets_them_added(ohio):
    from dataclasses import replace

    renamed = replace(ohio, requirements=tuple(replace(r, name="WorkKeys") if r.kind == "score" else r for r in ohio.requirements))
    (workkeys_test,) = [a for a in ohio.assessments if a.id == "workkeys"]
    assert words.score_rule_line(renamed, workkeys_test, 2027) == (
        "For the class of 2027: WorkKeys (class of 2025 on), at least 4 on every part."
    )


def test_no_rule_line_for_an_assessment_without_score_rules(colorado):
    assert all(words.score_rule_line(colorado, a, 2027) == "" for a in colorado.assessments)
