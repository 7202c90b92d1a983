"""`credplan roster` as a counselor runs it."""

from __future__ import annotations

import csv
import io
import json

from counselor import class_folder, plan
from credplan.core.students import plan_path_for
from plantools import save_plan


def test_table_with_counts_first(run, tmp_path, ohio, colorado):
    class_folder(tmp_path / "data" / "plans", ohio, colorado)  # the default plans folder
    done = run("roster")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "8 students: 2 met, 2 on track, 2 not on track, 2 unreadable"
    header = lines[2]
    for heading in ("Student", "Class", "Catalog", "Status", "Bundle field", "Points", "Scores", "Other field", "Changed", "Top fields"):
        assert heading in header
    body = lines[3:11]
    assert body[0].startswith("Cy Park") and "not on track" in body[0] and "3/12, 0 earned" in body[0]
    assert body[1].startswith("Ben Ortiz") and "on track" in body[1] and "1: ServSafe Food Handler" in body[1]
    assert any(line.startswith("Eli Moss") and "colorado-example" in line and " met " in line for line in body)
    assert any(line.startswith("Gus") and "cannot be found" in line for line in body)


def test_filters_sort_and_dir(run, tmp_path, ohio, colorado):
    class_folder(tmp_path / "elsewhere", ohio, colorado)
    done = run("roster", "--dir", str(tmp_path / "elsewhere"), "--class", "2026", "--sort", "name")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "2 students: 0 met, 1 on track, 1 not on track"
    assert lines[1] == "Showing 2 of 8."
    assert lines[4].startswith("Ben Ortiz") and lines[5].startswith("Cy Park")

    done = run("roster", "--dir", str(tmp_path / "elsewhere"), "--status", "met,on-track", "--catalog", "ohio")
    names = [line.split("  ")[0] for line in done.stdout.splitlines()[4:7]]
    assert names == ["Ben Ortiz", "Ana López", "Dana Lee"]

    done = run("roster", "--dir", str(tmp_path / "elsewhere"), "--status", "unreadable")
    assert done.stdout.splitlines()[0] == "2 students: 0 met, 0 on track, 0 not on track, 2 unreadable"

    bad = run("roster", "--status", "happy")
    assert bad.returncode == 2 and "`happy` is not a status" in bad.stderr
    missing = run("roster", "--dir", str(tmp_path / "nope"))
    assert missing.returncode == 2 and missing.stderr.strip() == f"{tmp_path / 'nope'}: not a folder"
    empty = run("roster")
    assert empty.returncode == 0 and empty.stdout.startswith("No plans in ")


def test_json_and_csv(run, tmp_path, ohio, colorado):
    class_folder(tmp_path / "p", ohio, colorado)
    data = json.loads(run("roster", "--dir", str(tmp_path / "p"), "--json").stdout)
    assert data["total"] == 8 and data["counts"] == {"met": 2, "on-track": 2, "not-on-track": 2, "unreadable": 2}
    rows = {r["student"] or r["path"]: r for r in data["rows"]}
    assert rows["Ana López"]["bundle"] == {
        "field": "it", "field_name": "Information Technology", "pinned": False,
        "points": 12, "earned_points": 12, "required": 12,
    }
    assert rows["Fay Ng"]["bundle"] is None and rows["Fay Ng"]["scores"] == "not-met"
    assert rows["Gus"]["status"] == "unreadable" and "gone" in rows["Gus"]["problem"]

    done = run("roster", "--dir", str(tmp_path / "p"), "--csv", "--sort", "name")
    table = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [r["student"] for r in table][:3] == ["Ana López", "Ben Ortiz", "Cy Park"]
    ben = table[1]
    assert (ben["status"], ben["points"], ben["earned_points"], ben["other_field_count"], ben["other_field"]) == (
        "on track", "21", "9", "1", "ServSafe Food Handler")
    assert ben["bundle_field"] == "Information Technology" and ben["pinned"] == "no"


def test_csv_keeps_a_formula_as_text(run, tmp_path, ohio):
    folder = tmp_path / "p"
    save_plan(plan_path_for("=HYPERLINK(\"x\")", folder), plan("=HYPERLINK(\"x\")", 2027, []), ohio)
    table = list(csv.DictReader(io.StringIO(run("roster", "--dir", str(folder), "--csv").stdout)))
    assert table[0]["student"] == "'=HYPERLINK(\"x\")"
