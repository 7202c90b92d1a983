"""Evaluate a plan against a catalog: everything a screen or a report shows.

`evaluate(catalog, plan)` is pure and cheap (it runs on every keystroke in the TUI):
one pass over the selections to sum points per field, then one check per requirement.
"""

from __future__ import annotations

from types import MappingProxyType

from .model import (
    BELOW,
    EARNED,
    Assessment,
    Catalog,
    Credential,
    Plan,
    Requirement,
    ScoreOption,
    ScoreValue,
)
from .records import record

TYPE_CHECKING = False  # typing costs milliseconds at every start; annotations here are never evaluated
if TYPE_CHECKING:
    from typing import Mapping


@record
class SelectionResult:
    """One selection of the plan and whether it counts."""

    id: str
    name: str
    status: str
    counts: bool
    points: int
    reason: str
    known: bool = True
    """False when the catalog no longer has this credential."""
    verified: bool = True
    universal: bool = False
    fields: tuple[str, ...] = ()
    """Field ids the credential is listed in (empty when universal or unknown)."""


@record
class BundleResult:
    """The plan's progress toward the points bundle in its bundle field."""

    requirement_id: str
    field: str
    field_name: str
    pinned: bool
    points: int
    required: int
    earned_points: int

    @property
    def met(self) -> bool:
        return self.points >= self.required

    @property
    def earned_met(self) -> bool:
        return self.earned_points >= self.required

    @property
    def missing(self) -> int:
        return max(0, self.required - self.points)


@record
class RequirementResult:
    """One requirement that applies to the plan, met or not."""

    id: str
    name: str
    kind: str
    met: bool
    detail: str
    """A sentence: how it is met, or exactly what is missing."""
    classes: str = "every class"
    met_by: tuple[str, ...] = ()
    """Competencies: the selections and scores that meet it."""
    short: str = ""
    """What is missing, short enough for a status line (empty when met)."""
    earned_met: bool | None = None
    """Bundles: whether the earned selections alone meet it."""


@record
class Evaluation:
    """Everything `evaluate` finds: the bundle, each requirement, each selection."""

    catalog_id: str
    class_of: int | None
    met: bool
    bundle: BundleResult | None
    requirements: tuple[RequirementResult, ...]
    """The requirements that apply to the plan's class, in catalog order."""
    not_applying: tuple[Requirement, ...]
    selections: tuple[SelectionResult, ...]
    field_points: Mapping[str, int]
    warnings: tuple[str, ...]
    status: str
    """One line: the plan meets every requirement, or exactly what is still missing."""
    earned_status: str = ""
    """Whether the earned selections alone meet the bundle (empty without a bundle or selections)."""

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


# -- points by field -------------------------------------------------------------------
def field_points(catalog: Catalog, plan: Plan, *, earned_only: bool = False) -> dict[str, int]:
    """Points the plan's (distinct, known) selections are worth in each field."""
    totals = dict.fromkeys(catalog.field_by_id, 0)
    everywhere = 0
    seen: set[str] = set()
    for sel in plan.selections:
        if sel.id in seen:
            continue
        seen.add(sel.id)  # the first selection of an id decides its status
        if earned_only and sel.status != EARNED:
            continue
        cred = catalog.credential_by_id.get(sel.id)
        if cred is None:
            continue
        if cred.universal:
            everywhere += cred.universal_points or 0
        else:
            for fid, pts in cred.points.items():
                totals[fid] += pts
    if everywhere:
        for fid in totals:
            totals[fid] += everywhere
    return totals


def choose_field(catalog: Catalog, points: Mapping[str, int], pinned: str | None) -> tuple[str, bool]:
    """The bundle field: the pinned one, else the most points (ties: first in catalog)."""
    if pinned and pinned in catalog.field_by_id:
        return pinned, True
    best = catalog.fields[0].id
    for f in catalog.fields:
        if points[f.id] > points[best]:
            best = f.id
    return best, False


