"""Shared lab machines: every student keeps their own plan. Two different names never
open the same plan; the same name typed another way (NFC or NFD, case, spacing) finds
it; an ambiguous name is refused with the candidates; a name that is not text is
refused before anything is opened."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from credplan.core.model import Plan
from credplan.core.paths import plans_dir
from credplan.core.session import AmbiguousStudent, OpenRequest, PlanSession, SessionError
from credplan.core.students import AmbiguousName, find_plan, lookup_student, plan_path_for, rename_plan
from credplan.core.plan_errors import PlanExists
from plantools import save_plan

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CREDPLAN_DATA_DIR", str(tmp_path / "data"))


def saved(name: str, directory: Path | None = None) -> Path:
    path = plan_path_for(name, directory if directory is not None else plans_dir())
    save_plan(path, Plan(student=name))
    return path


NON_LATIN = ["Иван Петров", "Мария Сидорова", "李明", "王芳", "محمد علي", "😀", "Ἀθηνᾶ"]


def test_names_without_a_latin_letter_never_share_a_plan(tmp_path):
    first = saved("Иван Петров")
    for name in NON_LATIN[1:]:
        assert find_plan(name, plans_dir()) is None, name
    for name in NON_LATIN:
        saved(name) if name != "Иван Петров" else None
    paths = {name: find_plan(name, plans_dir()) for name in NON_LATIN}
    assert paths["Иван Петров"] == first
    assert len(set(paths.values())) == len(NON_LATIN)


def test_long_names_that_agree_for_60_characters_are_two_students():
    stem = "Alexandria " * 6  # 66 characters, the same 60 first cleaned characters
    a = saved(stem + "Smith")
    assert find_plan(stem + "Jones", plans_dir()) is None
    b = saved(stem + "Jones")
    assert a != b
    assert find_plan(stem + "Smith", plans_dir()) == a
    assert find_plan(stem + "Jones", plans_dir()) == b


@pytest.mark.parametrize(
    "saved_as, typed",
    [
        ("José García", unicodedata.normalize("NFD", "José García")),
        (unicodedata.normalize("NFD", "José García"), "José García"),
        ("José García", "josé garcía"),
        ("José García", "  José   García "),
        ("Иван Петров", "иван петров"),
        ("Ana Lopez", "ＡＮＡ ＬＯＰＥＺ"),  # full-width, from an input method
    ],
)
def test_the_same_name_typed_another_way_finds_the_plan(saved_as, typed):
    path = saved(saved_as)
    assert find_plan(typed, plans_dir()) == path


def test_a_name_that_differs_by_accents_is_not_opened_but_pointed_out():
    path = saved("José García")
    found = lookup_student("Jose Garcia", plans_dir())
    assert found.path != path and not found.exists
    assert [p.path for p in found.similar] == [path]


def test_an_ambiguous_name_is_refused_with_the_candidates():
    a = saved("Ana Lopez")
    b = saved("ANA LOPEZ")
    with pytest.raises(AmbiguousName) as info:
        find_plan("ana lopez", plans_dir())
    assert {p.path for p in info.value.candidates} == {a, b}
    # the exact spelling is not a guess
    assert find_plan("Ana Lopez", plans_dir()) == a


@pytest.mark.parametrize("inspect", [False, True], ids=["edit", "inspect"])
def test_the_session_raises_a_structured_error_for_an_ambiguous_name(inspect):
    a, b = saved("Ana Lopez"), saved("ANA LOPEZ")
    with pytest.raises(AmbiguousStudent) as info:
        PlanSession.open(OpenRequest(student="ana lopez", inspect=inspect))
    exc = info.value
    assert isinstance(exc, SessionError)
    assert {c.path for c in exc.candidates} == {a, b}
    text = str(exc)
    assert "Ana Lopez" in text and "ANA LOPEZ" in text and "--student" in text


def test_a_new_plan_for_a_similar_name_says_so():
    saved("José García")
    session = PlanSession.open(OpenRequest(student="Jose Garcia"))
    try:
        assert session.plan.student == "Jose Garcia"
        assert any("José García" in n for n in session.notices)
    finally:
        session.close()


def test_rename_to_the_same_name_typed_another_way_is_refused():
    saved("Ana Lopez")
    bob = saved("Bob")
    with pytest.raises(PlanExists):
        rename_plan(bob, "ana  LOPEZ", directory=plans_dir())
    assert bob.exists()


@pytest.mark.parametrize("inspect", [False, True], ids=["edit", "inspect"])
def test_a_name_that_is_not_text_is_refused_at_start(inspect):
    name = b"Jos\xe9".decode("utf-8", "surrogateescape")
    with pytest.raises(SessionError) as info:
        PlanSession.open(OpenRequest(student=name, inspect=inspect))
    assert "UTF-8" in str(info.value)
    assert not plans_dir().exists() or not any(plans_dir().iterdir())


def _credplan(tmp_path: Path, *args: bytes, stdin: bytes = b"") -> subprocess.CompletedProcess:
    env = dict(os.environ, CREDPLAN_DATA_DIR=str(tmp_path / "data"), NO_COLOR="1", TERM="xterm-256color")
    return subprocess.run(
        [sys.executable, "-m", "credplan", *args], cwd=REPO, env=env, input=stdin, capture_output=True, timeout=60
    )


@pytest.mark.parametrize("command", [[], [b"shell"], [b"check"], [b"export"]], ids=["planner", "shell", "check", "export"])
def test_a_student_name_that_is_not_utf8_ends_with_one_line_and_status_2(tmp_path, command):
    done = _credplan(tmp_path, *command, b"--student", b"Jos\xe9", stdin=b"add ohio-driver-license\n")
    assert done.returncode == 2, done
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and "UTF-8" in err, err


def test_the_cli_lists_the_candidates_of_an_ambiguous_name(tmp_path):
    saved("Ana Lopez"), saved("ANA LOPEZ")
    done = _credplan(tmp_path, b"check", b"--student", b"ana lopez")
    err = done.stderr.decode()
    assert done.returncode == 2 and "Traceback" not in err
    assert "Ana Lopez" in err and "ANA LOPEZ" in err


def test_the_shell_refuses_to_rename_a_student_to_text_that_is_not_utf8(tmp_path):
    plan = tmp_path / "p.toml"
    done = _credplan(tmp_path, b"shell", b"--catalog", b"ohio", b"--plan", str(plan).encode(),
                     stdin=b"student Jos\xe9\nadd ohio-driver-license\n")
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1 and "UTF-8" in err, err
    assert "Could not save" not in err
    assert done.returncode == 1  # the refused command
    assert plan.exists()  # the next change saved


def test_a_plan_holding_text_that_is_not_utf8_is_not_saved_and_does_not_crash(tmp_path):
    session = PlanSession.open(OpenRequest(plan=tmp_path / "p.toml", catalog="ohio"))
    try:
        bad = Plan(student=b"Jos\xe9".decode("utf-8", "surrogateescape"))
        assert session.change(bad) is False
        assert session.unsaved and "UTF-8" in session.save_problem
        assert not (tmp_path / "p.toml").exists()
    finally:
        session.close()


def test_rename_to_a_name_that_is_not_text_is_refused():
    from credplan.core.plan_errors import StorageError

    bob = saved("Bob")
    with pytest.raises(StorageError):
        rename_plan(bob, b"Jos\xe9".decode("utf-8", "surrogateescape"), directory=plans_dir())
    assert bob.exists()


# -- asking which plan (planner and shell, at a terminal) -------------------------------------------
def _ambiguous() -> tuple[AmbiguousStudent, Path, Path]:
    a, b = saved("Ana Lopez"), saved("ANA LOPEZ")
    with pytest.raises(AmbiguousStudent) as info:
        PlanSession.open(OpenRequest(student="ana lopez"))
    return info.value, a, b


@pytest.mark.parametrize("answers, picked", [("2\n", 1), ("x\n1\n", 0), ("0\n3\n2\n", 1), ("\n", None),
                                              ("", None), ("9\n9\n9\n1\n", None), ("²\n\n", None)])
def test_an_ambiguous_name_is_asked_about_by_number(answers, picked):
    import io

    from credplan.ask_student import ask_which

    exc, *_ = _ambiguous()
    request = OpenRequest(student="ana lopez", catalog="ohio")
    out = io.StringIO()
    chosen = ask_which(exc, request, io.StringIO(answers), out)
    said = out.getvalue()
    assert "2 saved plans have the name 'ana lopez'" in said and "1) " in said and "2) " in said
    if picked is None:
        assert chosen is None and "nothing was opened" in said
    else:
        assert chosen == OpenRequest(plan=exc.candidates[picked].path, catalog="ohio")
    if "x" in answers or "0" in answers:
        assert "Type a number from 1 to 2." in said


def _tmux(tmp_path: Path, *args: str):
    import shutil

    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    from ui.test_tmux import Tmux

    return Tmux(tmp_path, *args)


@pytest.mark.parametrize("front", ["planner", "shell"])
def test_the_planner_and_the_shell_ask_which_plan_and_open_that_one(tmp_path, front):
    a, b = saved("Ana Lopez"), saved("ANA LOPEZ")
    args = (["shell"] if front == "shell" else []) + ["--student", "ana lopez", "--catalog", "ohio"]
    t = _tmux(tmp_path, *args)
    try:
        screen = t.wait_for("Type its number")
        chosen = next(i for i, line in enumerate(screen) if "'ANA LOPEZ'" in line)
        number = screen[chosen].split(")")[0].strip()
        t.type(number, "Enter")
        if front == "shell":
            t.wait_for("credplan>")
            t.type("add ohio-driver-license", "Enter")
            t.wait_for("Added")
            t.type("quit", "Enter")
        else:
            lines = t.wait_for("Status:")
            assert "ANA LOPEZ" in lines[0]  # whose plan, on the top line
            t.type("Space")  # the highlighted credential, into ANA LOPEZ's plan
            t.wait_for("in your plan")
            t.type("q")
        deadline = time.monotonic() + 20
        while t.run("list-sessions") and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        t.close()
    from credplan.core.plans import read_plan

    assert read_plan(a).student == "Ana Lopez" and read_plan(b).student == "ANA LOPEZ"
    assert len(read_plan(b).selections) == 1 and read_plan(a).selections == ()
    if front == "shell":
        assert [s.id for s in read_plan(b).selections] == ["ohio-driver-license"]


def test_without_a_terminal_the_shell_lists_the_candidates_and_eats_no_input(tmp_path):
    saved("Ana Lopez"), saved("ANA LOPEZ")
    done = _credplan(tmp_path, b"shell", b"--student", b"ana lopez", stdin=b"1\nadd ohio-driver-license\n")
    err = done.stderr.decode()
    assert done.returncode == 2 and "Traceback" not in err
    assert "--student 'Ana Lopez'" in err and "--student 'ANA LOPEZ'" in err and "Type its number" not in err
