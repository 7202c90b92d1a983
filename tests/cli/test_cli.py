"""`python -m credplan` as a user runs it: exit codes, output shapes, no tracebacks."""

from __future__ import annotations

import json
import re
from pathlib import Path


from credplan.core.model import EARNED, Plan, Selection, freeze_scores
from credplan.core.plans import dump_plan



def it12(ohio):
    return next(c for c in ohio.credentials if c.fields == ("it",) and c.points_in("it") == 12)


def write_plan(tmp_path, plan: Plan, catalog=None, name="plan.toml") -> Path:
    path = tmp_path / name
    path.write_text(dump_plan(plan, catalog), encoding="utf-8")
    return path


def test_validate_bundled_catalogs(run, ohio, colorado):
    done = run("validate", "catalogs/ohio.toml", "catalogs/colorado-example.toml")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"ohio.toml: ok, 13 fields, {len(ohio.credentials)} credentials, 4 requirements",
        f"colorado-example.toml: ok, {len(colorado.fields)} fields, {len(colorado.credentials)} credentials, 2 requirements",
    ]
    assert re.fullmatch(r"ohio\.toml: ok, 13 fields, \d+ credentials, 4 requirements", done.stdout.splitlines()[0])


def test_validate_broken_file(run, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'format = 1\n[catalog]\nid = "bad"\ntitle = "Bad"\nregion = "R"\nsource = "https://x"\nchecked = 2026-01-01\n'
        '[[field]]\nid = "it"\nname = "IT"\n'
        '[[credential]]\nid = "a"\nname = "A"\nfields = ["itt"]\npionts = 3\n',
        encoding="utf-8",
    )
    done = run("validate", "catalogs/ohio.toml", str(bad))
    assert done.returncode == 1
    assert done.stdout.startswith("ohio.toml: ok, 13 fields, ")  # the good file is still reported
    assert done.stderr.splitlines() == [
        f"{bad}:14: credential `a` names field `itt`, which does not exist (did you mean `it`?)",
        f"{bad}:15: unknown key `pionts` in credential `a` (did you mean `points`?)",
    ]


def test_validate_toml_syntax_error_and_missing_file(run, tmp_path):
    bad = tmp_path / "syntax.toml"
    bad.write_text('format = 1\n[catalog\nid = "x"\n', encoding="utf-8")
    done = run("validate", str(bad), str(tmp_path / "missing.toml"))
    assert done.returncode == 1 and done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{bad}:2: TOML syntax: ")
    assert lines[1] == f"{tmp_path / 'missing.toml'}: no such file"


