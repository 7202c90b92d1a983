"""The web planner's rules, enforced by the session (not by hiding keys): a student
opens only their own plan and lists, opens, renames and deletes no other; a counselor
works in the plans folder and only there; nothing from the browser names a server path."""

from __future__ import annotations

from pathlib import Path

import pytest

from credplan.core.access import COUNSELOR, STUDENT, WebAccess, usable_user
from credplan.core.plan_errors import NotAllowed
from credplan.core.model import Plan
from credplan.core.paths import plans_dir
from credplan.core.session import OpenRequest, PlanSession, SessionError, load_catalog_ref
from credplan.core.plan_errors import StorageError
from credplan.core.plans import read_plan
from credplan.core.students import plan_path_for
from plantools import save_plan

ROOT = Path(__file__).resolve().parents[2]
ANA = WebAccess(STUDENT, "ana")
COUNSELOR_C = WebAccess(COUNSELOR, "ms-c")


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CREDPLAN_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(scope="module")
def ohio():
    return load_catalog_ref("ohio")


@pytest.fixture
def bob(ohio) -> Path:
    """Another student's plan, already saved."""
    path = plan_path_for("bob", plans_dir())
    save_plan(path, Plan(student="bob").with_selection("comptia-a-plus"), ohio)
    return path


def open_web(access: WebAccess, **kw) -> PlanSession:
    return PlanSession.open(OpenRequest(web=access, **kw))


def test_a_student_opens_exactly_their_own_plan_named_after_their_user(bob):
    session = open_web(ANA)
    try:
        assert session.path == plan_path_for("ana", plans_dir())
        assert session.plan.student == "ana" and not session.read_only
        assert session.is_web
    finally:
        session.close()


def test_a_look_alike_plan_is_not_opened_for_a_student(ohio):
    """`--student` finds a plan by its stored name ignoring case and accents; a web
    student must never land in someone else's file that way."""
    other = plans_dir() / "someone-else.toml"
    save_plan(other, Plan(student="Ána"), ohio)
    session = open_web(WebAccess(STUDENT, "ana"))
    try:
        assert session.path == plan_path_for("ana", plans_dir()) != other
    finally:
        session.close()


def test_a_student_cannot_be_pointed_at_another_plan_by_arguments(bob):
    with pytest.raises(SessionError):
        open_web(ANA, plan=bob)
    with pytest.raises(SessionError):
        open_web(ANA, student="bob")


def test_a_student_cannot_list_open_rename_or_delete_another_plan(bob):
    before = bob.read_bytes()
    session = open_web(ANA)
    try:
        assert not session.can_list_plans and session.list_plans() == []
        assert "only your own plan" in session.no_plans_reason
        for act in (
            lambda: session.open_plan_file(bob, "bob"),
            lambda: session.rename_plan(bob, "bobby"),
            lambda: session.delete_plan(bob),
            lambda: session.open_plan_file(plans_dir() / "new.toml", "new"),
        ):
            with pytest.raises(NotAllowed):
                act()
        assert session.plan.student == "ana"  # still their own plan: nothing to export but it
    finally:
        session.close()
    assert bob.read_bytes() == before and bob.exists()


def test_a_counselor_lists_opens_renames_and_deletes_plans_in_the_plans_folder(bob, ohio):
    carla = plan_path_for("carla", plans_dir())
    save_plan(carla, Plan(student="carla"), ohio)
    session = open_web(COUNSELOR_C)
    try:
        assert session.can_list_plans
        listed = {info.student for info in session.list_plans()}
        assert {"bob", "carla"} <= listed
        opened = session.open_plan_file(bob, "bob")
        assert opened.plan.student == "bob" and session.path == bob
        assert session.change(session.plan.with_class(2027))
        assert read_plan(bob).class_of == 2027
        new_path = session.rename_plan(carla, "carla m")
        assert read_plan(new_path).student == "carla m" and not carla.exists()
        trashed = session.delete_plan(new_path)
        assert trashed is not None and trashed.exists() and not new_path.exists()
    finally:
        session.close()


def test_a_counselor_cannot_reach_outside_the_plans_folder(tmp_path, ohio):
    outside = tmp_path / "elsewhere.toml"
    save_plan(outside, Plan(student="x"), ohio)
    session = open_web(COUNSELOR_C)
    try:
        for target in (outside, plans_dir() / ".." / "escape.toml", plans_dir() / "trash" / "x.toml", Path("/etc/passwd")):
            with pytest.raises(NotAllowed):
                session.open_plan_file(target, "x")
            with pytest.raises(NotAllowed):
                session.delete_plan(target)
        assert outside.exists()
    finally:
        session.close()


def test_a_symlink_in_the_plans_folder_does_not_lead_out_of_it(tmp_path, ohio):
    outside = tmp_path / "secret.toml"
    save_plan(outside, Plan(student="secret"), ohio)
    plans_dir().mkdir(parents=True, exist_ok=True)
    link = plans_dir() / "link.toml"
    link.symlink_to(outside)
    session = open_web(COUNSELOR_C)
    try:
        assert all(info.path != link for info in session.list_plans())
        with pytest.raises(NotAllowed):
            session.open_plan_file(link, "secret")
    finally:
        session.close()


def test_web_catalogs_are_bundled_or_the_servers_own(tmp_path):
    district = tmp_path / "district.toml"
    district.write_bytes((ROOT / "catalogs" / "ohio.toml").read_bytes())
    session = open_web(WebAccess(STUDENT, "ana", (str(district),)))
    try:
        assert session.catalog_allowed("colorado-example")
        assert session.catalog_allowed(district)
        with pytest.raises(NotAllowed):
            session.switch_catalog(tmp_path / "other.toml")
        with pytest.raises(NotAllowed):
            session.switch_catalog("/etc/passwd")
    finally:
        session.close()
    with pytest.raises(SessionError):
        open_web(ANA, catalog=str(tmp_path / "other.toml"))


def test_a_copy_in_web_mode_goes_only_beside_the_plan(tmp_path):
    session = open_web(ANA)
    try:
        candidates = session.copy_candidates()
        assert len(candidates) == 1 and candidates[0].parent == plans_dir()
        with pytest.raises(NotAllowed):
            session.save_copy(tmp_path / "anywhere.toml")
        where = session.save_copy()
        assert where.parent == plans_dir()
    finally:
        session.close()


def test_the_environment_carries_the_identity_and_refuses_a_broken_one():
    env = WebAccess(STUDENT, "Ana López", ("/srv/district.toml",)).to_environ()
    assert WebAccess.from_environ(env) == WebAccess(STUDENT, "Ana López", ("/srv/district.toml",))
    assert WebAccess.from_environ({}) is None
    with pytest.raises(ValueError):
        WebAccess.from_environ({"CREDPLAN_WEB_ROLE": "student", "CREDPLAN_WEB_USER": ""})
    with pytest.raises(ValueError):
        WebAccess.from_environ({"CREDPLAN_WEB_ROLE": "admin", "CREDPLAN_WEB_USER": "x"})


@pytest.mark.parametrize("name", ["", " ana", "ana\n", "a\x1b[2J", "x" * 201, "\u202eana"])
def test_unusable_user_names(name):
    assert not usable_user(name)


@pytest.mark.parametrize("name", ["ana", "Ana López", "ana@school.example", "../../etc/passwd"])
def test_usable_user_names_still_land_in_the_plans_folder(name):
    assert usable_user(name)
    path = WebAccess(STUDENT, name).own_plan(plans_dir())
    assert path.parent == plans_dir()


def test_storage_errors_cover_refusals():
    assert issubclass(NotAllowed, StorageError)
