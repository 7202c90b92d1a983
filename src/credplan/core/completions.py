"""The quickest ways to finish a bundle: the best sets of not-yet-selected credentials
that bring a field's points to the bundle's requirement. Pure functions, no I/O, no UI.

* `completions(catalog, plan, field_id=None, by="count", limit=5)`: the best `limit`
  completions in a field (default: the plan's bundle field), ranked by a measure;
  exact, not greedy.
* `completion_result_dict(result)`: the same as plain data, for `--json`.

Its neighbours: `core.nearest` ranks every field by how close the plan is (using this
search), `core.competency_options` says what would meet an unmet competency, and
`core.words.suggestions` turns all three into sentences.

Suggestions only ever ADD credentials. Nothing already in the plan (planned or
earned) is proposed, and nothing is ever proposed for removal.

How the completion search works, and why it is exact
-----------------------------------------------------
Let T = required points - current points in the field (the shortfall; T <= the bundle
requirement's points, 12 in Ohio). A completion is a set S of candidates (credentials
listed in the field, universal ones included, not yet selected) with points(S) >= T
that is *minimal*: no member can be dropped while still reaching T, i.e.
points(S) - min_points(S) < T. Supersets of a completion are never suggested (they are
dominated: they cost more and add nothing needed).

Candidates are processed in order of points, highest first (ties: catalog order). In
that order the last member of a set is one with the fewest points, so S is minimal
exactly when the members before its last one sum to less than T. The search is a 0/1
knapsack over "points reached so far, below T" (T states, 0..T-1): before candidate
i joins the table, every kept partial set at a state s >= T - points(i) plus i is a
completion (each minimal set is produced exactly once, from its last member). Each
state keeps only the `limit` best partial sets by the ranking key.

The ranking key of a completion is lexicographic: (measure, tie-breaks, overshoot,
catalog positions of its credentials, sorted). Every component except overshoot is a
sum over members (count, cost, hours, number of members with no listed cost/hours),
and overshoot is the same for every completion made from one state with one last
member. Adding the same credential to two partial sets of one state therefore keeps
their order, so a partial set outside the best `limit` of its state can only make
completions that `limit` others beat: keeping `limit` per state loses nothing, and
the result is the exact top `limit` (checked against brute force in the tests).

Bounds. Before the search, credentials that cannot be in the top `limit` are dropped:
among those with equal points p, ranked by their own contribution to the key, a
minimal set holds at most ceil(T/p) of them, so only the first limit + ceil(T/p) - 1
can appear (any later one could be swapped for `limit` better unused ones of equal
points); for a 12-point bundle that leaves at most 12 x limit + 29 credentials per
field however large the catalog. The search then does at most kept x T x limit extensions (89 x 12 x 5
for limit 5). A separate counting pass (the same DP taken one points value at a time,
about T x T/p steps per value) gives how many completions exist. Per-field lists,
sorted once per catalog, make the rest linear in the field's size. So one field of a
10k-credential catalog answers in a few milliseconds.

Measures (key order; "missing" = members with no listed cost, or hours for `hours`):
    count      fewest credentials, then fewest missing, then lowest listed cost, then overshoot
    cost       fewest missing (so completions whose costs are all listed come first),
               then lowest listed cost, then fewest credentials, then overshoot
    hours      as cost, with preparation hours
    overshoot  fewest points over the requirement, then fewest credentials, then fewest
               missing, then lowest listed cost
Last tie-break everywhere: the members' catalog positions, sorted, compared in order
(so results are deterministic). Costs and hours are compared in cents (hundredths), so
sums are exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import comb
from typing import Any

from .model import Catalog, Credential, Plan, Requirement
from .problems import did_you_mean
from .rules import choose_field, field_points
from .words.suggestions import completion_text, result_notes, result_sentence

MEASURES: tuple[str, ...] = ("count", "cost", "hours", "overshoot")
MAX_LIMIT = 100


class SuggestError(ValueError):
    """A request that cannot be answered (unknown field, no bundle, bad measure)."""




# -- results -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Pick:
    """One credential in a completion."""

    id: str
    name: str
    points: int
    cost: float | None
    hours: float | None
    verified: bool = True
    universal: bool = False


@dataclass(frozen=True, slots=True)
class Completion:
    credentials: tuple[str, ...]
    """Credential ids, in catalog order."""
    picks: tuple[Pick, ...]
    added: int
    """Points the credentials add in the field."""
    reaches: int
    """The field's points with them added."""
    cost: float
    """Sum of the listed costs (see `missing_cost`)."""
    hours: float
    """Sum of the listed preparation hours (see `missing_hours`)."""
    overshoot: int
    """Points beyond the requirement."""
    missing_cost: bool
    """Some credential in it lists no cost, so `cost` is a lower bound."""
    missing_hours: bool
    by: str
    """The measure it was ranked by."""

    @property
    def count(self) -> int:
        return len(self.credentials)

    @property
    def unverified(self) -> bool:
        return any(not p.verified for p in self.picks)


