"""evaluate(catalog, plan) on the edge cases of the contract's "Meaning" section.

The results are data (states, numbers, ids, names); what they read like is tested in
test_words.py.

Ohio (bundles, WorkKeys by class) and colorado-example (competencies) are the real
bundled catalogs. Ohio is still being edited, so its credentials are looked up by
their properties (listed only in `it`, worth 12, ...), never by id; the only ids
used are the driver license's, the fields' and the requirements'."""

from __future__ import annotations

import itertools

import pytest

from credplan.core.catalog import parse_catalog
from credplan.core.model import BELOW, EARNED, PLANNED, Plan, Selection, freeze_scores
from credplan.core.requirements import NotCheckedWhy, State
from credplan.core.rules import (
    AssessmentUnknown,
    ClassNotSet,
    PartUnknown,
    PinnedFieldUnknown,
    ScoreOutOfRange,
    SelectedTwice,
    Why,
    evaluate,
    field_points,
)

LICENSE = "ohio-driver-license"
IT = "Information Technology"
BUSINESS = "Business, Marketing and Finance"


# -- looking credentials up by what they are ---------------------------------------------
def only_in(catalog, field_id, points=None):
    """Credentials listed in `field_id` and nowhere else (optionally worth `points`)."""
    return [
        c for c in catalog.credentials
        if not c.universal and c.fields == (field_id,) and (points is None or c.points_in(field_id) == points)
    ]


def first_only_in(catalog, field_id, points=None):
    found = only_in(catalog, field_id, points)
    assert found, f"{catalog.id} has no credential listed only in {field_id} worth {points}"
    return found[0]


def worth_in(catalog, field_id, target, exclude=()):
    """Some credentials (not universal) whose points in `field_id` add up to `target`."""
    pool = [c for c in catalog.credentials
            if not c.universal and c.points_in(field_id) and c.id not in exclude]
    for size in (1, 2, 3, 4):
        for combo in itertools.combinations(pool, size):
            if sum(c.points_in(field_id) for c in combo) == target:
                return list(combo)
    raise AssertionError(f"no credentials worth {target} together in {field_id}")


def plan_of(*creds, status=PLANNED, **kw) -> Plan:
    ids = [c if isinstance(c, str) else c.id for c in creds]
    return Plan(selections=tuple(Selection(i, status) for i in ids), **kw)


def workkeys(math=None, graphic=None, documents=None):
    parts = {"Applied Math": math, "Graphic Literacy": graphic, "Workplace Documents": documents}
    return freeze_scores({"workkeys": {k: v for k, v in parts.items() if v is not None}})


# -- the Ohio catalog is what these tests assume ------------------------------------------------
def test_ohio_shape_used_here(ohio):
    assert ohio.field_by_id["it"].name == IT
    assert ohio.field_by_id["business"].name == BUSINESS
    assert [r.id for r in ohio.requirements] == ["bundle", "workkeys-2018", "workkeys-2020", "workkeys-silver"]
    assert ohio.assessment_by_id["workkeys"].parts == ("Applied Math", "Graphic Literacy", "Workplace Documents")


# -- bundles -----------------------------------------------------------------------------------------
def test_one_12_point_credential_completes_a_bundle(ohio):
    cred = first_only_in(ohio, "it", 12)
    ev = evaluate(ohio, plan_of(cred, status=EARNED))
    b = ev.bundle
    assert (b.field, b.field_name, b.pinned, b.points, b.required, b.earned_points) == ("it", IT, False, 12, 12, 12)
    assert b.met and b.earned_met and b.missing == 0
    bundle = ev.requirement("bundle")
    assert bundle is b and bundle.state is State.MET and bundle.planned_points == 0
    sel = ev.selection(cred.id)
    assert (sel.counts, sel.points, sel.why, sel.field) == (True, 12, Why.IN_FIELD, "it")
    assert ev.met and ev.earned_met


def test_eleven_points_do_not_complete_a_bundle(ohio):
    creds = worth_in(ohio, "it", 11)
    ev = evaluate(ohio, plan_of(*creds, pinned_field="it"))
    assert not ev.met
    bundle = ev.requirement("bundle")
    assert (bundle.state, bundle.points, bundle.missing, bundle.field_name) == (State.NOT_MET, 11, 1, IT)
    assert ev.missing == (bundle,)


