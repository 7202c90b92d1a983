"""What-if: the same plan under another pinned field, graduating class or catalog.

Pure functions, no I/O except through the `load_catalog` callable, no UI:

* `parse_what_if("field=health")` -> `WhatIf`; several settings may be joined with
  commas (`"field=health,class=2020"`), and `parse_what_ifs([...])` merges several
  `--what-if` options (a later setting of the same key wins).
* `apply_what_if(catalog, plan, what_if)` -> `(catalog2, plan2)`: modified copies; the
  plan given is never changed (plans are immutable) and nothing is saved.
* `compare(catalog, plan, catalog2, plan2)` -> `Comparison`: both evaluations and the
  differences, as data (`changes`) and in words (`differences`, from `core.words.plan`).

Specs:
    field=ID       pin this field as the bundle field (`field=none`: not pinned)
    class=YEAR     graduating class, a four-digit year (`class=none`: not set)
    catalog=REF    another catalog: a bundled id (`colorado-example`) or a path
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from collections.abc import Callable, Iterable

from .model import Catalog, Plan
from .plans import CLASS_RANGE
from .problems import FileProblems, did_you_mean
from .requirements import BundleResult, RequirementResult
from .rules import Evaluation, PlanWarning, SelectionResult, evaluate
from .words import plan as plan_words
from .words.plan import what_if_description as describe

KEYS = ("field", "class", "catalog")
NONE_WORDS = ("none", "-")
"""`field=none` unpins; `class=none` unsets the class."""


class WhatIfError(ValueError):
    """A what-if that cannot be used: bad spec, unknown field, catalog that will not load."""


@dataclass(frozen=True, slots=True)
class WhatIf:
    """What to change. `None` in a slot means "as in the plan"."""

    field: str | None = None
    """A field id, or "" for "not pinned"."""
    class_of: int | None = None
    """A year, or 0 for "class not set"."""
    catalog: str | None = None
    """A bundled catalog id or a path."""
    specs: tuple[str, ...] = ()
    """The settings as written, normalised (`field=health`), in order."""

    @property
    def empty(self) -> bool:
        return self.field is None and self.class_of is None and self.catalog is None

    def merged(self, other: WhatIf) -> WhatIf:
        """`other`'s settings over these."""
        return WhatIf(
            field=other.field if other.field is not None else self.field,
            class_of=other.class_of if other.class_of is not None else self.class_of,
            catalog=other.catalog if other.catalog is not None else self.catalog,
            specs=self.specs + other.specs,
        )


def _usage() -> str:
    return f"use field=ID, class=YEAR or catalog=ID|PATH ({', '.join(NONE_WORDS[:1])} as a value unpins or unsets)"


def parse_what_if(text: str) -> WhatIf:
    """One `--what-if` value: `key=value`, or several joined with commas."""
    if not isinstance(text, str) or not text.strip():
        raise WhatIfError(f"empty what-if; {_usage()}")
    result = WhatIf()
    for part in text.split(","):
        part = part.strip()
        if not part:
            raise WhatIfError(f"empty setting in what-if `{text}`; {_usage()}")
        key, sep, value = part.partition("=")
        key, value = key.strip().lower(), value.strip()
        if not sep:
            raise WhatIfError(f"what-if `{part}` has no `=`; {_usage()}")
        if key not in KEYS:
            raise WhatIfError(f"unknown what-if `{key}`{did_you_mean(key, KEYS)}; {_usage()}")
        if not value:
            raise WhatIfError(f"what-if `{key}=` needs a value; {_usage()}")
        if key == "field":
            field = "" if value.lower() in NONE_WORDS else value
            result = result.merged(WhatIf(field=field, specs=(f"field={value}",)))
        elif key == "class":
            result = result.merged(WhatIf(class_of=_year(value), specs=(f"class={value}",)))
        else:
            result = result.merged(WhatIf(catalog=value, specs=(f"catalog={value}",)))
    return result


def parse_what_ifs(texts: Iterable[str]) -> WhatIf:
    """Several `--what-if` options, later settings over earlier ones."""
    result = WhatIf()
    for text in texts:
        result = result.merged(parse_what_if(text))
    return result