@dataclass(frozen=True, slots=True)
class CompletionResult:
    catalog_id: str
    field: str
    field_name: str
    how: str
    """Why this field: "pinned", "most points" or "chosen" (asked for)."""
    requirement_id: str
    required: int
    current: int
    shortfall: int
    by: str
    limit: int
    completions: tuple[Completion, ...]
    candidates: int
    """Credentials considered: listed in the field, not yet selected."""
    available: int
    """Points the candidates add together (less than `shortfall` when unreachable)."""
    total: int
    """How many completions (minimal sets) exist in all."""
    total_missing: int
    """Of `total`, how many include a credential with no listed cost (hours for by=hours)."""

    @property
    def complete(self) -> bool:
        return self.shortfall <= 0

    @property
    def reachable(self) -> bool:
        return self.complete or self.total > 0

    @property
    def shown_missing(self) -> int:
        """Of `completions`, how many include a credential with no listed cost (hours for by=hours)."""
        if self.by == "hours":
            return sum(1 for c in self.completions if c.missing_hours)
        return sum(1 for c in self.completions if c.missing_cost)


# -- small helpers --------------------------------------------------------------------------------
def _cents(value: float | None) -> int | None:
    return None if value is None else round(value * 100)


def _from_cents(cents: int) -> float:
    return cents // 100 if cents % 100 == 0 else cents / 100


def bundle_requirement(catalog: Catalog, plan: Plan) -> Requirement | None:
    """The points bundle that applies to the plan's class (the first one when none
    does), or None in a catalog without one."""
    reqs = catalog.bundle_requirements
    if not reqs:
        return None
    for r in reqs:
        if r.applies_to(plan.class_of):
            return r
    return reqs[0]


def check_field(catalog: Catalog, field_id: str) -> None:
    """Raise `SuggestError` (with the likely field meant) for an unknown field id."""
    if field_id not in catalog.field_by_id:
        ids = [f.id for f in catalog.fields]
        raise SuggestError(
            f"no field `{field_id}` in catalog `{catalog.id}`{did_you_mean(field_id, ids)} (fields: {', '.join(ids)})"
        )


# -- the search ----------------------------------------------------------------------------------
@dataclass(slots=True)
class _Item:
    position: int
    """Index in catalog.credentials: the last tie-break."""
    credential: Credential
    points: int
    cost: int | None
    hours: int | None


def _item_vector(item: _Item, by: str) -> tuple[int, ...]:
    miss_c = 1 if item.cost is None else 0
    cost = item.cost or 0
    if by == "cost":
        return (miss_c, cost, 1)
    if by == "hours":
        return (1 if item.hours is None else 0, item.hours or 0, 1)
    return (1, miss_c, cost)  # count, overshoot


def _overshoot_slot(by: str) -> int:
    return 0 if by == "overshoot" else 3