def test_driver_license_counts_in_every_field(ohio):
    license = ohio.credential_by_id[LICENSE]
    ev = evaluate(ohio, plan_of(LICENSE))
    assert set(ev.field_points.values()) == {1} and len(ev.field_points) == len(ohio.fields)
    first = ohio.fields[0]
    assert ev.bundle.field == first.id  # a tie everywhere: the first field
    sel = ev.selection(LICENSE)
    assert sel.universal and sel.counts and sel.points == 1
    assert (sel.why, sel.field) == (Why.EVERY_FIELD, first.id)
    for f in ohio.fields:
        pinned = evaluate(ohio, plan_of(LICENSE, pinned_field=f.id)).selection(LICENSE)
        assert (pinned.counts, pinned.points, pinned.why, pinned.field) == (True, 1, Why.EVERY_FIELD, f.id)
    assert license.universal_points == 1 and license.listed_in("it")


def test_driver_license_adds_to_the_bundle_field(ohio):
    cred = first_only_in(ohio, "it", 12)
    ev = evaluate(ohio, plan_of(LICENSE, cred))
    assert ev.bundle.field == "it" and ev.bundle.points == 13
    assert (ev.selection(LICENSE).why, ev.selection(LICENSE).field) == (Why.EVERY_FIELD, "it")
    assert ev.field_points["business"] == 1


def test_points_table_counts_the_amount_of_the_bundle_field(ohio):
    cred = next(c for c in ohio.credentials
                if len(c.points) >= 2 and list(c.points.values()).count(max(c.points.values())) == 1)
    high = max(cred.points, key=cred.points.get)
    low = min(cred.points, key=cred.points.get)
    assert cred.points[high] > cred.points[low]
    for pinned, expected in ((high, cred.points[high]), (low, cred.points[low])):
        ev = evaluate(ohio, plan_of(cred, pinned_field=pinned))
        sel = ev.selection(cred.id)
        assert (ev.bundle.field, ev.bundle.points, sel.points, sel.counts) == (pinned, expected, expected, True)
        assert (sel.why, sel.field) == (Why.IN_FIELD, pinned)
    unpinned = evaluate(ohio, plan_of(cred))
    assert unpinned.bundle.field == high and unpinned.bundle.points == cred.points[high]
    assert unpinned.field_points[low] == cred.points[low]


def test_tie_between_fields_goes_to_the_first_in_catalog_order(ohio):
    order = [f.id for f in ohio.fields]
    pair = None
    for a, b in itertools.combinations(order, 2):  # a comes before b in the catalog
        common = {c.points_in(a) for c in only_in(ohio, a)} & {c.points_in(b) for c in only_in(ohio, b)}
        if common:
            pts = max(common)
            pair = (first_only_in(ohio, a, pts), first_only_in(ohio, b, pts), a, pts)
            break
    assert pair, "no two fields share a single-field point value"
    earlier, later, field_id, pts = pair
    ev = evaluate(ohio, plan_of(later, earlier))  # the later field is selected first
    assert ev.bundle.field == field_id and ev.bundle.points == pts and not ev.bundle.pinned
    assert not ev.selection(later.id).counts


def test_pinned_field_overrides_the_most_points_and_moves_the_count(ohio):
    it12 = first_only_in(ohio, "it", 12)
    biz = next(c for c in only_in(ohio, "business") if c.points_in("business") < 12)
    pts = biz.points_in("business")

    unpinned = evaluate(ohio, plan_of(it12, biz))
    assert (unpinned.bundle.field, unpinned.bundle.points, unpinned.bundle.pinned) == ("it", 12, False)

    ev = evaluate(ohio, plan_of(it12, biz, pinned_field="business"))
    assert (ev.bundle.field, ev.bundle.field_name, ev.bundle.points, ev.bundle.pinned) == ("business", BUSINESS, pts, True)
    moved = ev.selection(it12.id)
    assert (moved.counts, moved.points) == (False, 0)
    assert (moved.why, moved.fields, moved.field) == (Why.OTHER_FIELD, ("it",), "business")
    assert ev.selection(biz.id).counts and ev.selection(biz.id).points == pts
    bundle = ev.requirement("bundle")
    assert not bundle.met and (bundle.field, bundle.points, bundle.missing) == ("business", pts, 12 - pts)


