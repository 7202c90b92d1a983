"""An evaluation as plain data (`check --json`) and as text for a terminal (`check`).

Every sentence comes from `core.words.requirements`; catalog and plan text goes
through `core.text.clean`.
"""

from __future__ import annotations

from .model import Catalog, Plan
from .rules import Evaluation
from .text import clean
from .words import requirements as words
from .words.requirements import LEGEND, UNVERIFIED, UNVERIFIED_WORDS

TYPE_CHECKING = False  # typing costs milliseconds at every start; annotations here are never evaluated
if TYPE_CHECKING:
    from typing import Any

__all__ = ["LEGEND", "UNVERIFIED", "UNVERIFIED_WORDS", "evaluation_dict", "evaluation_text", "mark"]


def evaluation_dict(catalog: Catalog, evaluation: Evaluation) -> dict[str, Any]:
    """The `credplan check --json` object."""
    bundle = evaluation.bundle
    return {
        "catalog": catalog.id,
        "met": evaluation.met,
        "class_of": evaluation.class_of,
        "bundle": None
        if bundle is None
        else {
            "field": bundle.field,
            "field_name": bundle.field_name,
            "pinned": bundle.pinned,
            "points": bundle.points,
            "required": bundle.required,
            "earned_points": bundle.earned_points,
        },
        "requirements": [
            {
                "id": r.id,
                "name": r.name,
                "met": r.met,
                "detail": words.requirement_detail(r),
                "state": r.state.value,
            }
            for r in evaluation.requirements
        ],
        "selections": [
            {
                "id": s.id,
                "name": s.name,
                "status": s.status,
                "counts": s.counts,
                "points": s.points,
                "reason": words.selection_reason(s, catalog),
                "verified": s.verified,
            }
            for s in evaluation.selections
        ],
        "warnings": [words.warning_text(w) for w in evaluation.warnings],
        "not_checked": [
            {"id": n.id, "name": n.name, "applies_to": words.classes_text(n.from_class, n.to_class)}
            for n in evaluation.not_checked
        ],
    }


def mark(state: Any) -> str:
    """A requirement's mark, padded so the names line up."""
    return words.mark(state).ljust(words.MARK_WIDTH)


def evaluation_text(catalog: Catalog, plan: Plan, evaluation: Evaluation) -> str:
    c = clean
    lines: list[str] = []
    who = plan.student or "(no name)"
    lines.append(c(f"{who}, {words.class_text(plan.class_of)}"))
    lines.append(c(f"Catalog: {catalog.info.title} ({catalog.info.region}), checked {catalog.info.checked.isoformat()}"))
    bundle = evaluation.bundle
    if bundle is not None:
        lines.append(c(words.bundle_line(bundle)))
    lines.append("")
    lines.append("Requirements")
    for r in evaluation.requirements:
        lines.append(f"  {mark(r.state)} {c(words.requirement_line(r))}")
    for n in evaluation.not_checked:
        lines.append(f"  {mark(n.state)} {c(words.not_checked_line(n))}")
    lines.append("")
    lines.append("Selections")
    if not evaluation.selections:
        lines.append("  (none yet)")
    for s in evaluation.selections:
        flag = "counts " if s.counts else "no     "
        unverified = f" {UNVERIFIED} ({UNVERIFIED_WORDS})" if not s.verified else ""
        pts = words.plural(s.points, "pt") if s.counts and bundle is not None else ""
        tag = words.selection_mark(s)
        tag = f"{tag} " if tag else ""
        reason = words.selection_reason(s, catalog)
        lines.append(c(f"  {flag} {pts:>6}  {tag}{s.name} [{s.status}]: {reason}{unverified}"))
    if evaluation.warnings:
        lines.append("")
        lines.append("Warnings")
        for w in evaluation.warnings:
            lines.append(c(f"  - {words.warning_text(w)}"))
    lines.append("")
    lines.append(c(words.status_line(evaluation)))
    earned = words.earned_line(evaluation)
    if earned:
        lines.append(c(earned))
    return "\n".join(lines) + "\n"
