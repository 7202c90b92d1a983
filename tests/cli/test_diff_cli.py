"""`credplan diff OLD NEW [--plans|--dir DIR]` as a counselor runs it."""

from __future__ import annotations

import json

from counselor import class_folder, next_ohio_list


def test_same_list_exits_zero(run):
    done = run("diff", "ohio", "catalogs/ohio.toml")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "The two lists hold the same credentials, with the same points."


def test_changes_and_the_students_they_move(run, tmp_path, ohio, colorado):
    class_folder(tmp_path / "data" / "plans", ohio, colorado)
    new = next_ohio_list(tmp_path / "ohio-2027.toml")
    done = run("diff", "ohio", str(new), "--plans")
    assert done.returncode == 1, done.stderr
    out = done.stdout
    assert out.startswith(f"ohio (ohio, checked 2026-11-23) → {new} (ohio, checked 2027-06-01)\n")
    assert "  CompTIA A+: Information Technology 12 → 9\n" in out
    assert "  - ServSafe Food Handler (Hospitality and Tourism 1)\n" in out
    assert "4 plans on this list, 2 change status, 1 more changes points only." in out
    assert "  Ana López: Information Technology 12 → 9, no longer met\n" in out
    assert "  Dana Lee: Information Technology 12 → 9, no longer on track\n" in out
    assert "3 plans saved with another catalog left out." in out

    data = json.loads(run("diff", "ohio", str(new), "--dir", str(tmp_path / "data" / "plans"), "--json").stdout)
    assert [c["student"] for c in data["plans"]["changes"]] == ["Ana López", "Dana Lee", "Ben Ortiz"]
    ana = data["plans"]["changes"][0]
    assert (ana["old_status"], ana["new_status"], ana["old_points"], ana["new_points"]) == ("met", "not-on-track", 12, 9)


def test_bad_input(run, tmp_path):
    done = run("diff", "ohio", "nope")
    assert done.returncode == 2 and "no bundled catalog with this id" in done.stderr
    done = run("diff", "ohio", "ohio", "--dir", str(tmp_path / "missing"))
    assert done.returncode == 2 and "not a folder" in done.stderr
