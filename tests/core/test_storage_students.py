"""Several students: safe, collision-free file names; listing, renaming, deleting."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from credplan.core.model import Plan, Selection
from credplan.core.store import PlanStore
from credplan.core.plan_errors import PlanBusy, PlanExists, StorageError
from credplan.core.plans import read_plan
from credplan.core.paths import default_plan_path
from plantools import save_plan
from credplan.core.students import (
    MAX_STEM,
    RESERVED,
    broken_backups,
    delete_plan,
    AmbiguousName,
    find_plan,
    list_plans,
    lookup_student,
    plan_path_for,
    rename_plan,
    student_slug,
    trash_dir,
)

SAFE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:--[0-9a-f]{10})?$")

HOSTILE = [
    "",
    " ",
    ".",
    "..",
    "../etc/passwd",
    "../../.ssh/authorized_keys",
    "/absolute/path",
    "a/b",
    "a\\b",
    "C:\\Windows",
    "CON",
    "con",
    "nul.txt",
    "LPT1",
    "default",
    "trash",
    "a" * 500,
    "\x00",
    "line\nbreak",
    "tab\there",
    "\x1b[31mred\x1b[0m",
    "\u202eevil\u202c",
    "名前",
    "Ана",
    "😀",
    "Ana López",
    "Ana Lopez",
    "ana lopez",
    "ana-lopez",
    "ANA-LOPEZ",
    "Ana  Lopez",
    "Ana Lo\u0301pez",  # decomposed accent: the same letters, other code points
    "ｆｕｌｌ",
    "full",
    "ana-lopez--ddc720421b",  # looks like a hashed stem
    "a--b",
    "-leading",
    "trailing-",
    "*",
    "?",
    "$(rm -rf ~)",
    "Robert'); DROP TABLE students;--",
]


def test_hostile_names_give_safe_distinct_stems() -> None:
    stems = [student_slug(name) for name in HOSTILE]
    for name, stem in zip(HOSTILE, stems):
        assert SAFE.match(stem), (name, stem)
        assert stem not in RESERVED and stem not in (".", "..")
        assert len(stem) <= MAX_STEM + 2 + 10
        assert student_slug(name) == stem  # stable
    assert len(set(stems)) == len(HOSTILE)


def test_readable_names_stay_readable() -> None:
    assert student_slug("ana-lopez") == "ana-lopez"
    assert student_slug("Ana López").startswith("ana-lopez--")
    assert student_slug("Ana Lopez").startswith("ana-lopez--")
    assert student_slug("Ana López") != student_slug("Ana Lopez")
    assert student_slug("名前").startswith("student--")


def test_plan_paths_stay_in_the_plans_directory(tmp_path: Path) -> None:
    for name in HOSTILE:
        path = plan_path_for(name, tmp_path)
        assert path.parent == tmp_path and path.suffix == ".toml", name
        assert path.resolve().parent == tmp_path.resolve()
        assert path != default_plan_path()


def test_plan_path_defaults_to_the_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CREDPLAN_DATA_DIR", str(tmp_path))
    assert plan_path_for("Ana") == tmp_path / "plans" / f"{student_slug('Ana')}.toml"
    assert plan_path_for("default") != default_plan_path()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=80), min_size=2, max_size=6, unique=True))
def test_any_names_give_safe_distinct_stems(names: list[str]) -> None:
    stems = [student_slug(n) for n in names]
    assert all(SAFE.match(s) for s in stems)
    assert len(set(stems)) == len(names)


def test_hostile_names_round_trip_through_plan_files(tmp_path: Path) -> None:
    for name in HOSTILE:
        with PlanStore(plan_path_for(name, tmp_path)) as store:
            store.open(name)
            store.save(Plan(student=name, selections=(Selection("x"),)))
    listed = list_plans(tmp_path)
    assert sorted(p.student for p in listed) == sorted(HOSTILE)
    assert all(p.selections == 1 and p.readable for p in listed)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.path.name for p in listed)
    for name in HOSTILE:
        assert read_plan(plan_path_for(name, tmp_path)).student == name


# -- listing ---------------------------------------------------------------------------------------
def test_list_plans_skips_what_is_not_a_plan(tmp_path: Path) -> None:
    save_plan(plan_path_for("Zoe", tmp_path), Plan(student="Zoe", selections=(Selection("a"), Selection("b", "earned"))))
    save_plan(plan_path_for("ana", tmp_path), Plan(student="ana"))
    (tmp_path / "broken.toml").write_text("student = [")
    (tmp_path / "old.toml.broken-20261101-101010").write_text("x = [")
    (tmp_path / ".zoe.toml.abc.tmp").write_text("partial")
    (tmp_path / "ana.toml.lock").write_text("pid=1")
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "dir.toml").mkdir()
    save_plan(trash_dir(tmp_path) / "gone.20261101-101010.toml", Plan(student="Gone"))

    listed = list_plans(tmp_path)
    assert [p.student for p in listed] == ["ana", "Zoe", ""]
    assert [p.selections for p in listed] == [0, 2, None]
    broken = listed[-1]
    assert not broken.readable and broken.path.name == "broken.toml"
    assert broken.problem.startswith(f"{tmp_path / 'broken.toml'}:1:")
    assert broken.label == "broken.toml (cannot be read)"
    assert isinstance(listed[0].modified, dt.datetime)
    assert broken_backups(tmp_path) == [tmp_path / "old.toml.broken-20261101-101010"]
    assert list_plans(tmp_path / "missing") == []


def test_find_plan_by_name_ignoring_case_and_spacing_but_not_accents(tmp_path: Path) -> None:
    path = plan_path_for("Ana López", tmp_path)
    save_plan(path, Plan(student="Ana López"))
    assert find_plan("Ana López", tmp_path) == path
    assert find_plan("ana  lópez", tmp_path) == path
    # another letter is another name (it may be another student): pointed out, not opened
    assert find_plan("ana lopez", tmp_path) is None
    assert [p.path for p in lookup_student("ana lopez", tmp_path).similar] == [path]
    assert find_plan("Bob", tmp_path) is None
    save_plan(plan_path_for("ANA LÓPEZ", tmp_path), Plan(student="ANA LÓPEZ"))
    with pytest.raises(AmbiguousName):  # two matches: ambiguous, never a guess
        find_plan("ana lópez", tmp_path)


# -- rename ------------------------------------------------------------------------------------------------
def test_rename_moves_the_plan_and_keeps_everything(tmp_path: Path) -> None:
    old = plan_path_for("Ana", tmp_path)
    save_plan(old, Plan(student="Ana", class_of=2027, selections=(Selection("a", "earned"),), notes="n"))
    new = rename_plan(old, "Ana López")
    assert new == plan_path_for("Ana López", tmp_path)
    assert not old.exists()
    plan = read_plan(new)
    assert (plan.student, plan.class_of, plan.selections, plan.notes) == ("Ana López", 2027, (Selection("a", "earned"),), "n")
    assert oct(new.stat().st_mode & 0o777) == oct(0o600)
    assert [p.name for p in tmp_path.iterdir()] == [new.name]  # no lock files left


def test_rename_to_an_existing_student_changes_nothing(tmp_path: Path) -> None:
    a, b = plan_path_for("Ana", tmp_path), plan_path_for("Bob", tmp_path)
    save_plan(a, Plan(student="Ana"))
    save_plan(b, Plan(student="Bob", notes="bob's"))
    with pytest.raises(PlanExists):
        rename_plan(a, "Bob")
    assert read_plan(a).student == "Ana" and read_plan(b).notes == "bob's"


def test_rename_of_a_plan_open_elsewhere_is_refused(tmp_path: Path) -> None:
    a = plan_path_for("Ana", tmp_path)
    save_plan(a, Plan(student="Ana"))
    with PlanStore(a) as other:
        other.open()
        with pytest.raises(PlanBusy) as info:
            rename_plan(a, "Ann")
        assert "another session" in str(info.value)
    assert read_plan(a).student == "Ana"


def test_rename_the_plan_this_session_has_open(tmp_path: Path) -> None:
    a = plan_path_for("Ana", tmp_path)
    store = PlanStore(a)
    store.open("Ana")
    store.save(Plan(student="Ana", notes="1"))
    new = rename_plan(a, "Ann", store=store)
    assert store.path == new and not a.exists()
    store.save(Plan(student="Ann", notes="2"))  # keeps saving, to the new file
    assert read_plan(new).notes == "2"
    other = PlanStore(new)
    assert other.open().read_only  # and still holds the (new) lock
    other.close()
    store.close()


def test_rename_of_an_unreadable_plan_is_refused(tmp_path: Path) -> None:
    a = tmp_path / "x.toml"
    a.write_text("student = [")
    with pytest.raises(StorageError):
        rename_plan(a, "Ann")
    assert a.read_text() == "student = ["


# -- delete ----------------------------------------------------------------------------------------------------
NOW = dt.datetime(2026, 11, 23, 14, 30, 0)


def test_delete_moves_the_plan_to_the_trash(tmp_path: Path) -> None:
    a = plan_path_for("ana", tmp_path)
    save_plan(a, Plan(student="ana", notes="keep me"))
    before = a.read_bytes()
    went = delete_plan(a, now=NOW)
    assert went == trash_dir(tmp_path) / "ana.20261123-143000.toml"
    assert went.read_bytes() == before and not a.exists()
    assert list_plans(tmp_path) == []
    assert oct(trash_dir(tmp_path).stat().st_mode & 0o777) == oct(0o700)
    # Deleting a second plan with the same name in the same second keeps both.
    save_plan(a, Plan(student="ana", notes="second"))
    second = delete_plan(a, now=NOW)
    assert second is not None and second != went and read_plan(second).notes == "second"


def test_delete_of_a_plan_open_elsewhere_is_refused(tmp_path: Path) -> None:
    a = plan_path_for("Ana", tmp_path)
    save_plan(a, Plan(student="Ana"))
    with PlanStore(a) as other:
        other.open()
        with pytest.raises(PlanBusy):
            delete_plan(a)
    assert a.exists()


def test_delete_the_plan_this_session_has_open(tmp_path: Path) -> None:
    a = plan_path_for("Ana", tmp_path)
    store = PlanStore(a)
    store.open("Ana")
    store.save(Plan(student="Ana"))
    went = delete_plan(a, store=store, now=NOW)
    assert went is not None and went.exists() and not a.exists()
    assert store.read_only
    assert not any(p.name.endswith(".lock") for p in tmp_path.iterdir())


def test_delete_an_unreadable_plan_keeps_its_bytes(tmp_path: Path) -> None:
    a = tmp_path / "x.toml"
    a.write_bytes(b"\xff not a plan")
    went = delete_plan(a, now=NOW)
    assert went is not None and went.parent == trash_dir(tmp_path)
    assert went.read_bytes() == b"\xff not a plan"
    assert not a.exists() and broken_backups(tmp_path) == []


def test_nothing_is_written_outside_the_directory(tmp_path: Path) -> None:
    inner = tmp_path / "plans"
    for name in ("../escape", "../../x", "/etc/x"):
        path = plan_path_for(name, inner)
        save_plan(path, Plan(student=name))
        rename_plan(path, name + "2")
    assert {p.parent for p in inner.iterdir()} == {inner}
    assert sorted(os.listdir(tmp_path)) == ["plans"]
