"""A plan saved with a catalog is judged by that catalog in every front-end, with no
--catalog given: check, export (json, md, txt), fields, suggest, the shell and the
planner's session name the same catalog and give the same requirement states and
lines. (Before the shared session, check, export, fields and suggest judged a
Colorado plan against Ohio.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from credplan.core.model import EARNED, Plan
from credplan.core.paths import plans_dir
from credplan.core.session import OpenRequest, PlanSession, load_catalog_ref
from credplan.core.students import plan_path_for
from plantools import save_plan


def ohio_plan(catalog) -> Plan:
    it12 = next(c for c in catalog.credentials if c.fields == ("it",) and c.points_in("it") == 12)
    other = next(c for c in catalog.credentials if c.fields == ("hospitality",))
    return (
        Plan(student="Ana Ohio", class_of=2027)
        .with_selection(it12.id, EARNED)
        .with_selection(other.id)
        .with_score("workkeys", "Applied Math", 5)
    )


def colorado_plan(catalog) -> Plan:
    cred = next(c for c in catalog.credentials if c.meets)
    return Plan(student="Bea Colorado", class_of=2027).with_selection(cred.id)


CASES = {"ohio": ohio_plan, "colorado-example": colorado_plan}


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("CREDPLAN_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def credplan(data: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = os.environ | {"CREDPLAN_DATA_DIR": str(data), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "credplan", *args], input=stdin, capture_output=True, text=True, env=env, timeout=60
    )


def states(report: dict) -> list[tuple[str, str, str]]:
    return [(r["id"], r["state"], r["detail"]) for r in report["requirements"]] + [
        (n["id"], "not checked", n["name"]) for n in report["not_checked"]
    ]


@pytest.mark.parametrize("catalog_id", sorted(CASES))
def test_every_front_end_judges_a_plan_by_its_own_catalog(data, catalog_id):
    catalog = load_catalog_ref(catalog_id)
    plan = CASES[catalog_id](catalog)
    save_plan(plan_path_for(plan.student, plans_dir()), plan, catalog)
    who = ("--student", plan.student)

    check = credplan(data, "check", "--json", *who)
    assert check.returncode in (0, 1), check.stderr
    checked = json.loads(check.stdout)
    assert (checked["catalog"], checked["student"]) == (catalog_id, plan.student)

    export = credplan(data, "export", "--format", "json", *who)
    exported = json.loads(export.stdout)
    assert exported["catalog"] == catalog_id
    assert states(exported) == states(checked)  # the same states, in the same words

    suggested = json.loads(credplan(data, "suggest", "--json", *who).stdout)
    assert suggested["catalog"] == catalog_id

    fields = credplan(data, "fields", *who)
    assert fields.returncode == 0 and catalog.info.title in fields.stdout

    check_text = credplan(data, "check", *who).stdout
    lines = [line.strip() for line in check_text.splitlines() if line.strip().startswith("[")]
    assert lines, check_text
    for fmt in ("txt", "md"):
        report = credplan(data, "export", "--format", fmt, *who).stdout
        for r in checked["requirements"]:
            assert r["detail"] in report.replace("\\", ""), (fmt, r["detail"])

    shell = credplan(data, "shell", *who, stdin="about\nstatus\nquit\n")
    assert shell.returncode == 0, shell.stderr
    assert f"catalog id {catalog_id}" in shell.stdout
    shell_lines = {line.strip() for line in shell.stdout.splitlines()}
    for line in lines:  # check's requirement lines, mark and words, are the shell's
        flat = " ".join(line.split())
        assert any(" ".join(s.split()) == flat for s in shell_lines), (flat, shell.stdout)

    session = PlanSession.open(OpenRequest(student=plan.student))  # the planner's session
    try:
        assert session.catalog.id == catalog_id and session.plan.student == plan.student
    finally:
        session.close()


def test_an_explicit_catalog_is_said_in_one_line_by_every_command(data):
    colorado = load_catalog_ref("colorado-example")
    plan = colorado_plan(colorado)
    save_plan(plan_path_for(plan.student, plans_dir()), plan, colorado)
    said = "This plan was saved with the catalog `colorado-example`; it is checked here against `ohio`."
    for command in (["check"], ["export"], ["fields"], ["suggest"]):
        done = credplan(data, *command, "--student", plan.student, "--catalog", "ohio")
        assert done.stderr.count(said) == 1, (command, done.stderr)
    shell = credplan(data, "shell", "--student", plan.student, "--catalog", "ohio", stdin="quit\n")
    assert shell.stderr.count(said) == 1, shell.stderr
