"""core.whatif: parsing what-if specs, applying them to copies, and comparing in words."""

from __future__ import annotations

import subprocess
import sys

import pytest

from credplan.core.model import EARNED, Plan
from credplan.core.problems import FileProblems, Problem
from credplan.core.rules import evaluate
from credplan.core.whatif import (
    WhatIf,
    WhatIfError,
    apply_what_if,
    compare,
    difference_lines,
    parse_what_if,
    parse_what_ifs,
)


def it12(ohio):
    return next(c for c in ohio.credentials if c.fields == ("it",) and c.points_in("it") == 12)


@pytest.fixture
def it_plan(ohio) -> Plan:
    return (
        Plan(student="Ana", class_of=2024, pinned_field="it")
        .with_selection("ohio-driver-license", EARNED)
        .with_selection(it12(ohio).id)
    )


# -- parsing -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("field=health", WhatIf(field="health", specs=("field=health",))),
        ("class=2020", WhatIf(class_of=2020, specs=("class=2020",))),
        ("catalog=colorado-example", WhatIf(catalog="colorado-example", specs=("catalog=colorado-example",))),
        ("catalog=some/dir/cat.toml", WhatIf(catalog="some/dir/cat.toml", specs=("catalog=some/dir/cat.toml",))),
        ("field=none", WhatIf(field="", specs=("field=none",))),
        ("class=none", WhatIf(class_of=0, specs=("class=none",))),
        (" Field = health , CLASS=2019 ", WhatIf(field="health", class_of=2019, specs=("field=health", "class=2019"))),
    ],
)
def test_parse(text, expected):
    assert parse_what_if(text) == expected


@pytest.mark.parametrize(
    "text, words",
    [
        ("", "empty what-if"),
        ("   ", "empty what-if"),
        ("field", "has no `=`"),
        ("colour=red", "unknown what-if `colour`"),
        ("clas=2020", "did you mean `class`"),
        ("field=", "needs a value"),
        ("class=20", "four-digit year"),
        ("class=abcd", "four-digit year"),
        ("class=1800", "between 1950 and 2100"),
        ("field=health,,class=2020", "empty setting"),
    ],
)
def test_parse_errors_are_value_errors_with_clear_words(text, words):
    with pytest.raises(ValueError) as info:
        parse_what_if(text)
    assert isinstance(info.value, WhatIfError)
    assert words in str(info.value)
    assert "field=ID" in str(info.value) or "year" in str(info.value)


def test_several_options_later_wins():
    w = parse_what_ifs(["field=health", "class=2019", "field=it"])
    assert w.field == "it" and w.class_of == 2019 and w.catalog is None
    assert w.specs == ("field=health", "class=2019", "field=it")
    assert parse_what_ifs([]).empty


# -- applying ------------------------------------------------------------------------------------------
def test_apply_field_and_class_return_copies(ohio, it_plan):
    before = it_plan
    catalog2, plan2 = apply_what_if(ohio, it_plan, parse_what_if("field=health,class=2019"))
    assert catalog2 is ohio
    assert plan2.pinned_field == "health" and plan2.class_of == 2019
    assert it_plan is before and it_plan.pinned_field == "it" and it_plan.class_of == 2024
    assert plan2.selections == it_plan.selections


def test_apply_unpin_and_unset(ohio, it_plan):
    _, plan2 = apply_what_if(ohio, it_plan, parse_what_if("field=none,class=none"))
    assert plan2.pinned_field is None and plan2.class_of is None


def test_apply_unknown_field_suggests(ohio, it_plan):
    with pytest.raises(WhatIfError) as info:
        apply_what_if(ohio, it_plan, parse_what_if("field=helth"))
    assert "no field `helth` in catalog `ohio` (did you mean `health`?)" in str(info.value)


def test_apply_catalog_uses_the_loader(ohio, colorado, it_plan):
    asked = []

    def load(ref):
        asked.append(ref)
        return colorado

    catalog2, plan2 = apply_what_if(ohio, it_plan, parse_what_if("catalog=co"), load_catalog=load)
    assert asked == ["co"] and catalog2 is colorado
    # the pinned field `it` does not exist there: the what-if plan is not pinned
    assert "it" not in colorado.field_by_id
    assert plan2.pinned_field is None
    assert plan2.selections == it_plan.selections and plan2.class_of == 2024
    # a pinned field that does exist there stays pinned
    _, plan3 = apply_what_if(ohio, it_plan.pinned("health"), parse_what_if("catalog=co"), load_catalog=load)
    assert plan3.pinned_field == "health"


