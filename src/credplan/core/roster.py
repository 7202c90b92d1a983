"""The counselor's roster: every student's plan in a folder, each judged by its own
catalog, one row per student. Pure data: no printing and no sentences (those are in
`core.words.roster`); the CLI (`credplan roster`) and the planner's roster screen draw
the same rows.

    rows = roster(plans_dir())                 # or any folder of plan files
    rows = sort_rows(filter_rows(rows, class_of=2027), "need")
    counts = status_counts(rows)

Each plan is judged by the catalog it was saved with, chosen as a planning session
chooses it (`core.session.plan_catalog`); catalogs are loaded once per roster and
shared by every plan that names the same one. A plan file that cannot be read, or whose
catalog cannot be found or read, is a row of its own (`UNREADABLE`, with the reason):
it never stops the roster.

Overall status, in three words:

- `MET`: the earned credentials and the scores entered already meet every requirement
  that applies to the student's class (so the class must be set when a catalog has
  class-limited requirements: WorkKeys in Ohio);
- `ON_TRACK`: met once the planned credentials are earned too, or met so far with the
  class not set;
- `NOT_ON_TRACK`: not met even with every planned credential.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from collections.abc import Iterable

from .model import EARNED, Catalog, Plan, Requirement
from .problems import FileProblems
from .rules import Evaluation, evaluate
from .session import plan_catalog
from .plans import read_plan
from .students import is_plan_file

MET = "met"
ON_TRACK = "on-track"
NOT_ON_TRACK = "not-on-track"
UNREADABLE = "unreadable"
STATUSES: tuple[str, ...] = (MET, ON_TRACK, NOT_ON_TRACK, UNREADABLE)

# State of a requirement other than the bundle (WorkKeys, a competency), and of them all.
REQ_MET = "met"
REQ_NOT_MET = "not-met"
REQ_NOT_ENTERED = "not-entered"
"""Not met, and no score was entered for any assessment that could meet it."""
REQ_NOT_CHECKED = "not-checked"
"""It does not apply to the student's class, or the class is not set."""
REQ_NONE = ""
"""The catalog has no requirement besides the bundle."""

SORTS: tuple[str, ...] = ("need", "name", "class")
TOP_FIELDS = 3


@dataclass(frozen=True, slots=True)
class RequirementState:
    id: str
    name: str
    kind: str
    state: str


@dataclass(frozen=True, slots=True)
class RosterRow:
    path: Path
    student: str
    """As stored in the plan ('' when unnamed or unreadable)."""
    modified: dt.datetime
    status: str
    """MET, ON_TRACK, NOT_ON_TRACK or UNREADABLE."""
    problem: str = ""
    """Why the row is UNREADABLE (FILE:LINE: message)."""
    class_of: int | None = None
    catalog_id: str = ""
    """The catalog it was judged by (for an unreadable plan: the one it names, if any)."""
    catalog_title: str = ""
    catalog_path: str = ""
    """The file of the catalog it was judged by (to open the plan with it)."""
    has_bundle: bool = False
    field: str = ""
    field_name: str = ""
    pinned: bool = False
    points: int = 0
    """Points planned and earned in the bundle field."""
    earned_points: int = 0
    required: int = 0
    scores: str = REQ_NONE
    """The requirements other than the bundle, together (see `scores_state`)."""
    requirements: tuple[RequirementState, ...] = ()
    """Every requirement other than the bundle, in catalog order."""
    top_fields: tuple[tuple[str, str, int], ...] = ()
    """(field id, name, points) of the fields with the most points, at most three."""
    other_field: tuple[str, ...] = ()
    """Names of selections from another field than the bundle field."""
    unverified: int = 0
    """Selections that count with a value not confirmed against the official list."""
    not_in_catalog: int = 0
    """Selections whose credential is no longer in the catalog."""
    unmet: int = 0
    """Requirements not met with the planned credentials."""

    @property
    def readable(self) -> bool:
        return self.status != UNREADABLE

    @property
    def missing(self) -> int:
        """Bundle points still to plan (0 without a bundle)."""
        return max(0, self.required - self.points) if self.has_bundle else 0


# -- one plan -----------------------------------------------------------------------------------
def _entered(plan: Plan, req: Requirement) -> bool:
    """Whether any score that could meet `req` was entered."""
    if req.kind == "score":
        return bool(plan.scores.get(req.assessment or ""))
    return any(plan.scores.get(option.assessment) for option in req.scores)


