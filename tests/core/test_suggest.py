"""The suggestions: exact top-N completions, nearest fields, competency options, and their words."""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
from fractions import Fraction
from pathlib import Path
from types import MappingProxyType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from credplan.core.catalog import load_catalog
from credplan.core.competency_options import competency_suggestions
from credplan.core.completions import MEASURES, SuggestError, completion_result_dict, completions
from credplan.core.model import (
    BELOW,
    Catalog,
    CatalogInfo,
    Credential,
    Field,
    Plan,
    Requirement,
    Selection,
    freeze_scores,
)
from credplan.core.nearest import field_distance_dict, nearest_fields
from credplan.core.rules import evaluate, field_points
from credplan.core.words.suggestions import (
    competency_sentence,
    completion_lines,
    completion_text,
    distance_sentence,
    result_notes,
    result_sentence,
    score_now,
    score_text,
)

REPO = Path(__file__).resolve().parents[2]
FIELDS = (("a", "Alpha"), ("b", "Health"), ("c", "Construction"))


# -- building small catalogs ------------------------------------------------------------------------
def cred(cid, fields, points, cost=None, hours=None, verified=True, name=None, meets=()):
    """fields: tuple of field ids or "*"; points: int or {field: int}."""
    if fields == "*":
        return Credential(cid, name or cid.upper(), (), universal=True, universal_points=points,
                          verified=verified, cost=cost, hours=hours, meets=frozenset(meets))
    table = points if isinstance(points, dict) else {f: points for f in fields}
    return Credential(cid, name or cid.upper(), tuple(fields), points=MappingProxyType(dict(table)),
                      verified=verified, cost=cost, hours=hours, meets=frozenset(meets))


def catalog(creds, required=12, fields=FIELDS, bundle=True):
    info = CatalogInfo("test", "Test catalog", "Nowhere", "https://example.org", dt.date(2026, 1, 1))
    reqs = (Requirement("bundle", "bundle", "Bundle", points=required),) if bundle else ()
    return Catalog.build(info, tuple(Field(i, n) for i, n in fields), tuple(creds), (), reqs)


def plan(*ids, earned=(), pinned=None):
    sels = tuple(Selection(i) for i in ids) + tuple(Selection(i, "earned") for i in earned)
    return Plan(student="T", selections=sels, pinned_field=pinned)


# -- brute force (independent of the engine) ---------------------------------------------------------
def _money(v):
    return Fraction(str(v)) if v is not None else Fraction(0)


def brute_key(combo, target, by, pos):
    count = len(combo)
    over = sum(p for _, p in combo) - target
    miss_c = sum(1 for c, _ in combo if c.cost is None)
    cost = sum(_money(c.cost) for c, _ in combo)
    miss_h = sum(1 for c, _ in combo if c.hours is None)
    hours = sum(_money(c.hours) for c, _ in combo)
    ids = tuple(sorted(pos[c.id] for c, _ in combo))
    return {
        "count": (count, miss_c, cost, over, ids),
        "cost": (miss_c, cost, count, over, ids),
        "hours": (miss_h, hours, count, over, ids),
        "overshoot": (over, count, miss_c, cost, ids),
    }[by]


def brute_force(cat, pl, field, by, limit):
    """(top `limit` completions as id tuples in catalog order, all minimal completions, how many
    of those list the measure's value for every member)."""
    required = cat.bundle_requirements[0].points
    target = required - field_points(cat, pl)[field]
    if target <= 0:
        return [], 0, 0
    chosen = pl.selected_ids()
    cands = [(c, c.points_in(field)) for c in cat.by_field[field] if c.id not in chosen]
    pos = {c.id: i for i, c in enumerate(cat.credentials)}
    found = []
    for r in range(1, len(cands) + 1):
        for combo in itertools.combinations(cands, r):
            pts = [p for _, p in combo]
            if sum(pts) >= target and sum(pts) - min(pts) < target:
                found.append(combo)
    attr = "hours" if by == "hours" else "cost"
    full = sum(1 for combo in found if all(getattr(c, attr) is not None for c, _ in combo))
    found.sort(key=lambda combo: brute_key(combo, target, by, pos))
    top = [tuple(sorted((c.id for c, _ in combo), key=pos.__getitem__)) for combo in found[:limit]]
    return top, len(found), full


