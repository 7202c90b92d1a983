"""Helpers shared by subcommands."""

from __future__ import annotations

from ..core.bundled import resolve_catalog
from ..core.catalog import load_catalog
from ..core.model import Catalog

DEFAULT_CATALOG = "ohio"


def load_catalog_ref(ref: str) -> Catalog:
    """A bundled id (`ohio`) or a path; errors name the file as the user wrote it."""
    path = resolve_catalog(ref)
    return load_catalog(path, display=path.name if path.stem == ref else ref)
