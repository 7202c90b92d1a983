"""Shared fixtures: the two bundled catalogs, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from credplan.core.catalog import load_catalog
from credplan.core.model import Catalog

REPO = Path(__file__).resolve().parent.parent
CATALOGS = REPO / "catalogs"


@pytest.fixture(scope="session")
def ohio() -> Catalog:
    return load_catalog(CATALOGS / "ohio.toml")


@pytest.fixture(scope="session")
def colorado() -> Catalog:
    return load_catalog(CATALOGS / "colorado-example.toml")
