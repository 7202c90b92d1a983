"""Nearest fields: every career field ranked by how close the plan is to a bundle there
("3 points from Health"), with the fewest and the cheapest credentials that would
finish each. Pure functions, no I/O, no UI; the sentences are in
`core.words.suggestions` (`distance_sentence`, `field_lines`).

Each field is one exact search of `core.completions` (limit 1, by count, then by cost),
so the numbers here are the ones `credplan suggest --field F` lists first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .completions import Completion, bundle_requirement, completion_dict, completions_in, field_candidates
from .model import Catalog, Plan
from .rules import choose_field, field_points
from .words.suggestions import distance_sentence


@dataclass(frozen=True, slots=True)
class FieldDistance:
    field: str
    field_name: str
    points: int
    required: int
    shortfall: int
    reachable: bool
    is_bundle_field: bool
    """The plan's bundle field now (pinned, or most points)."""
    fewest: Completion | None
    """The best completion by count (None when complete or unreachable)."""
    cheapest: Completion | None
    """The best completion by cost."""
    completions: int
    """How many completions exist."""
    candidates: int
    """Credentials listed in the field and not yet selected."""
    available: int
    """Points those candidates add together."""

    @property
    def complete(self) -> bool:
        return self.shortfall <= 0

    @property
    def best_size(self) -> int | None:
        """Fewest credentials still needed (0 when complete, None when unreachable)."""
        if self.complete:
            return 0
        return self.fewest.count if self.fewest else None

    @property
    def best_cost(self) -> float | None:
        """Lowest cost of a completion whose credentials all list a cost (0 when complete)."""
        if self.complete:
            return 0
        if self.cheapest is None or self.cheapest.missing_cost:
            return None
        return self.cheapest.cost


def nearest_fields(catalog: Catalog, plan: Plan) -> list[FieldDistance]:
    """Every field, closest to a finished bundle first: shortfall, then fewest credentials
    still needed, then lowest cost, then catalog order; unreachable fields last.
    Empty for a catalog without a points bundle."""
    req = bundle_requirement(catalog, plan)
    if req is None:
        return []
    points = field_points(catalog, plan)
    bundle_field, _ = choose_field(catalog, points, plan.pinned_field)
    rows: list[tuple[tuple[Any, ...], FieldDistance]] = []
    for index, f in enumerate(catalog.fields):
        items = field_candidates(catalog, plan, f.id)
        fewest = completions_in(catalog, plan, req, points, f.id, "chosen", "count", 1, items)
        cheapest = fewest
        if fewest.completions:  # count and cost rank by the same listed-cost test: share the counts
            counted = (fewest.total, fewest.total - fewest.total_missing)
            cheapest = completions_in(catalog, plan, req, points, f.id, "chosen", "cost", 1, items, counted)
        distance = FieldDistance(
            field=f.id, field_name=f.name, points=fewest.current, required=fewest.required,
            shortfall=fewest.shortfall, reachable=fewest.reachable, is_bundle_field=f.id == bundle_field,
            fewest=fewest.completions[0] if fewest.completions else None,
            cheapest=cheapest.completions[0] if cheapest.completions else None,
            completions=fewest.total, candidates=fewest.candidates, available=fewest.available,
        )
        size = distance.best_size
        key = (
            not distance.reachable,
            distance.shortfall,
            size if size is not None else 10**9,
            distance.best_cost is None,
            distance.best_cost or 0,
            index,
        )
        rows.append((key, distance))
    rows.sort(key=lambda r: r[0])
    return [d for _, d in rows]


def field_distance_dict(d: FieldDistance) -> dict[str, Any]:
    """The plain data of `credplan fields --json`."""
    return {
        "field": d.field,
        "field_name": d.field_name,
        "points": d.points,
        "required": d.required,
        "shortfall": d.shortfall,
        "complete": d.complete,
        "reachable": d.reachable,
        "bundle_field": d.is_bundle_field,
        "best_size": d.best_size,
        "best_cost": d.best_cost,
        "completions": d.completions,
        "fewest": completion_dict(d.fewest) if d.fewest else None,
        "cheapest": completion_dict(d.cheapest) if d.cheapest else None,
        "sentence": distance_sentence(d),
    }