# -- hypothesis: exact against brute force --------------------------------------------------------------
COSTS = st.one_of(st.none(), st.integers(0, 400), st.sampled_from([9.99, 12.5, 100.25, 0.5]))


@st.composite
def scenarios(draw, max_n=10, points_from=None):
    required = draw(st.integers(1, 12))
    n = draw(st.integers(3, max_n))
    creds = []
    for i in range(n):
        pts = st.sampled_from(points_from) if points_from else st.integers(1, required)
        cost, hours = draw(COSTS), draw(COSTS)
        verified = draw(st.booleans())
        if draw(st.integers(0, 9)) == 0:
            creds.append(cred(f"u{i}", "*", min(draw(pts), required), cost, hours, verified))
            continue
        fields = draw(st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3, unique=True))
        table = {f: min(draw(pts), required) for f in fields}
        creds.append(cred(f"k{i}", tuple(sorted(fields)), table, cost, hours, verified))
    cat = catalog(creds, required)
    ids = [c.id for c in creds]
    picked = draw(st.lists(st.sampled_from(ids), max_size=4, unique=True))
    earned = [i for i in picked if draw(st.booleans())]
    planned = [i for i in picked if i not in earned]
    pl = plan(*planned, earned=earned, pinned=draw(st.sampled_from([None, "a", "b", "zz"])))
    field = draw(st.sampled_from([None, "a", "b", "c"]))
    by = draw(st.sampled_from(MEASURES))
    limit = draw(st.integers(1, 8))
    return cat, pl, field, by, limit


def check_against_brute_force(cat, pl, field, by, limit):
    result = completions(cat, pl, field, by, limit)
    expected_field = field or evaluate(cat, pl).bundle.field
    assert result.field == expected_field
    top, total, full = brute_force(cat, pl, expected_field, by, limit)
    assert [c.credentials for c in result.completions] == top
    assert result.total == total
    if total:
        assert result.total_missing == total - full
    required = cat.bundle_requirements[0].points
    current = field_points(cat, pl)[expected_field]
    assert result.current == current and result.required == required
    assert result.shortfall == max(0, required - current)
    chosen = pl.selected_ids()
    for c in result.completions:
        assert not chosen & set(c.credentials)
        assert c.added == sum(p.points for p in c.picks)
        assert c.reaches == current + c.added >= required
        assert c.overshoot == c.reaches - required
        assert c.added - min(p.points for p in c.picks) < required - current  # minimal
        assert c.missing_cost == any(p.cost is None for p in c.picks)
        assert c.cost == pytest.approx(sum(p.cost or 0 for p in c.picks))
    if result.shortfall == 0:
        assert result_sentence(result).startswith("already complete in")
    elif total == 0:
        assert result_sentence(result).startswith(f"cannot reach {required} points in")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_completions_match_brute_force(case):
    check_against_brute_force(*case)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios(max_n=13, points_from=(1, 2, 3)))
def test_completions_match_brute_force_with_many_equal_points(case):
    """Many credentials with equal points: exercises the pruning of unusable credentials."""
    check_against_brute_force(*case)


@pytest.mark.parametrize("by", MEASURES)
def test_every_measure_on_a_fixed_catalog(by):
    creds = [cred(f"x{i}", ("a",), p, cost=c, hours=h)
             for i, (p, c, h) in enumerate([(1, 10, 5), (2, None, 1), (3, 30, None), (4, 5, 50), (6, 100, 10),
                                            (6, 60, None), (9, 200, 100), (12, None, 3), (1, 0, 0), (3, 30, 30)])]
    cat = catalog(creds)
    for pl in (plan(), plan("x0"), plan("x6")):
        check_against_brute_force(cat, pl, "a", by, 7)


# -- hand-made cases -------------------------------------------------------------------------------------
def test_ties_are_broken_by_catalog_order():
    cat = catalog([cred("p", ("a",), 6, cost=50), cred("q", ("a",), 6, cost=50), cred("r", ("a",), 6, cost=50)])
    result = completions(cat, plan(), "a", "count", 5)
    assert [c.credentials for c in result.completions] == [("p", "q"), ("p", "r"), ("q", "r")]
    assert result.total == 3