def requirement_states(catalog: Catalog, plan: Plan, evaluation: Evaluation) -> tuple[RequirementState, ...]:
    results = {r.id: r for r in evaluation.requirements}
    out = []
    for req in catalog.requirements:
        if req.kind == "bundle":
            continue
        result = results.get(req.id)
        if result is None:
            state = REQ_NOT_CHECKED
        elif result.met:
            state = REQ_MET
        elif not _entered(plan, req):
            state = REQ_NOT_ENTERED
        else:
            state = REQ_NOT_MET
        out.append(RequirementState(req.id, req.name, req.kind, state))
    return tuple(out)


def scores_state(states: Iterable[RequirementState]) -> str:
    """All of them in one word: not met beats not entered beats not checked beats met."""
    found = {s.state for s in states}
    for state in (REQ_NOT_MET, REQ_NOT_ENTERED, REQ_MET, REQ_NOT_CHECKED):
        if state in found:
            return state
    return REQ_NONE


def _earned_only(catalog: Catalog, plan: Plan, evaluation: Evaluation) -> Evaluation:
    earned = tuple(s for s in plan.selections if s.status == EARNED)
    pinned = evaluation.bundle.field if evaluation.bundle is not None else plan.pinned_field
    return evaluate(catalog, replace(plan, selections=earned, pinned_field=pinned))


def overall_status(catalog: Catalog, plan: Plan, evaluation: Evaluation) -> str:
    if not evaluation.met:
        return NOT_ON_TRACK
    unchecked = plan.class_of is None and any(r.class_limited for r in catalog.requirements)
    if unchecked or not _earned_only(catalog, plan, evaluation).met:
        return ON_TRACK
    return MET


def top_fields(catalog: Catalog, evaluation: Evaluation, n: int = TOP_FIELDS) -> tuple[tuple[str, str, int], ...]:
    points = evaluation.field_points
    order = sorted(
        (i for i, f in enumerate(catalog.fields) if points.get(f.id, 0) > 0),
        key=lambda i: (-points[catalog.fields[i].id], i),
    )
    return tuple((catalog.fields[i].id, catalog.fields[i].name, points[catalog.fields[i].id]) for i in order[:n])


def plan_row(catalog: Catalog, plan: Plan, path: Path, modified: dt.datetime) -> RosterRow:
    """One student's row: `plan` judged by `catalog`."""
    evaluation = evaluate(catalog, plan)
    bundle = evaluation.bundle
    states = requirement_states(catalog, plan, evaluation)
    selections = evaluation.selections
    other = tuple(s.name for s in selections if s.known and not s.counts) if bundle is not None else ()
    return RosterRow(
        path=path,
        student=plan.student,
        modified=modified,
        status=overall_status(catalog, plan, evaluation),
        class_of=plan.class_of,
        catalog_id=catalog.id,
        catalog_title=catalog.info.title,
        catalog_path=catalog.path,
        has_bundle=bundle is not None,
        field=bundle.field if bundle else "",
        field_name=bundle.field_name if bundle else "",
        pinned=bundle.pinned if bundle else False,
        points=bundle.points if bundle else 0,
        earned_points=bundle.earned_points if bundle else 0,
        required=bundle.required if bundle else 0,
        scores=scores_state(states),
        requirements=states,
        top_fields=top_fields(catalog, evaluation) if catalog.has_bundle else (),
        other_field=other,
        unverified=sum(1 for s in selections if s.known and s.counts and not s.verified),
        not_in_catalog=sum(1 for s in selections if not s.known),
        unmet=sum(1 for r in evaluation.requirements if not r.met),
    )


# -- every plan in a folder ---------------------------------------------------------------------
class CatalogCache:
    """Catalogs by what a plan names (its stamp's id and path), each loaded once; a
    catalog that cannot be found or read is remembered as its problem."""

    def __init__(self, catalog: str | None = None) -> None:
        self.override = catalog
        self._known: dict[tuple[str, str] | None, Catalog | FileProblems] = {}

    def get(self, plan: Plan) -> Catalog:
        stamp = plan.catalog
        key = None if stamp is None else (stamp.id, stamp.path)
        found = self._known.get(key)
        if found is None:
            try:
                found = plan_catalog(plan, self.override)
            except FileProblems as exc:
                found = exc
            self._known[key] = found
        if isinstance(found, FileProblems):
            raise found
        return found


def _problem_text(exc: FileProblems) -> str:
    return str(exc.problems[0]) if exc.problems else "cannot be read"


