"""Each requirement kind's module on the real bundled catalogs: met, not met, not checked.

The kinds are judged through `rules.evaluate` (the orchestrator) and, for one case each,
directly through the module the registry names, so a kind's module stands on its own.
Ohio is still being edited: its credentials are found by what they are, not by id."""

from __future__ import annotations

import dataclasses

import pytest

from credplan.core import catalog as loader
from credplan.core.model import BELOW, EARNED, Plan, Selection, freeze_scores
from credplan.core.requirements import (
    KINDS,
    BundleResult,
    CompetencyResult,
    Context,
    NotCheckedWhy,
    ScoreResult,
    State,
    bundle,
    competency,
    kind_module,
    score,
)
from credplan.core.requirements.bundle import choose_field, field_points
from credplan.core.rules import evaluate


def it12(ohio):
    return next(c for c in ohio.credentials if c.fields == ("it",) and c.points_in("it") == 12)


def workkeys(math, graphic, documents):
    return freeze_scores({"workkeys": {"Applied Math": math, "Graphic Literacy": graphic, "Workplace Documents": documents}})


def context(catalog, plan) -> Context:
    points = field_points(catalog, plan)
    field, pinned = choose_field(catalog, points, plan.pinned_field) if catalog.has_bundle else (None, False)
    chosen = tuple((s, catalog.credential_by_id.get(s.id)) for s in plan.selections)
    return Context(catalog, plan, chosen, points, field, pinned)


# -- the registry ---------------------------------------------------------------------------
def test_registry_names_one_module_per_kind():
    assert dict(KINDS) == {"bundle": bundle, "score": score, "competency": competency}
    for kind, module in KINDS.items():
        assert kind == module.KIND and kind_module(kind) is module
        assert set(module.REQUIRED) <= set(module.KEYS)
        assert callable(module.parse) and callable(module.evaluate)
    # the loader takes its requirement keys from the kinds, not a copy of its own
    assert {k: m.KEYS for k, m in KINDS.items()} == loader.REQUIREMENT_KEYS
    assert {k: m.REQUIRED for k, m in KINDS.items()} == loader.REQUIREMENT_REQUIRED


@pytest.mark.parametrize("result_type", [BundleResult, ScoreResult, CompetencyResult])
def test_results_are_frozen_data_without_sentences(result_type):
    params = dataclasses.fields(result_type)
    names = {f.name for f in params}
    assert {"id", "name", "state", "from_class", "to_class"} <= names
    assert not names & {"detail", "short", "reason", "status", "met_by"}  # words live in core.words
    assert dataclasses.is_dataclass(result_type) and "__setattr__" in vars(result_type)  # frozen records


# -- bundle (Ohio) ------------------------------------------------------------------------------
def test_bundle_met_on_ohio(ohio):
    plan = Plan(selections=(Selection(it12(ohio).id, EARNED), Selection("ohio-driver-license")))
    req = next(r for r in ohio.requirements if r.kind == "bundle")
    direct = bundle.evaluate(req, context(ohio, plan))
    assert direct == evaluate(ohio, plan).bundle
    assert (direct.state, direct.field, direct.field_name, direct.pinned) == (State.MET, "it", "Information Technology", False)
    assert (direct.points, direct.required, direct.earned_points, direct.planned_points) == (13, 12, 12, 1)
    assert direct.earned_met and direct.missing == 0


def test_bundle_not_met_on_ohio(ohio):
    plan = Plan(pinned_field="health", selections=(Selection(it12(ohio).id),))
    result = evaluate(ohio, plan).requirement("bundle")
    assert isinstance(result, BundleResult)
    assert (result.state, result.field, result.pinned, result.points, result.missing) == (State.NOT_MET, "health", True, 0, 12)


def test_bundle_is_checked_for_every_class_on_ohio(ohio):
    for class_of in (None, 2017, 2030):
        ev = evaluate(ohio, Plan(class_of=class_of))
        assert ev.bundle is not None and "bundle" not in {n.id for n in ev.not_checked}


