"""Suggestions: what to add to a plan to finish it. Pure functions, no I/O, no UI.

* `completions(catalog, plan, field_id=None, by="count", limit=5)`: the best sets of
  not-yet-selected credentials that bring a field's bundle to the required points,
  ranked by a measure; exact, not greedy.
* `nearest_fields(catalog, plan)`: every field ranked by how close the selection is
  to a bundle there ("3 points from Health").
* `competency_suggestions(catalog, plan)`: for catalogs with competency requirements
  (Colorado), the credentials and score targets that would meet each unmet one.

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
from typing import Any, Iterable

from .model import Catalog, Credential, Plan, Requirement, ScoreOption
from .problems import did_you_mean
from .report import UNVERIFIED, UNVERIFIED_WORDS
from .rules import choose_field, evaluate, field_points
from .words.requirements import option_text, plural

MEASURES: tuple[str, ...] = ("count", "cost", "hours", "overshoot")
MEASURE_WORDS = {
    "count": "fewest credentials (ties: lower cost, then fewer points over)",
    "cost": "lowest cost (ties: fewer credentials, then fewer points over)",
    "hours": "fewest preparation hours (ties: fewer credentials, then fewer points over)",
    "overshoot": "fewest points over (ties: fewer credentials, then lower cost)",
}
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
    explanation: str
    """One line: "+ OSHA 10-Hour (1) + CompTIA A+ (12?) reaches 12 (+1 over), $506"."""

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
    total: int
    """How many completions (minimal sets) exist in all."""
    total_missing: int
    """Of `total`, how many include a credential with no listed cost (hours for by=hours)."""
    sentence: str
    """"already complete in X", "cannot reach 12 points in X with this catalog", or the shortfall."""
    notes: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return self.shortfall <= 0

    @property
    def reachable(self) -> bool:
        return self.complete or self.total > 0


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
    sentence: str
    """"3 points from Health (9 of 12): ...", "complete in Health (12 of 12 points)"."""

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


@dataclass(frozen=True, slots=True)
class CredentialOption:
    """A credential that would meet an unmet competency."""

    id: str
    name: str
    cost: float | None
    hours: float | None
    verified: bool
    covers: tuple[str, ...]
    """Every unmet competency it meets (this one included), in catalog order."""
    fields: tuple[str, ...]
    universal: bool = False


@dataclass(frozen=True, slots=True)
class ScoreTarget:
    """One score option of a competency: "ACT English at least 18"."""

    assessment: str
    assessment_name: str
    part: str | None
    text: str
    now: str
    """Where the plan stands: "not taken yet", "now 15, 3 more", ..."""
    gap: int | None
    """Levels still missing for a one-part option (None when not taken or not one part)."""


@dataclass(frozen=True, slots=True)
class CompetencySuggestion:
    requirement_id: str
    name: str
    competency: str
    credentials: tuple[CredentialOption, ...]
    """Not-yet-selected credentials that meet it: with a listed cost first, cheapest first."""
    scores: tuple[ScoreTarget, ...]
    """Its score options, in catalog order."""
    sentence: str


# -- small helpers --------------------------------------------------------------------------------
def _cents(value: float | None) -> int | None:
    return None if value is None else int(round(value * 100))


def _from_cents(cents: int) -> float:
    return cents // 100 if cents % 100 == 0 else cents / 100


def money(value: float) -> str:
    cents = int(round(value * 100))
    if cents % 100 == 0:
        return f"${cents // 100:,}"
    return f"${cents / 100:,.2f}"


def hours_text(value: float) -> str:
    return f"{value:g} h"


def _points_label(points: int, verified: bool) -> str:
    return f"{points}{'' if verified else UNVERIFIED}"


def _cost_words(cost: float, missing: int, members: int) -> str:
    if missing == 0:
        return money(cost)
    if missing == members:
        return "no listed cost"
    return f"{money(cost)} plus {missing} with no listed cost"


def _hours_words(hours: float, missing: int, members: int) -> str:
    if missing == 0:
        return hours_text(hours)
    if missing == members:
        return "no listed hours"
    return f"{hours_text(hours)} plus {missing} with no listed hours"


def _bundle_requirement(catalog: Catalog, plan: Plan) -> Requirement | None:
    reqs = catalog.bundle_requirements
    if not reqs:
        return None
    for r in reqs:
        if r.applies_to(plan.class_of):
            return r
    return reqs[0]


def check_field(catalog: Catalog, field_id: str) -> None:
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
    req = _bundle_requirement(catalog, plan)
    if req is None:
        raise SuggestError(f"catalog `{catalog.id}` has no points bundle; see competency suggestions instead")
    points = field_points(catalog, plan)
    if field_id is None:
        field_id, pinned = choose_field(catalog, points, plan.pinned_field)
        how = "pinned" if pinned else "most points"
    else:
        check_field(catalog, field_id)
        how = "chosen"
    return _completions_in(catalog, plan, req, points, field_id, how, by, limit)


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


def _positions(catalog: Catalog) -> dict[str, int]:
    return _index(catalog).position


def _candidates(catalog: Catalog, plan: Plan, field_id: str) -> list[_Item]:
    """Credentials listed in the field (universal ones included), not yet selected,
    highest points first."""
    selected = plan.selected_ids()
    return [it for it in _index(catalog).items(field_id) if it.credential.id not in selected]


def _completions_in(
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
    required = req.points or 0
    current = points[field_id]
    shortfall = max(0, required - current)
    name = catalog.field_name(field_id)
    if items is None:
        items = _candidates(catalog, plan, field_id)
    base = dict(
        catalog_id=catalog.id, field=field_id, field_name=name, how=how, requirement_id=req.id,
        required=required, current=current, shortfall=shortfall, by=by, limit=limit, candidates=len(items),
    )
    if shortfall == 0:
        sentence = f"already complete in {name} ({current} of {required} points)"
        return CompletionResult(**base, completions=(), total=0, total_missing=0, sentence=sentence)  # type: ignore[arg-type]

    found, total, total_full = _search(items, shortfall, limit, by, counted, _index(catalog).ranked(field_id, by))
    if total == 0:
        available = sum(it.points for it in items)
        sentence = (
            f"cannot reach {required} points in {name} with this catalog "
            f"({current} of {required}; the {plural(len(items), 'credential')} not yet selected there add {available})"
        )
        return CompletionResult(**base, completions=(), total=0, total_missing=0, sentence=sentence)  # type: ignore[arg-type]

    by_position = {it.position: it for it in items}
    built = tuple(_completion([by_position[p] for p in ids], field_id, current, required, by) for ids in found)
    total_missing = total - total_full
    sentence = (
        f"{plural(shortfall, 'more point')} needed in {name} ({current} of {required}); "
        f"{total:,} {'way' if total == 1 else 'ways'} to finish"
    )
    notes: list[str] = []
    what = "hours" if by == "hours" else "cost"
    shown_missing = sum(1 for c in built if (c.missing_hours if by == "hours" else c.missing_cost))
    if by in ("cost", "hours") and total_missing:
        if shown_missing:
            notes.append(
                f"{shown_missing} of these {plural(len(built), 'completion')} {'includes' if shown_missing == 1 else 'include'} "
                f"credentials with no listed {what}; ranked last, after every completion whose {what} {'are' if what == 'hours' else 'is'} fully listed"
            )
        else:
            notes.append(
                f"{total_missing:,} other {'completion includes' if total_missing == 1 else 'completions include'} "
                f"credentials with no listed {what}; ranked after these"
            )
    elif shown_missing:
        notes.append(
            f"{shown_missing} of these {plural(len(built), 'completion')} {'includes' if shown_missing == 1 else 'include'} "
            f"credentials with no listed {what}; their cost is at least what is shown"
        )
    return CompletionResult(**base, completions=built, total=total, total_missing=total_missing,  # type: ignore[arg-type]
                            sentence=sentence, notes=tuple(notes))


def _completion(members: list[_Item], field_id: str, current: int, required: int, by: str) -> Completion:
    members = sorted(members, key=lambda it: it.position)
    picks = tuple(
        Pick(it.credential.id, it.credential.name, it.points, it.credential.cost, it.credential.hours,
             it.credential.verified, it.credential.universal)
        for it in members
    )
    added = sum(it.points for it in members)
    reaches = current + added
    overshoot = reaches - required
    cost = _from_cents(sum(it.cost or 0 for it in members))
    hours = _from_cents(sum(it.hours or 0 for it in members))
    miss_c = sum(1 for it in members if it.cost is None)
    miss_h = sum(1 for it in members if it.hours is None)
    text = " ".join(f"+ {p.name} ({_points_label(p.points, p.verified)})" for p in picks)
    text += f" reaches {required}"
    if overshoot:
        text += f" (+{overshoot} over)"
    text += ", " + _cost_words(cost, miss_c, len(members))
    if by == "hours" or miss_h < len(members):
        text += ", " + _hours_words(hours, miss_h, len(members))
    return Completion(
        credentials=tuple(p.id for p in picks), picks=picks, added=added, reaches=reaches, cost=cost, hours=hours,
        overshoot=overshoot, missing_cost=miss_c > 0, missing_hours=miss_h > 0, explanation=text,
    )


# -- nearest fields -------------------------------------------------------------------------------------
def nearest_fields(catalog: Catalog, plan: Plan) -> list[FieldDistance]:
    """Every field, closest to a finished bundle first: shortfall, then fewest credentials
    still needed, then lowest cost, then catalog order; unreachable fields last.
    Empty for a catalog without a points bundle."""
    req = _bundle_requirement(catalog, plan)
    if req is None:
        return []
    points = field_points(catalog, plan)
    bundle_field, _ = choose_field(catalog, points, plan.pinned_field)
    rows: list[tuple[tuple[Any, ...], FieldDistance]] = []
    for index, f in enumerate(catalog.fields):
        items = _candidates(catalog, plan, f.id)
        fewest = _completions_in(catalog, plan, req, points, f.id, "chosen", "count", 1, items)
        cheapest = fewest
        if fewest.completions:  # count and cost rank by the same listed-cost test: share the counts
            counted = (fewest.total, fewest.total - fewest.total_missing)
            cheapest = _completions_in(catalog, plan, req, points, f.id, "chosen", "cost", 1, items, counted)
        first = fewest.completions[0] if fewest.completions else None
        cheap = cheapest.completions[0] if cheapest.completions else None
        distance = FieldDistance(
            field=f.id, field_name=f.name, points=fewest.current, required=fewest.required,
            shortfall=fewest.shortfall, reachable=fewest.reachable, is_bundle_field=f.id == bundle_field,
            fewest=first, cheapest=cheap, completions=fewest.total,
            sentence=_distance_sentence(fewest, first, cheap),
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


def _distance_sentence(result: CompletionResult, fewest: Completion | None, cheapest: Completion | None) -> str:
    name, have, need = result.field_name, result.current, result.required
    if result.complete:
        return f"complete in {name} ({have} of {need} points)"
    if not result.reachable:
        return result.sentence
    text = f"{plural(result.shortfall, 'point')} from {name} ({have} of {need})"
    if fewest is not None:
        text += f"; fewest: {plural(fewest.count, 'more credential')}"
        miss = sum(1 for p in fewest.picks if p.cost is None)
        text += f" ({_cost_words(fewest.cost, miss, fewest.count)})"
    if cheapest is not None and not cheapest.missing_cost and (fewest is None or cheapest.credentials != fewest.credentials):
        text += f"; cheapest: {money(cheapest.cost)} for {plural(cheapest.count, 'credential')}"
    return text


# -- competencies ---------------------------------------------------------------------------------------
def competency_suggestions(catalog: Catalog, plan: Plan) -> list[CompetencySuggestion]:
    """For each competency requirement that applies to the plan and is not met: the
    credentials that would meet it and its score options with where the plan stands."""
    evaluation = evaluate(catalog, plan)
    unmet_ids = {r.id for r in evaluation.requirements if r.kind == "competency" and not r.met}
    unmet = [r for r in catalog.requirements if r.id in unmet_ids and r.kind == "competency"]
    if not unmet:
        return []
    unmet_competencies = [r.competency or "" for r in unmet]
    selected = plan.selected_ids()
    position = _positions(catalog)
    out: list[CompetencySuggestion] = []
    for req in unmet:
        competency = req.competency or ""
        options = []
        for cred in catalog.credentials:
            if cred.id in selected or competency not in cred.meets:
                continue
            covers = tuple(dict.fromkeys(c for c in unmet_competencies if c in cred.meets))
            options.append(
                CredentialOption(cred.id, cred.name, cred.cost, cred.hours, cred.verified, covers,
                                 catalog.home_fields(cred) if not cred.universal else (), cred.universal)
            )
        options.sort(key=lambda o: (o.cost is None, o.cost or 0, -len(o.covers), position[o.id]))
        scores = tuple(_score_target(catalog, plan, o) for o in req.scores)
        out.append(
            CompetencySuggestion(req.id, req.name, competency, tuple(options), scores,
                                 _competency_sentence(req, competency, options, scores))
        )
    return out


def _competency_sentence(req: Requirement, competency: str, options: list[CredentialOption],
                         scores: tuple[ScoreTarget, ...]) -> str:
    ways = []
    if options:
        first = options[0]
        cheapest = f"; cheapest: {first.name}, {money(first.cost)}" if first.cost is not None else ""
        ways.append(f"{plural(len(options), 'credential')} that {'meets' if len(options) == 1 else 'meet'} {competency}{cheapest}")
    if scores:
        ways.append(plural(len(scores), "score option"))
    if not ways:
        return f"{req.name}: not met, and this catalog offers no way to meet it"
    return f"{req.name}: not met; any one of " + " or ".join(ways)


def _score(plan: Plan, assessment_id: str, part: str, lo: int, hi: int) -> tuple[int | None, str]:
    """(in-range value or None, how it reads)."""
    raw = plan.score(assessment_id, part)
    if raw is None:
        return None, "not taken yet"
    if isinstance(raw, int) and not isinstance(raw, bool):
        if lo <= raw <= hi:
            return raw, f"now {raw}"
        return None, f"{raw} is out of range"
    return None, f"now <{lo}"


def _score_target(catalog: Catalog, plan: Plan, option: ScoreOption) -> ScoreTarget:
    assessment = catalog.assessment_by_id.get(option.assessment)
    text = option_text(option, assessment)
    if assessment is None:
        return ScoreTarget(option.assessment, option.assessment, option.part, text, "", None)
    bits: list[str] = []
    gap: int | None = None
    if option.part is not None and option.at_least is not None:
        value, now = _score(plan, assessment.id, option.part, assessment.min, assessment.max)
        if value is not None:
            gap = max(0, option.at_least - value)
            if gap:
                now += f", {gap} more"
        bits.append(now)
    if option.each is not None:
        short = []
        for part in assessment.parts:
            value, now = _score(plan, assessment.id, part, assessment.min, assessment.max)
            if value is None or value < option.each:
                short.append(f"{part} {now}")
        if short:
            bits.append("below: " + ", ".join(short))
    if option.total is not None:
        total = 0
        for part in assessment.parts:
            value, _ = _score(plan, assessment.id, part, assessment.min, assessment.max)
            total += value or 0
        if total < option.total:
            bits.append(f"total now {total}, {option.total - total} more")
    return ScoreTarget(assessment.id, assessment.name, option.part, text, "; ".join(bits), gap)


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
        "explanation": c.explanation,
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
        "sentence": r.sentence,
        "notes": list(r.notes),
        "completions": [completion_dict(c) for c in r.completions],
    }


def field_distance_dict(d: FieldDistance) -> dict[str, Any]:
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
        "sentence": d.sentence,
    }


def competency_dict(s: CompetencySuggestion) -> dict[str, Any]:
    return {
        "requirement": s.requirement_id,
        "name": s.name,
        "competency": s.competency,
        "sentence": s.sentence,
        "credentials": [
            {"id": o.id, "name": o.name, "cost": o.cost, "hours": o.hours, "verified": o.verified,
             "covers": list(o.covers), "fields": list(o.fields), "universal": o.universal}
            for o in s.credentials
        ],
        "scores": [
            {"assessment": t.assessment, "part": t.part, "text": t.text, "now": t.now, "gap": t.gap}
            for t in s.scores
        ],
    }


# -- plain text ----------------------------------------------------------------------------------------------
UNVERIFIED_NOTE = f"{UNVERIFIED} = {UNVERIFIED_WORDS}"


def completion_lines(result: CompletionResult) -> list[str]:
    how = {"pinned": "pinned", "most points": "most points", "chosen": "as asked"}[result.how]
    lines = [f"Bundle field: {result.field_name} ({how}): {result.current} of {result.required} points"]
    if result.complete or not result.reachable:
        lines.append(result.sentence[0].upper() + result.sentence[1:] + ".")
        return lines
    lines.append(result.sentence[0].upper() + result.sentence[1:] + ".")
    shown = len(result.completions)
    lines.append(f"Best {shown} by {MEASURE_WORDS[result.by]}:")
    for n, c in enumerate(result.completions, 1):
        lines.append(f"  {n}. {c.explanation}")
    for note in result.notes:
        lines.append(f"Note: {note}.")
    return lines


def competency_lines(suggestions: Iterable[CompetencySuggestion], limit: int = 5) -> list[str]:
    lines: list[str] = []
    for s in suggestions:
        lines.append(f"{s.name}: not met. Any one of:")
        if s.credentials:
            lines.append(f"  credentials that meet {s.competency} ({len(s.credentials)}; listed cost first, cheapest first):")
            for o in s.credentials[:limit]:
                cost = money(o.cost) if o.cost is not None else "no listed cost"
                mark = f" {UNVERIFIED}" if not o.verified else ""
                also = [c for c in o.covers if c != s.competency]
                extra = f" (also meets {', '.join(also)})" if also else ""
                lines.append(f"    - {o.name}{mark}, {cost}{extra}")
            if len(s.credentials) > limit:
                lines.append(f"    ... and {len(s.credentials) - limit} more")
        if s.scores:
            lines.append("  or a score:")
            for t in s.scores:
                now = f" ({t.now})" if t.now else ""
                lines.append(f"    - {t.text}{now}")
    return lines


def field_lines(distances: Iterable[FieldDistance]) -> list[str]:
    lines = []
    for n, d in enumerate(distances, 1):
        mark = "  [bundle field]" if d.is_bundle_field else ""
        lines.append(f"{n:>3}. {d.sentence}{mark}")
    return lines


def any_unverified(result: CompletionResult | None = None, distances: Iterable[FieldDistance] = (),
                   competencies: Iterable[CompetencySuggestion] = (), limit: int = 5) -> bool:
    """Whether a listing shows a "?" (so it should say once what "?" means)."""
    if result is not None and any(c.unverified for c in result.completions):
        return True
    for d in distances:
        if any(c is not None and c.unverified for c in (d.fewest, d.cheapest)):
            return True
    return any(not o.verified for s in competencies for o in s.credentials[:limit])


__all__ = [
    "MEASURES", "MEASURE_WORDS", "MAX_LIMIT", "SuggestError",
    "Pick", "Completion", "CompletionResult", "FieldDistance",
    "CredentialOption", "ScoreTarget", "CompetencySuggestion",
    "completions", "nearest_fields", "check_field", "competency_suggestions",
    "completion_dict", "completion_result_dict", "field_distance_dict", "competency_dict",
    "completion_lines", "competency_lines", "field_lines", "any_unverified", "UNVERIFIED_NOTE",
    "money", "hours_text",
]
