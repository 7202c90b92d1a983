"""What every requirement kind shares: states, the evaluation context, the catalog keys
every `[[requirement]]` takes, and "not checked".

No sentences here: results are states, numbers, ids and names; `core.words` says them.
"""

from __future__ import annotations

from dataclasses import field
from enum import StrEnum

from ..model import Catalog, Credential, Plan, Selection
from ..records import record

TYPE_CHECKING = False  # typing costs milliseconds at every start; annotations here are never evaluated
if TYPE_CHECKING:
    from collections.abc import Mapping


COMMON_KEYS: tuple[str, ...] = ("id", "kind", "name", "from_class", "to_class")
"""Keys every requirement may have, whatever its kind."""
COMMON_REQUIRED: tuple[str, ...] = ("id", "kind", "name")


class State(StrEnum):
    """A requirement's state. The value is what `check --json` writes."""

    MET = "met"
    NOT_MET = "not met"
    NOT_CHECKED = "not checked"


def state_of(met: bool) -> State:
    return State.MET if met else State.NOT_MET


class NotCheckedWhy(StrEnum):
    CLASS_NOT_SET = "class not set"
    """The plan has no graduating class and the requirement has class limits."""
    OTHER_CLASS = "class outside range"
    """The plan's class is outside the requirement's `from_class`..`to_class`."""


@record
class NotChecked:
    """A requirement that does not apply to the plan's class, and why."""

    id: str
    name: str
    kind: str
    from_class: int | None
    to_class: int | None
    why: NotCheckedWhy
    class_of: int | None
    """The plan's class (None when not set)."""

    @property
    def state(self) -> State:
        return State.NOT_CHECKED


@record
class Context:
    """What a kind needs to judge a requirement, computed once per `evaluate`."""

    catalog: Catalog
    plan: Plan
    chosen: tuple[tuple[Selection, Credential | None], ...]
    """The plan's distinct selections (the first of an id decides its status), each
    with its credential, or None when the catalog no longer has it."""
    field_points: Mapping[str, int]
    """Points the selections are worth in each field."""
    bundle_field: str | None
    """The bundle field (None in a catalog without a bundle requirement)."""
    pinned: bool
    part_values: dict[str, dict[str, int | None]] = field(default_factory=dict, compare=False)
    """Assessment id -> part -> counted score, filled as kinds ask (`score.part_values`)."""


@record
class Parsed:
    """The keys every requirement has, already checked by the loader."""

    id: str
    name: str
    from_class: int | None
    to_class: int | None


__all__ = [
    "COMMON_KEYS", "COMMON_REQUIRED", "Context", "NotChecked", "NotCheckedWhy", "Parsed", "State", "state_of",
]
