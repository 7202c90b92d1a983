"""Helpers shared by subcommands."""

from __future__ import annotations

from pathlib import Path

from ..core.bundled import resolve_catalog
from ..core.catalog import load_catalog
from ..core.model import Catalog, Plan
from ..core.plans import read_plan  # not core.storage: a read-only command needs none of its saving machinery
from ..core.problems import FileProblems
from . import DEFAULT_CATALOG  # noqa: F401  (the command modules take it from here)


def load_catalog_ref(ref: str) -> Catalog:
    """A bundled id (`ohio`) or a path; errors name the file as the user wrote it."""
    path = resolve_catalog(ref)
    return load_catalog(path, display=path.name if path.stem == ref else ref)


def load_catalog_and_plan(catalog_ref: str, plan_path: str) -> tuple[Catalog, Plan] | None:
    """Both inputs of a read-only command, or None after printing every problem."""
    from . import print_problems

    try:
        return load_catalog_ref(catalog_ref), read_plan(Path(plan_path))
    except FileProblems as exc:
        print_problems(exc)
        return None
