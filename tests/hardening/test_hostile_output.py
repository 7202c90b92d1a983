"""No output of any command carries a raw escape, control, C1 or direction-override
character taken from a catalog or a plan: one policy (`core.text.clean`) for all.

Each command runs as a real process, as a counselor's terminal would receive it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from credplan.core.catalog import parse_catalog
from credplan.core.model import Plan
from credplan.core.students import plan_path_for
from credplan.core.text import clean
from plantools import save_plan

# ESC + OSC 52 (writes the clipboard), CSI, BEL, a C1 CSI, a bidi override, a zero-width
# space, a BOM and a lone CR, in TOML escapes so the file itself is plain text.
EVIL = r"\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u009b31m\u202eevil\u200b\ufeff\r"
HOSTILE = f"""
format = 1
[catalog]
id = "hostile"
title = "Title {EVIL}"
region = "Region {EVIL}"
source = "https://example.org/{EVIL}"
checked = 2026-11-01
notes = "Notes {EVIL}"

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

[[assessment]]
id = "workkeys"
name = "WorkKeys {EVIL}"
parts = ["Math", "Reading"]
min = 3
max = 7

[[requirement]]
id = "bundle"
kind = "bundle"
name = "Bundle {EVIL}"
points = 12

[[requirement]]
id = "wk"
kind = "score"
name = "WorkKeys rule {EVIL}"
assessment = "workkeys"
each = 3
"""
STUDENT = "Ana \x1b]52;c;ZXZpbA==\x07\x9b31m\u202eLópez\u200b"

FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


@pytest.fixture
def world(tmp_path: Path) -> dict[str, Path]:
    catalog_path = tmp_path / "hostile.toml"
    catalog_path.write_text(HOSTILE, encoding="utf-8")
    catalog = parse_catalog(HOSTILE, str(catalog_path), path=str(catalog_path))
    data = tmp_path / "data"
    plan = Plan(student=STUDENT, class_of=2027, notes=f"notes {STUDENT}").with_selection("a-plus").with_selection("cna")
    plan = plan.with_score("workkeys", "Math", 5)
    plan_path = plan_path_for(STUDENT, data / "plans")
    save_plan(plan_path, plan, catalog)
    broken = tmp_path / "broken.toml"
    broken.write_text('format = 1\n"p\\u001b]52;c;eA==\\u0007ts" = 1\n', encoding="utf-8")
    return {"catalog": catalog_path, "plan": plan_path, "data": data, "broken": broken, "tmp": tmp_path}


def run(world: dict[str, Path], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = os.environ | {"CREDPLAN_DATA_DIR": str(world["data"]), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "credplan", *args], input=stdin, capture_output=True, text=True, env=env, timeout=60
    )


def commands(world: dict[str, Path]) -> dict[str, tuple[list[str], str]]:
    cat, plan = str(world["catalog"]), str(world["plan"])
    return {
        "check": (["check", "--plan", plan], ""),
        "check-student": (["check", "--student", STUDENT], ""),
        "check-json": (["check", "--plan", plan, "--json"], ""),
        "check-what-if": (["check", "--plan", plan, "--what-if", "field=health"], ""),
        "fields": (["fields", "--plan", plan], ""),
        "fields-json": (["fields", "--plan", plan, "--json"], ""),
        "suggest": (["suggest", "--plan", plan], ""),
        "suggest-json": (["suggest", "--plan", plan, "--json"], ""),
        "export-md": (["export", "--plan", plan, "--format", "md"], ""),
        "export-txt": (["export", "--plan", plan, "--format", "txt"], ""),
        "export-json": (["export", "--plan", plan, "--format", "json"], ""),
        "validate": (["validate", cat], ""),
        "validate-broken": (["validate", str(world["broken"])], ""),
        "plans": (["plans"], ""),
        "plans-json": (["plans", "--json"], ""),
        "shell": (["shell", "--student", STUDENT], "status\nfields\nlist it\nfind a\nabout\nsuggest\nadd nope\nquit\n"),
        "shell-catalog": (["shell", "--catalog", cat, "--plan", str(world["tmp"] / "new.toml")], "status\nadd a-plus\nquit\n"),
    }


NAMES = list(commands({"catalog": Path("c"), "plan": Path("p"), "broken": Path("b"), "tmp": Path("t")}))


@pytest.mark.parametrize("name", NAMES)
def test_no_raw_control_reaches_the_terminal(world: dict[str, Path], name: str) -> None:
    args, stdin = commands(world)[name]
    done = run(world, *args, stdin=stdin)
    assert "Traceback" not in done.stderr, done.stderr
    for stream, text in (("stdout", done.stdout), ("stderr", done.stderr)):
        bad = FORBIDDEN.findall(text)
        assert not bad, f"{name} {stream} holds {bad!r}: {text[:400]!r}"
    assert done.stdout or done.stderr  # it said something
    if name in ("check", "check-student", "export-txt", "shell"):
        assert clean(STUDENT) in done.stdout  # shown, made visible, not dropped
    if name in ("check-json", "export-json"):  # what a script decodes is as clean
        data = json.loads(done.stdout)
        assert data["student"] == clean(STUDENT)
        assert not FORBIDDEN.search(json.dumps(data, ensure_ascii=False).replace("\\n", ""))


def test_the_plan_on_disk_keeps_what_was_typed(world: dict[str, Path]) -> None:
    """Cleaning is for showing: the file still holds the name exactly as typed."""
    assert "\\u001b" in world["plan"].read_text(encoding="utf-8")