# -- words ----------------------------------------------------------------------------------
def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def score_label(value: ScoreValue | None, assessment: Assessment) -> str:
    if value is None:
        return "not taken"
    if value is BELOW:
        return assessment.below_label()
    return str(value)


def option_text(option: ScoreOption, assessment: Assessment | None) -> str:
    name = assessment.name if assessment else option.assessment
    terms = []
    if option.part is not None and option.at_least is not None:
        terms.append(f"{name} {option.part} at least {option.at_least}")
    if option.each is not None:
        terms.append(f"{name} every part at least {option.each}")
    if option.total is not None:
        terms.append(f"{name} total at least {option.total}")
    return " and ".join(terms)


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


# -- scores ------------------------------------------------------------------------------------
def _part_value(plan: Plan, assessment: Assessment, part: str) -> int | None:
    """An in-range integer score, or None (below min, not taken, or out of range)."""
    value = plan.score(assessment.id, part)
    if isinstance(value, int) and not isinstance(value, bool) and assessment.min <= value <= assessment.max:
        return value
    return None


def _total(plan: Plan, assessment: Assessment) -> int:
    return sum(_part_value(plan, assessment, p) or 0 for p in assessment.parts)


def _parts_below(plan: Plan, assessment: Assessment, each: int) -> list[str]:
    """The parts below `each` (below min, not taken, or too low), in catalog order."""
    return [p for p in assessment.parts if (_part_value(plan, assessment, p) or 0) < each]


def _part_sentence(plan: Plan, assessment: Assessment, part: str, each: int) -> str:
    note = " (not taken yet)" if plan.score(assessment.id, part) is None else ""
    return f"{part} needs at least {each}{note}"


def _option_holds(plan: Plan, option: ScoreOption, assessment: Assessment) -> bool:
    if option.part is not None and option.at_least is not None:
        value = _part_value(plan, assessment, option.part)
        if value is None or value < option.at_least:
            return False
    if option.each is not None and _parts_below(plan, assessment, option.each):
        return False
    if option.total is not None and _total(plan, assessment) < option.total:
        return False
    return True


def _option_evidence(plan: Plan, option: ScoreOption, assessment: Assessment) -> str:
    if option.part is not None and option.at_least is not None:
        value = _part_value(plan, assessment, option.part)
        return f"{assessment.name} {option.part} {value} (needs {option.at_least})"
    bits = []
    if option.each is not None:
        bits.append(f"every part at least {option.each}")
    if option.total is not None:
        bits.append(f"total {_total(plan, assessment)} (needs {option.total})")
    return f"{assessment.name} " + " and ".join(bits)


def _score_requirement(catalog: Catalog, plan: Plan, req: Requirement) -> RequirementResult:
    assessment = catalog.assessment_by_id[req.assessment or ""]
    missing: list[str] = []
    short: list[str] = []
    good: list[str] = []
    if req.total is not None:
        total = _total(plan, assessment)
        if total < req.total:
            missing.append(f"total {total} of {req.total} ({req.total - total} more)")
            short.append(f"{req.total - total} more in total")
        else:
            good.append(f"total {total} of {req.total}")
    if req.each is not None:
        low = _parts_below(plan, assessment, req.each)
        if low:
            missing.extend(_part_sentence(plan, assessment, p, req.each) for p in low)
            verb = "needs" if len(low) == 1 else "need"
            short.append(f"{_join(low)} {verb} at least {req.each}")
        else:
            good.append(f"every part at least {req.each}")
    if not missing:
        return RequirementResult(req.id, req.name, "score", True, f"{req.name}: " + ", ".join(good), req.class_label())
    return RequirementResult(
        req.id, req.name, "score", False, f"{req.name}: " + "; ".join(missing), req.class_label(),
        short=f"{req.name}: " + "; ".join(short),
    )