def test_check_met_json_shape(run, tmp_path, ohio):
    cred = it12(ohio)
    plan = Plan(student="Ana", class_of=2026, selections=(Selection(cred.id, EARNED),),
                scores=freeze_scores({"workkeys": {"Applied Math": 4, "Graphic Literacy": 5, "Workplace Documents": 4}}))
    path = write_plan(tmp_path, plan, ohio)
    done = run("check", "--catalog", "ohio", "--plan", str(path), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads(done.stdout)
    assert list(data) == ["catalog", "met", "class_of", "bundle", "requirements", "selections", "warnings", "not_checked", "student", "notices"]
    assert (data["catalog"], data["met"], data["class_of"], data["warnings"]) == ("ohio", True, 2026, [])
    assert data["bundle"] == {
        "field": "it", "field_name": "Information Technology", "pinned": False,
        "points": 12, "required": 12, "earned_points": 12,
    }
    assert [list(r) for r in data["requirements"]] == [["id", "name", "met", "detail", "state"]] * 2
    assert [(r["id"], r["met"], r["state"]) for r in data["requirements"]] == [
        ("bundle", True, "met"), ("workkeys-silver", True, "met")]
    assert data["requirements"][0]["detail"] == "12/12 points in Information Technology, all earned"
    assert data["not_checked"] == [
        {"id": "workkeys-2018", "name": "WorkKeys (classes 2018-2019)", "applies_to": "classes 2018-2019"},
        {"id": "workkeys-2020", "name": "WorkKeys (classes 2020-2024)", "applies_to": "classes 2020-2024"},
    ]
    assert data["selections"] == [{
        "id": cred.id, "name": cred.name, "status": "earned", "counts": True, "points": 12,
        "reason": "counts 12 points in Information Technology", "verified": cred.verified,
    }]


def test_check_not_met_text(run, tmp_path, ohio):
    path = write_plan(tmp_path, Plan(student="Ana", class_of=2021, selections=(Selection(it12(ohio).id),)), ohio)
    done = run("check", "--plan", str(path))  # the default catalog is ohio
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Ana, class of 2021"
    bundle = "12-point credential bundle in one career field"
    assert f"  [met]         {bundle}: 12/12 points in Information Technology, all planned" in lines
    assert "  [not checked] WorkKeys Silver NCRC (class 2025 on): for class of 2025 on, not the class of 2021" in lines
    assert lines[-1] == (
        "Earned credentials alone: still missing 12 more points in Information Technology; "
        "WorkKeys (classes 2020-2024): 14 more in total; "
        "Applied Math, Graphic Literacy and Workplace Documents need at least 3."
    )
    assert lines[-2] == (
        "Still missing: WorkKeys (classes 2020-2024): 14 more in total; "
        "Applied Math, Graphic Literacy and Workplace Documents need at least 3"
    )


def test_check_json_not_met_with_unknown_selection(run, tmp_path):
    path = write_plan(tmp_path, Plan(selections=(Selection("gone-cert"),)))
    done = run("check", "--catalog", "ohio", "--plan", str(path), "--json")
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert data["met"] is False and data["class_of"] is None
    assert data["selections"] == [{
        "id": "gone-cert", "name": "gone-cert", "status": "planned", "counts": False, "points": 0,
        "reason": "no longer in this catalog, so it counts nowhere", "verified": True,
    }]
    assert any(w.startswith("Graduating class not set: ") for w in data["warnings"])
    assert {n["id"] for n in data["not_checked"]} == {"workkeys-2018", "workkeys-2020", "workkeys-silver"}


def test_check_colorado_json_has_null_bundle(run, tmp_path, colorado):
    cred = colorado.credentials[0]
    path = write_plan(tmp_path, Plan(selections=(Selection(cred.id),)), colorado)
    done = run("check", "--catalog", "colorado-example", "--plan", str(path), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads(done.stdout)
    assert data["bundle"] is None and data["met"] is True
    assert [r["id"] for r in data["requirements"]] == ["english", "math"]
    assert data["selections"][0]["points"] == 0 and data["selections"][0]["counts"] is True


def test_check_catalog_given_as_a_path(run, tmp_path, colorado):
    path = write_plan(tmp_path, Plan())
    done = run("check", "--catalog", "catalogs/colorado-example.toml", "--plan", str(path), "--json")
    assert done.returncode == 1
    assert json.loads(done.stdout)["catalog"] == "colorado-example"


def test_check_missing_plan(run, tmp_path):
    missing = tmp_path / "nope.toml"
    done = run("check", "--catalog", "ohio", "--plan", str(missing))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"{missing}: no such file\n"


def test_check_broken_plan(run, tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text('student = "A"\n[[selection]]\nid = "x"\nstatus = "someday"\n', encoding="utf-8")
    done = run("check", "--catalog", "ohio", "--plan", str(path))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"{path}:4: status `someday` of selection #1 must be planned or earned\n"
    assert path.read_text(encoding="utf-8").endswith('"someday"\n')  # check never moves or rewrites it


def test_check_unknown_catalog_id(run, tmp_path):
    path = write_plan(tmp_path, Plan())
    done = run("check", "--catalog", "atlantis", "--plan", str(path))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("atlantis: no bundled catalog with this id (bundled: ")
    assert "ohio" in done.stderr


def test_catalogs_lists_bundled_catalogs_with_checked_dates(run, ohio, colorado):
    done = run("catalogs")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    for catalog, ln in zip(sorted([ohio, colorado], key=lambda c: c.id), lines):
        assert ln.split()[0] == catalog.id
        assert ln.endswith(f"{catalog.info.title} ({catalog.info.region}), checked {catalog.info.checked.isoformat()}")
    listed = json.loads(run("catalogs", "--json").stdout)
    assert [(r["id"], r["checked"]) for r in listed] == [
        ("colorado-example", colorado.info.checked.isoformat()), ("ohio", ohio.info.checked.isoformat()),
    ]