def test_pinned_field_counts_even_with_nothing_in_it(ohio):
    it12 = first_only_in(ohio, "it", 12)
    ev = evaluate(ohio, plan_of(it12, pinned_field="law"))
    assert ev.bundle.field == "law" and ev.bundle.points == 0 and ev.bundle.pinned
    assert ev.bundle.field_name == ohio.field_name("law") and ev.bundle.missing == 12 and not ev.met


def test_unknown_pinned_field_is_ignored_with_a_warning(ohio):
    it12 = first_only_in(ohio, "it", 12)
    ev = evaluate(ohio, plan_of(it12, pinned_field="astronomy"))
    assert ev.bundle.field == "it" and not ev.bundle.pinned
    assert PinnedFieldUnknown("astronomy") in ev.warnings


def test_selection_from_another_field_is_flagged_and_does_not_count(ohio):
    it12 = first_only_in(ohio, "it", 12)
    biz = first_only_in(ohio, "business")
    alone = evaluate(ohio, plan_of(it12))
    ev = evaluate(ohio, plan_of(it12, biz))
    other = ev.selection(biz.id)
    assert (other.counts, other.points, other.known) == (False, 0, True)
    assert (other.why, other.field) == (Why.OTHER_FIELD, "it")
    assert other.fields == ("business",)
    assert ev.bundle.points == alone.bundle.points == 12
    assert [s.id for s in ev.selections] == [it12.id, biz.id]  # it stays in the plan
    assert ev.field_points["business"] == biz.points_in("business")


def test_empty_plan_uses_the_first_field_with_nothing_in_it(ohio):
    ev = evaluate(ohio, Plan())
    assert not ev.met and ev.bundle.points == 0 and not ev.bundle.pinned
    assert (ev.bundle.field, ev.bundle.field_name) == (ohio.fields[0].id, ohio.fields[0].name)
    assert ev.selections == () and ev.bundle.earned_points == 0


# -- WorkKeys by graduating class ------------------------------------------------------------------------
# (class, scores, requirement that applies, met, total counted, parts below `each`, parts not taken)
WORKKEYS_CASES = [
    # classes 2018-2019: total 13 and (one district source, shared/facts/ohio.md) every part at least 3
    (2019, (5, 4, 4), "workkeys-2018", True, 13, (), ()),
    (2018, (4, 4, 4), "workkeys-2018", False, 12, (), ()),
    (2019, (7, 6, BELOW), "workkeys-2018", False, 13, ("Workplace Documents",), ()),  # 13, but a part below 3
    (2019, (7, 5, BELOW), "workkeys-2018", False, 12, ("Workplace Documents",), ()),
    (2019, (7, 5, None), "workkeys-2018", False, 12, ("Workplace Documents",), ("Workplace Documents",)),
    # classes 2020-2024: total 14 and every part at least 3
    (2021, (5, 5, 4), "workkeys-2020", True, 14, (), ()),
    (2020, (5, 5, 3), "workkeys-2020", False, 13, (), ()),
    (2024, (7, 7, BELOW), "workkeys-2020", False, 14, ("Workplace Documents",), ()),
    (2021, (7, 7, None), "workkeys-2020", False, 14, ("Workplace Documents",), ("Workplace Documents",)),
    (2021, (BELOW, 7, 6), "workkeys-2020", False, 13, ("Applied Math",), ()),
    # class 2025 on: every part at least 4
    (2026, (4, 4, 4), "workkeys-silver", True, 12, (), ()),
    (2025, (7, 7, 3), "workkeys-silver", False, 17, ("Workplace Documents",), ()),
    (2026, (None, 4, BELOW), "workkeys-silver", False, 4, ("Applied Math", "Workplace Documents"), ("Applied Math",)),
]


@pytest.mark.parametrize(("class_of", "scores", "req_id", "met", "total", "low", "not_taken"), WORKKEYS_CASES)
def test_workkeys_by_class(ohio, class_of, scores, req_id, met, total, low, not_taken):
    ev = evaluate(ohio, Plan(class_of=class_of, scores=workkeys(*scores)))
    assert [r.id for r in ev.requirements] == ["bundle", req_id]
    result = ev.requirement(req_id)
    assert result.met is met and result.state is (State.MET if met else State.NOT_MET)
    assert (result.total, result.low, result.not_taken) == (total, low, not_taken)
    assert result.assessment == "workkeys" and result.assessment_name == "ACT WorkKeys" and result.minimum == 3
    assert [p.part for p in result.parts] == list(ohio.assessment_by_id["workkeys"].parts)
    assert [p.value for p in result.parts] == list(scores)
    assert result.total_met is (result.total_needed is None or total >= result.total_needed)
    assert ev.warnings == ()


