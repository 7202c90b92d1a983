"""Exports: golden files (Ohio-shaped sample and the real Colorado catalog), the JSON
contract, hostile text, determinism.

CREDPLAN_UPDATE_GOLDEN=1 rewrites the golden files instead of comparing; read the diff
before committing them."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from credplan.core.bundled import catalogs_dir
from credplan.core.catalog import load_catalog
from credplan.core.export import FORMATS, LEGEND, clean, export_dict, export_report, first_sentence, format_for_path
from credplan.core.model import Plan, Selection
from credplan.core.report import evaluation_dict
from credplan.core.rules import evaluate
from credplan.core.plans import read_plan

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
CASES = {
    "ohio": (GOLDEN / "ohio-sample.toml", GOLDEN / "plan-ohio.toml"),
    "colorado": (catalogs_dir() / "colorado-example.toml", GOLDEN / "plan-colorado.toml"),
}


def golden_compare(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("CREDPLAN_UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"{path} missing: run with CREDPLAN_UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case: str, fmt: str) -> None:
    catalog_path, plan_path = CASES[case]
    report = export_report(load_catalog(catalog_path), read_plan(plan_path), fmt)
    golden_compare(f"export-{case}.{fmt}", report)


def test_ohio_report_says_what_a_counselor_needs() -> None:
    catalog_path, plan_path = CASES["ohio"]
    catalog, plan = load_catalog(catalog_path), read_plan(plan_path)
    md = export_report(catalog, plan, "md")
    for needle in (
        "Ana López",
        "**Graduating class:** 2027",
        catalog.info.source,
        "**Catalog checked:** 2026-11-23",
        "**About this catalog:** TEST SAMPLE, NOT THE OFFICIAL LIST.",
        "Bundle field: Information Technology (most points): 14/12 points: 4 earned, 10 planned",
        "Earned credentials alone: still missing 8 more points in Information Technology;",
        "| CompTIA A+ | planned | 10 ? | yes |",
        "| Ohio driver license | earned | 1 | yes |",
        "| microsoft-office-specialist | earned | - | no | \\[not in catalog\\] no longer in this catalog, so it counts nowhere |",
        "| OSHA 10-Hour General Industry | planned | - ? | no | \\[other field\\] listed in Construction and Health, "
        "not in Information Technology, so it does not count there |",
        "| WorkKeys (classes 2020-2024) | classes 2020-2024 | \\[not checked\\] |",
        "Workplace Documents needs at least 4",
        "CompTIA A+: was 12 points, now 10 points in Information Technology",
        "| ACT WorkKeys | Workplace Documents | \\<3 |",
        LEGEND,
    ):
        assert needle in md, needle


def test_json_is_check_json_plus_the_plan() -> None:
    for catalog_path, plan_path in CASES.values():
        catalog, plan = load_catalog(catalog_path), read_plan(plan_path)
        exported = json.loads(export_report(catalog, plan, "json"))
        check = json.loads(json.dumps(evaluation_dict(catalog, evaluate(catalog, plan))))
        for key, value in check.items():
            if key == "requirements":
                for mine, theirs in zip(exported[key], value, strict=True):
                    assert mine | theirs == mine  # every check key, same value
            else:
                assert exported[key] == value, key
        assert exported["student"] == plan.student
        assert exported["plan"]["student"] == plan.student
        assert exported["plan"]["selection"] == [{"id": s.id, "status": s.status} for s in plan.selections]
        assert exported["catalog_info"]["source"] == catalog.info.source
        assert exported["catalog_info"]["checked"] == catalog.info.checked.isoformat()


def test_json_plan_keeps_its_own_catalog_stamp() -> None:
    catalog_path, plan_path = CASES["ohio"]
    data = export_dict(load_catalog(catalog_path), read_plan(plan_path))
    assert data["plan"]["catalog"] == {"id": "ohio-sample", "checked": "2026-11-01"}
    assert data["plan"]["scores"]["workkeys"]["Workplace Documents"] == "<3"
    assert data["earned_only"] == {
        "met": False,
        "status": data["earned_only"]["status"],
        "bundle_points": 4,
        "bundle_met": False,
    }


def test_reports_are_deterministic_and_dated_only_on_request() -> None:
    catalog_path, plan_path = CASES["colorado"]
    catalog, plan = load_catalog(catalog_path), read_plan(plan_path)
    for fmt in FORMATS:
        assert export_report(catalog, plan, fmt) == export_report(catalog, plan, fmt)
        assert "2026-12-24" not in export_report(catalog, plan, fmt)
        assert "2026-12-24" in export_report(catalog, plan, fmt, generated=dt.date(2026, 12, 24))


def test_colorado_has_no_points_column_and_earned_alone_status() -> None:
    catalog_path, plan_path = CASES["colorado"]
    catalog, plan = load_catalog(catalog_path), read_plan(plan_path)
    md = export_report(catalog, plan, "md")
    assert "| Credential | Status | Counts | Reason |" in md
    assert "Certified Nurse Aide (Colorado) ?" in md  # every Colorado value is unconfirmed
    assert "Earned credentials alone: still missing Math competency (its certificate is still planned)." in md
    assert "**Meets every requirement, with planned credentials.**" in md
    assert "meets English competency and Math competency" in md  # names, not the ids english and math
    earned = replace(plan, selections=tuple(Selection(s.id, "earned") for s in plan.selections))
    txt = export_report(catalog, earned, "txt")
    assert "Earned credentials alone meet every requirement." in txt and "STATUS: MEETS EVERY REQUIREMENT\n" in txt


def test_real_ohio_catalog_exports(tmp_path: Path) -> None:
    """The bundled Ohio catalog is still being edited: check the shape, not the bytes."""
    catalog = load_catalog(catalogs_dir() / "ohio.toml")
    plan = Plan(student="Sam", class_of=2026, selections=(Selection("ohio-driver-license", "earned"),))
    txt = export_report(catalog, plan, "txt")
    assert "Ohio driver license" in txt and catalog.info.source in txt
    assert f"Catalog checked:    {catalog.info.checked.isoformat()}" in txt
    assert "1/12 points, all earned" in txt
    data = json.loads(export_report(catalog, plan, "json"))
    assert data["selections"][0]["verified"] is True
    assert data["bundle"]["earned_points"] == 1


HOSTILE = [
    "| pipe | in | name |",
    "<script>alert(1)</script>",
    "[click](http://evil.example)",
    "**bold** _it_ `code` # heading",
    "\x1b[2J\x1b]0;pwned\x07",
    "\u202egnp.exe",
    "line one\nline two",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_student_names_stay_text(name: str) -> None:
    catalog_path, plan_path = CASES["ohio"]
    catalog = load_catalog(catalog_path)
    plan = replace(read_plan(plan_path), student=name, notes=name)
    for fmt in ("md", "txt"):
        out = export_report(catalog, plan, fmt)
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
        assert "line one\nline two" not in out
    md = export_report(catalog, plan, "md")
    assert not re.search(r"(?<!\\)<script>", md) and not re.search(r"(?<!\\)\]\(http", md)
    for line in md.splitlines():
        if line.startswith("|"):  # every table row keeps its column count
            assert len(re.findall(r"(?<!\\)\|", line)) in (4, 5, 6), line
    assert json.loads(export_report(catalog, plan, "json"))["student"] == clean(name, lines="\n" in name)  # one policy, JSON too


def test_helpers() -> None:
    assert clean("a\tb\nc\x00d\u202e") == "a b c\u2400d\ufffd"  # the one policy of core.text
    assert first_sentence("One. Two.") == "One."
    assert first_sentence("Use e.g. this one. Then") == "Use e.g. this one."
    assert first_sentence("") == ""
    assert format_for_path("r.MD") == "md" and format_for_path("r.json") == "json" and format_for_path("r") is None
    with pytest.raises(ValueError):
        export_report(load_catalog(CASES["ohio"][0]), Plan(), "pdf")


def test_empty_plan_exports() -> None:
    catalog = load_catalog(CASES["ohio"][0])
    for fmt in FORMATS:
        out = export_report(catalog, Plan(), fmt)
        assert out.endswith("\n")
    txt = export_report(catalog, Plan(), "txt")
    assert "(no name)" in txt and "(none yet)" in txt and "Graduating class:   not set" in txt
    assert LEGEND not in txt  # nothing unconfirmed shown, so no legend