# -- score (Ohio's WorkKeys rules) ----------------------------------------------------------------
def test_score_met_on_ohio(ohio):
    plan = Plan(class_of=2026, scores=workkeys(4, 5, 4))
    req = next(r for r in ohio.requirements if r.id == "workkeys-silver")
    direct = score.evaluate(req, context(ohio, plan))
    assert direct == evaluate(ohio, plan).requirement("workkeys-silver")
    assert direct.state is State.MET and direct.low == () and direct.not_taken == ()
    assert [(p.part, p.value, p.counted, p.needs) for p in direct.parts] == [
        ("Applied Math", 4, 4, 4), ("Graphic Literacy", 5, 5, 4), ("Workplace Documents", 4, 4, 4)]


def test_score_not_met_on_ohio(ohio):
    ev = evaluate(ohio, Plan(class_of=2021, scores=freeze_scores({"workkeys": {"Applied Math": BELOW, "Graphic Literacy": 7}})))
    result = ev.requirement("workkeys-2020")
    assert isinstance(result, ScoreResult) and result.state is State.NOT_MET
    assert (result.total, result.total_needed, result.total_missing) == (7, 14, 7)
    assert result.low == ("Applied Math", "Workplace Documents")
    assert result.not_taken == ("Workplace Documents",)
    assert result.parts[0].value is BELOW and result.parts[0].counted is None and result.parts[0].taken


def test_score_not_checked_on_ohio(ohio):
    unset = evaluate(ohio, Plan(scores=workkeys(7, 7, 7)))
    assert {n.id: n.why for n in unset.not_checked} == dict.fromkeys(
        ["workkeys-2018", "workkeys-2020", "workkeys-silver"], NotCheckedWhy.CLASS_NOT_SET)
    other = evaluate(ohio, Plan(class_of=2019, scores=workkeys(7, 7, 7)))
    assert [r.id for r in other.requirements] == ["bundle", "workkeys-2018"]
    assert {n.id: (n.why, n.class_of, n.from_class, n.to_class) for n in other.not_checked} == {
        "workkeys-2020": (NotCheckedWhy.OTHER_CLASS, 2019, 2020, 2024),
        "workkeys-silver": (NotCheckedWhy.OTHER_CLASS, 2019, 2025, None),
    }
    assert all(n.state is State.NOT_CHECKED for n in other.not_checked)


# -- competency (Colorado) ---------------------------------------------------------------------------
def test_competency_met_on_colorado(colorado):
    cred = next(c for c in colorado.credentials if "math" in c.meets)
    plan = Plan(selections=(Selection(cred.id, EARNED),), scores=freeze_scores({"act": {"English": 19}}))
    req = next(r for r in colorado.requirements if r.id == "english")
    direct = competency.evaluate(req, context(colorado, plan))
    assert direct == evaluate(colorado, plan).requirement("english")
    assert direct.state is State.MET and direct.earned_met and direct.competency == "english"
    if "english" in cred.meets:
        assert [(c.id, c.status) for c in direct.credentials] == [(cred.id, EARNED)]
    (held,) = [o for o in direct.scores if o.option.assessment == "act"]
    assert (held.assessment_name, held.option.part, held.part_value, held.option.at_least) == ("ACT", "English", 19, 18)
    math = evaluate(colorado, plan).requirement("math")
    assert math.met and [c.id for c in math.credentials] == [cred.id] and math.scores == ()


def test_competency_not_met_on_colorado(colorado):
    ev = evaluate(colorado, Plan(scores=freeze_scores({"act": {"Math": 18}})))
    math = ev.requirement("math")
    assert isinstance(math, CompetencyResult) and math.state is State.NOT_MET
    assert math.credentials == () and math.scores == () and not math.earned_met
    options = {(o.option.assessment, o.option.part): o for o in math.options}
    act = options[("act", "Math")]
    assert (act.holds, act.part_value, act.option.at_least) == (False, 18, 19)
    assert len(math.options) == len(next(r for r in colorado.requirements if r.id == "math").scores)


def test_competency_met_by_planned_certificate_only_is_not_earned(colorado):
    cred = next(c for c in colorado.credentials if {"english", "math"} <= c.meets)
    ev = evaluate(colorado, Plan(selections=(Selection(cred.id),)))
    assert ev.met and not ev.earned_met
    assert all(r.met and not r.earned_met for r in ev.requirements)


def test_colorado_competencies_apply_to_every_class(colorado):
    for class_of in (None, 2026):
        assert evaluate(colorado, Plan(class_of=class_of)).not_checked == ()
