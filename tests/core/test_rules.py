"""evaluate(catalog, plan) on the edge cases of the contract's "Meaning" section.

Ohio (bundles, WorkKeys by class) and colorado-example (competencies) are the real
bundled catalogs. Ohio is still being edited, so its credentials are looked up by
their properties (listed only in `it`, worth 12, ...), never by id; the only ids
used are the driver license's, the fields' and the requirements'."""

from __future__ import annotations

import itertools

import pytest

from credplan.core.catalog import parse_catalog
from credplan.core.model import BELOW, EARNED, PLANNED, Plan, Selection, freeze_scores
from credplan.core.rules import evaluate, field_points

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
    assert bundle.met and bundle.detail == f"12 of 12 points in {IT}"
    sel = ev.selection(cred.id)
    assert (sel.counts, sel.points, sel.reason) == (True, 12, f"counts 12 points in {IT}")
    assert ev.met


def test_eleven_points_do_not_complete_a_bundle(ohio):
    creds = worth_in(ohio, "it", 11)
    ev = evaluate(ohio, plan_of(*creds, pinned_field="it"))
    assert not ev.met
    assert ev.requirement("bundle").detail == f"11 of 12 points in {IT}: 1 more point in {IT}"
    assert ev.status == f"Still missing: 1 more point in {IT}"


def test_driver_license_counts_in_every_field(ohio):
    license = ohio.credential_by_id[LICENSE]
    ev = evaluate(ohio, plan_of(LICENSE))
    assert set(ev.field_points.values()) == {1} and len(ev.field_points) == len(ohio.fields)
    first = ohio.fields[0]
    assert ev.bundle.field == first.id  # a tie everywhere: the first field
    sel = ev.selection(LICENSE)
    assert sel.universal and sel.counts and sel.points == 1
    assert sel.reason == f"listed in every field: counts 1 point in {first.name}"
    for f in ohio.fields:
        pinned = evaluate(ohio, plan_of(LICENSE, pinned_field=f.id)).selection(LICENSE)
        assert (pinned.counts, pinned.points) == (True, 1)
        assert "listed in every field" in pinned.reason and pinned.reason.endswith(f"in {f.name}")
    assert license.universal_points == 1 and license.listed_in("it")


def test_driver_license_adds_to_the_bundle_field(ohio):
    cred = first_only_in(ohio, "it", 12)
    ev = evaluate(ohio, plan_of(LICENSE, cred))
    assert ev.bundle.field == "it" and ev.bundle.points == 13
    assert ev.selection(LICENSE).reason == f"listed in every field: counts 1 point in {IT}"
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
        unit = "point" if expected == 1 else "points"
        assert sel.reason == f"counts {expected} {unit} in {ohio.field_name(pinned)}"
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
    assert moved.reason == f"other field: {IT}, not {BUSINESS}"
    assert ev.selection(biz.id).counts and ev.selection(biz.id).points == pts
    assert not ev.requirement("bundle").met
    assert ev.requirement("bundle").detail == f"{pts} of 12 points in {BUSINESS}: {12 - pts} more points in {BUSINESS}"


def test_pinned_field_counts_even_with_nothing_in_it(ohio):
    it12 = first_only_in(ohio, "it", 12)
    ev = evaluate(ohio, plan_of(it12, pinned_field="law"))
    assert ev.bundle.field == "law" and ev.bundle.points == 0 and ev.bundle.pinned
    assert ev.status == f"Still missing: 12 more points in {ohio.field_name('law')}"


def test_unknown_pinned_field_is_ignored_with_a_warning(ohio):
    it12 = first_only_in(ohio, "it", 12)
    ev = evaluate(ohio, plan_of(it12, pinned_field="astronomy"))
    assert ev.bundle.field == "it" and not ev.bundle.pinned
    assert "pinned field `astronomy` is not in this catalog; using the field with the most points" in ev.warnings


def test_selection_from_another_field_is_flagged_and_does_not_count(ohio):
    it12 = first_only_in(ohio, "it", 12)
    biz = first_only_in(ohio, "business")
    alone = evaluate(ohio, plan_of(it12))
    ev = evaluate(ohio, plan_of(it12, biz))
    other = ev.selection(biz.id)
    assert (other.counts, other.points, other.known) == (False, 0, True)
    assert other.reason == f"other field: {BUSINESS}, not {IT}"
    assert other.fields == ("business",)
    assert ev.bundle.points == alone.bundle.points == 12
    assert [s.id for s in ev.selections] == [it12.id, biz.id]  # it stays in the plan
    assert ev.field_points["business"] == biz.points_in("business")


