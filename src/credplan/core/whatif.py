"""What-if: the same plan under another pinned field, graduating class or catalog.

Pure functions, no I/O except through the `load_catalog` callable, no UI:

* `parse_what_if("field=health")` -> `WhatIf`; several settings may be joined with
  commas (`"field=health,class=2020"`), and `parse_what_ifs([...])` merges several
  `--what-if` options (a later setting of the same key wins).
* `apply_what_if(catalog, plan, what_if)` -> `(catalog2, plan2)`: modified copies; the
  plan given is never changed (plans are immutable) and nothing is saved.
* `compare(catalog, plan, catalog2, plan2)` -> `Comparison`: both evaluations and the
  differences in words.

Specs:
    field=ID       pin this field as the bundle field (`field=none`: not pinned)
    class=YEAR     graduating class, a four-digit year (`class=none`: not set)
    catalog=REF    another catalog: a bundled id (`colorado-example`) or a path
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from .model import Catalog, Plan
from .plans import CLASS_RANGE
from .problems import FileProblems, did_you_mean
from .rules import Evaluation, SelectionResult, evaluate, plural

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

    def merged(self, other: "WhatIf") -> "WhatIf":
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


def describe(catalog: Catalog, plan: Plan, catalog2: Catalog, plan2: Plan) -> str:
    """What the what-if changes, in words: "Health pinned, class of 2020"."""
    bits = []
    if catalog2.id != catalog.id or catalog2.path != catalog.path:
        bits.append(f"catalog {catalog2.info.title}")
    if plan2.pinned_field != plan.pinned_field:
        bits.append(f"{catalog2.field_name(plan2.pinned_field)} pinned" if plan2.pinned_field else "no field pinned")
    if plan2.class_of != plan.class_of:
        bits.append(f"class of {plan2.class_of}" if plan2.class_of else "class not set")
    return ", ".join(bits) if bits else "no change"


# -- comparing ----------------------------------------------------------------------------------
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
    differences: tuple[str, ...]
    """Sentences, saved plan first: "Bundle field: Information Technology, 13/12 points -> Health, 1/12 points"."""
    description: str
    """What the what-if changes: "Health pinned"."""

    @property
    def same(self) -> bool:
        return not self.differences


def _met(met: bool) -> str:
    return "met" if met else "not met"


def _bundle_words(catalog: Catalog, evaluation: Evaluation) -> str:
    b = evaluation.bundle
    if b is None:
        if catalog.has_bundle:
            return "no bundle requirement for this class"
        return "no points bundle in this catalog"
    how = "pinned" if b.pinned else "most points"
    return f"{b.field_name} ({how}), {b.points}/{b.required} points"


def _selection_words(catalog: Catalog, s: SelectionResult | None, bundle: bool) -> str:
    if s is None or not s.known:
        return "not in this catalog"
    if not s.counts:
        return "does not count (" + s.reason.removeprefix("other field: ") + ")" if bundle else f"does not count ({s.reason})"
    if bundle:
        return s.reason
    return f"counts ({s.reason})"


def _detail(r) -> str:
    return r.detail.removeprefix(f"{r.name}: ")


def compare(catalog: Catalog, plan: Plan, catalog2: Catalog, plan2: Plan) -> Comparison:
    """Both evaluations and every difference between them, in words."""
    base = evaluate(catalog, plan)
    other = evaluate(catalog2, plan2)
    diffs: list[str] = []
    other_catalog = catalog2.id != catalog.id or catalog2.path != catalog.path

    if other_catalog:
        diffs.append(f"Catalog: {catalog.info.title} -> {catalog2.info.title}")
    if plan.class_of != plan2.class_of:
        a = f"class of {plan.class_of}" if plan.class_of else "not set"
        b = f"class of {plan2.class_of}" if plan2.class_of else "not set"
        diffs.append(f"Graduating class: {a} -> {b}")
    if plan.pinned_field != plan2.pinned_field:
        a = catalog.field_name(plan.pinned_field) if plan.pinned_field else "not pinned"
        b = catalog2.field_name(plan2.pinned_field) if plan2.pinned_field else "not pinned"
        diffs.append(f"Pinned field: {a} -> {b}")

    a, b = _bundle_words(catalog, base), _bundle_words(catalog2, other)
    if a != b:
        diffs.append(f"Bundle field: {a} -> {b}")

    if base.met != other.met:
        diffs.append(f"Every requirement met: {'yes' if base.met else 'no'} -> {'yes' if other.met else 'no'}")

    # requirements, matched by id
    base_reqs = {r.id: r for r in base.requirements}
    other_reqs = {r.id: r for r in other.requirements}
    for r in base.requirements:
        o = other_reqs.get(r.id)
        if o is None:
            why = "not in that catalog" if other_catalog and not any(q.id == r.id for q in catalog2.requirements) else "does not apply"
            diffs.append(f"{r.name}: {_met(r.met)} -> {why}")
        elif o.met != r.met:
            diffs.append(f"{r.name}: {_met(r.met)} -> {_met(o.met)} ({_detail(o)})")
    for o in other.requirements:
        if o.id not in base_reqs:
            was = "not in your catalog" if other_catalog and not any(q.id == o.id for q in catalog.requirements) else "does not apply"
            diffs.append(f"{o.name}: {was} -> {_met(o.met)} ({_detail(o)})")

    # selections, matched by credential id
    bundle_a, bundle_b = base.bundle is not None or catalog.has_bundle, other.bundle is not None or catalog2.has_bundle
    other_sel = {s.id: s for s in other.selections}
    for s in base.selections:
        o = other_sel.get(s.id)
        if o is not None and not o.known and s.known:
            diffs.append(f"{s.name}: not in {catalog2.info.title}")
            continue
        if o is None:
            continue
        if s.counts != o.counts or (s.counts and (s.points != o.points or bundle_a != bundle_b)):
            name = s.name if s.known else o.name
            diffs.append(
                f"{name}: {_selection_words(catalog, s, bundle_a)} -> {_selection_words(catalog2, o, bundle_b)}"
            )
    new_warnings = [w for w in other.warnings if w not in base.warnings]
    for w in new_warnings:
        diffs.append(f"Warning in the what-if: {w}")

    return Comparison(
        catalog=catalog, plan=plan, evaluation=base,
        other_catalog=catalog2, other_plan=plan2, other=other,
        differences=tuple(diffs), description=describe(catalog, plan, catalog2, plan2),
    )


def difference_lines(comparison: Comparison) -> list[str]:
    """The differences as a bulleted list, or one line saying there are none."""
    if comparison.same:
        return ["  No differences: the plan reads the same."]
    return [f"  - {d}" for d in comparison.differences]


def summary(comparison: Comparison) -> str:
    """One line: how many differences, and whether the what-if plan meets everything."""
    n = len(comparison.differences)
    state = "meets every requirement" if comparison.other.met else "does not meet every requirement"
    return f"{plural(n, 'difference')}; the what-if plan {state}"


__all__ = [
    "WhatIf", "WhatIfError", "Comparison",
    "parse_what_if", "parse_what_ifs", "apply_what_if", "compare", "describe",
    "difference_lines", "summary", "default_load_catalog",
]
