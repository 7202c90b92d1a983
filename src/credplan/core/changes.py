"""What changed in the catalog since a plan was last saved with it.

A plan remembers the catalog it was saved with (`plan.catalog`: id and checked date)
and, for each selected credential, its points by field as last seen
(`plan.known_points`). Comparing them with the catalog now open tells the student:

- selections whose credential is gone (they stay in the plan, marked
  `no longer in this catalog` by the rules);
- point values that changed ("CompTIA A+: 12 -> 10 points in Information Technology");
- that the catalog was checked again, or that the plan was made with another catalog.

`remember_points` records the current values; `PlanStore.save(plan, catalog)` calls it,
so once a change has been shown and the plan saved, it is not pointed out again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from types import MappingProxyType

from .model import Catalog, Credential, Plan
from .records import record

TYPE_CHECKING = False  # typing costs milliseconds at every start; annotations here are never evaluated
if TYPE_CHECKING:
    from collections.abc import Mapping

EVERY = "*"
"""Key in `known_points` for a credential listed in every field."""


def current_points(credential: Credential) -> dict[str, int]:
    """A credential's points by field id, as stored in `known_points`."""
    if credential.universal:
        return {EVERY: credential.universal_points} if credential.universal_points is not None else {}
    return dict(credential.points)


@record
class PointChange:
    """A selected credential whose points in one field are not what the plan last saw."""

    credential_id: str
    name: str
    field_id: str
    field_name: str
    old: int | None
    """None: not listed in this field before."""
    new: int | None
    """None: no longer listed in this field."""


@record
class Changes:
    """Everything that changed in the catalog since the plan was last saved with it."""

    catalog_id: str
    removed: tuple[str, ...] = ()
    """Ids of selected credentials the catalog no longer has (still in the plan)."""
    points: tuple[PointChange, ...] = ()
    previous_catalog: str | None = None
    """Set when the plan was last saved with another catalog."""
    checked_before: dt.date | None = None
    checked_now: dt.date | None = None
    """Both set when the same catalog was checked again since the plan was saved."""

    def __bool__(self) -> bool:
        return bool(self.removed or self.points or self.previous_catalog or self.checked_now)

    @property
    def recheck(self) -> bool:
        return self.checked_now is not None

    def messages(self) -> list[str]:
        """One sentence per change (see `words.notices.catalog_change_lines`)."""
        from .words.notices import catalog_change_lines

        return catalog_change_lines(self)


def catalog_changes(catalog: Catalog, plan: Plan) -> Changes:
    """Compare the plan's remembered catalog and points with `catalog`."""
    stamp = plan.catalog
    previous = stamp.id if stamp is not None and stamp.id != catalog.id else None
    checked_before = checked_now = None
    if stamp is not None and previous is None and stamp.checked and stamp.checked != catalog.info.checked:
        checked_before, checked_now = stamp.checked, catalog.info.checked

    removed: list[str] = []
    seen: set[str] = set()
    changes: list[PointChange] = []
    for sel in plan.selections:
        if sel.id in seen:
            continue
        seen.add(sel.id)
        cred = catalog.credential_by_id.get(sel.id)
        if cred is None:
            removed.append(sel.id)
            continue
        if previous is not None:
            continue  # points remembered from another catalog mean nothing here
        known = plan.known_points.get(sel.id)
        if known is None:
            continue  # newly selected, or never saved with points: nothing to compare
        changes.extend(_point_changes(catalog, cred, known, current_points(cred)))
    return Changes(
        catalog_id=catalog.id,
        removed=tuple(removed),
        points=tuple(changes),
        previous_catalog=previous,
        checked_before=checked_before,
        checked_now=checked_now,
    )


def _point_changes(
    catalog: Catalog, cred: Credential, old: Mapping[str, int], new: Mapping[str, int]
) -> list[PointChange]:
    order = [EVERY] + [f.id for f in catalog.fields]
    keys = sorted(set(old) | set(new), key=lambda k: (order.index(k) if k in order else len(order), k))
    out = []
    for fid in keys:
        before, after = old.get(fid), new.get(fid)
        if before != after:
            out.append(PointChange(cred.id, cred.name, fid, catalog.field_name(fid), before, after))
    return out


def remember_points(catalog: Catalog, plan: Plan) -> Plan:
    """The plan with `known_points` set to the catalog's current points for each
    selected credential. Credentials this catalog does not have keep what was
    remembered; credentials no longer selected are forgotten."""
    known: dict[str, Mapping[str, int]] = {}
    for sel in plan.selections:
        cred = catalog.credential_by_id.get(sel.id)
        if cred is None:
            if sel.id in plan.known_points:
                known[sel.id] = plan.known_points[sel.id]
            continue
        points = current_points(cred)
        if points:
            known[sel.id] = MappingProxyType(points)
    if _same(known, plan.known_points):
        return plan
    return replace(plan, known_points=MappingProxyType(known))


def _same(a: Mapping[str, Mapping[str, int]], b: Mapping[str, Mapping[str, int]]) -> bool:
    return {k: dict(v) for k, v in a.items()} == {k: dict(v) for k, v in b.items()}


__all__ = ["Changes", "PointChange", "catalog_changes", "remember_points", "current_points", "EVERY"]