def read_row(path: Path, catalogs: CatalogCache) -> RosterRow:
    try:
        modified = dt.datetime.fromtimestamp(path.stat().st_mtime)
    except OSError as exc:
        return RosterRow(path, "", dt.datetime.fromtimestamp(0), UNREADABLE, f"{path}: {exc.strerror or exc}")
    try:
        plan = read_plan(path)
    except FileProblems as exc:
        return RosterRow(path, "", modified, UNREADABLE, _problem_text(exc))
    try:
        catalog = catalogs.get(plan)
    except FileProblems as exc:
        stamp = plan.catalog
        return RosterRow(
            path, plan.student, modified, UNREADABLE, _problem_text(exc), class_of=plan.class_of,
            catalog_id=stamp.id if stamp else "",
        )
    return plan_row(catalog, plan, path, modified)


def plan_files(directory: Path) -> list[Path]:
    """The plan files of a folder, as `list_plans` counts them (no backups, temp files,
    locks or trash)."""
    root = Path(directory)
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if is_plan_file(p))


def roster(directory: Path, *, catalog: str | None = None) -> list[RosterRow]:
    """One row per plan file in `directory`, by file name. `catalog` judges every plan
    by that catalog instead of its own (a bundled id or a path)."""
    catalogs = CatalogCache(catalog)
    return [read_row(path, catalogs) for path in plan_files(directory)]


# -- choosing and ordering ----------------------------------------------------------------------
def filter_rows(
    rows: Iterable[RosterRow],
    *,
    class_of: int | None = None,
    catalog_id: str | None = None,
    statuses: Iterable[str] | None = None,
    text: str = "",
) -> list[RosterRow]:
    """Rows of that class, catalog and status, whose name, field or catalog holds `text`
    (ignoring case)."""
    wanted = set(statuses) if statuses else None
    needle = text.strip().casefold()
    out = []
    for row in rows:
        if class_of is not None and row.class_of != class_of:
            continue
        if catalog_id is not None and row.catalog_id != catalog_id:
            continue
        if wanted is not None and row.status not in wanted:
            continue
        if needle and needle not in " ".join((row.student, row.field_name, row.catalog_id, row.path.name)).casefold():
            continue
        out.append(row)
    return out


_STATUS_RANK = {NOT_ON_TRACK: 0, ON_TRACK: 1, MET: 2}
_NO_CLASS = 10_000


def _name_key(row: RosterRow) -> tuple[str, str, str]:
    return (row.student.casefold(), row.student, row.path.name)


def need_key(row: RosterRow) -> tuple:
    """Closest graduating class first (not set: last), then furthest from meeting the
    rules (status, bundle points missing, requirements not met), then name. Unreadable
    plans come last: they cannot be judged."""
    if not row.readable:
        return (1, 0, 0, 0, 0, *_name_key(row))
    klass = row.class_of if row.class_of is not None else _NO_CLASS
    return (0, klass, _STATUS_RANK[row.status], -row.missing, -row.unmet, *_name_key(row))


def sort_rows(rows: Iterable[RosterRow], by: str = "need") -> list[RosterRow]:
    if by == "need":
        return sorted(rows, key=need_key)
    if by == "name":
        return sorted(rows, key=lambda r: (not r.student, *_name_key(r)))
    if by == "class":
        return sorted(rows, key=lambda r: (r.class_of if r.class_of is not None else _NO_CLASS, *_name_key(r)))
    raise ValueError(f"unknown sort {by!r} (use one of: {', '.join(SORTS)})")


def status_counts(rows: Iterable[RosterRow]) -> dict[str, int]:
    counts = dict.fromkeys(STATUSES, 0)
    for row in rows:
        counts[row.status] += 1
    return counts


def row_dict(row: RosterRow) -> dict:
    """A row as plain data (the `credplan roster --json` entry)."""
    return {
        "student": row.student,
        "path": str(row.path),
        "status": row.status,
        "problem": row.problem or None,
        "class_of": row.class_of,
        "catalog": row.catalog_id or None,
        "bundle": {
            "field": row.field,
            "field_name": row.field_name,
            "pinned": row.pinned,
            "points": row.points,
            "earned_points": row.earned_points,
            "required": row.required,
        }
        if row.has_bundle
        else None,
        "scores": row.scores or None,
        "requirements": [{"id": r.id, "name": r.name, "kind": r.kind, "state": r.state} for r in row.requirements],
        "top_fields": [{"field": f, "field_name": n, "points": p} for f, n, p in row.top_fields],
        "other_field": list(row.other_field),
        "unverified": row.unverified,
        "not_in_catalog": row.not_in_catalog,
        "modified": row.modified.isoformat(timespec="seconds"),
    }


__all__ = [
    "MET",
    "NOT_ON_TRACK",
    "ON_TRACK",
    "SORTS",
    "STATUSES",
    "UNREADABLE",
    "CatalogCache",
    "RosterRow",
    "filter_rows",
    "plan_row",
    "roster",
    "row_dict",
    "sort_rows",
    "status_counts",
]
