"""The one planning session: which catalog a plan is judged by, what is said about it,
and that a change that cannot be saved is never dropped without being asked."""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from credplan.core.model import Plan
from credplan.core.paths import plans_dir
from credplan.core.session import OpenRequest, PlanSession, SessionError, load_catalog_ref
from credplan.core.plan_errors import PlanReadOnly, StorageError
from credplan.core.plans import read_plan
from credplan.core.students import plan_path_for
from plantools import save_plan

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CREDPLAN_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(scope="module")
def ohio():
    return load_catalog_ref("ohio")


@pytest.fixture(scope="module")
def colorado():
    return load_catalog_ref("colorado-example")


def colorado_plan(colorado, path: Path) -> Path:
    cred = next(c for c in colorado.credentials if c.meets)
    save_plan(path, Plan(student="Ana López", class_of=2027).with_selection(cred.id), colorado)
    return path


# -- which catalog ---------------------------------------------------------------------------
@pytest.mark.parametrize("inspect", [True, False], ids=["inspect", "edit"])
def test_a_plan_is_judged_by_the_catalog_it_was_saved_with(colorado, tmp_path, inspect):
    path = colorado_plan(colorado, tmp_path / "ana.toml")
    session = PlanSession.open(OpenRequest(plan=path, inspect=inspect))
    try:
        assert session.catalog.id == "colorado-example"
        assert not any("catalog `" in n for n in session.notices)
    finally:
        session.close()


def test_an_explicit_catalog_wins_and_the_difference_is_said_once(colorado, tmp_path):
    path = colorado_plan(colorado, tmp_path / "ana.toml")
    session = PlanSession.open(OpenRequest(plan=path, catalog="ohio", inspect=True))
    assert session.catalog.id == "ohio"
    said = [n for n in session.notices if "colorado-example" in n]
    assert said == ["This plan was saved with the catalog `colorado-example`; it is checked here against `ohio`."]


