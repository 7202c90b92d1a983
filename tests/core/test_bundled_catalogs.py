"""The catalogs that ship with credplan load, and hold what the product promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from credplan.core.bundled import bundled_ids, bundled_paths, catalogs_dir, resolve_catalog
from credplan.core.catalog import load_catalog
from credplan.core.problems import FileProblems

REPO = Path(__file__).resolve().parents[2]
FILES = sorted((REPO / "catalogs").glob("*.toml"))
OHIO_FIELDS = [
    "agriculture", "arts", "business", "construction", "education", "engineering", "health",
    "hospitality", "human-services", "it", "law", "manufacturing", "transportation",
]


def test_bundled_catalogs_are_the_repository_catalogs():
    assert catalogs_dir().resolve() == (REPO / "catalogs").resolve()
    assert [p.name for p in bundled_paths()] == [p.name for p in FILES]
    assert {"ohio", "colorado-example"} <= set(bundled_ids())


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_bundled_catalog_validates(path):
    catalog = load_catalog(path)
    assert catalog.id == path.stem  # `--catalog ID` finds the file by its name
    assert catalog.info.source.startswith("https://")
    assert catalog.fields and catalog.credentials


def test_validate_command_accepts_every_bundled_catalog():
    done = subprocess.run(
        [sys.executable, "-m", "credplan", "validate", *[str(p) for p in FILES]],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert [ln.split(":")[0] for ln in done.stdout.splitlines()] == [p.name for p in FILES]


def test_resolve_catalog_by_id_and_unknown_id():
    assert resolve_catalog("ohio") == catalogs_dir() / "ohio.toml"
    with pytest.raises(FileProblems) as info:
        resolve_catalog("atlantis")
    (p,) = info.value.problems
    assert str(p).startswith("atlantis: no bundled catalog with this id (bundled: ")
    assert "ohio" in p.message and "colorado-example" in p.message


def test_ohio_fields(ohio):
    assert [f.id for f in ohio.fields] == OHIO_FIELDS
    assert all(f.name.strip() for f in ohio.fields)


def test_ohio_has_at_least_60_credentials(ohio):
    assert len(ohio.credentials) >= 60


def test_ohio_driver_license_is_universal_one_point_verified(ohio):
    license = ohio.credential_by_id["ohio-driver-license"]
    assert license.universal and license.fields == ()
    assert license.universal_points == 1
    assert license.verified is True
    assert all(license.points_in(f) == 1 for f in OHIO_FIELDS)


def test_every_ohio_field_has_a_credential_of_its_own(ohio):
    for field_id in OHIO_FIELDS:
        own = [c for c in ohio.by_field[field_id] if not c.universal]
        assert own, f"no credential listed in {field_id}"


def test_ohio_credentials_are_sane(ohio):
    for c in ohio.credentials:
        assert isinstance(c.verified, bool)
        assert c.name.strip()
        if not c.universal:
            assert c.fields and set(c.points) == set(c.fields), c.id
            assert all(1 <= p <= 12 for p in c.points.values()), c.id


def test_ohio_requirements(ohio):
    by_id = {r.id: r for r in ohio.requirements}
    assert by_id["bundle"].kind == "bundle" and by_id["bundle"].points == 12
    wk18, wk20, silver = by_id["workkeys-2018"], by_id["workkeys-2020"], by_id["workkeys-silver"]
    assert (wk18.total, wk18.each, wk18.from_class, wk18.to_class) == (13, 3, 2018, 2019)
    assert (wk20.total, wk20.each, wk20.from_class, wk20.to_class) == (14, 3, 2020, 2024)
    assert (silver.total, silver.each, silver.from_class, silver.to_class) == (None, 4, 2025, None)
    wk = ohio.assessment_by_id["workkeys"]
    assert (wk.parts, wk.min, wk.max) == (("Applied Math", "Graphic Literacy", "Workplace Documents"), 3, 7)


def test_colorado_has_english_and_math_competencies_and_no_bundle(colorado):
    assert not colorado.has_bundle
    assert {r.id: r.kind for r in colorado.requirements} == {"english": "competency", "math": "competency"}
    assert set(colorado.competencies) == {"english", "math"}
    for r in colorado.requirements:
        assert r.scores, r.id
    assert all(c.meets <= {"english", "math"} for c in colorado.credentials)
    assert any("english" in c.meets for c in colorado.credentials)
    assert any("math" in c.meets for c in colorado.credentials)
