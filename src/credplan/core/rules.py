"""Evaluate a plan against a catalog: everything a screen or a report shows, as data.

`evaluate(catalog, plan)` is pure and cheap (it runs on every keystroke in the TUI):
one pass over the selections to sum points per field, then each applying requirement
judged by its kind's module (`core.requirements`). Requirements outside the plan's
class are carried as "not checked", with why. Nothing here is a sentence: states,
numbers, ids and names, which `core.words` turns into words.
"""

from __future__ import annotations

from enum import StrEnum
from types import MappingProxyType

from .model import BELOW, Assessment, Catalog, Credential, Plan, Requirement, Selection
from .requirements import (
    KINDS,
    BundleResult,
    CompetencyResult,
    Context,
    NotChecked,
    NotCheckedWhy,
    RequirementResult,
    ScoreResult,
    State,
)
from .requirements.bundle import choose_field, field_points
from .requirements.score import part_need as _part_need
from .records import record

TYPE_CHECKING = False  # typing costs milliseconds at every start; annotations here are never evaluated
if TYPE_CHECKING:
    from collections.abc import Mapping



# -- selections ---------------------------------------------------------------------------
class Why(StrEnum):
    """Why a selection counts or not (the value is a stable code, not a sentence)."""

    IN_FIELD = "in bundle field"
    """Listed in the bundle field: counts its points there."""
    EVERY_FIELD = "listed in every field"
    """Listed in every field (`fields = ["*"]`): counts in the bundle field too."""
    OTHER_FIELD = "other field"
    """Listed only in other fields (`fields`): does not count toward the bundle."""
    NOT_IN_CATALOG = "not in catalog"
    """The catalog no longer has it: counts nowhere."""
    COMPETENCY = "competency"
    """A catalog without a bundle: counts when it meets a competency (`meets`)."""


@record
class SelectionResult:
    """One selected credential: whether it counts toward the bundle, and why (data, not words)."""

    id: str
    name: str
    """The credential's name (its id when the catalog no longer has it)."""
    status: str
    """planned or earned."""
    counts: bool
    points: int
    """Points it counts in the bundle field (0 when it does not count, or no bundle)."""
    why: Why
    known: bool = True
    """False when the catalog no longer has this credential."""
    verified: bool = True
    universal: bool = False
    fields: tuple[str, ...] = ()
    """Field ids the credential is listed in (empty when universal or unknown)."""
    field: str | None = None
    """The bundle field it was judged in (None without a bundle)."""
    meets: tuple[str, ...] = ()
    """Competency ids it demonstrates that a requirement of the catalog uses, sorted."""


def _selection_result(
    catalog: Catalog, cred: Credential | None, sel: Selection, bundle_field: str | None
) -> SelectionResult:
    if cred is None:
        return SelectionResult(sel.id, sel.id, sel.status, False, 0, Why.NOT_IN_CATALOG, known=False)
    home, meets = cred.fields, (tuple(sorted(cred.meets)) if cred.meets else ())
    if bundle_field is None:
        return SelectionResult(
            cred.id, cred.name, sel.status, bool(meets), 0, Why.COMPETENCY, True, cred.verified, cred.universal, home,
            None, meets,
        )
    points = cred.points_in(bundle_field)
    if points is not None:
        why = Why.EVERY_FIELD if cred.universal else Why.IN_FIELD
        return SelectionResult(
            cred.id, cred.name, sel.status, True, points, why, True, cred.verified, cred.universal, home, bundle_field,
            meets,
        )
    return SelectionResult(
        cred.id, cred.name, sel.status, False, 0, Why.OTHER_FIELD, True, cred.verified, cred.universal, home,
        bundle_field, meets,
    )


# -- warnings -------------------------------------------------------------------------------
@record
class PinnedFieldUnknown:
    """The plan pins a field the catalog does not have; the most points decide."""

    field: str


@record
class SelectedTwice:
    """A credential is in the plan twice; it is counted once (the first status)."""

    credential: str
    name: str


@record
class AssessmentUnknown:
    """Scores for an assessment the catalog does not have; ignored."""

    assessment: str


@record
class PartUnknown:
    """A score for a part the assessment does not have; ignored."""

    assessment: str
    assessment_name: str
    part: str


@record
class ScoreOutOfRange:
    """A score outside what the assessment reports; ignored."""

    assessment: str
    assessment_name: str
    part: str
    value: int
    min: int
    max: int


@record
class ClassNotSet:
    """No graduating class: the requirements with class limits are not checked."""

    requirements: tuple[str, ...]
    """Their ids, in catalog order."""
    names: tuple[str, ...]


PlanWarning = PinnedFieldUnknown | SelectedTwice | AssessmentUnknown | PartUnknown | ScoreOutOfRange | ClassNotSet


