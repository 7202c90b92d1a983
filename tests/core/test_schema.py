"""The JSON Schema for catalog format 1 (schema/catalog-format-1.schema.json) is kept in
step with the loader: every bundled catalog validates, catalogs with errors the schema
can express fail both the schema and the loader, and the schema's key sets are the
loader's key constants."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from credplan.core import catalog as loader
from credplan.core.bundled import bundled_paths
from credplan.core.problems import FileProblems

REPO = Path(__file__).resolve().parents[2]
SCHEMA_PATH = REPO / "schema" / "catalog-format-1.schema.json"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=["2020-12", "draft-7"])
def validator(request: pytest.FixtureRequest, schema: dict[str, Any]) -> jsonschema.protocols.Validator:
    """The schema under its own draft, and under draft 7, which is what Taplo (Even Better
    TOML) applies to a schema whose `$schema` it does not know."""
    cls = jsonschema.Draft202012Validator if request.param == "2020-12" else jsonschema.Draft7Validator
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def as_editor_sees_it(value: Any) -> Any:
    """TOML data as Taplo hands it to a JSON Schema: dates and times become strings."""
    if isinstance(value, dict):
        return {k: as_editor_sees_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_editor_sees_it(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return value


def errors(validator: jsonschema.protocols.Validator, text: str) -> list[str]:
    data = as_editor_sees_it(tomllib.loads(text))
    return [e.message for e in validator.iter_errors(data)]


GOOD = """\
format = 1

[catalog]
id = "test"
title = "Test catalog"
region = "Testland"
source = "https://example.org/list"
checked = 2026-11-01

[[field]]
id = "it"
name = "Information Technology"

[[field]]
id = "health"
name = "Health"

[[credential]]
id = "a-plus"
name = "CompTIA A+"
issuer = "CompTIA"
fields = ["it"]
points = 12

[[credential]]
id = "cna"
name = "Nurse aide"
fields = ["health", "it"]
points = { health = 6, it = 1 }
verified = false
cost = 100
tags = ["x"]

[[credential]]
id = "license"
name = "Driver license"
fields = ["*"]
points = 1

[[assessment]]
id = "workkeys"
name = "ACT WorkKeys"
parts = ["Applied Math", "Graphic Literacy"]
min = 3
max = 7

[[requirement]]
id = "bundle"
kind = "bundle"
name = "12 points"
points = 12

[[requirement]]
id = "wk"
kind = "score"
name = "WorkKeys"
assessment = "workkeys"
total = 10
each = 3
from_class = 2020
to_class = 2024
"""


def test_schema_is_a_valid_2020_12_schema(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", bundled_paths(), ids=lambda p: p.name)
def test_every_bundled_catalog_validates(path: Path, validator: jsonschema.protocols.Validator) -> None:
    loader.load_catalog(path)
    assert errors(validator, path.read_text(encoding="utf-8")) == []


def test_there_are_bundled_catalogs() -> None:
    names = {p.name for p in bundled_paths()}
    assert {"ohio.toml", "colorado-example.toml"} <= names


def test_good_sample_passes_schema_and_loader(validator: jsonschema.protocols.Validator) -> None:
    loader.parse_catalog(GOOD)
    assert errors(validator, GOOD) == []


COMPETENCY = """\
[[assessment]]
id = "act"
name = "ACT"
parts = ["English"]
min = 1
max = 36

[[requirement]]
id = "english"
kind = "competency"
name = "English"
competency = "english"

