"""The counselor's commands (roster, export --format html / --all, import, diff) on a
hostile catalog, plan name and spreadsheet: no raw escape, control, C1 or direction
override reaches the terminal or a written file, as for every other command."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from credplan.core.catalog import load_catalog
from credplan.core.model import Plan
from credplan.core.students import plan_path_for
from plantools import save_plan

EVIL = r"\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u009b31m\u202eevil\u200b\ufeff\r<script>\"'"
CATALOG = f"""
format = 1
[catalog]
id = "hostile"
title = "Title {EVIL}"
region = "Region {EVIL}"
source = "https://example.org/{EVIL}"
checked = 2026-11-01

[[field]]
id = "it"
name = "IT {EVIL}"

[[field]]
id = "health"
name = "Health {EVIL}"

[[credential]]
id = "a-plus"
name = "A+ {EVIL}"
issuer = "Issuer {EVIL}"
fields = ["it"]
points = 9
verified = false

[[credential]]
id = "cna"
name = "Nurse aide {EVIL}"
fields = ["health"]
points = 6

[[requirement]]
id = "bundle"
kind = "bundle"
name = "Bundle {EVIL}"
points = 12
"""
STUDENT = "Ana \x1b]52;c;ZXZpbA==\x07\x9b31m\u202eLópez\u200b<b>"
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


@pytest.fixture
def world(tmp_path: Path) -> dict[str, Path]:
    catalog_path = tmp_path / "hostile.toml"
    catalog_path.write_text(CATALOG, encoding="utf-8")
    catalog = load_catalog(catalog_path)
    data = tmp_path / "data"
    plan = Plan(student=STUDENT, class_of=2027).with_selection("a-plus").with_selection("cna")
    save_plan(plan_path_for(STUDENT, data / "plans"), plan, catalog)
    other = tmp_path / "other.toml"
    other.write_text(CATALOG.replace("points = 9", "points = 3").replace('name = "A+ ', 'name = "A+ renamed '), encoding="utf-8")
    book = tmp_path / "list.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet \u202e1"[:31]
    ws.append(["Credential", "Career Field", "Points"])
    ws.append(["A+ \u009b2J\u202eevil\u200b", "IT \u009b31m", "twelve \u202e"])  # XML holds no C0 control
    ws.append(["Nurse aide", "Health", 6])
    wb.save(book)
    return {"catalog": catalog_path, "other": other, "data": data, "tmp": tmp_path, "book": book}


def run(world: dict[str, Path], *args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"CREDPLAN_DATA_DIR": str(world["data"]), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "credplan", *args], capture_output=True, text=True, env=env, timeout=60)


COMMANDS = {
    "roster": lambda w: ["roster"],
    "roster-csv": lambda w: ["roster", "--csv"],
    "roster-json": lambda w: ["roster", "--json"],
    "export-html": lambda w: ["export", "--student", STUDENT, "--format", "html"],
    "export-all": lambda w: ["export", "--all", "-o", str(w["tmp"] / "pages")],
    "diff": lambda w: ["diff", str(w["catalog"]), str(w["other"]), "--plans"],
    "diff-json": lambda w: ["diff", str(w["catalog"]), str(w["other"]), "--plans", "--json"],
    "import": lambda w: ["import", str(w["book"]), "-o", str(w["tmp"] / "imported.toml"), "--id", "x", "--title",
                         "T \x1b[2J", "--source", "https://x.org", "--yes"],
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_no_raw_control_reaches_the_terminal(world: dict[str, Path], name: str) -> None:
    done = run(world, *COMMANDS[name](world))
    assert "Traceback" not in done.stderr, done.stderr
    for stream, text in (("stdout", done.stdout), ("stderr", done.stderr)):
        bad = FORBIDDEN.findall(text)
        assert not bad, f"{name} {stream} holds {bad!r}: {text[:400]!r}"
    assert done.stdout or done.stderr
    if name == "roster-json":
        data = json.loads(done.stdout)
        assert data["rows"][0]["student"].startswith("Ana ␛]52;c;ZXZpbA==␇")
    if name == "export-html":
        assert "<b>" not in done.stdout and "&lt;b&gt;" in done.stdout and "<script>" not in done.stdout
    if name == "export-all":
        [page] = list((world["tmp"] / "pages").iterdir())
        text = page.read_text(encoding="utf-8")
        assert not FORBIDDEN.search(text) and "<script>" not in text
    if name == "diff":
        assert "A+ renamed" in done.stdout