# -- the evaluation ----------------------------------------------------------------------------
@record
class Evaluation:
    """A plan judged by a catalog: every requirement, selection and warning, as data."""

    catalog_id: str
    class_of: int | None
    met: bool
    """Every requirement that applies is met."""
    bundle: BundleResult | None
    """The bundle requirement's result, also in `requirements` (None when none applies)."""
    requirements: tuple[RequirementResult, ...]
    """The requirements that apply to the plan's class, in catalog order."""
    not_checked: tuple[NotChecked, ...]
    """The requirements that do not apply to the plan's class, in catalog order."""
    selections: tuple[SelectionResult, ...]
    field_points: Mapping[str, int]
    warnings: tuple[PlanWarning, ...]

    @property
    def earned_met(self) -> bool:
        """Met without counting planned credentials."""
        return self.met and all(r.earned_met for r in self.requirements)

    @property
    def missing(self) -> tuple[RequirementResult, ...]:
        """The requirements not met, in catalog order."""
        return tuple(r for r in self.requirements if not r.met)

    def requirement(self, requirement_id: str) -> RequirementResult | None:
        for r in self.requirements:
            if r.id == requirement_id:
                return r
        return None

    def selection(self, credential_id: str) -> SelectionResult | None:
        for s in self.selections:
            if s.id == credential_id:
                return s
        return None


def evaluate(catalog: Catalog, plan: Plan) -> Evaluation:
    warnings: list[PlanWarning] = []
    points = field_points(catalog, plan)
    class_of = plan.class_of

    pinned = plan.pinned_field
    if pinned and pinned not in catalog.field_by_id:
        warnings.append(PinnedFieldUnknown(pinned))
        pinned = None
    bundle_field: str | None = None
    is_pinned = False
    if catalog.has_bundle:
        bundle_field, is_pinned = choose_field(catalog, points, pinned)

    seen: set[str] = set()
    chosen: list[tuple[Selection, Credential | None]] = []
    selections: list[SelectionResult] = []
    for sel in plan.selections:
        cred = catalog.credential_by_id.get(sel.id)
        if sel.id in seen:
            warnings.append(SelectedTwice(sel.id, cred.name if cred is not None else sel.id))
            continue
        seen.add(sel.id)
        chosen.append((sel, cred))
        selections.append(_selection_result(catalog, cred, sel, bundle_field))

    ctx = Context(catalog, plan, tuple(chosen), points, bundle_field, is_pinned)
    results: list[RequirementResult] = []
    not_checked: list[NotChecked] = []
    for req in catalog.requirements:
        if req.applies_to(class_of):
            results.append(KINDS[req.kind].evaluate(req, ctx))
        else:
            why = NotCheckedWhy.CLASS_NOT_SET if class_of is None else NotCheckedWhy.OTHER_CLASS
            not_checked.append(NotChecked(req.id, req.name, req.kind, req.from_class, req.to_class, why, class_of))
    bundle = next((r for r in results if isinstance(r, BundleResult)), None)

    warnings.extend(_score_warnings(catalog, plan))
    if class_of is None and not_checked:
        warnings.append(ClassNotSet(tuple(n.id for n in not_checked), tuple(n.name for n in not_checked)))

    return Evaluation(
        catalog_id=catalog.id,
        class_of=class_of,
        met=all(r.met for r in results),
        bundle=bundle,
        requirements=tuple(results),
        not_checked=tuple(not_checked),
        selections=tuple(selections),
        field_points=MappingProxyType(points),
        warnings=tuple(warnings),
    )


def _score_warnings(catalog: Catalog, plan: Plan) -> list[PlanWarning]:
    out: list[PlanWarning] = []
    for aid, parts in plan.scores.items():
        assessment = catalog.assessment_by_id.get(aid)
        if assessment is None:
            out.append(AssessmentUnknown(aid))
            continue
        for part, value in parts.items():
            if part not in assessment.parts:
                out.append(PartUnknown(aid, assessment.name, part))
            elif value is not BELOW and not (assessment.min <= value <= assessment.max):  # type: ignore[operator]
                out.append(ScoreOutOfRange(aid, assessment.name, part, value, assessment.min, assessment.max))  # type: ignore[arg-type]
    return out


def part_need(
    catalog: Catalog, plan: Plan, assessment: Assessment, part: str, applying: list[Requirement] | None = None
) -> int | None:
    """The level one score input still needs for the requirements that apply (None:
    it has it, or nothing asks); `core.words.requirements.part_status` says it."""
    reqs = applying if applying is not None else [r for r in catalog.requirements if r.applies_to(plan.class_of)]
    return _part_need(reqs, plan, assessment, part)


__all__ = [
    "AssessmentUnknown", "BundleResult", "ClassNotSet", "CompetencyResult", "Evaluation", "NotChecked",
    "NotCheckedWhy", "PartUnknown", "PinnedFieldUnknown", "PlanWarning", "RequirementResult", "ScoreOutOfRange",
    "ScoreResult", "SelectedTwice", "SelectionResult", "State", "Why", "choose_field", "evaluate", "field_points",
    "part_need",
]
