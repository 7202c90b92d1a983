from __future__ import annotations

import pytest

from credplan.core.session import load_catalog_ref
from credplan.core.catalog import parse_catalog
from credplan.core.model import Catalog
from uihelp import HOSTILE_CATALOG


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CREDPLAN_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(scope="session")
def ohio() -> Catalog:
    return load_catalog_ref("ohio")


@pytest.fixture(scope="session")
def colorado() -> Catalog:
    return load_catalog_ref("colorado-example")


@pytest.fixture(scope="session")
def hostile() -> Catalog:
    return parse_catalog(HOSTILE_CATALOG, "hostile.toml")