def test_empty_plan_says_nothing_counts_yet(ohio):
    ev = evaluate(ohio, Plan())
    assert not ev.met and ev.bundle.points == 0
    assert ev.requirement("bundle").detail == "0 of 12 points: nothing counts yet"
    assert ev.status == "Still missing: credentials worth 12 points in one career field (none selected yet)"


# -- WorkKeys by graduating class ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("class_of", "scores", "req_id", "met", "detail"),
    [
        # classes 2018-2019: total 13, no per-part minimum
        (2019, (5, 4, 4), "workkeys-2018", True, "WorkKeys (classes 2018-2019): total 13 of 13"),
        (2018, (4, 4, 4), "workkeys-2018", False, "WorkKeys (classes 2018-2019): total 12 of 13 (1 more)"),
        (2019, (7, 6, BELOW), "workkeys-2018", True, "WorkKeys (classes 2018-2019): total 13 of 13"),
        (2019, (7, 5, BELOW), "workkeys-2018", False, "WorkKeys (classes 2018-2019): total 12 of 13 (1 more)"),
        (2019, (7, 5, None), "workkeys-2018", False, "WorkKeys (classes 2018-2019): total 12 of 13 (1 more)"),
        # classes 2020-2024: total 14 and every part at least 3
        (2021, (5, 5, 4), "workkeys-2020", True, "WorkKeys (classes 2020-2024): total 14 of 14, every part at least 3"),
        (2020, (5, 5, 3), "workkeys-2020", False, "WorkKeys (classes 2020-2024): total 13 of 14 (1 more)"),
        (2024, (7, 7, BELOW), "workkeys-2020", False, "WorkKeys (classes 2020-2024): Workplace Documents needs at least 3"),
        (2021, (7, 7, None), "workkeys-2020", False,
         "WorkKeys (classes 2020-2024): Workplace Documents needs at least 3 (not taken yet)"),
        (2021, (BELOW, 7, 6), "workkeys-2020", False,
         "WorkKeys (classes 2020-2024): total 13 of 14 (1 more); Applied Math needs at least 3"),
        # class 2025 on: every part at least 4
        (2026, (4, 4, 4), "workkeys-silver", True, "WorkKeys Silver NCRC (class 2025 on): every part at least 4"),
        (2025, (7, 7, 3), "workkeys-silver", False, "WorkKeys Silver NCRC (class 2025 on): Workplace Documents needs at least 4"),
        (2026, (None, 4, BELOW), "workkeys-silver", False,
         "WorkKeys Silver NCRC (class 2025 on): Applied Math needs at least 4 (not taken yet); "
         "Workplace Documents needs at least 4"),
    ],
)
def test_workkeys_by_class(ohio, class_of, scores, req_id, met, detail):
    ev = evaluate(ohio, Plan(class_of=class_of, scores=workkeys(*scores)))
    assert [r.id for r in ev.requirements] == ["bundle", req_id]
    result = ev.requirement(req_id)
    assert result.met is met
    assert result.detail == detail
    if met:
        assert result.short == ""
    else:  # the status line's shorter form names the same requirement
        assert result.short.startswith(f"{result.name}: ") and len(result.short) <= len(detail)
    assert ev.warnings == ()


@pytest.mark.parametrize(
    ("class_of", "scores", "req_id", "short"),
    [
        (2021, (BELOW, 7, 6), "workkeys-2020", "WorkKeys (classes 2020-2024): 1 more in total; Applied Math needs at least 3"),
        (2026, (None, 4, BELOW), "workkeys-silver",
         "WorkKeys Silver NCRC (class 2025 on): Applied Math and Workplace Documents need at least 4"),
        (2018, (4, 4, 4), "workkeys-2018", "WorkKeys (classes 2018-2019): 1 more in total"),
    ],
)
def test_workkeys_short_form_for_the_status_line(ohio, class_of, scores, req_id, short):
    ev = evaluate(ohio, Plan(class_of=class_of, scores=workkeys(*scores)))
    assert ev.requirement(req_id).short == short
    assert ev.status == f"Still missing: credentials worth 12 points in one career field (none selected yet); {short}"


def test_class_not_set_checks_only_unlimited_requirements_and_says_so(ohio):
    it12 = first_only_in(ohio, "it", 12)
    ev = evaluate(ohio, plan_of(it12, scores=workkeys(3, 3, 3)))
    assert [r.id for r in ev.requirements] == ["bundle"]
    assert [r.id for r in ev.not_applying] == ["workkeys-2018", "workkeys-2020", "workkeys-silver"]
    (warning,) = ev.warnings
    assert warning.startswith("graduating class not set: ") and warning.endswith(" not checked")
    for req in ev.not_applying:
        assert req.name in warning
    assert ev.met
    assert ev.status == "Meets every requirement checked so far; set the graduating class to check the rest."