def test_count_ties_are_broken_by_cost_then_overshoot():
    cat = catalog([
        cred("big", ("a",), 12, cost=300),
        cred("big-cheap", ("a",), 12, cost=100),
        cred("nine", ("a",), 9, cost=10),
        cred("three", ("a",), 3, cost=10),
        cred("four", ("a",), 4, cost=10),
    ])
    result = completions(cat, plan(), "a", "count", 5)
    assert [c.credentials for c in result.completions] == [
        ("big-cheap",), ("big",), ("nine", "three"), ("nine", "four"),
    ]
    assert result.completions[3].overshoot == 1


def test_supersets_are_not_suggested():
    cat = catalog([cred("whole", ("a",), 12, cost=5), cred("one", ("a",), 1, cost=0), cred("eleven", ("a",), 11, cost=0)])
    result = completions(cat, plan(), "a", "cost", 10)
    sets = [set(c.credentials) for c in result.completions]
    assert sets == [{"one", "eleven"}, {"whole"}]
    assert {"whole", "one"} not in sets


def test_missing_costs_rank_last_and_the_listing_says_so():
    cat = catalog([
        cred("free-unknown", ("a",), 12),  # no cost listed: would look cheapest
        cred("dear", ("a",), 12, cost=500),
        cred("half", ("a",), 6, cost=200),
        cred("half2", ("a",), 6, cost=250),
    ])
    result = completions(cat, plan(), "a", "cost", 5)
    assert [c.credentials for c in result.completions] == [("half", "half2"), ("dear",), ("free-unknown",)]
    assert result.completions[-1].missing_cost
    assert "no listed cost" in completion_text(result.completions[-1])
    assert result_notes(result) == [
        "1 of these 3 includes a credential with no listed cost; it comes last, after every combination whose costs are all listed"
    ]
    assert result.total_missing == 1

    top2 = completions(cat, plan(), "a", "cost", 2)
    assert all(not c.missing_cost for c in top2.completions)
    assert result_notes(top2) == ["1 more combination includes a credential with no listed cost; it comes after these"]


def test_missing_hours_rank_last_by_hours():
    cat = catalog([cred("h0", ("a",), 12), cred("h1", ("a",), 12, hours=80), cred("h2", ("a",), 12, hours=40)])
    result = completions(cat, plan(), "a", "hours", 5)
    assert [c.credentials for c in result.completions] == [("h2",), ("h1",), ("h0",)]
    assert completion_text(result.completions[0]) == "+ H2 (12) reaches 12, no listed cost, 40 hours to prepare"
    assert result_notes(result) == [
        "1 of these 3 includes a credential with no listed hours; it comes last, after every combination whose hours are all listed"
    ]


def test_universal_credentials_are_candidates_everywhere_and_count_everywhere():
    cat = catalog([cred("license", "*", 1, cost=0), cred("eleven-a", ("a",), 11, cost=90), cred("eleven-b", ("b",), 11, cost=90)])
    for field in ("a", "b", "c"):
        result = completions(cat, plan(), field, "count", 5)
        if field == "c":
            assert not result.reachable and result_sentence(result).startswith("cannot reach 12 points in Construction")
        else:
            assert [c.credentials for c in result.completions] == [("license", f"eleven-{field}")]
            assert result.completions[0].picks[0].universal
    selected = plan(earned=["license"])
    assert nearest_fields(cat, selected)[0].points == 1
    result = completions(cat, selected, "b")
    assert result.current == 1 and result.shortfall == 11
    assert [c.credentials for c in result.completions] == [("eleven-b",)]


def test_selected_credentials_are_never_suggested_and_earned_ones_never_removed():
    cat = catalog([cred("e1", ("a",), 3), cred("e2", ("b",), 9), cred("p1", ("a",), 3), cred("x", ("a",), 6), cred("y", ("a",), 9)])
    pl = plan("p1", earned=["e1", "e2"])
    result = completions(cat, pl, "a", "count", 10)
    assert result.current == 6
    for c in result.completions:
        assert not {"e1", "e2", "p1"} & set(c.credentials)
    # the earned credential from another field stays; completions only add
    assert [c.credentials for c in result.completions] == [("x",), ("y",)]


def test_already_complete():
    cat = catalog([cred("whole", ("b",), 12), cred("other", ("b",), 3)])
    result = completions(cat, plan(earned=["whole"]))
    assert result.complete and result.completions == ()
    assert result_sentence(result) == "already complete in Health (12 of 12 points)"
    assert completion_result_dict(result)["complete"] is True


