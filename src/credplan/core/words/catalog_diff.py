"""What `credplan diff` says: a new list against the old one, and the students whose
plans it moves ("Ana López: Information Technology 12 → 9, no longer met"). Names are
shown as they are; the CLI's `emit` cleans them."""

from __future__ import annotations

from ..catalog_diff import CatalogDiff, Listed, PlanImpact, PlansReport, PointChange
from ..changes import EVERY
from ..roster import MET, NOT_ON_TRACK, ON_TRACK
from .roster import STATUS_WORDS

EVERY_FIELD = "every field"
SAME = "The two lists hold the same credentials, with the same points."


def _n(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _field(name: str) -> str:
    return EVERY_FIELD if name == EVERY else name


def header(diff: CatalogDiff, old_name: str, new_name: str) -> str:
    return (
        f"{old_name} ({diff.old_id}, checked {diff.old_checked.isoformat()}) → "
        f"{new_name} ({diff.new_id}, checked {diff.new_checked.isoformat()})"
    )


def listed(c: Listed) -> str:
    where = ", ".join(f"{_field(f)} {p}" for f, p in c.points)
    return f"{c.name} ({where})" if where else c.name


def point_change(p: PointChange) -> str:
    where = _field(p.field_name)
    if p.old is None:
        return f"{p.name}: now listed in {where} ({p.new})"
    if p.new is None:
        return f"{p.name}: no longer listed in {where} (was {p.old})"
    return f"{p.name}: {where} {p.old} → {p.new}"


def section_lines(diff: CatalogDiff) -> list[str]:
    """The changes to the list, by kind; `SAME` when there are none."""
    if diff.empty:
        return [SAME]
    out: list[str] = []
    sections = (
        ("Added", [f"+ {listed(c)}" for c in diff.added]),
        ("Removed", [f"- {listed(c)}" for c in diff.removed]),
        ("Renamed, same id", [f"~ {r.id}: {r.old} → {r.new}" for r in diff.renamed]),
        ("Points changed", [point_change(p) for p in diff.points]),
        ("Confirmation changed", [
            f"{name}: {'now confirmed' if now else 'no longer confirmed'} against the official list"
            for _, name, now in diff.verified
        ]),
        ("Career fields added", [f"+ {name}" for name in diff.fields_added]),
        ("Career fields removed", [f"- {name}" for name in diff.fields_removed]),
    )
    for title, lines in sections:
        if lines:
            if out:
                out.append("")
            out.append(f"{title} ({len(lines)}):")
            out += [f"  {line}" for line in lines]
    return out


def status_change(old: str, new: str) -> str:
    if old == new:
        return f"still {STATUS_WORDS[new]}"
    if new == NOT_ON_TRACK:
        return "no longer met" if old == MET else "no longer on track"
    if new == MET:
        return "now met"
    if new == ON_TRACK and old == NOT_ON_TRACK:
        return "now on track"
    return f"{STATUS_WORDS[old]} → {STATUS_WORDS[new]}"


def impact(i: PlanImpact) -> str:
    """`Ana López: Information Technology 12 → 9, no longer met`."""
    who = i.student.strip() or i.path.name
    bits = []
    if i.old_field or i.new_field:
        if i.old_field == i.new_field:
            if i.old_points != i.new_points:
                bits.append(f"{i.new_field} {i.old_points} → {i.new_points}")
        else:
            bits.append(f"{i.old_field} {i.old_points} → {i.new_field} {i.new_points}")
    for name, _, met in i.requirements:
        bits.append(f"{name} {'now met' if met else 'no longer met'}")
    if i.removed:
        bits.append(f"{', '.join(i.removed)} no longer on the list")
    if i.status_changed or not bits:
        bits.append(status_change(i.old_status, i.new_status))
    return f"{who}: " + ", ".join(bits)


def plans_lines(report: PlansReport, where: str) -> list[str]:
    changed = [i for i in report.impacts if i.status_changed]
    moved = [i for i in report.impacts if not i.status_changed]
    out = [
        f"Plans in {where}: {_n(report.considered, 'plan')} on this list, "
        f"{len(changed)} {'changes' if len(changed) == 1 else 'change'} status"
        + (f", {len(moved)} more {'changes' if len(moved) == 1 else 'change'} points only" if moved else "")
        + "."
    ]
    out += [f"  {impact(i)}" for i in changed]
    if moved:
        out.append("Points change, status stays:")
        out += [f"  {impact(i)}" for i in moved]
    if report.other:
        out.append(f"{_n(report.other, 'plan')} saved with another catalog left out.")
    for problem in report.unreadable:
        out.append(f"Cannot be read: {problem}")
    return out