def test_class_not_set_checks_only_unlimited_requirements_and_says_so(ohio):
    it12 = first_only_in(ohio, "it", 12)
    ev = evaluate(ohio, plan_of(it12, scores=workkeys(3, 3, 3)))
    assert [r.id for r in ev.requirements] == ["bundle"]
    assert [r.id for r in ev.not_checked] == ["workkeys-2018", "workkeys-2020", "workkeys-silver"]
    (warning,) = ev.warnings
    assert warning == ClassNotSet(("workkeys-2018", "workkeys-2020", "workkeys-silver"),
                                  tuple(n.name for n in ev.not_checked))
    assert {n.why for n in ev.not_checked} == {NotCheckedWhy.CLASS_NOT_SET}
    assert all(n.state is State.NOT_CHECKED and n.class_of is None for n in ev.not_checked)
    assert ev.met


def test_class_before_any_workkeys_rule_has_no_class_warning(ohio):
    ev = evaluate(ohio, Plan(class_of=2017))
    assert [r.id for r in ev.requirements] == ["bundle"]
    assert not any(isinstance(w, ClassNotSet) for w in ev.warnings)
    assert {n.why for n in ev.not_checked} == {NotCheckedWhy.OTHER_CLASS}
    assert {(n.id, n.class_of) for n in ev.not_checked} == {
        ("workkeys-2018", 2017), ("workkeys-2020", 2017), ("workkeys-silver", 2017)}


def test_out_of_range_score_is_ignored_with_a_warning(ohio):
    ev = evaluate(ohio, Plan(class_of=2019, scores=workkeys(9, 5, 5)))
    assert ScoreOutOfRange("workkeys", "ACT WorkKeys", "Applied Math", 9, 3, 7) in ev.warnings
    assert (ev.requirement("workkeys-2018").total, ev.requirement("workkeys-2018").total_missing) == (10, 3)
    silver = evaluate(ohio, Plan(class_of=2026, scores=workkeys(9, 5, 5)))
    assert silver.requirement("workkeys-silver").low == ("Applied Math",)
    assert silver.requirement("workkeys-silver").parts[0].counted is None


def test_scores_for_unknown_parts_and_assessments_are_ignored_with_warnings(ohio):
    scores = freeze_scores({"workkeys": {"Applied Mathematics": 5}, "act": {"English": 20}})
    ev = evaluate(ohio, Plan(class_of=2019, scores=scores))
    assert PartUnknown("workkeys", "ACT WorkKeys", "Applied Mathematics") in ev.warnings
    assert AssessmentUnknown("act") in ev.warnings
    assert (ev.requirement("workkeys-2018").total, ev.requirement("workkeys-2018").total_missing) == (0, 13)


# -- competencies (Colorado) -------------------------------------------------------------------------------
def test_colorado_has_competencies_and_no_bundle(colorado):
    ev = evaluate(colorado, Plan())
    assert ev.bundle is None
    assert [r.id for r in ev.requirements] == ["english", "math"]
    assert [r.state for r in ev.missing] == [State.NOT_MET, State.NOT_MET]
    assert [r.competency for r in ev.requirements] == ["english", "math"]
    for r in ev.requirements:  # every option is carried, none holds
        assert len(r.options) == len(colorado.requirements[[q.id for q in colorado.requirements].index(r.id)].scores)
        assert r.options and not any(o.holds for o in r.options) and r.credentials == ()


def test_competency_met_by_a_credential(colorado):
    cred = next(c for c in colorado.credentials if "english" in c.meets)
    ev = evaluate(colorado, plan_of(cred))
    english = ev.requirement("english")
    assert english.met and not english.earned_met  # only planned so far
    assert [(c.id, c.name, c.status) for c in english.credentials] == [(cred.id, cred.name, "planned")]
    assert english.scores == ()
    sel = ev.selection(cred.id)
    assert sel.counts and sel.points == 0
    assert (sel.why, sel.meets) == (Why.COMPETENCY, tuple(sorted(cred.meets)))