def _year(value: str) -> int:
    if value.lower() in NONE_WORDS:
        return 0
    first, last = CLASS_RANGE
    if not value.isdigit() or len(value) != 4 or not first <= int(value) <= last:
        raise WhatIfError(f"what-if class `{value}` is not a four-digit year between {first} and {last}")
    return int(value)


def default_load_catalog(ref: str) -> Catalog:
    """A bundled id or a path, as `--catalog` takes it."""
    from .bundled import resolve_catalog
    from .catalog import load_catalog

    path = resolve_catalog(ref)
    return load_catalog(path, display=path.name if path.stem == ref else ref)


def apply_what_if(
    catalog: Catalog,
    plan: Plan,
    what_if: WhatIf,
    load_catalog: Callable[[str], Catalog] = default_load_catalog,
) -> tuple[Catalog, Plan]:
    """The catalog and plan the what-if describes; `catalog` and `plan` are unchanged."""
    other = catalog
    if what_if.catalog is not None:
        try:
            other = load_catalog(what_if.catalog)
        except FileProblems as exc:
            raise WhatIfError(f"what-if catalog `{what_if.catalog}` cannot be used:\n{exc}") from None
    result = plan
    if other is not catalog and what_if.field is None and plan.pinned_field and plan.pinned_field not in other.field_by_id:
        result = result.pinned(None)  # the pinned field does not exist there
    if what_if.field is not None:
        if what_if.field == "":
            result = result.pinned(None)
        else:
            if what_if.field not in other.field_by_id:
                ids = [f.id for f in other.fields]
                known = f" (fields: {', '.join(ids)})" if ids else " (it has no fields)"
                raise WhatIfError(
                    f"no field `{what_if.field}` in catalog `{other.id}`{did_you_mean(what_if.field, ids)}{known}"
                )
            if not other.has_bundle:
                raise WhatIfError(f"catalog `{other.id}` has no points bundle, so no field can be pinned")
            result = result.pinned(what_if.field)
    if what_if.class_of is not None:
        result = result.with_class(what_if.class_of or None)
    return other, result


# -- comparing ----------------------------------------------------------------------------------
class Absent(StrEnum):
    """Why a requirement is on one side of a comparison only."""

    NOT_IN_CATALOG = "not in catalog"
    DOES_NOT_APPLY = "does not apply"


@dataclass(frozen=True, slots=True)
class CatalogChange:
    before: str
    """The catalog's title."""
    after: str


@dataclass(frozen=True, slots=True)
class ClassChange:
    before: int | None
    after: int | None


@dataclass(frozen=True, slots=True)
class PinnedChange:
    before: str | None
    """The pinned field's name (None: not pinned)."""
    after: str | None


@dataclass(frozen=True, slots=True)
class BundleChange:
    before: BundleResult | None
    after: BundleResult | None
    before_has_bundle: bool
    """Whether that side's catalog has a points bundle at all."""
    after_has_bundle: bool


@dataclass(frozen=True, slots=True)
class MetChange:
    before: bool
    after: bool


@dataclass(frozen=True, slots=True)
class RequirementChange:
    name: str
    before: RequirementResult | None
    after: RequirementResult | None
    absent: Absent | None = None
    """Why the side that is None has no result."""


@dataclass(frozen=True, slots=True)
class SelectionChange:
    name: str
    before: SelectionResult
    after: SelectionResult
    catalog_before: Catalog
    catalog_after: Catalog


@dataclass(frozen=True, slots=True)
class SelectionGone:
    name: str
    catalog: str
    """The what-if catalog's title."""


@dataclass(frozen=True, slots=True)
class NewWarning:
    warning: PlanWarning


Change = (
    CatalogChange | ClassChange | PinnedChange | BundleChange
    | MetChange | RequirementChange | SelectionChange | SelectionGone | NewWarning
)


@dataclass(frozen=True, slots=True)
class Comparison:
    catalog: Catalog
    plan: Plan
    evaluation: Evaluation
    """The saved plan, as it is."""
    other_catalog: Catalog
    other_plan: Plan
    other: Evaluation
    """The what-if plan."""
    changes: tuple[Change, ...]
    """What differs, saved plan first, as data."""
    differences: tuple[str, ...]
    """The changes in words (`core.words.plan.difference_text`):
    "Bundle field: Information Technology (pinned), 13/12 points -> Health (pinned), 1/12 points"."""
    description: str
    """What the what-if changes: "Health pinned"."""

    @property
    def same(self) -> bool:
        return not self.changes