def test_class_before_any_workkeys_rule_has_no_class_warning(ohio):
    ev = evaluate(ohio, Plan(class_of=2017))
    assert [r.id for r in ev.requirements] == ["bundle"]
    assert not any("class not set" in w for w in ev.warnings)


def test_out_of_range_score_is_ignored_with_a_warning(ohio):
    ev = evaluate(ohio, Plan(class_of=2019, scores=workkeys(9, 5, 5)))
    assert "ACT WorkKeys Applied Math score 9 is outside 3..7 and was ignored" in ev.warnings
    assert ev.requirement("workkeys-2018").detail == "WorkKeys (classes 2018-2019): total 10 of 13 (3 more)"
    silver = evaluate(ohio, Plan(class_of=2026, scores=workkeys(9, 5, 5)))
    assert silver.requirement("workkeys-silver").detail == "WorkKeys Silver NCRC (class 2025 on): Applied Math needs at least 4"


def test_scores_for_unknown_parts_and_assessments_are_ignored_with_warnings(ohio):
    scores = freeze_scores({"workkeys": {"Applied Mathematics": 5}, "act": {"English": 20}})
    ev = evaluate(ohio, Plan(class_of=2019, scores=scores))
    assert "ACT WorkKeys has no part `Applied Mathematics`; its score was ignored" in ev.warnings
    assert "scores for `act`, which this catalog does not have, were ignored" in ev.warnings
    assert ev.requirement("workkeys-2018").detail.endswith("total 0 of 13 (13 more)")


# -- competencies (Colorado) -------------------------------------------------------------------------------
def test_colorado_has_competencies_and_no_bundle(colorado):
    ev = evaluate(colorado, Plan())
    assert ev.bundle is None
    assert [r.id for r in ev.requirements] == ["english", "math"]
    assert ev.status == (
        "Still missing: English competency: a certificate that meets english or a qualifying score; "
        "Math competency: a certificate that meets math or a qualifying score"
    )


def test_competency_met_by_a_credential(colorado):
    cred = next(c for c in colorado.credentials if "english" in c.meets)
    ev = evaluate(colorado, plan_of(cred))
    english = ev.requirement("english")
    assert english.met
    assert english.met_by == (f"{cred.name} (planned)",)
    assert english.detail == f"English competency: met by {cred.name} (planned)"
    sel = ev.selection(cred.id)
    assert sel.counts and sel.points == 0
    assert sel.reason == "meets " + " and ".join(sorted(cred.meets))


def test_competency_met_by_a_score(colorado):
    ev = evaluate(colorado, Plan(scores=freeze_scores({"act": {"English": 18, "Math": 18}})))
    english, math = ev.requirement("english"), ev.requirement("math")
    assert english.met and english.detail == "English competency: met by ACT English 18 (needs 18)"
    assert not math.met
    assert math.detail.startswith("Math competency: not met yet; any one of: a certificate that meets math; ")
    assert "ACT Math at least 19" in math.detail
    assert "ACT WorkKeys every part at least 3" in math.detail
    assert ev.status == "Still missing: Math competency: a certificate that meets math or a qualifying score"


def test_competency_not_met_by_a_score_just_below(colorado):
    ev = evaluate(colorado, Plan(scores=freeze_scores({"act": {"English": 17}})))
    english = ev.requirement("english")
    assert not english.met and english.met_by == ()
    assert english.detail.startswith("English competency: not met yet; any one of: a certificate that meets english; ")
    assert "ACT English at least 18" in english.detail


def test_competency_by_workkeys_each_part_and_below_min(colorado):
    met = evaluate(colorado, Plan(scores=workkeys(3, 3, 3)))
    assert met.met and met.status == "Meets every requirement."
    assert met.requirement("math").detail == "Math competency: met by ACT WorkKeys every part at least 3"
    below = evaluate(colorado, Plan(scores=workkeys(7, 7, BELOW)))
    assert not below.requirement("english").met and not below.requirement("math").met


def test_competency_credential_and_score_both_listed(colorado):
    cred = colorado.credentials[0]
    plan = plan_of(cred, status=EARNED, scores=freeze_scores({"act": {"English": 30}}))
    english = evaluate(colorado, plan).requirement("english")
    assert english.met_by == (f"{cred.name} (earned)", "ACT English 30 (needs 18)")


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
    assert tie.selection("cz").reason == "other field: Zulu, not Yankee"
    more = evaluate(mini, plan_of("cz", "cy", "cyz"))
    assert dict(more.field_points) == {"x": 0, "y": 4, "z": 5}
    assert more.bundle.field == "z" and more.selection("cyz").points == 2
    assert more.selection("cy").reason == "other field: Yankee, not Zulu"
    assert more.selection("cyz").fields == ("y", "z")  # catalog order
    assert more.requirement("b").detail == "5 of 6 points in Zulu: 1 more point in Zulu"


