"""The roster's words: statuses, column headings, cells and the counts line, for
`credplan roster` and the planner's roster screen. Cells hold catalog and student text
as it is; front-ends pass them through `core.text.clean` (the CLI's `emit` does)."""

from __future__ import annotations

from pathlib import Path

from ..roster import (
    MET,
    NOT_ON_TRACK,
    ON_TRACK,
    REQ_MET,
    REQ_NONE,
    REQ_NOT_CHECKED,
    REQ_NOT_ENTERED,
    REQ_NOT_MET,
    STATUSES,
    UNREADABLE,
    RosterRow,
)
from ..text import clean

STATUS_WORDS = {
    MET: "met",
    ON_TRACK: "on track",
    NOT_ON_TRACK: "not on track",
    UNREADABLE: "unreadable",
}
STATUS_HELP = {
    MET: "earned credentials and entered scores already meet every requirement",
    ON_TRACK: "met once the planned credentials are earned (or the class is not set yet)",
    NOT_ON_TRACK: "not met even with every planned credential",
    UNREADABLE: "the plan or its catalog cannot be read",
}
REQUIREMENT_WORDS = {
    REQ_MET: "met",
    REQ_NOT_MET: "not met",
    REQ_NOT_ENTERED: "not entered",
    REQ_NOT_CHECKED: "not checked",
    REQ_NONE: "-",
}

COLUMNS: tuple[tuple[str, str], ...] = (
    ("student", "Student"),
    ("class", "Class"),
    ("catalog", "Catalog"),
    ("status", "Status"),
    ("field", "Bundle field"),
    ("points", "Points"),
    ("scores", "Scores"),
    ("other", "Other field"),
    ("unverified", "?"),
    ("changed", "Changed"),
    ("top", "Top fields"),
)
"""(key, heading) of every column, in order."""

PINNED_MARK = " (pinned)"
NO_NAME = "(no name)"


def student(row: RosterRow) -> str:
    if not row.readable and not row.student:
        return f"{row.path.name} (cannot be read)"
    return row.student.strip() or f"{NO_NAME} {row.path.name}"


def points(row: RosterRow) -> str:
    """`9/12, 6 earned`; `-` without a bundle."""
    if not row.readable or not row.has_bundle:
        return "-"
    return f"{row.points}/{row.required}, {row.earned_points} earned"


def field(row: RosterRow) -> str:
    if not row.readable or not row.has_bundle:
        return "-"
    return row.field_name + (PINNED_MARK if row.pinned else "")


def other_field(row: RosterRow) -> str:
    if not row.other_field:
        return "0"
    return f"{len(row.other_field)}: {', '.join(row.other_field)}"


def top_fields(row: RosterRow) -> str:
    return ", ".join(f"{name} {pts}" for _, name, pts in row.top_fields) or "-"


def cells(row: RosterRow) -> dict[str, str]:
    """Every column of a row in words, by column key (catalog and student text raw)."""
    if not row.readable:
        return {
            "student": student(row),
            "class": str(row.class_of) if row.class_of else "-",
            "catalog": row.catalog_id or "-",
            "status": STATUS_WORDS[UNREADABLE],
            "field": "-",
            "points": "-",
            "scores": "-",
            "other": "-",
            "unverified": "-",
            "changed": row.modified.strftime("%Y-%m-%d %H:%M"),
            "top": row.problem,
        }
    return {
        "student": student(row),
        "class": str(row.class_of) if row.class_of else "not set",
        "catalog": row.catalog_id,
        "status": STATUS_WORDS[row.status],
        "field": field(row),
        "points": points(row),
        "scores": REQUIREMENT_WORDS[row.scores],
        "other": other_field(row),
        "unverified": str(row.unverified),
        "changed": row.modified.strftime("%Y-%m-%d %H:%M"),
        "top": top_fields(row),
    }


def counts_line(counts: dict[str, int]) -> str:
    """`12 students: 3 met, 5 on track, 3 not on track, 1 unreadable`."""
    total = sum(counts.values())
    parts = [f"{counts[s]} {STATUS_WORDS[s]}" for s in STATUSES if counts.get(s) or s != UNREADABLE]
    return f"{total} {'student' if total == 1 else 'students'}: " + ", ".join(parts)


def no_plans(directory: Path) -> str:
    return f"No plans in {clean(directory)}."


def none_match(total: int) -> str:
    return f"None of the {total} plans match."


def showing(shown: int, total: int) -> str:
    return f"Showing {shown} of {total}."


def other_catalog(row: RosterRow, planner: str) -> str:
    """Why enter does not open a plan saved with another catalog, and how to open it."""
    who = clean(student(row))
    return (
        f"{who}'s plan is judged by the catalog {clean(row.catalog_id)}, this planner by {clean(planner)}: "
        f"it is not opened here. Open it with: credplan --student \"{clean(row.student)}\""
    )


LEGEND = (
    "Points: planned and earned in the bundle field, of those required, and how many are earned. "
    "Scores: the requirements other than the bundle (WorkKeys, competencies). "
    "?: selections counted with a value not confirmed against the official list."
)
STATUS_LEGEND = "; ".join(f"{STATUS_WORDS[s]}: {STATUS_HELP[s]}" for s in STATUSES)
DEMO = "Demo: other students' plans are not shown."