def test_competency_met_by_a_score(colorado):
    ev = evaluate(colorado, Plan(scores=freeze_scores({"act": {"English": 18, "Math": 18}})))
    english, math = ev.requirement("english"), ev.requirement("math")
    assert english.met and english.earned_met and english.credentials == ()
    (held,) = english.scores
    assert (held.assessment_name, held.option.part, held.part_value, held.option.at_least) == ("ACT", "English", 18, 18)
    assert not math.met
    act_math = next(o for o in math.options if o.option.assessment == "act" and o.option.part == "Math")
    assert (act_math.option.at_least, act_math.part_value, act_math.holds) == (19, 18, False)
    assert any(o.option.assessment == "workkeys" and o.option.each == 3 for o in math.options)
    assert ev.missing == (math,)


def test_competency_not_met_by_a_score_just_below(colorado):
    ev = evaluate(colorado, Plan(scores=freeze_scores({"act": {"English": 17}})))
    english = ev.requirement("english")
    assert not english.met and english.credentials == () and english.scores == ()
    act = next(o for o in english.options if o.option.part == "English")
    assert (act.option.at_least, act.part_value, act.holds) == (18, 17, False)


def test_competency_by_workkeys_each_part_and_below_min(colorado):
    met = evaluate(colorado, Plan(scores=workkeys(3, 3, 3)))
    assert met.met and met.earned_met
    (held,) = met.requirement("math").scores
    assert (held.assessment_name, held.option.each) == ("ACT WorkKeys", 3)
    below = evaluate(colorado, Plan(scores=workkeys(7, 7, BELOW)))
    assert not below.requirement("english").met and not below.requirement("math").met


def test_competency_credential_and_score_both_listed(colorado):
    cred = colorado.credentials[0]
    plan = plan_of(cred, status=EARNED, scores=freeze_scores({"act": {"English": 30}}))
    english = evaluate(colorado, plan).requirement("english")
    assert [(c.name, c.status) for c in english.credentials] == [(cred.name, "earned")]
    assert [(o.option.part, o.part_value) for o in english.scores] == [("English", 30)]


MINI = """\
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
[[field]]
id = "y"
name = "Yankee"
[[field]]
id = "z"
name = "Zulu"
[[requirement]]
id = "b"
kind = "bundle"
name = "Bundle"
points = 6
[[requirement]]
id = "eng"
kind = "competency"
name = "English"
competency = "english"
[[credential]]
id = "cx"
name = "CX"
fields = ["x"]
points = 2
meets = ["english"]
[[credential]]
id = "cy"
name = "CY"
fields = ["y"]
points = 3
[[credential]]
id = "cz"
name = "CZ"
fields = ["z"]
points = 3
[[credential]]
id = "cyz"
name = "CYZ"
fields = ["z", "y"]
points = { y = 1, z = 2 }
"""


def test_mini_catalog_tie_and_points_table():
    mini = parse_catalog(MINI)
    tie = evaluate(mini, plan_of("cz", "cy"))
    assert (tie.bundle.field, tie.bundle.points) == ("y", 3)
    assert (tie.selection("cz").why, tie.selection("cz").fields, tie.selection("cz").field) == (Why.OTHER_FIELD, ("z",), "y")
    more = evaluate(mini, plan_of("cz", "cy", "cyz"))
    assert dict(more.field_points) == {"x": 0, "y": 4, "z": 5}
    assert more.bundle.field == "z" and more.selection("cyz").points == 2
    assert (more.selection("cy").why, more.selection("cy").field) == (Why.OTHER_FIELD, "z")
    assert more.selection("cyz").fields == ("y", "z")  # catalog order
    b = more.requirement("b")
    assert (b.field_name, b.points, b.required, b.missing, b.met) == ("Zulu", 5, 6, 1, False)


def test_mini_catalog_competency_met_only_by_credentials_with_meets():
    mini = parse_catalog(MINI)
    ev = evaluate(mini, plan_of("cy", pinned_field="y"))
    assert not ev.requirement("eng").met and ev.requirement("eng").options == ()
    ev = evaluate(mini, plan_of("cx", "cy", pinned_field="y"))
    assert [c.name for c in ev.requirement("eng").credentials] == ["CX"]  # counts for english though not for the bundle
    assert ev.selection("cx").counts is False