def test_mini_catalog_competency_met_only_by_credentials_with_meets():
    mini = parse_catalog(MINI)
    ev = evaluate(mini, plan_of("cy", pinned_field="y"))
    assert not ev.requirement("eng").met
    assert ev.requirement("eng").detail == "English: not met yet; any one of: a certificate that meets english"
    ev = evaluate(mini, plan_of("cx", "cy", pinned_field="y"))
    assert ev.requirement("eng").met_by == ("CX (planned)",)  # counts for english though not for the bundle
    assert ev.selection("cx").counts is False


def test_no_meets_in_a_competency_catalog_does_not_count():
    text = MINI.replace('[[requirement]]\nid = "b"\nkind = "bundle"\nname = "Bundle"\npoints = 6\n', "")
    catalog = parse_catalog(text)
    assert not catalog.has_bundle
    ev = evaluate(catalog, plan_of("cx", "cy"))
    assert ev.bundle is None
    assert (ev.selection("cy").counts, ev.selection("cy").reason) == (False, "meets no competency in this catalog")
    assert (ev.selection("cx").counts, ev.selection("cx").reason) == (True, "meets english")
    assert ev.met and ev.status == "Meets every requirement."


# -- selections the catalog does not know, twice, planned or earned ------------------------------------------------
@pytest.mark.parametrize("which", ["ohio", "colorado"])
def test_credential_no_longer_in_the_catalog(request, which):
    catalog = request.getfixturevalue(which)
    ev = evaluate(catalog, plan_of("retired-cert-2019"))
    sel = ev.selection("retired-cert-2019")
    assert sel is not None and [s.id for s in ev.selections] == ["retired-cert-2019"]
    assert (sel.known, sel.counts, sel.points, sel.name) == (False, False, 0, "retired-cert-2019")
    assert sel.reason == "no longer in this catalog"
    assert set(ev.field_points.values()) == {0}


def test_unknown_credential_does_not_disturb_the_bundle(ohio):
    it12 = first_only_in(ohio, "it", 12)
    ev = evaluate(ohio, plan_of("retired-cert-2019", it12))
    assert ev.bundle.points == 12 and ev.requirement("bundle").met
    assert ev.selection("retired-cert-2019").reason == "no longer in this catalog"


def test_duplicate_selection_counted_once_with_a_warning(ohio):
    biz = first_only_in(ohio, "business")
    pts = biz.points_in("business")
    plan = Plan(selections=(Selection(biz.id), Selection(biz.id)))
    ev = evaluate(ohio, plan)
    assert ev.field_points["business"] == pts and ev.bundle.points == pts
    assert [s.id for s in ev.selections] == [biz.id]
    assert f"`{biz.id}` is selected twice; counted once" in ev.warnings


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
    assert bundle.met and bundle.earned_met is False
    assert bundle.detail == f"13 of 12 points in {IT} (1 earned so far)"
    done = evaluate(ohio, plan.with_status(it12.id, EARNED))
    assert (done.bundle.earned_points, done.requirement("bundle").earned_met) == (13, True)
    assert done.requirement("bundle").detail == f"13 of 12 points in {IT}"


# -- the status line -----------------------------------------------------------------------------------------------------
def test_status_meets_every_requirement(ohio):
    it12 = first_only_in(ohio, "it", 12)
    ev = evaluate(ohio, plan_of(it12, status=EARNED, class_of=2026, scores=workkeys(4, 4, 4)))
    assert ev.met and ev.warnings == ()
    assert ev.status == "Meets every requirement."


def test_status_still_missing_points(ohio):
    creds = worth_in(ohio, "it", 10)
    ev = evaluate(ohio, plan_of(*creds, pinned_field="it"))
    assert ev.bundle.points == 10 and not ev.met
    bundle = ev.requirement("bundle")
    assert bundle.short == f"2 more points in {IT}"
    assert bundle.detail == f"10 of 12 points in {IT}: 2 more points in {IT}"
    assert ev.status == f"Still missing: 2 more points in {IT}"


def test_status_lists_everything_missing_in_order(ohio):
    creds = worth_in(ohio, "it", 10)
    ev = evaluate(ohio, plan_of(*creds, pinned_field="it", class_of=2026, scores=workkeys(5, 3, 5)))
    assert ev.status == (
        f"Still missing: 2 more points in {IT}; "
        "WorkKeys Silver NCRC (class 2025 on): Graphic Literacy needs at least 4"
    )
