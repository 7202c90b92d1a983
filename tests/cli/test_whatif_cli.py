"""`credplan check --what-if` as a user runs it: output, JSON, exit codes, and the plan
file left exactly as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from credplan.core.model import EARNED, Plan
from credplan.core.plans import dump_plan



def it12(ohio):
    return next(c for c in ohio.credentials if c.fields == ("it",) and c.points_in("it") == 12)


@pytest.fixture
def plan_file(tmp_path, ohio) -> Path:
    """Class of 2024, IT pinned and complete (12 + the 1-point driver license)."""
    plan = (
        Plan(student="Ana Lopez", class_of=2024, pinned_field="it")
        .with_selection("ohio-driver-license", EARNED)
        .with_selection(it12(ohio).id)
    )
    path = tmp_path / "plan.toml"
    path.write_text(dump_plan(plan, ohio), encoding="utf-8")
    return path


def unchanged(path: Path, before: tuple[bytes, int]) -> bool:
    return (path.read_bytes(), path.stat().st_mtime_ns) == before


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_what_if_field_text(run, plan_file, ohio):
    before = snapshot(plan_file)
    done = run("check", "--catalog", "ohio", "--plan", str(plan_file), "--what-if", "field=health")
    assert done.returncode == 1, done.stdout + done.stderr  # not met under Health
    assert done.stderr == ""
    out = done.stdout
    assert out.startswith("What if: Health pinned (field=health); the saved plan is not changed")
    assert "Bundle field: Health (pinned): 1/12 points" in out  # the normal report, for the what-if plan
    section = out.split("Compared with your saved plan:\n", 1)[1]
    assert "  - Pinned field: Information Technology -> Health" in section
    assert "  - Bundle field: Information Technology (pinned), 13/12 points -> Health (pinned), 1/12 points" in section
    assert f"  - {it12(ohio).name}: counts 12 points in Information Technology -> does not count" in section
    assert "\x1b[" not in out
    assert unchanged(plan_file, before)


def test_what_if_class_json(run, plan_file):
    before = snapshot(plan_file)
    done = run("check", "--catalog", "ohio", "--plan", str(plan_file), "--what-if", "class=2019", "--json")
    assert done.returncode == 1  # WorkKeys for 2018-2019 not met
    data = json.loads(done.stdout)
    assert data["class_of"] == 2019  # the object describes the what-if plan
    assert {r["name"] for r in data["requirements"]} >= {"WorkKeys (classes 2018-2019)"}
    w = data["what_if"]
    assert w["spec"] == ["class=2019"]
    assert w["base"]["class_of"] == 2024 and w["base"]["catalog"] == "ohio"
    assert "Graduating class: class of 2024 -> class of 2019" in w["differences"]
    assert "WorkKeys (classes 2020-2024): not met -> does not apply" in w["differences"]
    assert unchanged(plan_file, before)


def test_what_if_catalog(run, plan_file):
    before = snapshot(plan_file)
    done = run("check", "--catalog", "ohio", "--plan", str(plan_file), "--what-if", "catalog=colorado-example", "--json")
    data = json.loads(done.stdout)
    assert data["catalog"] == "colorado-example" and data["bundle"] is None
    assert done.returncode == (0 if data["met"] else 1)
    w = data["what_if"]
    assert w["base"]["catalog"] == "ohio" and w["base"]["bundle"]["field"] == "it"
    assert w["differences"][0].startswith("Catalog: Ohio")
    assert any(d.startswith("Ohio driver license: not in Colorado") for d in w["differences"])

    text = run("check", "--catalog", "ohio", "--plan", str(plan_file), "--what-if", "catalog=colorado-example")
    assert text.returncode == done.returncode
    assert "Catalog: Colorado example district" in text.stdout
    assert "Compared with your saved plan:" in text.stdout
    assert unchanged(plan_file, before)


def test_what_if_repeated_options_combine(run, plan_file):
    done = run(
        "check", "--catalog", "ohio", "--plan", str(plan_file),
        "--what-if", "field=health", "--what-if", "class=2019", "--json",
    )
    data = json.loads(done.stdout)
    assert data["what_if"]["spec"] == ["field=health", "class=2019"]
    assert data["class_of"] == 2019 and data["bundle"]["field"] == "health" and data["bundle"]["pinned"]


@pytest.mark.parametrize(
    "spec, words",
    [
        ("bogus", "has no `=`"),
        ("class=20x", "four-digit year"),
        ("colour=red", "unknown what-if `colour`"),
        ("field=nope", "no field `nope` in catalog `ohio`"),
        ("catalog=nope", "no bundled catalog with this id"),
    ],
)
def test_bad_spec_exits_2_with_a_clear_message(run, plan_file, spec, words):
    before = snapshot(plan_file)
    done = run("check", "--catalog", "ohio", "--plan", str(plan_file), "--what-if", spec)
    assert done.returncode == 2
    assert done.stdout == ""
    assert any(line.startswith("--what-if: ") for line in done.stderr.splitlines())
    assert words in done.stderr
    assert unchanged(plan_file, before)


def test_check_without_what_if_is_unchanged(run, plan_file):
    done = run("check", "--catalog", "ohio", "--plan", str(plan_file), "--json")
    data = json.loads(done.stdout)
    assert "what_if" not in data and data["class_of"] == 2024
    assert done.returncode == 1  # WorkKeys not taken
    text = run("check", "--catalog", "ohio", "--plan", str(plan_file))
    assert "Compared with your saved plan" not in text.stdout and "What if" not in text.stdout


def test_help_mentions_what_if(run):
    done = run("check", "--help")
    assert done.returncode == 0
    assert "--what-if SPEC" in done.stdout and "field=ID" in done.stdout