def test_no_meets_in_a_competency_catalog_does_not_count():
    text = MINI.replace('[[requirement]]\nid = "b"\nkind = "bundle"\nname = "Bundle"\npoints = 6\n', "")
    catalog = parse_catalog(text)
    assert not catalog.has_bundle
    ev = evaluate(catalog, plan_of("cx", "cy"))
    assert ev.bundle is None
    assert (ev.selection("cy").counts, ev.selection("cy").why, ev.selection("cy").meets) == (False, Why.COMPETENCY, ())
    assert (ev.selection("cx").counts, ev.selection("cx").why, ev.selection("cx").meets) == (True, Why.COMPETENCY, ("english",))
    assert ev.met and not ev.earned_met


# -- selections the catalog does not know, twice, planned or earned ------------------------------------------------
@pytest.mark.parametrize("which", ["ohio", "colorado"])
def test_credential_no_longer_in_the_catalog(request, which):
    catalog = request.getfixturevalue(which)
    ev = evaluate(catalog, plan_of("retired-cert-2019"))
    sel = ev.selection("retired-cert-2019")
    assert sel is not None and [s.id for s in ev.selections] == ["retired-cert-2019"]
    assert (sel.known, sel.counts, sel.points, sel.name) == (False, False, 0, "retired-cert-2019")
    assert sel.why is Why.NOT_IN_CATALOG
    assert set(ev.field_points.values()) == {0}


def test_unknown_credential_does_not_disturb_the_bundle(ohio):
    it12 = first_only_in(ohio, "it", 12)
    ev = evaluate(ohio, plan_of("retired-cert-2019", it12))
    assert ev.bundle.points == 12 and ev.requirement("bundle").met
    assert ev.selection("retired-cert-2019").why is Why.NOT_IN_CATALOG


def test_duplicate_selection_counted_once_with_a_warning(ohio):
    biz = first_only_in(ohio, "business")
    pts = biz.points_in("business")
    plan = Plan(selections=(Selection(biz.id), Selection(biz.id)))
    ev = evaluate(ohio, plan)
    assert ev.field_points["business"] == pts and ev.bundle.points == pts
    assert [s.id for s in ev.selections] == [biz.id]
    assert SelectedTwice(biz.id, biz.name) in ev.warnings


def test_duplicate_selection_with_two_statuses_uses_the_first(ohio):
    it12 = first_only_in(ohio, "it", 12)
    plan = Plan(selections=(Selection(it12.id, PLANNED), Selection(it12.id, EARNED)))
    ev = evaluate(ohio, plan)
    assert ev.selection(it12.id).status == PLANNED
    assert ev.bundle.earned_points == 0  # the list and the earned points agree
    assert field_points(ohio, plan, earned_only=True)["it"] == 0


def test_planned_and_earned_points(ohio):
    it12 = first_only_in(ohio, "it", 12)
    plan = Plan(selections=(Selection(it12.id, PLANNED), Selection(LICENSE, EARNED)))
    ev = evaluate(ohio, plan)
    b = ev.bundle
    assert (b.points, b.earned_points, b.met, b.earned_met) == (13, 1, True, False)
    bundle = ev.requirement("bundle")
    assert bundle.met and bundle.earned_met is False and bundle.planned_points == 12
    assert ev.met and not ev.earned_met
    done = evaluate(ohio, plan.with_status(it12.id, EARNED))
    assert (done.bundle.earned_points, done.requirement("bundle").earned_met) == (13, True)
    assert done.bundle.planned_points == 0 and done.earned_met


# -- what is missing, as data ---------------------------------------------------------------------------------------
def test_meets_every_requirement(ohio):
    it12 = first_only_in(ohio, "it", 12)
    ev = evaluate(ohio, plan_of(it12, status=EARNED, class_of=2026, scores=workkeys(4, 4, 4)))
    assert ev.met and ev.earned_met and ev.warnings == () and ev.missing == ()


def test_missing_lists_every_unmet_requirement_in_order(ohio):
    creds = worth_in(ohio, "it", 10)
    ev = evaluate(ohio, plan_of(*creds, pinned_field="it", class_of=2026, scores=workkeys(5, 3, 5)))
    assert [r.id for r in ev.missing] == ["bundle", "workkeys-silver"]
    assert ev.missing[0].missing == 2 and ev.missing[1].low == ("Graphic Literacy",)


def test_evaluate_is_pure(ohio, colorado):
    for catalog in (ohio, colorado):
        plan = plan_of(catalog.credentials[0], class_of=2026)
        assert evaluate(catalog, plan) == evaluate(catalog, plan)
