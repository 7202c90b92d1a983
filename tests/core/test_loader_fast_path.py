"""The loader's fast path for plain credentials must accept exactly what the full
check accepts, and build the same credential."""

from __future__ import annotations

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import credplan.core.catalog as loader
from credplan.core.bundled import resolve_catalog
from credplan.core.catalog import parse_catalog
from credplan.core.problems import FileProblems

HEAD = {
    "format": 1,
    "catalog": {"id": "t", "title": "T", "region": "R", "source": "s", "checked": __import__("datetime").date(2026, 1, 1)},
    "field": [{"id": "it", "name": "IT"}, {"id": "health", "name": "Health"}],
    "requirement": [
        {"id": "bundle", "kind": "bundle", "name": "Bundle", "points": 12},
        {"id": "en", "kind": "competency", "name": "English", "competency": "english"},
    ],
}

values = st.one_of(
    st.none(), st.booleans(), st.integers(-2, 14), st.floats(-1, 5, allow_nan=False),
    st.sampled_from(["", " ", "x", "it", "health", "*", "english", "math"]),
    st.lists(st.sampled_from(["it", "health", "*", "nope", "english", "math", ""]), max_size=3),
    st.dictionaries(st.sampled_from(["it", "health", "nope"]), st.integers(-1, 13), max_size=3),
)
keys = st.sampled_from(["id", "name", "issuer", "fields", "points", "verified", "meets", "url", "cost", "hours", "tags", "pionts"])
credential = st.dictionaries(keys, values, max_size=8).map(lambda d: {k: v for k, v in d.items() if v is not None})
plausible = st.fixed_dictionaries(
    {"id": st.sampled_from(["a", "b"]), "name": st.sampled_from(["A", "", "B"]), "fields": values, "points": values},
    optional={"meets": values, "cost": values, "verified": values, "issuer": values},
).map(lambda d: {k: v for k, v in d.items() if v is not None})


def load(text: str, fast: bool):
    original = loader._plain_credential
    if not fast:
        loader._plain_credential = lambda *a, **k: None
    try:
        return parse_catalog(text, "t.toml").credentials
    except FileProblems as exc:
        return [str(p) for p in exc.problems]
    finally:
        loader._plain_credential = original


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(credential, plausible), min_size=1, max_size=3))
def test_fast_path_agrees_with_the_full_check(credentials):
    text = tomli_w.dumps(HEAD | {"credential": credentials})
    assert load(text, fast=True) == load(text, fast=False)


def test_the_fast_path_is_taken_for_plain_credentials():
    taken = []
    original = loader._plain_credential

    def spy(*args, **kwargs):
        result = original(*args, **kwargs)
        taken.append(result is not None)
        return result

    loader._plain_credential = spy
    try:
        parse_catalog(resolve_catalog("ohio").read_text(), "ohio.toml")
    finally:
        loader._plain_credential = original
    assert taken and all(taken)