def test_unreachable_field():
    cat = catalog([cred("s", ("a",), 3), cred("t", ("a",), 4)])
    result = completions(cat, plan(), "a")
    assert not result.reachable and result.completions == ()
    assert result_sentence(result).startswith("cannot reach 12 points in Alpha with this catalog")


def test_default_field_is_the_bundle_field_and_pinned_wins():
    cat = catalog([cred("s", ("a",), 3), cred("t", ("b",), 4), cred("w", ("b",), 12)])
    assert completions(cat, plan("s", "t")).field == "b"
    result = completions(cat, plan("s", "t", pinned="a"))
    assert result.field == "a" and result.how == "pinned"
    assert completions(cat, plan(), "c").how == "chosen"


def test_explanation_marks_unverified_points():
    cat = catalog([cred("osha", ("a",), 1, cost=25, name="OSHA 10-Hour"),
                   cred("aplus", ("a",), 12, cost=506, verified=False, name="CompTIA A+")])
    result = completions(cat, plan(), "a", "overshoot", 5)
    assert completion_text(result.completions[0]) == "+ CompTIA A+ (12?) reaches 12, $506"
    cat = catalog([cred("osha", ("a",), 2, cost=25, name="OSHA 10-Hour"),
                   cred("aplus", ("a",), 11, cost=506.5, verified=False, name="CompTIA A+")])
    c = completions(cat, plan(), "a")
    assert completion_text(c.completions[0]) == "+ OSHA 10-Hour (2) + CompTIA A+ (11?) reaches 12 (1 point more than needed), $531.50"
    assert c.completions[0].unverified


def test_bad_requests_raise_suggest_error():
    cat = catalog([cred("s", ("b",), 3)])
    with pytest.raises(SuggestError, match="did you mean `b`"):
        completions(cat, plan(), "bb")
    with pytest.raises(SuggestError, match="unknown measure"):
        completions(cat, plan(), by="price")
    with pytest.raises(SuggestError, match="limit"):
        completions(cat, plan(), limit=0)
    with pytest.raises(SuggestError, match="no points bundle"):
        completions(catalog([cred("s", ("b",), 3)], bundle=False), plan())


# -- the words (core.words.suggestions) -----------------------------------------------------------------
def test_completion_lines_say_how_many_combinations_and_which_are_listed():
    cat = catalog([cred(f"s{i}", ("a",), 6, cost=10 * i if i else None) for i in range(4)])
    lines = completion_lines(completions(cat, plan(), "a", "count", 4))
    assert lines[:3] == [
        "Bundle field: Alpha (as asked): 0 of 12 points",
        "12 more points needed in Alpha (0 of 12).",
        "6 combinations would finish it; the 4 with the fewest credentials:",
    ]
    assert lines[3] == "  1. + S1 (6) + S2 (6) reaches 12, $30"
    assert lines[-1] == "Note: 1 of these 4 includes a credential with no listed cost, so the total cost may be higher than shown."
    one = catalog([cred("w", ("a",), 6), cred("x", ("a",), 9, cost=30)])
    only = completion_lines(completions(one, plan("w"), "a", "cost", 5))
    assert only[2:] == ["1 combination would finish it:", "  1. + X (9) reaches 12 (3 points more than needed), $30"]
    assert completion_lines(completions(cat, plan(), "a", "cost", 10))[2] == "6 combinations would finish it, lowest cost first:"


def test_results_carry_data_not_sentences():
    """The words are built from the results by core.words.suggestions, never stored in them."""
    from credplan.core.competency_options import CompetencySuggestion, CredentialOption, PartScore, ScoreTarget
    from credplan.core.completions import Completion, CompletionResult, Pick
    from credplan.core.nearest import FieldDistance

    prose = {"sentence", "explanation", "notes", "reason", "text", "now"}
    for cls in (Pick, Completion, CompletionResult, FieldDistance, CredentialOption, PartScore, ScoreTarget,
                CompetencySuggestion):
        assert not prose & set(cls.__dataclass_fields__), cls.__name__