[[requirement.scores]]
assessment = "act"
part = "English"
at_least = 18
"""

NO_BUNDLE = GOOD.split("[[assessment]]", maxsplit=1)[0].replace("points = 12\n", "").replace(
    "points = { health = 6, it = 1 }\n", ""
).replace("points = 1\n", "") + COMPETENCY


def test_catalog_without_bundle_needs_no_points(validator: jsonschema.protocols.Validator) -> None:
    loader.parse_catalog(NO_BUNDLE)
    assert errors(validator, NO_BUNDLE) == []


# Each case: (name, text) that both the loader and the schema must reject.
BROKEN = [
    ("unknown top key", "version = 2\n" + GOOD),
    ("unknown credential key", GOOD.replace('issuer = "CompTIA"', 'issuer = "CompTIA"\npionts = 3')),
    ("unknown catalog key", GOOD.replace('region = "Testland"', 'region = "Testland"\nstate = "OH"')),
    ("unknown field key", GOOD.replace('name = "Health"', 'name = "Health"\ncolor = "red"')),
    ("unknown assessment key", GOOD.replace("min = 3", "min = 3\nlevels = 5")),
    ("key of another kind", GOOD.replace('name = "12 points"', 'name = "12 points"\nassessment = "workkeys"')),
    ("missing format", GOOD.replace("format = 1\n", "")),
    ("format 2", GOOD.replace("format = 1", "format = 2")),
    ("format as string", GOOD.replace("format = 1", 'format = "1"')),
    ("missing catalog table", GOOD.replace(GOOD[GOOD.index("[catalog]") : GOOD.index("[[field]]")], "")),
    ("missing checked", GOOD.replace("checked = 2026-11-01\n", "")),
    ("checked with a time", GOOD.replace("checked = 2026-11-01", "checked = 2026-11-01T10:00:00")),
    ("catalog id with capitals", GOOD.replace('id = "test"', 'id = "Test Catalog"')),
    ("empty title", GOOD.replace('title = "Test catalog"', 'title = "  "')),
    ("missing credential name", GOOD.replace('name = "CompTIA A+"\n', "")),
    ("missing points with a bundle", GOOD.replace('fields = ["it"]\npoints = 12\n', 'fields = ["it"]\n')),
    ("points as string", GOOD.replace('fields = ["it"]\npoints = 12', 'fields = ["it"]\npoints = "12"')),
    ("points zero", GOOD.replace('fields = ["it"]\npoints = 12', 'fields = ["it"]\npoints = 0')),
    ("points table of strings", GOOD.replace("points = { health = 6, it = 1 }", 'points = { health = "6", it = 1 }')),
    ("points table for every field", GOOD.replace('fields = ["*"]\npoints = 1', 'fields = ["*"]\npoints = { it = 1 }')),
    ("fields empty", GOOD.replace('fields = ["it"]', "fields = []")),
    ("fields as string", GOOD.replace('fields = ["it"]', 'fields = "it"')),
    ("fields mixes star", GOOD.replace('fields = ["*"]', 'fields = ["*", "it"]')),
    ("field listed twice", GOOD.replace('fields = ["health", "it"]', 'fields = ["health", "it", "it"]')),
    ("field called star", GOOD.replace('id = "health"', 'id = "*"')),
    ("verified as string", GOOD.replace("verified = false", 'verified = "no"')),
    ("negative cost", GOOD.replace("cost = 100", "cost = -5")),
    ("tags of numbers", GOOD.replace('tags = ["x"]', "tags = [1]")),
    ("no fields", GOOD.replace('[[field]]\nid = "it"\nname = "Information Technology"\n', "").replace('[[field]]\nid = "health"\nname = "Health"\n', "")),
    ("bad kind", GOOD.replace('kind = "bundle"', 'kind = "bundel"')),
    ("missing kind", GOOD.replace('kind = "bundle"\n', "")),
    ("bundle without points", GOOD.replace('name = "12 points"\npoints = 12', 'name = "12 points"')),
    ("score without total or each", GOOD.replace("total = 10\neach = 3\n", "")),
    ("class as string", GOOD.replace("from_class = 2020", 'from_class = "2020"')),
    ("parts empty", GOOD.replace('parts = ["Applied Math", "Graphic Literacy"]', "parts = []")),
    ("min as float", GOOD.replace("min = 3", "min = 3.5")),
    ("part without at_least", NO_BUNDLE.replace("at_least = 18\n", "")),
    ("at_least without part", NO_BUNDLE.replace('part = "English"\n', "")),
    ("score option unknown key", NO_BUNDLE.replace("at_least = 18", "at_least = 18\nbest = 30")),
    ("competency without competency", NO_BUNDLE.replace('competency = "english"\n', "")),
    ("credential id with a slash", GOOD.replace('id = "cna"', 'id = "c/na"')),
    ("credential id with a space", GOOD.replace('id = "cna"', 'id = "c na"')),
    ("field id with capitals", GOOD.replace('id = "health"', 'id = "Health"').replace('"health"', '"Health"')),
    ("assessment id with ESC", GOOD.replace('id = "workkeys"', 'id = "work\\u001bkeys"')),
    ("requirement id too long", GOOD.replace('id = "bundle"', 'id = "' + "b" * 65 + '"')),
    ("credential name too long", GOOD.replace('name = "CompTIA A+"', 'name = "' + "n" * 201 + '"')),
    ("requirement name too long", GOOD.replace('name = "12 points"', 'name = "' + "n" * 201 + '"')),
    ("url too long", GOOD.replace('issuer = "CompTIA"', 'issuer = "CompTIA"\nurl = "https://' + "u" * 2000 + '"')),
    ("cost above 100000", GOOD.replace("cost = 100", "cost = 100001")),
    ("cost infinite", GOOD.replace("cost = 100", "cost = inf")),
    ("hours above 10000", GOOD.replace("cost = 100", "cost = 100\nhours = 1e308")),
]


@pytest.mark.parametrize("text", [t for _, t in BROKEN], ids=[n for n, _ in BROKEN])
def test_broken_catalog_fails_schema_and_loader(text: str, validator: jsonschema.protocols.Validator) -> None:
    with pytest.raises(FileProblems):
        loader.parse_catalog(text)
    assert errors(validator, text), "the schema accepted a catalog the loader rejects"


# What the schema cannot see: cross-references, ranges set elsewhere in the file, and the
# TOML types that reach it as JSON strings. `credplan validate` reports these.
GAPS = [
    ("checked as a quoted string", GOOD.replace("checked = 2026-11-01", 'checked = "2026-11-01"')),
    ("points above the bundle", GOOD.replace('fields = ["it"]\npoints = 12', 'fields = ["it"]\npoints = 13')),
    ("unknown field id", GOOD.replace('fields = ["it"]', 'fields = ["itt"]')),
    ("points table missing a field", GOOD.replace("points = { health = 6, it = 1 }", "points = { health = 6 }")),
    ("duplicate credential id", GOOD.replace('id = "cna"', 'id = "a-plus"')),
    ("unknown assessment", GOOD.replace('assessment = "workkeys"', 'assessment = "act"')),
    ("each above max", GOOD.replace("each = 3", "each = 9")),
    ("from_class after to_class", GOOD.replace("to_class = 2024", "to_class = 2019")),
    ("min not below max", GOOD.replace("max = 7", "max = 3")),
]


@pytest.mark.parametrize("text", [t for _, t in GAPS], ids=[n for n, _ in GAPS])
def test_known_gaps_are_left_to_the_loader(text: str, validator: jsonschema.protocols.Validator) -> None:
    """If the schema learns to catch one of these, move it to BROKEN."""
    with pytest.raises(FileProblems):
        loader.parse_catalog(text)
    assert errors(validator, text) == []


def test_dates_are_checked_as_dates(validator: jsonschema.protocols.Validator) -> None:
    data = as_editor_sees_it(tomllib.loads(GOOD))
    data["catalog"]["checked"] = "2026-13-45"
    assert list(validator.iter_errors(data))


# -- the schema's key sets are the loader's ------------------------------------------------
def props(schema: dict[str, Any], name: str | None = None) -> set[str]:
    node = schema if name is None else schema["$defs"][name]
    return set(node["properties"])


def required(schema: dict[str, Any], name: str) -> set[str]:
    return set(schema["$defs"][name]["required"])


def test_top_keys(schema: dict[str, Any]) -> None:
    assert props(schema) == set(loader.TOP_KEYS)
    assert schema["additionalProperties"] is False


def test_catalog_keys(schema: dict[str, Any]) -> None:
    assert props(schema, "catalog") == set(loader.CATALOG_KEYS)
    assert required(schema, "catalog") == set(loader.CATALOG_REQUIRED)


def test_field_keys(schema: dict[str, Any]) -> None:
    assert props(schema, "field") == set(loader.FIELD_KEYS)
    assert required(schema, "field") == set(loader.FIELD_KEYS)


def test_credential_keys(schema: dict[str, Any]) -> None:
    assert props(schema, "credential") == set(loader.CREDENTIAL_KEYS)
    # `points` is required only when the catalog has a bundle (the top-level if/then).
    assert required(schema, "credential") == {"id", "name", "fields"}
    then = schema["allOf"][0]["then"]["properties"]["credential"]["items"]
    assert then["required"] == ["points"]


def test_assessment_keys(schema: dict[str, Any]) -> None:
    assert props(schema, "assessment") == set(loader.ASSESSMENT_KEYS)
    assert required(schema, "assessment") == set(loader.ASSESSMENT_KEYS)


def test_requirement_keys_by_kind(schema: dict[str, Any]) -> None:
    assert set(schema["$defs"]["requirement"]["properties"]["kind"]["enum"]) == set(loader.REQUIREMENT_KEYS)
    for kind, keys in loader.REQUIREMENT_KEYS.items():
        name = f"{kind}-requirement"
        assert props(schema, name) == set(keys), kind
        assert required(schema, name) == set(loader.REQUIREMENT_REQUIRED[kind]), kind
        assert schema["$defs"][name]["properties"]["kind"] == {"const": kind}
    branches = schema["$defs"]["requirement"]["allOf"]
    assert {b["if"]["properties"]["kind"]["const"]: b["then"]["$ref"] for b in branches} == {
        kind: f"#/$defs/{kind}-requirement" for kind in loader.REQUIREMENT_KEYS
    }


def test_score_option_keys(schema: dict[str, Any]) -> None:
    assert props(schema, "score-option") == set(loader.SCORE_OPTION_KEYS)
    assert required(schema, "score-option") == {"assessment"}


def test_every_object_is_closed(schema: dict[str, Any]) -> None:
    """additionalProperties is false on every table the format defines."""
    for name, node in schema["$defs"].items():
        if node.get("type") == "object" and name != "requirement":
            assert node.get("additionalProperties") is False, name


def test_no_ref_has_siblings(schema: dict[str, Any]) -> None:
    """Taplo validates with draft-7 rules, where keywords beside `$ref` are ignored."""

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            if "$ref" in node:
                assert set(node) == {"$ref"}, path
            for k, v in node.items():
                walk(v, f"{path}/{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{path}/{i}")

    walk(schema, "")


def test_imported_catalog_validates(validator: jsonschema.protocols.Validator) -> None:
    """What `credplan import-csv` writes passes the schema too."""
    from credplan.core.csv_import import ImportOptions, catalog_toml, import_csv_text

    csv_path = REPO / "tests" / "fixtures" / "csv" / "state-list.csv"
    options = ImportOptions("t", "T", "https://x", "R", dt.date(2026, 1, 1), default_points=1)
    result = import_csv_text(csv_path.read_text(encoding="utf-8-sig"), csv_path.name, options)
    text = catalog_toml(result, csv_path.name)
    loader.parse_catalog(text)
    assert errors(validator, text) == []
