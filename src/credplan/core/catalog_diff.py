"""What a new list changes: two catalogs compared credential by credential, and the
students whose plans it moves. Pure data; the sentences are in `core.words.catalog_diff`.

    diff = diff_catalogs(old, new)        # added, removed, renamed, points by field
    moved = plan_impacts(old, new, plans) # each plan judged by both, when it changes

Credentials are matched by id (a renamed credential keeps its id). Points are compared
field by field: a credential newly listed in a field, dropped from one, or worth other
points there is one `PointChange` each; a credential listed in every field (`["*"]`)
compares as the field `*`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterable

from .changes import EVERY, current_points
from .model import Catalog, Credential, Plan
from .roster import overall_status, plan_files
from .rules import evaluate
from .session import DEFAULT_CATALOG
from .plans import read_plan
from .problems import FileProblems


@dataclass(frozen=True, slots=True)
class Renamed:
    id: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class PointChange:
    id: str
    name: str
    field: str
    """A field id, or `*` for every field."""
    field_name: str
    old: int | None
    """None: not listed in that field before."""
    new: int | None
    """None: no longer listed there."""


@dataclass(frozen=True, slots=True)
class Listed:
    """A credential added or removed, with its points by field name."""

    id: str
    name: str
    points: tuple[tuple[str, int], ...]
    """(field name, points); `every field` for a universal one."""


@dataclass
class CatalogDiff:
    old_id: str
    new_id: str
    old_checked: dt.date
    new_checked: dt.date
    added: list[Listed] = field(default_factory=list)
    removed: list[Listed] = field(default_factory=list)
    renamed: list[Renamed] = field(default_factory=list)
    points: list[PointChange] = field(default_factory=list)
    verified: list[tuple[str, str, bool]] = field(default_factory=list)
    """(id, name, verified now) of credentials whose confirmation changed."""
    fields_added: list[str] = field(default_factory=list)
    fields_removed: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.renamed or self.points or self.verified
                    or self.fields_added or self.fields_removed)


def _field_name(fid: str, new: Catalog, old: Catalog) -> str:
    if fid == EVERY:
        return EVERY
    return new.field_by_id[fid].name if fid in new.field_by_id else old.field_name(fid)


def _listed(catalog: Catalog, cred: Credential) -> Listed:
    if cred.universal:
        return Listed(cred.id, cred.name, ((EVERY, cred.universal_points or 0),))
    return Listed(cred.id, cred.name, tuple((catalog.field_name(f), p) for f, p in cred.points.items()))


def diff_catalogs(old: Catalog, new: Catalog) -> CatalogDiff:
    out = CatalogDiff(old.id, new.id, old.info.checked, new.info.checked)
    old_ids, new_ids = old.credential_by_id, new.credential_by_id
    out.added = [_listed(new, c) for c in new.credentials if c.id not in old_ids]
    out.removed = [_listed(old, c) for c in old.credentials if c.id not in new_ids]
    for cred in new.credentials:
        before = old_ids.get(cred.id)
        if before is None:
            continue
        if before.name != cred.name:
            out.renamed.append(Renamed(cred.id, before.name, cred.name))
        if before.verified != cred.verified:
            out.verified.append((cred.id, cred.name, cred.verified))
        was, now = current_points(before), current_points(cred)
        for fid in list(dict.fromkeys([*was, *now])):
            if was.get(fid) != now.get(fid):
                out.points.append(PointChange(cred.id, cred.name, fid, _field_name(fid, new, old), was.get(fid), now.get(fid)))
    out.fields_added = [f.name for f in new.fields if f.id not in old.field_by_id]
    out.fields_removed = [f.name for f in old.fields if f.id not in new.field_by_id]
    return out


# -- the plans it moves --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PlanImpact:
    path: Path
    student: str
    old_status: str
    new_status: str
    old_field: str = ""
    """Bundle field names (empty without a bundle)."""
    new_field: str = ""
    old_points: int = 0
    new_points: int = 0
    requirements: tuple[tuple[str, bool, bool], ...] = ()
    """(requirement name, met before, met now) of the requirements whose state changed."""
    removed: tuple[str, ...] = ()
    """Names of the plan's selections that the new list no longer has."""

    @property
    def status_changed(self) -> bool:
        return self.old_status != self.new_status


