"""Requirement kinds: one module per kind, and the registry that maps a catalog's
`kind = "..."` to it.

Each kind module owns, for its kind:

- `KIND`, `KEYS`, `REQUIRED`: its catalog keys (the loader checks them);
- `parse(loader, table, path, what, common) -> Requirement | None`: its own keys'
  validation, each problem with its line;
- `evaluate(requirement, context) -> Result`: a frozen dataclass with a `state`
  (`State.MET` / `State.NOT_MET`), `met`, `earned_met`, `id`, `name`, `kind`,
  `from_class`, `to_class` and the kind's numbers, ids and names. No sentences:
  `core.words.requirements` says them.

Adding a kind is one new module here, one line in `KINDS`, and its words.
"""

from __future__ import annotations

from types import MappingProxyType, ModuleType

from . import bundle, competency, score
from .bundle import BundleResult
from .common import COMMON_KEYS, COMMON_REQUIRED, Context, NotChecked, NotCheckedWhy, Parsed, State
from .competency import CompetencyResult, CredentialEvidence, OptionResult
from .score import PartScore, ScoreResult

TYPE_CHECKING = False  # typing costs milliseconds at every start; annotations here are never evaluated
if TYPE_CHECKING:
    from collections.abc import Mapping


KINDS: Mapping[str, ModuleType] = MappingProxyType({m.KIND: m for m in (bundle, score, competency)})
"""Kind name -> the module that owns it, in the order the docs list them."""

RequirementResult = BundleResult | ScoreResult | CompetencyResult


def kind_module(kind: str) -> ModuleType:
    return KINDS[kind]


__all__ = [
    "COMMON_KEYS", "COMMON_REQUIRED", "KINDS", "BundleResult", "CompetencyResult", "Context", "CredentialEvidence",
    "NotChecked", "NotCheckedWhy", "OptionResult", "Parsed", "PartScore", "RequirementResult", "ScoreResult",
    "State", "kind_module",
]