def _bundle_key(evaluation: Evaluation) -> tuple[object, ...] | None:
    b = evaluation.bundle
    return None if b is None else (b.field, b.field_name, b.pinned, b.points, b.required)


def _changes(catalog: Catalog, plan: Plan, base: Evaluation, catalog2: Catalog, plan2: Plan, other: Evaluation) -> list[Change]:
    out: list[Change] = []
    other_catalog = catalog2.id != catalog.id or catalog2.path != catalog.path
    if other_catalog:
        out.append(CatalogChange(catalog.info.title, catalog2.info.title))
    if plan.class_of != plan2.class_of:
        out.append(ClassChange(plan.class_of, plan2.class_of))
    if plan.pinned_field != plan2.pinned_field:
        a = catalog.field_name(plan.pinned_field) if plan.pinned_field else None
        b = catalog2.field_name(plan2.pinned_field) if plan2.pinned_field else None
        out.append(PinnedChange(a, b))
    if (_bundle_key(base), catalog.has_bundle) != (_bundle_key(other), catalog2.has_bundle):
        out.append(BundleChange(base.bundle, other.bundle, catalog.has_bundle, catalog2.has_bundle))
    if base.met != other.met:
        out.append(MetChange(base.met, other.met))

    # requirements, matched by id
    base_reqs = {r.id: r for r in base.requirements}
    other_reqs = {r.id: r for r in other.requirements}
    for r in base.requirements:
        o = other_reqs.get(r.id)
        if o is None:
            gone = other_catalog and not any(q.id == r.id for q in catalog2.requirements)
            out.append(RequirementChange(r.name, r, None, Absent.NOT_IN_CATALOG if gone else Absent.DOES_NOT_APPLY))
        elif o.met != r.met:
            out.append(RequirementChange(r.name, r, o))
    for o in other.requirements:
        if o.id not in base_reqs:
            new = other_catalog and not any(q.id == o.id for q in catalog.requirements)
            out.append(RequirementChange(o.name, None, o, Absent.NOT_IN_CATALOG if new else Absent.DOES_NOT_APPLY))

    # selections, matched by credential id
    bundle_a, bundle_b = base.bundle is not None or catalog.has_bundle, other.bundle is not None or catalog2.has_bundle
    other_sel = {s.id: s for s in other.selections}
    for s in base.selections:
        s2 = other_sel.get(s.id)
        if s2 is not None and not s2.known and s.known:
            out.append(SelectionGone(s.name, catalog2.info.title))
            continue
        if s2 is None:
            continue
        if s.counts != s2.counts or (s.counts and (s.points != s2.points or bundle_a != bundle_b)):
            out.append(SelectionChange(s.name if s.known else s2.name, s, s2, catalog, catalog2))
    out.extend(NewWarning(w) for w in other.warnings if w not in base.warnings)
    return out


def compare(catalog: Catalog, plan: Plan, catalog2: Catalog, plan2: Plan) -> Comparison:
    """Both evaluations and every difference between them."""
    base = evaluate(catalog, plan)
    other = evaluate(catalog2, plan2)
    changes = tuple(_changes(catalog, plan, base, catalog2, plan2, other))
    return Comparison(
        catalog=catalog, plan=plan, evaluation=base,
        other_catalog=catalog2, other_plan=plan2, other=other,
        changes=changes, differences=tuple(plan_words.difference_text(c) for c in changes),
        description=describe(catalog, plan, catalog2, plan2),
    )


def difference_lines(comparison: Comparison) -> list[str]:
    """The differences as a bulleted list, or one line saying there are none."""
    return plan_words.difference_lines(comparison)


def summary(comparison: Comparison) -> str:
    """One line: how many differences, and whether the what-if plan meets everything."""
    return plan_words.what_if_summary(comparison)


__all__ = [
    "WhatIf", "WhatIfError", "Comparison", "Change", "Absent",
    "parse_what_if", "parse_what_ifs", "apply_what_if", "compare", "describe",
    "difference_lines", "summary", "default_load_catalog",
]
