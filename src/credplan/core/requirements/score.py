"""Kind `score`: an assessment's results (`total` of every part, and/or `each` part).

Owns the catalog keys of a score requirement, the shared reading of scores (a part
below `min`, not taken or out of range counts as nothing) and the result: every
part's value and what it needs, the total, which parts are low and which not taken.
"""

from __future__ import annotations


from ..model import Assessment, Plan, Requirement, ScoreOption, ScoreValue
from .common import COMMON_KEYS, COMMON_REQUIRED, Context, Parsed, State, state_of
from ..records import record

TYPE_CHECKING = False  # typing costs milliseconds at every start; annotations here are never evaluated
if TYPE_CHECKING:
    from typing import Any, Final


KIND: Final = "score"
KEYS = COMMON_KEYS + ("assessment", "total", "each")
REQUIRED = COMMON_REQUIRED + ("assessment",)


# -- catalog ----------------------------------------------------------------------------
def parse(loader: Any, table: dict[str, Any], path: tuple, what: str, common: Parsed) -> Requirement | None:
    option = loader.score_terms(table, path, what, allow_part=False)
    if option is None:
        return None
    if option.total is None and option.each is None:
        loader.c.add(path, f"{what} needs `total`, `each` or both")
        return None
    return Requirement(
        common.id, KIND, common.name, common.from_class, common.to_class,
        assessment=option.assessment, total=option.total, each=option.each,
    )


# -- reading scores ----------------------------------------------------------------------
def part_value(plan: Plan, assessment: Assessment, part: str) -> int | None:
    """An in-range integer score, or None (below min, not taken, or out of range)."""
    value = plan.score(assessment.id, part)
    if isinstance(value, int) and not isinstance(value, bool) and assessment.min <= value <= assessment.max:
        return value
    return None


def part_values(ctx: Context, assessment: Assessment) -> dict[str, int | None]:
    """Every part's counted score (`part_value`), read once per evaluation."""
    values = ctx.part_values.get(assessment.id)
    if values is None:
        values = ctx.part_values[assessment.id] = {p: part_value(ctx.plan, assessment, p) for p in assessment.parts}
    return values


def total(plan: Plan, assessment: Assessment) -> int:
    return sum(part_value(plan, assessment, p) or 0 for p in assessment.parts)


def parts_below(plan: Plan, assessment: Assessment, each: int) -> list[str]:
    """The parts below `each` (below min, not taken, or too low), in catalog order."""
    return [p for p in assessment.parts if (part_value(plan, assessment, p) or 0) < each]


def option_holds(plan: Plan, option: ScoreOption, assessment: Assessment) -> bool:
    """Whether every condition of one score option holds."""
    if option.part is not None and option.at_least is not None:
        value = part_value(plan, assessment, option.part)
        if value is None or value < option.at_least:
            return False
    if option.each is not None and parts_below(plan, assessment, option.each):
        return False
    if option.total is not None and total(plan, assessment) < option.total:
        return False
    return True


# -- result -------------------------------------------------------------------------------
@record
class PartScore:
    """One part of an assessment: the score entered, what counts of it, and what it needs."""

    part: str
    value: ScoreValue | None
    """As entered: an int, BELOW, or None when not taken."""
    counted: int | None
    """The in-range value that counts (None: below the lowest level, not taken, out of range)."""
    needs: int | None
    """What the requirement's `each` asks of this part (None: no `each`)."""

    @property
    def taken(self) -> bool:
        return self.value is not None

    @property
    def low(self) -> bool:
        return self.needs is not None and (self.counted or 0) < self.needs


@record
class ScoreResult:
    """A score requirement: each part, the total, and what is still needed."""

    kind = KIND  # a class attribute, not a field
    id: str
    name: str
    state: State
    assessment: str
    assessment_name: str
    minimum: int
    """The assessment's lowest reported level (a part below it reads `<3`)."""
    parts: tuple[PartScore, ...]
    total: int
    """The sum of the parts that count."""
    total_needed: int | None
    each: int | None
    from_class: int | None = None
    to_class: int | None = None

    @property
    def met(self) -> bool:
        return self.state is State.MET

    @property
    def earned_met(self) -> bool:
        return self.met  # scores are results: nothing about them is planned

    @property
    def total_met(self) -> bool:
        return self.total_needed is None or self.total >= self.total_needed

    @property
    def total_missing(self) -> int:
        return 0 if self.total_needed is None else max(0, self.total_needed - self.total)

    @property
    def low(self) -> tuple[str, ...]:
        """Parts below `each`, in catalog order."""
        return tuple(p.part for p in self.parts if p.low)

    @property
    def not_taken(self) -> tuple[str, ...]:
        return tuple(p.part for p in self.parts if not p.taken)


def evaluate(req: Requirement, ctx: Context) -> ScoreResult:
    plan = ctx.plan
    assessment = ctx.catalog.assessment_by_id[req.assessment or ""]
    values = part_values(ctx, assessment)
    parts = tuple(PartScore(p, plan.score(assessment.id, p), values[p], req.each) for p in assessment.parts)
    got = sum(p.counted or 0 for p in parts)
    met = (req.total is None or got >= req.total) and not any(p.low for p in parts)
    return ScoreResult(
        req.id, req.name, state_of(met), assessment.id, assessment.name, assessment.min, parts, got,
        req.total, req.each, req.from_class, req.to_class,
    )


def part_need(requirements: Any, plan: Plan, assessment: Assessment, part: str) -> int | None:
    """The level one part still needs for the score requirements in `requirements`
    (those that apply), or None when it has it (or none asks)."""
    needs = [r.each for r in requirements if r.kind == KIND and r.assessment == assessment.id and r.each is not None]
    if not needs:
        return None
    need = max(needs)
    value = part_value(plan, assessment, part)
    return need if value is None or value < need else None


__all__ = [
    "KIND", "KEYS", "REQUIRED", "PartScore", "ScoreResult",
    "evaluate", "option_holds", "parse", "part_need", "part_value", "part_values", "parts_below", "total",
]