# -- nearest fields ------------------------------------------------------------------------------------
def test_nearest_fields_ranking_and_sentences():
    cat = catalog([
        cred("h9", ("b",), 9, cost=100),
        cred("h3", ("b",), 3, cost=40),
        cred("a6", ("a",), 6, cost=10),
        cred("a12", ("a",), 12, cost=300),
        cred("c2", ("c",), 2),
    ])
    rows = nearest_fields(cat, plan("h9", "a6"))
    assert [r.field for r in rows] == ["b", "a", "c"]
    health, alpha, constr = rows
    assert distance_sentence(health).startswith("3 points from Health (9 of 12)")
    assert health.is_bundle_field and health.best_size == 1 and health.best_cost == 40
    assert alpha.shortfall == 6 and alpha.best_size == 1
    assert not constr.reachable and distance_sentence(constr).startswith("cannot reach 12 points in Construction")
    assert field_distance_dict(health)["best_cost"] == 40

    done = nearest_fields(cat, plan("h9", "h3"))
    assert done[0].complete and distance_sentence(done[0]) == "complete in Health (12 of 12 points)"
    assert done[0].best_size == 0


def test_nearest_fields_empty_without_bundle():
    assert nearest_fields(catalog([cred("s", ("b",), 3)], bundle=False), plan()) == []


# -- the real Ohio catalog ----------------------------------------------------------------------------------
def _valid(cat, pl, result):
    chosen = pl.selected_ids()
    for c in result.completions:
        creds = [cat.credential_by_id[i] for i in c.credentials]
        assert all(x.listed_in(result.field) for x in creds)
        assert not chosen & set(c.credentials)
        pts = [x.points_in(result.field) for x in creds]
        assert result.current + sum(pts) >= result.required
        assert sum(pts) - min(pts) < result.shortfall


def test_ohio_empty_plan(ohio):
    pl = Plan()
    for by in MEASURES:
        result = completions(ohio, pl, by=by, limit=10)
        assert result.field == ohio.fields[0].id and result.how == "most points"
        assert result.shortfall == 12 and result.total > 0
        _valid(ohio, pl, result)
    rows = nearest_fields(ohio, pl)
    assert len(rows) == len(ohio.fields) == 13
    assert all(r.points == 0 and r.shortfall == 12 for r in rows)


def test_ohio_driver_license_counts_everywhere_and_is_never_suggested(ohio):
    assert ohio.credential_by_id["ohio-driver-license"].universal
    pl = Plan(selections=(Selection("ohio-driver-license", "earned"),))
    for f in ("it", "health", "construction"):
        result = completions(ohio, pl, f, limit=20)
        assert result.current == 1 and result.shortfall == 11
        assert all("ohio-driver-license" not in c.credentials for c in result.completions)
        _valid(ohio, pl, result)
    # without it, it may be suggested as the 1 point that closes a gap
    eleven = [c for c in ohio.by_field["it"] if c.points_in("it") == 11]
    assert all(r.points == 1 for r in nearest_fields(ohio, pl))
    assert not eleven or any("ohio-driver-license" in c.credentials for c in completions(ohio, Plan(), "it", limit=50).completions)


def test_ohio_it_completions_exact_for_a_small_shortfall(ohio):
    """With 9+ points already in IT the shortfall is small: check against every subset."""
    big = [c for c in ohio.by_field["it"] if 6 <= (c.points_in("it") or 0) < 12 and not c.universal]
    if not big:
        pytest.skip("no 6..11-point IT credential in this version of ohio.toml")
    pl = Plan(selections=(Selection(big[0].id),))
    target = 12 - big[0].points_in("it")
    cands = [c for c in ohio.by_field["it"] if c.id != big[0].id]
    pos = {c.id: i for i, c in enumerate(ohio.credentials)}
    for by in MEASURES:
        found = []
        for r in range(1, target + 1):  # every credential is worth at least 1, so a minimal set has <= target members
            for combo in itertools.combinations([(c, c.points_in("it")) for c in cands], r):
                pts = [p for _, p in combo]
                if sum(pts) >= target and sum(pts) - min(pts) < target:
                    found.append(combo)
        found.sort(key=lambda combo: brute_key(combo, target, by, pos))
        expected = [tuple(sorted((c.id for c, _ in combo), key=pos.__getitem__)) for combo in found[:8]]
        result = completions(ohio, pl, "it", by, 8)
        assert [c.credentials for c in result.completions] == expected
        assert result.total == len(found)


def test_ohio_complete_in_health(ohio):
    whole = [c for c in ohio.by_field["health"] if c.points_in("health") == 12 and not c.universal]
    if not whole:
        pytest.skip("no 12-point Health credential in this version of ohio.toml")
    pl = Plan(selections=(Selection(whole[0].id, "earned"),), pinned_field="health")
    result = completions(ohio, pl)
    assert result.complete and result_sentence(result).startswith("already complete in Health")
    rows = nearest_fields(ohio, pl)
    assert rows[0].field == "health" and distance_sentence(rows[0]).startswith("complete in Health")