def _competency_requirement(
    catalog: Catalog, plan: Plan, req: Requirement, selections: tuple[SelectionResult, ...]
) -> RequirementResult:
    competency = req.competency or ""
    met_by: list[str] = []
    for sel in selections:
        cred = catalog.credential_by_id.get(sel.id)
        if cred is not None and competency in cred.meets:
            met_by.append(f"{cred.name} ({sel.status})")
    for option in req.scores:
        assessment = catalog.assessment_by_id.get(option.assessment)
        if assessment is not None and _option_holds(plan, option, assessment):
            met_by.append(_option_evidence(plan, option, assessment))
    if met_by:
        return RequirementResult(
            req.id, req.name, "competency", True, f"{req.name}: met by " + "; ".join(met_by),
            req.class_label(), tuple(met_by),
        )
    options = [f"a certificate that meets {competency}"] + [
        option_text(o, catalog.assessment_by_id.get(o.assessment)) for o in req.scores
    ]
    detail = f"{req.name}: not met yet; any one of: " + "; ".join(options)
    short = f"{req.name}: a certificate that meets {competency} or a qualifying score"
    return RequirementResult(req.id, req.name, "competency", False, detail, req.class_label(), short=short)


# -- selections ---------------------------------------------------------------------------------
def _selection_result(
    catalog: Catalog, cred: Credential | None, sel_id: str, status: str, bundle_field: str | None
) -> SelectionResult:
    if cred is None:
        return SelectionResult(sel_id, sel_id, status, False, 0, "no longer in this catalog", known=False)
    home = cred.fields
    if bundle_field is None:
        comps = sorted(cred.meets)
        if comps:
            reason = f"meets {_join(comps)}"
        else:
            reason = "meets no competency in this catalog"
        return SelectionResult(cred.id, cred.name, status, bool(comps), 0, reason, True, cred.verified, cred.universal, home)
    field_name = catalog.field_name(bundle_field)
    points = cred.points_in(bundle_field)
    if points is not None:
        counted = f"counts {plural(points, 'point')} in {field_name}"
        reason = f"listed in every field: {counted}" if cred.universal else counted
        return SelectionResult(cred.id, cred.name, status, True, points, reason, True, cred.verified, cred.universal, home)
    others = ", ".join(catalog.field_name(f) for f in home)
    reason = f"other field: {others}, not {field_name}"
    return SelectionResult(cred.id, cred.name, status, False, 0, reason, True, cred.verified, cred.universal, home)


