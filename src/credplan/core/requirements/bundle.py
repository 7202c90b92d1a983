"""Kind `bundle`: credentials worth `points` within ONE career field.

Owns the catalog keys of a bundle requirement, the points by field, the choice of the
bundle field (pinned, else most points, ties to the first field) and the result.
"""

from __future__ import annotations


from ..model import EARNED, Catalog, Plan, Requirement
from .common import COMMON_KEYS, COMMON_REQUIRED, Context, Parsed, State, state_of
from ..records import record

TYPE_CHECKING = False  # typing costs milliseconds at every start; annotations here are never evaluated
if TYPE_CHECKING:
    from typing import Any, Final
    from collections.abc import Mapping


KIND: Final = "bundle"
KEYS = COMMON_KEYS + ("points",)
REQUIRED = COMMON_REQUIRED + ("points",)


# -- catalog ----------------------------------------------------------------------------
def parse(loader: Any, table: dict[str, Any], path: tuple, what: str, common: Parsed) -> Requirement | None:
    c = loader.c
    points = c.integer(table, "points", path, what)
    if points is not None and points < 1:
        c.add(path + ("points",), f"`points` in {what} must be at least 1")
        return None
    if points is None:
        return None
    return Requirement(common.id, KIND, common.name, common.from_class, common.to_class, points=points)


# -- points by field ----------------------------------------------------------------------
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


# -- result -------------------------------------------------------------------------------
@record
class BundleResult:
    """A bundle requirement judged in the plan's bundle field."""

    kind = KIND  # a class attribute, not a field
    id: str
    name: str
    state: State
    field: str
    """The bundle field's id (pinned, or the most points)."""
    field_name: str
    pinned: bool
    points: int
    """Points of every selection (planned and earned) in the bundle field."""
    required: int
    earned_points: int
    """Points of the earned selections alone in the bundle field."""
    from_class: int | None = None
    to_class: int | None = None

    @property
    def met(self) -> bool:
        return self.state is State.MET

    @property
    def earned_met(self) -> bool:
        return self.earned_points >= self.required

    @property
    def missing(self) -> int:
        """Points still to find in the bundle field (0 when met)."""
        return max(0, self.required - self.points)

    @property
    def planned_points(self) -> int:
        """Points of the planned (not yet earned) selections in the bundle field."""
        return self.points - self.earned_points

    @property
    def requirement_id(self) -> str:
        return self.id


def evaluate(req: Requirement, ctx: Context) -> BundleResult:
    assert ctx.bundle_field is not None
    field = ctx.bundle_field
    earned = 0
    for sel, cred in ctx.chosen:
        if cred is not None and sel.status == EARNED:
            earned += cred.points_in(field) or 0
    points = ctx.field_points[field]
    required = req.points or 0
    return BundleResult(
        req.id, req.name, state_of(points >= required), field, ctx.catalog.field_name(field), ctx.pinned,
        points, required, earned, req.from_class, req.to_class,
    )


__all__ = ["KIND", "KEYS", "REQUIRED", "BundleResult", "choose_field", "evaluate", "field_points", "parse"]