def plan_impact(old: Catalog, new: Catalog, plan: Plan, path: Path) -> PlanImpact | None:
    """How `plan` fares under `new` compared with `old`; None when nothing it shows changes."""
    before, after = evaluate(old, plan), evaluate(new, plan)
    old_status, new_status = overall_status(old, plan, before), overall_status(new, plan, after)
    reqs = []
    after_by_id = {r.id: r for r in after.requirements}
    for r in before.requirements:
        now = after_by_id.get(r.id)
        if now is not None and now.met != r.met and r.kind != "bundle":
            reqs.append((now.name, r.met, now.met))
    removed = tuple(
        old.credential_by_id[s.id].name for s in plan.selections
        if s.id in old.credential_by_id and s.id not in new.credential_by_id
    )
    ob, nb = before.bundle, after.bundle
    impact = PlanImpact(
        path, plan.student, old_status, new_status,
        ob.field_name if ob else "", nb.field_name if nb else "",
        ob.points if ob else 0, nb.points if nb else 0, tuple(reqs), removed,
    )
    points_moved = (impact.old_field, impact.old_points) != (impact.new_field, impact.new_points)
    if not (impact.status_changed or points_moved or reqs or removed):
        return None
    return impact


def judged_by(plan: Plan, catalog_ids: Iterable[str]) -> bool:
    """Whether a plan is one of those a list replaces: saved with one of these catalogs
    (a plan with no catalog recorded is judged by the default one)."""
    stamp = plan.catalog.id if plan.catalog is not None else DEFAULT_CATALOG
    return stamp in set(catalog_ids)


@dataclass
class PlansReport:
    impacts: list[PlanImpact]
    considered: int
    """Plans saved with the old (or the new) catalog."""
    other: int
    """Plans saved with another catalog, left out."""
    unreadable: list[str]
    """`FILE:LINE: why` of plan files that could not be read."""


def plan_impacts(old: Catalog, new: Catalog, directory: Path) -> PlansReport:
    """Every plan of `directory` saved with the old or the new catalog, judged by both;
    those that change, status changes first, then by name."""
    impacts: list[PlanImpact] = []
    considered = other = 0
    unreadable: list[str] = []
    for path in plan_files(directory):
        try:
            plan = read_plan(path)
        except FileProblems as exc:
            unreadable.append(str(exc.problems[0]) if exc.problems else str(path))
            continue
        if not judged_by(plan, (old.id, new.id)):
            other += 1
            continue
        considered += 1
        impact = plan_impact(old, new, plan, path)
        if impact is not None:
            impacts.append(impact)
    impacts.sort(key=lambda i: (not i.status_changed, i.student.casefold(), i.path.name))
    return PlansReport(impacts, considered, other, unreadable)


def diff_dict(diff: CatalogDiff, plans: PlansReport | None = None) -> dict:
    out: dict = {
        "old": {"id": diff.old_id, "checked": diff.old_checked.isoformat()},
        "new": {"id": diff.new_id, "checked": diff.new_checked.isoformat()},
        "same": diff.empty,
        "added": [{"id": c.id, "name": c.name, "points": [{"field": f, "points": p} for f, p in c.points]} for c in diff.added],
        "removed": [{"id": c.id, "name": c.name, "points": [{"field": f, "points": p} for f, p in c.points]} for c in diff.removed],
        "renamed": [{"id": r.id, "old": r.old, "new": r.new} for r in diff.renamed],
        "points": [
            {"id": p.id, "name": p.name, "field": p.field, "field_name": p.field_name, "old": p.old, "new": p.new}
            for p in diff.points
        ],
        "verified": [{"id": i, "name": n, "verified": v} for i, n, v in diff.verified],
        "fields_added": diff.fields_added,
        "fields_removed": diff.fields_removed,
    }
    if plans is not None:
        out["plans"] = {
            "considered": plans.considered,
            "other_catalogs": plans.other,
            "unreadable": plans.unreadable,
            "changes": [
                {
                    "student": i.student, "path": str(i.path), "old_status": i.old_status, "new_status": i.new_status,
                    "status_changed": i.status_changed, "old_field": i.old_field or None, "new_field": i.new_field or None,
                    "old_points": i.old_points, "new_points": i.new_points,
                    "requirements": [{"name": n, "was_met": a, "met": b} for n, a, b in i.requirements],
                    "removed": list(i.removed),
                }
                for i in plans.impacts
            ],
        }
    return out


__all__ = [
    "CatalogDiff",
    "Listed",
    "PlanImpact",
    "PlansReport",
    "PointChange",
    "Renamed",
    "diff_catalogs",
    "diff_dict",
    "plan_impact",
    "plan_impacts",
]