def test_a_plan_without_a_stamp_uses_ohio(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('format = 1\nstudent = "Sam"\n')
    assert PlanSession.open(OpenRequest(plan=path, inspect=True)).catalog.id == "ohio"


def test_a_catalog_from_a_file_is_found_again_by_its_path(tmp_path):
    mine = tmp_path / "district.toml"
    text = (ROOT / "catalogs" / "colorado-example.toml").read_text().replace('id = "colorado-example"', 'id = "my-district"', 1)
    mine.write_text(text)
    catalog = load_catalog_ref(str(mine))
    assert catalog.id == "my-district"
    path = tmp_path / "ana.toml"
    save_plan(path, Plan(student="Ana"), catalog)
    assert read_plan(path).catalog.path == str(mine)
    assert PlanSession.open(OpenRequest(plan=path, inspect=True)).catalog.id == "my-district"
    # Moved away: an error that says what to do, never Ohio in its place.
    shutil.move(mine, tmp_path / "elsewhere.toml")
    with pytest.raises(SessionError) as exc:
        PlanSession.open(OpenRequest(plan=path, inspect=True))
    assert "my-district" in str(exc.value) and "--catalog" in str(exc.value)


def test_a_stale_catalog_is_said(ohio, tmp_path):
    path = tmp_path / "p.toml"
    save_plan(path, Plan(), ohio)
    later = ohio.info.checked + dt.timedelta(days=400)
    for inspect in (True, False):
        session = PlanSession.open(OpenRequest(plan=path, inspect=inspect), today=later)
        assert [n for n in session.notices if "over a year ago" in n] == [
            f"This catalog was last checked on {ohio.info.checked.isoformat()}, over a year ago; "
            "credentials and points may have changed since."
        ]
        session.close()
    assert not PlanSession.open(OpenRequest(plan=path, inspect=True), today=ohio.info.checked).notices


# -- students ---------------------------------------------------------------------------------
def test_inspect_by_student_and_an_unknown_student(ohio):
    save_plan(plan_path_for("Ana López", plans_dir()), Plan(student="Ana López"), ohio)
    assert PlanSession.open(OpenRequest(student="Ana López", inspect=True)).plan.student == "Ana López"
    with pytest.raises(SessionError) as exc:
        PlanSession.open(OpenRequest(student="Nobody Here", inspect=True))
    assert "no saved plan for student 'Nobody Here'" in str(exc.value)
    assert not plan_path_for("Nobody Here", plans_dir()).exists()  # inspecting creates nothing


def test_inspecting_a_broken_plan_is_an_error_and_leaves_it(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text("student = [\n")
    with pytest.raises(SessionError) as exc:
        PlanSession.open(OpenRequest(plan=path, inspect=True))
    assert str(exc.value).startswith(f"{path}:")
    assert path.read_text() == "student = [\n"


# -- saving -----------------------------------------------------------------------------------
def failing_fsync(monkeypatch):
    def fail(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)


def test_a_change_that_cannot_be_saved_stays_until_retried(ohio, tmp_path, monkeypatch):
    path = tmp_path / "p.toml"
    session = PlanSession.open(OpenRequest(plan=path, catalog="ohio"))
    assert session.change(Plan(student="Ana").with_selection("ohio-driver-license"))
    real = os.fsync
    failing_fsync(monkeypatch)
    assert not session.change(session.plan.with_selection("comptia-a-plus"))
    assert session.unsaved and "No space left on device" in session.save_problem
    assert session.plan.selection("comptia-a-plus")  # kept in the session
    assert not read_plan(path).selection("comptia-a-plus")  # the file is as it was
    assert not session.retry_save()
    monkeypatch.setattr(os, "fsync", real)
    assert session.retry_save() and not session.unsaved
    assert read_plan(path).selection("comptia-a-plus")
    session.close()


def test_save_a_copy_and_discard(ohio, tmp_path, monkeypatch):
    path = tmp_path / "p.toml"
    session = PlanSession.open(OpenRequest(plan=path, catalog="ohio"))
    session.change(Plan(student="Ana"))
    monkeypatch.setattr(session.store, "save", lambda *a, **k: (_ for _ in ()).throw(StorageError("disk full")))
    assert not session.change(session.plan.with_selection("comptia-a-plus"))
    copy = session.save_copy()
    assert copy.parent == tmp_path and copy.name.startswith("p.toml.copy-")
    assert read_plan(copy).selection("comptia-a-plus")
    assert session.unsaved  # a copy is not the plan file: the question stays
    session.discard()
    assert not session.unsaved and session.plan.selections == ()
    assert read_plan(path).selections == ()
    session.close()


def test_a_copy_goes_to_the_home_folder_when_the_plans_folder_refuses(ohio, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    session = PlanSession.open(OpenRequest(plan=tmp_path / "ro" / "p.toml", catalog="ohio"))
    session.plan = Plan(student="Ana").with_selection("comptia-a-plus")
    first, second, _ = session.copy_candidates()
    assert second.parent == home
    from credplan.core import atomic

    real = atomic.atomic_write_text

    def refuse_beside(target, text, mode=0o600):
        if target == first:
            raise PermissionError(errno.EACCES, "Permission denied")
        real(target, text, mode)

    monkeypatch.setattr(atomic, "atomic_write_text", refuse_beside)
    copy = session.save_copy()
    assert copy.parent == home and read_plan(copy).selection("comptia-a-plus")
    session.close()


def test_a_read_only_session_refuses_changes(ohio, tmp_path):
    path = tmp_path / "p.toml"
    first = PlanSession.open(OpenRequest(plan=path, catalog="ohio"))
    first.change(Plan(student="Ana"))
    second = PlanSession.open(OpenRequest(plan=path, catalog="ohio"))
    assert second.read_only and "another session" in second.reason
    with pytest.raises(PlanReadOnly):
        second.change(Plan(student="Mallory"))
    assert read_plan(path).student == "Ana"
    first.close()
    second.close()


# -- demo ---------------------------------------------------------------------------------------
def test_demo_writes_nothing_and_lists_no_one(ohio, tmp_path):
    save_plan(plan_path_for("Ana López", plans_dir()), Plan(student="Ana López"), ohio)
    before = {p: p.read_bytes() for p in plans_dir().rglob("*") if p.is_file()}
    session = PlanSession.open(OpenRequest(demo=True))
    assert session.is_demo and not session.can_list_plans and session.path is None
    assert session.change(Plan().with_selection("comptia-a-plus"))
    with pytest.raises(PlanReadOnly):
        session.open_plan_file(plan_path_for("Ana López", plans_dir()), "Ana López")
    session.close()
    after = {p: p.read_bytes() for p in plans_dir().rglob("*") if p.is_file()}
    assert after == before


def test_a_repaired_folder_does_not_hide_the_catalog_changes(tmp_path):
    """Inspecting a plan in a world-writable plans folder says the folder was repaired
    AND what changed in the catalog; the repair is not a note about the catalog."""
    ohio = load_catalog_ref("ohio")
    path = plan_path_for("Ana", plans_dir())
    plan = Plan(student="Ana").with_selection("ohio-driver-license")
    save_plan(path, replace(plan, known_points={"ohio-driver-license": {"*": 5}}), ohio)
    plans_dir().chmod(0o777)
    session = PlanSession.open(OpenRequest(student="Ana", inspect=True))
    assert any("0700" in n or "private" in n or "writable" in n for n in session.notices), session.notices
    assert any("Ohio driver license: was 5 points, now 1 point" in n for n in session.notices), session.notices
    assert not any(n in session.catalog_notices for n in session.notices if "writable" in n or "0700" in n)