def _add(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _insert(ids: tuple[int, ...], position: int) -> tuple[int, ...]:
    k = len(ids)
    while k and ids[k - 1] > position:
        k -= 1
    return ids[:k] + (position,) + ids[k:]


def _count(order: list[_Item], target: int, by: str) -> tuple[int, int]:
    """How many minimal sets reach `target`, and how many of them list the measure's
    value (cost, or hours for by=hours) for every member."""
    everyone: dict[int, int] = {}
    valued: dict[int, int] = {}
    for item in order:
        everyone[item.points] = everyone.get(item.points, 0) + 1
        if (item.hours if by == "hours" else item.cost) is not None:
            valued[item.points] = valued.get(item.points, 0) + 1
    return _count_groups(everyone, target), _count_groups(valued, target)


def _count_groups(groups: dict[int, int], target: int) -> int:
    """Minimal sets reaching `target` from `groups[p]` credentials worth p points each.

    The same DP as the search, a whole points value at a time (highest first): with C
    the partial-set counts before k credentials worth p, the j-th of them (from 0)
    closes sets holding i of the j before it in comb(j, i) ways, and summing over j
    gives comb(k, i + 1); afterwards C[s] becomes sum_i comb(k, i) C[s - p i]. So the
    work is about T x T/p per points value, however many credentials share it."""
    counts = [0] * target
    counts[0] = 1
    total = 0
    for p in sorted(groups, reverse=True):
        k = groups[p]
        most = (target - 1) // p  # at most this many worth p fit below target
        for i in range(min(k - 1, most) + 1):
            hi = target - 1 - p * i
            lo = max(0, target - p - p * i)
            total += comb(k, i + 1) * sum(counts[lo : hi + 1])
        new = counts[:]
        for i in range(1, min(k, most) + 1):
            c = comb(k, i)
            shift = p * i
            for s in range(shift, target):
                new[s] += c * counts[s - shift]
        counts = new
    return total


def _prune(order: list[_Item], target: int, limit: int, by: str, ranked: dict[int, list[_Item]] | None = None) -> list[_Item]:
    """Drop credentials that cannot be in the top `limit`, keeping `order`.

    Among credentials with the same points p, rank by (own key vector, catalog
    position). A minimal set holds at most m = ceil(target / p) of them. If a set holds
    one ranked r-th (from 0) with r >= limit + m - 1, at least `limit` better-ranked
    ones are outside it; swapping each in gives `limit` distinct completions with the
    same points (so still minimal, same overshoot) and a smaller key. So only the first
    limit + m - 1 of each points value are kept: at most 12 x limit + 29 in all for a
    12-point bundle. `ranked`: the field's credentials so ranked, by points (a superset
    of `order`), when already known."""
    if ranked is None:
        ranked = _rank(order, by)
    present = {it.position for it in order}
    keep: set[int] = set()
    for p, group in ranked.items():
        want = limit + -(-target // p) - 1
        for it in group:
            if it.position in present:
                keep.add(it.position)
                want -= 1
                if not want:
                    break
    return [it for it in order if it.position in keep]


def _rank(items: list[_Item], by: str) -> dict[int, list[_Item]]:
    groups: dict[int, list[_Item]] = {}
    for item in items:
        groups.setdefault(item.points, []).append(item)
    for group in groups.values():
        group.sort(key=lambda it: (_item_vector(it, by), it.position))
    return groups


def _search(
    order: list[_Item],
    target: int,
    limit: int,
    by: str,
    counted: tuple[int, int] | None = None,
    ranked: dict[int, list[_Item]] | None = None,
) -> tuple[list[tuple[int, ...]], int, int]:
    """The top `limit` minimal sets reaching `target`, as sorted tuples of catalog
    positions, best first; plus `_count`'s two numbers (`counted`, when known).
    `order`: the candidates, highest points first (ties: catalog order)."""
    total, total_full = counted if counted is not None else _count(order, target, by)
    if total == 0:
        return [], 0, 0
    order = _prune(order, target, limit, by, ranked)
    slot = _overshoot_slot(by)
    # table[s]: best partial sets reaching s < target: (key vector, positions), sorted.
    table: list[list[tuple[tuple[int, ...], tuple[int, ...]]]] = [[] for _ in range(target)]
    table[0] = [((0, 0, 0), ())]
    found: list[tuple[tuple[Any, ...], tuple[int, ...]]] = []
    worst: tuple[Any, ...] | None = None  # the limit-th best completion so far

    def trim() -> None:
        nonlocal worst
        found.sort()
        del found[limit:]
        if len(found) == limit:
            worst = found[-1]

    for item in order:
        vec = _item_vector(item, by)
        p = item.points
        pos = item.position
        # 1. completions whose last (fewest-points) member is this item
        for s in range(max(0, target - p), target):
            over = s + p - target
            for key, ids in table[s]:
                k = _add(key, vec)
                entry = (k[:slot] + (over,) + k[slot:], _insert(ids, pos))
                if worst is not None and entry >= worst:
                    break  # the bucket is sorted and adding `item` keeps its order
                found.append(entry)
            if len(found) >= 4 * limit:
                trim()
        # 2. the item joins partial sets that stay below target (high s first: 0/1)
        for s in range(target - 1 - p, -1, -1):
            src = table[s]
            if not src:
                continue
            dest = table[s + p]
            extended = [(_add(key, vec), _insert(ids, pos)) for key, ids in src]
            if dest:
                merged = dest + extended
                merged.sort()
                table[s + p] = merged[:limit]
            else:
                table[s + p] = extended
    trim()
    return [ids for _, ids in found], total, total_full


# -- completions ------------------------------------------------------------------------------------
def completions(
    catalog: Catalog, plan: Plan, field_id: str | None = None, by: str = "count", limit: int = 5
) -> CompletionResult:
    """The best `limit` distinct, minimal sets of credentials to add to finish the bundle
    in `field_id` (default: the plan's bundle field), ranked `by` a measure."""
    if by not in MEASURES:
        raise SuggestError(f"unknown measure `{by}`{did_you_mean(by, MEASURES)} (use {', '.join(MEASURES)})")
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_LIMIT:
        raise SuggestError(f"limit must be a whole number from 1 to {MAX_LIMIT}, not {limit!r}")
    req = bundle_requirement(catalog, plan)
    if req is None:
        raise SuggestError(f"catalog `{catalog.id}` has no points bundle; see competency suggestions instead")
    points = field_points(catalog, plan)
    if field_id is None:
        field_id, pinned = choose_field(catalog, points, plan.pinned_field)
        how = "pinned" if pinned else "most points"
    else:
        check_field(catalog, field_id)
        how = "chosen"
    return completions_in(catalog, plan, req, points, field_id, how, by, limit)


class _Index:
    """Per-catalog lookups, built once per catalog object: catalog positions, and each
    field's credentials as search items, highest points first (ties: catalog order)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.position = {c.id: i for i, c in enumerate(catalog.credentials)}
        self._fields: dict[str, list[_Item]] = {}
        self._ranked: dict[tuple[str, str], dict[int, list[_Item]]] = {}

    def ranked(self, field_id: str, by: str) -> dict[int, list[_Item]]:
        """The field's credentials by points, each list ranked by its key under `by`."""
        got = self._ranked.get((field_id, by))
        if got is None:
            got = self._ranked[(field_id, by)] = _rank(self.items(field_id), by)
        return got

    def items(self, field_id: str) -> list[_Item]:
        got = self._fields.get(field_id)
        if got is None:
            got = []
            for cred in self.catalog.by_field.get(field_id, ()):
                pts = cred.points_in(field_id)
                if pts and pts >= 1:
                    got.append(_Item(self.position[cred.id], cred, pts, _cents(cred.cost), _cents(cred.hours)))
            got.sort(key=lambda it: (-it.points, it.position))
            self._fields[field_id] = got
        return got


_INDEXES: dict[int, _Index] = {}


def _index(catalog: Catalog) -> _Index:
    found = _INDEXES.get(id(catalog))
    if found is not None and found.catalog is catalog:
        return found
    if len(_INDEXES) >= 8:
        _INDEXES.clear()
    found = _INDEXES[id(catalog)] = _Index(catalog)
    return found


def field_candidates(catalog: Catalog, plan: Plan, field_id: str) -> list[_Item]:
    """Credentials listed in the field (universal ones included), not yet selected,
    highest points first."""
    selected = plan.selected_ids()
    return [it for it in _index(catalog).items(field_id) if it.credential.id not in selected]


def completions_in(
    catalog: Catalog,
    plan: Plan,
    req: Requirement,
    points: dict[str, int],
    field_id: str,
    how: str,
    by: str,
    limit: int,
    items: list[_Item] | None = None,
    counted: tuple[int, int] | None = None,
) -> CompletionResult:
    """`completions` in one field, the bundle requirement and the plan's points already
    known. `items` (the field's candidates) and `counted` (`_count`'s two numbers) may
    be passed when already known: `core.nearest` asks for two measures per field."""
    required = req.points or 0
    current = points[field_id]
    shortfall = max(0, required - current)
    name = catalog.field_name(field_id)
    if items is None:
        items = field_candidates(catalog, plan, field_id)
    available = sum(it.points for it in items)
    base = dict(
        catalog_id=catalog.id, field=field_id, field_name=name, how=how, requirement_id=req.id,
        required=required, current=current, shortfall=shortfall, by=by, limit=limit, candidates=len(items),
        available=available,
    )
    if shortfall == 0:
        return CompletionResult(**base, completions=(), total=0, total_missing=0)  # type: ignore[arg-type]
    found, total, total_full = _search(items, shortfall, limit, by, counted, _index(catalog).ranked(field_id, by))
    by_position = {it.position: it for it in items}
    built = tuple(_completion([by_position[p] for p in ids], current, required, by) for ids in found)
    return CompletionResult(**base, completions=built, total=total, total_missing=total - total_full)  # type: ignore[arg-type]


def _completion(members: list[_Item], current: int, required: int, by: str) -> Completion:
    members = sorted(members, key=lambda it: it.position)
    picks = tuple(
        Pick(it.credential.id, it.credential.name, it.points, it.credential.cost, it.credential.hours,
             it.credential.verified, it.credential.universal)
        for it in members
    )
    added = sum(it.points for it in members)
    reaches = current + added
    return Completion(
        credentials=tuple(p.id for p in picks), picks=picks, added=added, reaches=reaches,
        cost=_from_cents(sum(it.cost or 0 for it in members)), hours=_from_cents(sum(it.hours or 0 for it in members)),
        overshoot=reaches - required, missing_cost=any(it.cost is None for it in members),
        missing_hours=any(it.hours is None for it in members), by=by,
    )


# -- plain data (JSON) ------------------------------------------------------------------------------------
def completion_dict(c: Completion) -> dict[str, Any]:
    return {
        "credentials": list(c.credentials),
        "picks": [
            {"id": p.id, "name": p.name, "points": p.points, "cost": p.cost, "hours": p.hours,
             "verified": p.verified, "universal": p.universal}
            for p in c.picks
        ],
        "added": c.added,
        "reaches": c.reaches,
        "overshoot": c.overshoot,
        "cost": c.cost,
        "missing_cost": c.missing_cost,
        "hours": c.hours,
        "missing_hours": c.missing_hours,
        "explanation": completion_text(c),
    }


def completion_result_dict(r: CompletionResult) -> dict[str, Any]:
    return {
        "field": r.field,
        "field_name": r.field_name,
        "how": r.how,
        "requirement": r.requirement_id,
        "required": r.required,
        "points": r.current,
        "shortfall": r.shortfall,
        "complete": r.complete,
        "reachable": r.reachable,
        "by": r.by,
        "limit": r.limit,
        "candidates": r.candidates,
        "total": r.total,
        "total_missing": r.total_missing,
        "sentence": result_sentence(r),
        "notes": result_notes(r),
        "completions": [completion_dict(c) for c in r.completions],
    }


