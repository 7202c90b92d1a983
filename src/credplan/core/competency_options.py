"""Competency options: for a catalog with competency requirements (Colorado), what would
meet each unmet one: the credentials not yet selected that show it, cheapest first,
and its score options with where the plan stands on each. Pure functions, no I/O, no
UI; the sentences are in `core.words.suggestions` (`competency_sentence`,
`competency_lines`, `score_text`, `score_now`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model import Assessment, Catalog, Plan, ScoreOption, ScoreValue
from .rules import evaluate
from .words.suggestions import competency_sentence, score_now, score_text


@dataclass(frozen=True, slots=True)
class CredentialOption:
    """A credential that would meet an unmet competency."""

    id: str
    name: str
    cost: float | None
    hours: float | None
    verified: bool
    covers: tuple[str, ...]
    """Every unmet competency it meets (this one included), in catalog order."""
    fields: tuple[str, ...]
    universal: bool = False


@dataclass(frozen=True, slots=True)
class PartScore:
    """The plan's score on one part of an assessment."""

    part: str
    score: ScoreValue | None
    """As the plan has it: None (not taken yet), BELOW (under the lowest level) or a number."""
    lowest: int
    highest: int

    @property
    def value(self) -> int | None:
        """The score when it is a number within the assessment's range."""
        raw = self.score
        if isinstance(raw, int) and not isinstance(raw, bool) and self.lowest <= raw <= self.highest:
            return raw
        return None


@dataclass(frozen=True, slots=True)
class ScoreTarget:
    """One score option of a competency (e.g. ACT English at least 18) and where the
    plan stands on it; when the catalog does not define the assessment, `definition`
    is None and the plan's scores are not looked at."""

    assessment: str
    assessment_name: str
    part: str | None
    option: ScoreOption
    definition: Assessment | None
    """The catalog's assessment."""
    at_part: PartScore | None = None
    """The plan's score on `part`, for an option on one part (`at_least`)."""
    gap: int | None = None
    """Levels still missing for a one-part option (None when not taken or not one part)."""
    below_each: tuple[PartScore, ...] = ()
    """The parts below the option's `each` level, in the assessment's order."""
    total: int | None = None
    """The sum of the plan's in-range part scores, for an option with a `total`."""


@dataclass(frozen=True, slots=True)
class CompetencySuggestion:
    requirement_id: str
    name: str
    competency: str
    credentials: tuple[CredentialOption, ...]
    """Not-yet-selected credentials that meet it: with a listed cost first, cheapest first."""
    scores: tuple[ScoreTarget, ...]
    """Its score options, in catalog order."""


def competency_suggestions(catalog: Catalog, plan: Plan) -> list[CompetencySuggestion]:
    """For each competency requirement that applies to the plan and is not met: the
    credentials that would meet it and its score options with where the plan stands."""
    evaluation = evaluate(catalog, plan)
    unmet_ids = {r.id for r in evaluation.requirements if r.kind == "competency" and not r.met}
    unmet = [r for r in catalog.requirements if r.id in unmet_ids and r.kind == "competency"]
    if not unmet:
        return []
    unmet_competencies = [r.competency or "" for r in unmet]
    selected = plan.selected_ids()
    out: list[CompetencySuggestion] = []
    for req in unmet:
        competency = req.competency or ""
        ranked = []
        for position, cred in enumerate(catalog.credentials):
            if cred.id in selected or competency not in cred.meets:
                continue
            covers = tuple(dict.fromkeys(c for c in unmet_competencies if c in cred.meets))
            option = CredentialOption(cred.id, cred.name, cred.cost, cred.hours, cred.verified, covers,
                                      catalog.home_fields(cred) if not cred.universal else (), cred.universal)
            ranked.append(((option.cost is None, option.cost or 0, -len(covers), position), option))
        ranked.sort(key=lambda r: r[0])
        scores = tuple(_score_target(catalog, plan, o) for o in req.scores)
        out.append(CompetencySuggestion(req.id, req.name, competency, tuple(o for _, o in ranked), scores))
    return out


def _part(plan: Plan, assessment: Assessment, part: str) -> PartScore:
    return PartScore(part, plan.score(assessment.id, part), assessment.min, assessment.max)


def _score_target(catalog: Catalog, plan: Plan, option: ScoreOption) -> ScoreTarget:
    assessment = catalog.assessment_by_id.get(option.assessment)
    if assessment is None:
        return ScoreTarget(option.assessment, option.assessment, option.part, option, None)
    at_part: PartScore | None = None
    gap: int | None = None
    if option.part is not None and option.at_least is not None:
        at_part = _part(plan, assessment, option.part)
        if at_part.value is not None:
            gap = max(0, option.at_least - at_part.value)
    below: tuple[PartScore, ...] = ()
    if option.each is not None:
        each = option.each
        parts = (_part(plan, assessment, p) for p in assessment.parts)
        below = tuple(p for p in parts if p.value is None or p.value < each)
    total: int | None = None
    if option.total is not None:
        total = sum(_part(plan, assessment, p).value or 0 for p in assessment.parts)
    return ScoreTarget(assessment.id, assessment.name, option.part, option, assessment, at_part, gap, below, total)


def competency_dict(s: CompetencySuggestion) -> dict[str, Any]:
    """The plain data of one entry of `credplan suggest --json`'s "competencies"."""
    return {
        "requirement": s.requirement_id,
        "name": s.name,
        "competency": s.competency,
        "sentence": competency_sentence(s),
        "credentials": [
            {"id": o.id, "name": o.name, "cost": o.cost, "hours": o.hours, "verified": o.verified,
             "covers": list(o.covers), "fields": list(o.fields), "universal": o.universal}
            for o in s.credentials
        ],
        "scores": [
            {"assessment": t.assessment, "part": t.part, "text": score_text(t), "now": score_now(t), "gap": t.gap}
            for t in s.scores
        ],
    }
