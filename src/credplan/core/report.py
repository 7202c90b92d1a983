"""An evaluation as plain data (JSON) and as text for a terminal or a printout."""

from __future__ import annotations

from .model import Catalog, Plan
from .rules import Evaluation, plural

TYPE_CHECKING = False  # typing costs milliseconds at every start; annotations here are never evaluated
if TYPE_CHECKING:
    from typing import Any

UNVERIFIED = "?"
UNVERIFIED_WORDS = "value not confirmed against the official list"


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
            {"id": r.id, "name": r.name, "met": r.met, "detail": r.detail} for r in evaluation.requirements
        ],
        "selections": [
            {
                "id": s.id,
                "name": s.name,
                "status": s.status,
                "counts": s.counts,
                "points": s.points,
                "reason": s.reason,
                "verified": s.verified,
            }
            for s in evaluation.selections
        ],
        "warnings": list(evaluation.warnings),
    }


def mark(met: bool) -> str:
    """A requirement's state in words, so it reads without colour."""
    return "[met]    " if met else "[not met]"


def evaluation_text(catalog: Catalog, plan: Plan, evaluation: Evaluation) -> str:
    lines: list[str] = []
    who = plan.student or "(no name)"
    klass = f"class of {plan.class_of}" if plan.class_of else "class not set"
    lines.append(f"{who}, {klass}")
    lines.append(f"Catalog: {catalog.info.title} ({catalog.info.region}), checked {catalog.info.checked.isoformat()}")
    bundle = evaluation.bundle
    if bundle is not None:
        how = "pinned" if bundle.pinned else "most points"
        lines.append(f"Bundle field: {bundle.field_name} ({how}): {bundle.points}/{bundle.required} points")
    lines.append("")
    lines.append("Requirements")
    for r in evaluation.requirements:
        lines.append(f"  {mark(r.met)} {r.detail}")
    for req in evaluation.not_applying:
        lines.append(f"  [skipped]  {req.name}: applies to {req.class_label()}")
    lines.append("")
    lines.append("Selections")
    if not evaluation.selections:
        lines.append("  (none yet)")
    for s in evaluation.selections:
        flag = "counts " if s.counts else "no     "
        unverified = f" {UNVERIFIED} ({UNVERIFIED_WORDS})" if not s.verified else ""
        pts = plural(s.points, "pt") if s.counts and bundle is not None else ""
        lines.append(f"  {flag} {pts:>6}  {s.name} [{s.status}]: {s.reason}{unverified}")
    if evaluation.warnings:
        lines.append("")
        lines.append("Warnings")
        for w in evaluation.warnings:
            lines.append(f"  - {w}")
    lines.append("")
    lines.append(evaluation.status)
    if evaluation.earned_status:
        lines.append(evaluation.earned_status)
    return "\n".join(lines) + "\n"