def test_ohio_has_no_competency_suggestions(ohio):
    assert competency_suggestions(ohio, Plan()) == []


# -- Colorado competencies -------------------------------------------------------------------------------------
def test_colorado_competencies_empty_plan(colorado):
    out = competency_suggestions(colorado, Plan())
    assert [s.competency for s in out] == ["english", "math"]
    for s in out:
        creds = s.credentials
        assert creds and all(s.competency in colorado.credential_by_id[o.id].meets for o in creds)
        costed = [o.cost for o in creds if o.cost is not None]
        assert costed == sorted(costed)
        assert [o.cost is None for o in creds] == sorted(o.cost is None for o in creds)  # costed first
        assert creds[0].cost is not None
        assert set(creds[0].covers) == {"english", "math"}
        assert all(score_now(t) == "not taken yet" or score_now(t).startswith("below") for t in s.scores)
    english, math = out
    assert "ACT English at least 18" in [score_text(t) for t in english.scores]
    assert "ACT Math at least 19" in [score_text(t) for t in math.scores]
    assert "ACT WorkKeys every part at least 3" in [score_text(t) for t in english.scores]
    assert competency_sentence(english).startswith("English competency: not met; any one of")
    with pytest.raises(SuggestError):
        completions(colorado, Plan())
    assert nearest_fields(colorado, Plan()) == []


def test_colorado_score_targets_say_how_far(colorado):
    pl = Plan(scores=freeze_scores({"act": {"English": 15}, "workkeys": {"Applied Math": 4, "Graphic Literacy": BELOW}}))
    english = competency_suggestions(colorado, pl)[0]
    act = next(t for t in english.scores if score_text(t) == "ACT English at least 18")
    assert score_now(act) == "now 15, 3 more" and act.gap == 3
    wk = next(t for t in english.scores if t.assessment == "workkeys")
    assert "Graphic Literacy now <3" in score_now(wk) and "Workplace Documents not taken yet" in score_now(wk)
    assert "Applied Math" not in score_now(wk)


def test_colorado_met_competencies_drop_out(colorado):
    pl = Plan(scores=freeze_scores({"act": {"English": 18}}))
    out = competency_suggestions(colorado, pl)
    assert [s.competency for s in out] == ["math"]
    assert all(o.covers == ("math",) for o in out[0].credentials)
    both = next(c for c in colorado.credentials if {"english", "math"} <= c.meets)
    assert competency_suggestions(colorado, Plan(selections=(Selection(both.id),))) == []


def test_competency_suggestions_never_offer_selected_credentials():
    cats = catalog([cred("m", ("a",), 1, meets=("math",)), cred("e", ("a",), 1, meets=("english",), cost=5)], bundle=False)
    reqs = (Requirement("math", "competency", "Math competency", competency="math"),
            Requirement("english", "competency", "English competency", competency="english"))
    cat = Catalog.build(cats.info, cats.fields, cats.credentials, (), reqs)
    out = competency_suggestions(cat, plan("e"))
    assert [s.competency for s in out] == ["math"]
    assert [o.id for o in out[0].credentials] == ["m"]
    assert competency_sentence(out[0]) == "Math competency: not met; any one of 1 credential that meets math"


# -- a large generated catalog (correctness only; timings are in the report) --------------------------------------
def _gen_module():
    spec = importlib.util.spec_from_file_location("gen_catalog", REPO / "benchmarks" / "gen_catalog.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_catalog_is_valid_and_searchable(tmp_path):
    gen = _gen_module()
    path = gen.write_big_catalog(tmp_path / "big.toml", n=1500, fields=13, seed=7)
    cat = load_catalog(path)
    assert len(cat.credentials) == 1500 and len(cat.fields) == 13
    one = next(c for c in cat.by_field["f03"] if not c.universal and c.points_in("f03") == 3)
    for pl in (Plan(), Plan(selections=(Selection(one.id),))):
        for by in MEASURES:
            result = completions(cat, pl, "f03", by, 10)
            assert len(result.completions) == 10
            _valid(cat, pl, result)
    assert len(nearest_fields(cat, Plan())) == 13