def test_apply_default_loader_reads_bundled_catalogs(ohio, it_plan):
    catalog2, _ = apply_what_if(ohio, it_plan, parse_what_if("catalog=colorado-example"))
    assert catalog2.id == "colorado-example" and not catalog2.has_bundle


def test_apply_bad_catalog_is_a_what_if_error(ohio, it_plan):
    def load(ref):
        raise FileProblems([Problem(ref, 0, "no bundled catalog with this id")])

    with pytest.raises(WhatIfError, match="what-if catalog `nope` cannot be used"):
        apply_what_if(ohio, it_plan, parse_what_if("catalog=nope"), load_catalog=load)


def test_field_in_a_catalog_without_bundle_is_refused(ohio, colorado, it_plan):
    field = colorado.fields[0].id
    with pytest.raises(WhatIfError, match="no points bundle"):
        apply_what_if(ohio, it_plan, parse_what_if(f"catalog=co,field={field}"), load_catalog=lambda ref: colorado)


# -- comparing -----------------------------------------------------------------------------------------
def test_compare_same_plan_has_no_differences(ohio, it_plan):
    c = compare(ohio, it_plan, ohio, it_plan)
    assert c.same and c.differences == ()
    assert c.description == "no change"
    assert difference_lines(c) == ["  No differences: the plan reads the same."]


def test_compare_another_field(ohio, it_plan):
    catalog2, plan2 = apply_what_if(ohio, it_plan, parse_what_if("field=health"))
    c = compare(ohio, it_plan, catalog2, plan2)
    assert c.evaluation == evaluate(ohio, it_plan)
    assert c.other == evaluate(ohio, plan2)
    assert c.evaluation.bundle.field == "it" and c.other.bundle.field == "health"
    assert c.description == "Health pinned"
    d = c.differences
    assert "Pinned field: Information Technology -> Health" in d
    assert "Bundle field: Information Technology (pinned), 13/12 points -> Health (pinned), 1/12 points" in d
    assert any(x.startswith("12-point credential bundle in one career field: met -> not met") for x in d)
    name = it12(ohio).name
    assert (
        f"{name}: counts 12 points in Information Technology -> "
        "does not count (listed in Information Technology, not in Health)"
    ) in d
    # the same changes as data, for anyone who would rather not read sentences
    assert len(c.changes) == len(d)
    moved = next(x for x in c.changes if getattr(x, "name", "") == name)
    assert (moved.before.counts, moved.after.counts, moved.after.field) == (True, False, "health")
    # the driver license counts 1 point in both: not a difference
    assert not any(x.startswith("Ohio driver license") for x in d)
    assert all(line.startswith("  - ") for line in difference_lines(c))


def test_compare_another_class(ohio, it_plan):
    catalog2, plan2 = apply_what_if(ohio, it_plan, parse_what_if("class=2019"))
    d = compare(ohio, it_plan, catalog2, plan2).differences
    assert d[0] == "Graduating class: class of 2024 -> class of 2019"
    assert "WorkKeys (classes 2020-2024): not met -> does not apply" in d
    assert any(x.startswith("WorkKeys (classes 2018-2019): does not apply -> not met") for x in d)


def test_compare_another_catalog(ohio, colorado, it_plan):
    catalog2, plan2 = apply_what_if(ohio, it_plan, parse_what_if("catalog=colorado-example"))
    c = compare(ohio, it_plan, catalog2, plan2)
    d = c.differences
    assert d[0] == f"Catalog: {ohio.info.title} -> {colorado.info.title}"
    assert "Bundle field: Information Technology (pinned), 13/12 points -> no points bundle in this catalog" in d
    assert "12-point credential bundle in one career field: met -> not in that catalog" in d
    if "ohio-driver-license" not in colorado.credential_by_id:
        assert f"Ohio driver license: not in {colorado.info.title}" in d
    assert any(x.startswith("English competency: not in your catalog -> ") for x in d)
    assert c.other.catalog_id == "colorado-example"


def test_compare_unpinned(ohio, it_plan):
    catalog2, plan2 = apply_what_if(ohio, it_plan, parse_what_if("field=none"))
    d = compare(ohio, it_plan, catalog2, plan2).differences
    assert "Pinned field: Information Technology -> not pinned" in d
    # IT still has the most points
    assert "Bundle field: Information Technology (pinned), 13/12 points -> Information Technology (most points), 13/12 points" in d


def test_whatif_does_not_import_textual():
    code = "import sys, credplan.core.whatif; sys.exit(1 if any(m == 'textual' or m.startswith('textual.') for m in sys.modules) else 0)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