# -- evaluate ---------------------------------------------------------------------------------
def evaluate(catalog: Catalog, plan: Plan) -> Evaluation:
    warnings: list[str] = []
    points = field_points(catalog, plan)

    applying = [r for r in catalog.requirements if r.applies_to(plan.class_of)]
    not_applying = tuple(r for r in catalog.requirements if not r.applies_to(plan.class_of))
    bundle_req = next((r for r in applying if r.kind == "bundle"), None)

    pinned = plan.pinned_field
    if pinned and pinned not in catalog.field_by_id:
        warnings.append(f"pinned field `{pinned}` is not in this catalog; using the field with the most points")
        pinned = None

    bundle: BundleResult | None = None
    bundle_field: str | None = None
    if catalog.has_bundle:
        bundle_field, is_pinned = choose_field(catalog, points, pinned)
        if bundle_req is not None:
            earned = field_points(catalog, plan, earned_only=True)
            bundle = BundleResult(
                bundle_req.id, bundle_field, catalog.field_name(bundle_field), is_pinned,
                points[bundle_field], bundle_req.points or 0, earned[bundle_field],
            )

    seen: set[str] = set()
    sel_results: list[SelectionResult] = []
    for sel in plan.selections:
        if sel.id in seen:
            warnings.append(f"`{sel.id}` is selected twice; counted once")
            continue
        seen.add(sel.id)
        cred = catalog.credential_by_id.get(sel.id)
        sel_results.append(_selection_result(catalog, cred, sel.id, sel.status, bundle_field))
    selections = tuple(sel_results)

    results: list[RequirementResult] = []
    for req in applying:
        if req.kind == "bundle":
            assert bundle is not None and bundle_field is not None
            need = req.points or 0
            have = points[bundle_field]
            name = catalog.field_name(bundle_field)
            earned_ok = bundle.earned_points >= need
            if have >= need:
                detail = f"{have} of {need} points in {name}"
                if not earned_ok:
                    detail += f" ({bundle.earned_points} earned so far)"
                results.append(RequirementResult(req.id, req.name, "bundle", True, detail, req.class_label(), earned_met=earned_ok))
            elif have == 0 and not bundle.pinned:
                short = f"credentials worth {need} points in one career field (none selected yet)"
                results.append(
                    RequirementResult(
                        req.id, req.name, "bundle", False, f"0 of {need} points: nothing counts yet",
                        req.class_label(), short=short, earned_met=earned_ok,
                    )
                )
            else:
                short = f"{need - have} more {'point' if need - have == 1 else 'points'} in {name}"
                results.append(
                    RequirementResult(
                        req.id, req.name, "bundle", False, f"{have} of {need} points in {name}: {short}",
                        req.class_label(), short=short, earned_met=earned_ok,
                    )
                )
        elif req.kind == "score":
            results.append(_score_requirement(catalog, plan, req))
        else:
            results.append(_competency_requirement(catalog, plan, req, selections))

    warnings.extend(_score_warnings(catalog, plan))
    if plan.class_of is None and not_applying:
        names = _join([r.name for r in not_applying])
        warnings.append(f"graduating class not set: {names} not checked")

    met = all(r.met for r in results)
    if met:
        if not results:
            status = "No requirement applies to this plan yet; set the graduating class."
        elif plan.class_of is None and not_applying:
            status = "Meets every requirement checked so far; set the graduating class to check the rest."
        else:
            status = "Meets every requirement."
    else:
        status = "Still missing: " + "; ".join(r.short or r.detail for r in results if not r.met)

    earned_status = ""
    if bundle is not None and selections:
        if bundle.earned_met:
            earned_status = "Earned credentials alone complete the bundle."
        else:
            rest = "; the rest is planned" if bundle.points > bundle.earned_points else ""
            earned_status = f"Earned credentials alone: {bundle.earned_points}/{bundle.required} points{rest}."

    return Evaluation(
        catalog_id=catalog.id,
        class_of=plan.class_of,
        met=met,
        bundle=bundle,
        requirements=tuple(results),
        not_applying=not_applying,
        selections=selections,
        field_points=MappingProxyType(points),
        warnings=tuple(warnings),
        status=status,
        earned_status=earned_status,
    )


def _score_warnings(catalog: Catalog, plan: Plan) -> list[str]:
    out = []
    for aid, parts in plan.scores.items():
        assessment = catalog.assessment_by_id.get(aid)
        if assessment is None:
            out.append(f"scores for `{aid}`, which this catalog does not have, were ignored")
            continue
        for part, value in parts.items():
            if part not in assessment.parts:
                out.append(f"{assessment.name} has no part `{part}`; its score was ignored")
            elif value is not BELOW and not (assessment.min <= value <= assessment.max):  # type: ignore[operator]
                out.append(f"{assessment.name} {part} score {value} is outside {assessment.min}..{assessment.max} and was ignored")
    return out


def part_status(catalog: Catalog, plan: Plan, assessment: Assessment, part: str, applying: list[Requirement] | None = None) -> str:
    """What one score input should say beside it: blank when fine, else what it needs."""
    reqs = applying if applying is not None else [r for r in catalog.requirements if r.applies_to(plan.class_of)]
    value = _part_value(plan, assessment, part)
    needs = [r.each for r in reqs if r.kind == "score" and r.assessment == assessment.id and r.each is not None]
    if needs:
        need = max(needs)
        if value is None or value < need:
            return f"{part} needs at least {need}"
    return ""
