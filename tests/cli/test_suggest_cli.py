"""`credplan suggest` and `credplan fields` from the command line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from credplan.cli import main

REPO = Path(__file__).resolve().parents[2]
OHIO = str(REPO / "catalogs" / "ohio.toml")
COLORADO = str(REPO / "catalogs" / "colorado-example.toml")
ANSI = re.compile(r"\x1b\[")


def write_plan(tmp_path: Path, body: str, name: str = "plan.toml") -> str:
    path = tmp_path / name
    path.write_text('format = 1\nstudent = "Ana Lopez"\n' + body, encoding="utf-8")
    return str(path)


LICENSE = '[[selection]]\nid = "ohio-driver-license"\nstatus = "earned"\n'


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- suggest -------------------------------------------------------------------------------------------
def test_suggest_text(tmp_path, capsys):
    plan = write_plan(tmp_path, LICENSE)
    code, out, err = run(capsys, "suggest", "--catalog", OHIO, "--plan", plan, "--field", "it")
    assert code == 0 and err == ""
    assert not ANSI.search(out)
    assert "Bundle field: Information Technology (as asked): 1 of 12 points" in out
    ranked = [line for line in out.splitlines() if re.match(r"^\s+\d+\. \+ ", line)]
    assert 1 <= len(ranked) <= 5
    assert all(" reaches 12" in line for line in ranked)
    assert "Ohio driver license" not in "\n".join(ranked)  # already selected (earned)
    if "?" in "\n".join(ranked):
        assert out.count("? = value not confirmed") == 1


@pytest.mark.parametrize("by", ["count", "cost", "hours", "overshoot"])
def test_suggest_json_every_measure(tmp_path, capsys, by):
    plan = write_plan(tmp_path, LICENSE)
    code, out, _ = run(capsys, "suggest", "--catalog", OHIO, "--plan", plan, "--field", "health", "--by", by, "--limit", "3", "--json")
    assert code == 0
    data = json.loads(out)
    bundle = data["bundle"]
    assert bundle["field"] == "health" and bundle["by"] == by and bundle["points"] == 1
    assert 1 <= len(bundle["completions"]) <= 3
    for c in bundle["completions"]:
        assert c["reaches"] >= 12 and c["explanation"].startswith("+ ")
    assert data["competencies"] == []


def test_suggest_default_field_and_limit(tmp_path, capsys):
    plan = write_plan(tmp_path, "")
    code, out, _ = run(capsys, "suggest", "--catalog", OHIO, "--plan", plan, "--limit", "2", "--json")
    assert code == 0
    bundle = json.loads(out)["bundle"]
    assert bundle["how"] == "most points" and bundle["field"] == "agriculture"
    assert len(bundle["completions"]) == 2


def test_suggest_already_complete(tmp_path, capsys):
    from credplan.core.catalog import load_catalog

    cat = load_catalog(OHIO)
    whole = next((c for c in cat.by_field["health"] if c.points_in("health") == 12 and not c.universal), None)
    if whole is None:
        pytest.skip("no 12-point Health credential in this version of ohio.toml")
    plan = write_plan(tmp_path, f'pinned_field = "health"\n[[selection]]\nid = "{whole.id}"\n')
    code, out, _ = run(capsys, "suggest", "--catalog", OHIO, "--plan", plan)
    assert code == 0
    assert "Already complete in Health" in out


def test_suggest_colorado_competencies(tmp_path, capsys):
    plan = write_plan(tmp_path, "[scores.act]\nEnglish = 15\n")
    code, out, _ = run(capsys, "suggest", "--catalog", COLORADO, "--plan", plan)
    assert code == 0
    assert "no points bundle" in out
    assert "English competency: not met" in out and "Math competency: not met" in out
    assert "ACT English at least 18 (now 15, 3 more)" in out
    code, out, _ = run(capsys, "suggest", "--catalog", COLORADO, "--plan", plan, "--json")
    data = json.loads(out)
    assert data["bundle"] is None
    assert [c["competency"] for c in data["competencies"]] == ["english", "math"]


# -- bad input: exit 2, FILE:LINE on stderr, no traceback ----------------------------------------------
def test_suggest_bad_plan_file(tmp_path, capsys):
    plan = write_plan(tmp_path, "[[selection]]\nid = \n")
    code, out, err = run(capsys, "suggest", "--catalog", OHIO, "--plan", plan)
    assert code == 2 and out == ""
    assert re.search(r"plan\.toml:\d+: ", err)
    assert "Traceback" not in err


def test_suggest_missing_plan_file(tmp_path, capsys):
    code, _, err = run(capsys, "suggest", "--catalog", OHIO, "--plan", str(tmp_path / "nope.toml"))
    assert code == 2 and "nope.toml: no such file" in err


def test_suggest_bad_catalog_file(tmp_path, capsys):
    bad = tmp_path / "broken.toml"
    bad.write_text("format = 1\n[catalog]\nid = 'x'\n", encoding="utf-8")
    code, _, err = run(capsys, "suggest", "--catalog", str(bad), "--plan", write_plan(tmp_path, ""))
    assert code == 2 and re.search(r"broken\.toml:\d+: ", err)


def test_suggest_unknown_field(tmp_path, capsys):
    code, out, err = run(capsys, "suggest", "--catalog", OHIO, "--plan", write_plan(tmp_path, ""), "--field", "helth")
    assert code == 2 and out == ""
    assert "no field `helth`" in err and "did you mean `health`" in err


@pytest.mark.parametrize("args", [["--by", "price"], ["--limit", "0"], ["--limit", "many"]])
def test_suggest_bad_options(tmp_path, capsys, args):
    with pytest.raises(SystemExit) as exc:
        main(["suggest", "--catalog", OHIO, "--plan", write_plan(tmp_path, ""), *args])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "error:" in err and "Traceback" not in err


# -- fields ------------------------------------------------------------------------------------------------
def test_fields_text_and_json(tmp_path, capsys):
    plan = write_plan(tmp_path, LICENSE + '[[selection]]\nid = "mos-word"\n')
    code, out, err = run(capsys, "fields", "--catalog", OHIO, "--plan", plan)
    assert code == 0 and err == ""
    rows = [line for line in out.splitlines() if re.match(r"^\s*\d+\. ", line)]
    assert len(rows) == 13
    assert sum("[bundle field]" in r for r in rows) == 1
    assert all(re.search(r"\d+ points? from |complete in |cannot reach ", r) for r in rows)
    assert not ANSI.search(out)

    code, out, _ = run(capsys, "fields", "--catalog", OHIO, "--plan", plan, "--json")
    data = json.loads(out)
    assert len(data) == 13
    assert [d["shortfall"] for d in data if d["reachable"]] == sorted(d["shortfall"] for d in data if d["reachable"])
    assert all(d["points"] >= 1 for d in data)  # the driver license counts everywhere


def test_fields_colorado_has_no_bundle(tmp_path, capsys):
    plan = write_plan(tmp_path, "")
    code, out, _ = run(capsys, "fields", "--catalog", COLORADO, "--plan", plan)
    assert code == 0 and "no points bundle" in out
    code, out, _ = run(capsys, "fields", "--catalog", COLORADO, "--plan", plan, "--json")
    assert json.loads(out) == []


def test_fields_bad_plan(tmp_path, capsys):
    code, _, err = run(capsys, "fields", "--catalog", OHIO, "--plan", write_plan(tmp_path, "student = 3\n"))
    assert code == 2 and re.search(r"plan\.toml:\d+: ", err)


def test_console_entry_point(tmp_path):
    plan = write_plan(tmp_path, LICENSE)
    proc = subprocess.run(
        [sys.executable, "-m", "credplan", "suggest", "--catalog", "ohio", "--plan", plan, "--field", "construction"],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Construction" in proc.stdout and proc.stderr == ""
