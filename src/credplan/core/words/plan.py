"""Sentences about a whole plan beside another: the what-if comparison.

`core.whatif.compare` finds what differs between the saved plan and the what-if plan
as data (`Comparison.changes`); this module says each change in one line, saved plan
first: "Bundle field: Information Technology (pinned), 13/12 points -> Health
(pinned), 1/12 points". Requirement and selection words are those of
`words.requirements`, so a what-if reads like the plan itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Catalog, Plan
from ..requirements import BundleResult
from ..rules import SelectionResult, Why
from .requirements import (
    bundle_how,
    class_text,
    join_and,
    plural,
    requirement_detail,
    selection_reason,
    warning_text,
)

if TYPE_CHECKING:
    from ..whatif import Change, Comparison


def what_if_description(catalog: Catalog, plan: Plan, catalog2: Catalog, plan2: Plan) -> str:
    """What the what-if changes, in words: "Health pinned, class of 2020"."""
    bits = []
    if catalog2.id != catalog.id or catalog2.path != catalog.path:
        bits.append(f"catalog {catalog2.info.title}")
    if plan2.pinned_field != plan.pinned_field:
        bits.append(f"{catalog2.field_name(plan2.pinned_field)} pinned" if plan2.pinned_field else "no field pinned")
    if plan2.class_of != plan.class_of:
        bits.append(class_text(plan2.class_of))
    return ", ".join(bits) if bits else "no change"


def _met(met: bool) -> str:
    return "met" if met else "not met"


def _bundle(bundle: BundleResult | None, has_bundle: bool) -> str:
    if bundle is None:
        return "no bundle requirement for this class" if has_bundle else "no points bundle in this catalog"
    return f"{bundle.field_name} ({bundle_how(bundle)}), {bundle.points}/{bundle.required} points"


def _selection(s: SelectionResult, catalog: Catalog) -> str:
    if not s.known:
        return "not in this catalog"
    if s.why is Why.OTHER_FIELD:
        fields = join_and(catalog.field_name(f) for f in s.fields)
        return f"does not count (listed in {fields}, not in {catalog.field_name(s.field or '')})"
    if s.why is Why.COMPETENCY:
        reason = selection_reason(s, catalog)
        return f"counts ({reason})" if s.counts else f"does not count ({reason.removesuffix(', so it does not count')})"
    return f"counts {plural(s.points, 'point')} in {catalog.field_name(s.field or '')}"


def difference_text(change: Change) -> str:
    """One change in words, saved plan first."""
    from .. import whatif as w

    if isinstance(change, w.CatalogChange):
        return f"Catalog: {change.before} -> {change.after}"
    if isinstance(change, w.ClassChange):
        before, after = (f"class of {c}" if c else "not set" for c in (change.before, change.after))
        return f"Graduating class: {before} -> {after}"
    if isinstance(change, w.PinnedChange):
        return f"Pinned field: {change.before or 'not pinned'} -> {change.after or 'not pinned'}"
    if isinstance(change, w.BundleChange):
        before = _bundle(change.before, change.before_has_bundle)
        return f"Bundle field: {before} -> {_bundle(change.after, change.after_has_bundle)}"
    if isinstance(change, w.MetChange):
        yes = {True: "yes", False: "no"}
        return f"Every requirement met: {yes[change.before]} -> {yes[change.after]}"
    if isinstance(change, w.RequirementChange):
        absent = "does not apply"
        if change.absent is w.Absent.NOT_IN_CATALOG:
            absent = "not in your catalog" if change.before is None else "not in that catalog"
        if change.after is None:
            return f"{change.name}: {_met(change.before.met)} -> {absent}"  # type: ignore[union-attr]
        after = f"{_met(change.after.met)} ({requirement_detail(change.after)})"
        before = absent if change.before is None else _met(change.before.met)
        return f"{change.name}: {before} -> {after}"
    if isinstance(change, w.SelectionChange):
        before = _selection(change.before, change.catalog_before)
        return f"{change.name}: {before} -> {_selection(change.after, change.catalog_after)}"
    if isinstance(change, w.SelectionGone):
        return f"{change.name}: not in {change.catalog}"
    if isinstance(change, w.NewWarning):
        return f"Warning in the what-if: {warning_text(change.warning)}"
    raise TypeError(f"no words for change {change!r}")


def difference_lines(comparison: Comparison) -> list[str]:
    """The differences as a bulleted list, or one line saying there are none."""
    if comparison.same:
        return ["  " + NO_DIFFERENCES]
    return [f"  - {d}" for d in comparison.differences]


NO_DIFFERENCES = "No differences: the plan reads the same."


def what_if_summary(comparison: Comparison) -> str:
    """One line: how many differences, and whether the what-if plan meets everything."""
    n = len(comparison.differences)
    state = "meets every requirement" if comparison.other.met else "does not meet every requirement"
    return f"{plural(n, 'difference')}; the what-if plan {state}"


__all__ = ["NO_DIFFERENCES", "difference_lines", "difference_text", "what_if_description", "what_if_summary"]
