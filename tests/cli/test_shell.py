"""`credplan shell`: driven through stdin/stdout as a script or a screen reader would,
with the saved plan file checked after each run (CREDPLAN_DATA_DIR is a temp dir)."""

from __future__ import annotations

import errno
import io
import os
import re
import select
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from credplan import shell as shell_mod
from credplan.core.catalog import parse_catalog
from credplan.core.model import BELOW, Catalog, Plan
from credplan.core.plans import parse_plan
from credplan.core.session import PlanSession
from credplan.core.store import PlanStore
from credplan.core.plan_errors import PlanSaveFailed
from credplan.core.words import notices
from credplan.shell import EXIT_NOT_SAVED, PlanShell, completions, run_shell, use_color
from plantools import save_plan

CATALOG = r"""
format = 1

[catalog]
id = "shell-test"
title = "Shell test catalog"
region = "Testland"
source = "https://example.org/list"
checked = 2026-11-01

[[field]]
id = "it"
name = "Information Technology"

[[field]]
id = "health"
name = "Health"

[[field]]
id = "construction"
name = "Construction"

[[credential]]
id = "a-plus"
name = "CompTIA A+"
issuer = "CompTIA"
fields = ["it"]
points = 12

[[credential]]
id = "network-plus"
name = "CompTIA Network+"
issuer = "CompTIA"
fields = ["it"]
points = 9
verified = false

[[credential]]
id = "stna"
name = "State Tested Nurse Aide"
fields = ["health"]
points = 6

[[credential]]
id = "osha-10"
name = "OSHA 10-Hour"
issuer = "OSHA"
fields = ["construction", "health"]
points = { construction = 3, health = 1 }

[[credential]]
id = "license"
name = "Driver license"
fields = ["*"]
points = 1

[[credential]]
id = "odd"
name = "Odd \u001b[31mred\u001b[0m [b]bold[/b] name"
fields = ["construction"]
points = 2

[[assessment]]
id = "workkeys"
name = "ACT WorkKeys"
parts = ["Applied Math", "Graphic Literacy", "Workplace Documents"]
min = 3
max = 7

[[assessment]]
id = "act"
name = "ACT"
parts = ["English", "Math"]
min = 1
max = 36

[[assessment]]
id = "sat"
name = "SAT"
parts = ["Reading and Writing", "Math"]
min = 200
max = 800

[[requirement]]
id = "bundle"
kind = "bundle"
name = "12-point bundle"
points = 12

[[requirement]]
id = "workkeys"
kind = "score"
name = "WorkKeys"
assessment = "workkeys"
total = 13
each = 3
"""


@pytest.fixture
def catalog_path(tmp_path: Path) -> Path:
    path = tmp_path / "shell-test.toml"
    path.write_text(CATALOG, encoding="utf-8")
    return path


@pytest.fixture
def catalog(catalog_path: Path) -> Catalog:
    return parse_catalog(catalog_path.read_text(encoding="utf-8"))


def run_cli(tmp_path: Path, stdin: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CREDPLAN_DATA_DIR")}
    environ["CREDPLAN_DATA_DIR"] = str(tmp_path / "data")
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "credplan", "shell", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
    )


def shell_run(
    tmp_path: Path, catalog_path: Path, stdin: str, *args: str, plan_name: str = "plan.toml"
) -> tuple[subprocess.CompletedProcess[str], Path]:
    plan = tmp_path / plan_name
    result = run_cli(tmp_path, stdin, "--catalog", str(catalog_path), "--plan", str(plan), *args)
    assert "Traceback" not in result.stderr, result.stderr
    return result, plan


def read(plan: Path) -> Plan:
    return parse_plan(plan.read_text(encoding="utf-8"), str(plan))


# -- through stdin/stdout ---------------------------------------------------------------------------
def test_script_edits_and_saves_the_plan(tmp_path: Path, catalog_path: Path) -> None:
    script = "add a-plus\nadd stna\nscore applied math 5\nscore graphic <3\npin health\nclass 2027\nstudent Ana Lopez\nquit\n"
    result, plan = shell_run(tmp_path, catalog_path, script)
    assert result.returncode == 0, result.stderr
    saved = read(plan)
    assert [s.id for s in saved.selections] == ["a-plus", "stna"]
    assert saved.score("workkeys", "Applied Math") == 5
    assert saved.score("workkeys", "Graphic Literacy") is BELOW
    assert saved.pinned_field == "health"
    assert (saved.class_of, saved.student) == (2027, "Ana Lopez")
    assert saved.catalog is not None and saved.catalog.id == "shell-test"
    assert "Added CompTIA A+ (a-plus)." in result.stdout
    assert "Pinned Health." in result.stdout


def test_no_prompt_and_no_escape_codes_from_a_pipe(tmp_path: Path, catalog_path: Path) -> None:
    result, _ = shell_run(tmp_path, catalog_path, "help\nfields\nlist construction\nstatus\n")
    assert result.returncode == 0, result.stderr
    assert "credplan>" not in result.stdout
    assert "\x1b" not in result.stdout and "\x1b" not in result.stderr
    # The catalog's escape codes are shown as symbols, never sent; its brackets are plain text.
    assert "odd: Odd ␛[31mred␛[0m [b]bold[/b] name, 2 points" in result.stdout
    assert result.stdout.splitlines()[0] == "Commands:"


def test_end_of_input_quits_and_saves(tmp_path: Path, catalog_path: Path) -> None:
    result, plan = shell_run(tmp_path, catalog_path, "add license\n")  # no quit
    assert result.returncode == 0
    assert [s.id for s in read(plan).selections] == ["license"]
    # a last line without its newline may be cut off: refused, not run (issue 13)
    result, plan = shell_run(tmp_path, catalog_path, "add license", plan_name="cut.toml")
    assert result.returncode == 1 and "not run" in result.stderr
    assert not plan.exists()


def test_nothing_changed_writes_nothing(tmp_path: Path, catalog_path: Path) -> None:
    result, plan = shell_run(tmp_path, catalog_path, "status\nfields\nquit\n")
    assert result.returncode == 0
    assert not plan.exists()


def test_status_in_words(tmp_path: Path, catalog_path: Path) -> None:
    script = "add network-plus\nadd stna\nadd license\nscore applied math 5\nstatus\n"
    result, _ = shell_run(tmp_path, catalog_path, script)
    out = result.stdout
    assert "Bundle field: Information Technology (most points): 10/12 points, all planned." in out
    assert "[not met] 12-point bundle: 10/12 points in Information Technology; 2 more points needed" in out
    assert "[not met] WorkKeys:" in out
    assert (
        "[other field] State Tested Nurse Aide (stna), planned: "
        "listed in Health, not in Information Technology, so it does not count there"
    ) in out
    assert "CompTIA Network+ (network-plus), planned: counts 9 points in Information Technology ?" in out
    assert "Earned credentials alone: still missing 12 more points in Information Technology;" in out
    assert "ACT WorkKeys: Applied Math 5, Graphic Literacy not taken, Workplace Documents not taken" in out
    assert shell_mod.UNVERIFIED_HELP in out
    assert out.rstrip().splitlines()[-1].startswith("Still missing: 2 more points in Information Technology")

    script = "add a-plus\nscore applied 5\nscore graphic 4\nscore workplace 4\nstatus\n"
    result, _ = shell_run(tmp_path, catalog_path, script, plan_name="other.toml")
    assert "[met] 12-point bundle: 12/12 points in Information Technology, all planned" in result.stdout
    assert "[met] WorkKeys: total 13 of 13, every part at least 3" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1] == "Meets every requirement once the planned credentials are earned."


def test_list_marks_selected_and_unverified(tmp_path: Path, catalog_path: Path) -> None:
    result, _ = shell_run(tmp_path, catalog_path, "add a-plus\nlist it\nlist heal\nhelp\n")
    lines = result.stdout.splitlines()
    assert "Information Technology (it): 3 credentials" in lines
    assert "  a-plus: CompTIA A+ (CompTIA), 12 points [selected]" in lines
    assert "  network-plus: CompTIA Network+ (CompTIA), 9 points ?" in lines
    assert "  license: Driver license, 1 point, every field" in lines
    assert "  osha-10: OSHA 10-Hour (OSHA), 1 point" in lines  # its points in Health
    assert shell_mod.UNVERIFIED_HELP in lines  # said by list, and by help
    assert result.stdout.count(shell_mod.UNVERIFIED_HELP) == 2


def test_find_searches_every_field(tmp_path: Path, catalog_path: Path) -> None:
    result, _ = shell_run(tmp_path, catalog_path, "find comptia\nfind osha\nfind nothing-like-this\n")
    out = result.stdout
    assert "2 matches for `comptia`:" in out
    assert "  osha-10: OSHA 10-Hour (OSHA), Health 1 point, Construction 3 points" in out
    assert "No credential matches `nothing-like-this`." in out


def test_score_ranges_and_parts(tmp_path: Path, catalog_path: Path) -> None:
    script = "\n".join(
        [
            "score applied math 9",   # out of range
            "score applied math 2",   # below min must be typed as <3
            "score math 20",          # ACT Math and SAT Math
            "score act:math 20",
            "score sat:math < 200",
            "score workkeys:graphic-literacy 6",
            "score Workplace Documents 4",
            "score graphic none",     # clears
            "score writing five",
            "score nosuch 3",
            "score 5",
        ]
    ) + "\n"
    result, plan = shell_run(tmp_path, catalog_path, script)
    err = result.stderr
    assert "ACT WorkKeys Applied Math takes 3 to 7, or <3 for below 3; 9 is out of range and was not saved." in err
    assert "2 is out of range" in err
    assert "`math` is more than one part: act:math, sat:math. Use assessment:part." in err
    assert "SAT Reading and Writing takes 200 to 800" in err and "`five` is not a score" in err
    assert "No part `nosuch`." in err
    assert "Usage: score PART VALUE" in err
    assert result.returncode == 1  # refusals from a script are reported in the exit status
    saved = read(plan)
    assert dict(saved.scores["act"]) == {"Math": 20}
    assert saved.score("sat", "Math") is BELOW
    assert dict(saved.scores["workkeys"]) == {"Workplace Documents": 4}
    assert "ACT WorkKeys, Graphic Literacy: cleared." in result.stdout


def test_pin_and_unpin(tmp_path: Path, catalog_path: Path) -> None:
    result, plan = shell_run(tmp_path, catalog_path, "add stna\npin constr\n")
    assert "Bundle field: Construction (pinned): 0/12 points." in result.stdout
    assert read(plan).pinned_field == "construction"
    result, plan = shell_run(tmp_path, catalog_path, "pin none\n")
    assert "Bundle field: Health (most points): 6/12 points, all planned." in result.stdout
    assert read(plan).pinned_field is None


def test_remove_earned_and_unknown_things(tmp_path: Path, catalog_path: Path) -> None:
    result, plan = shell_run(
        tmp_path, catalog_path,
        "add a-plus\nadd a-plus\nearned a-plus\nremove stna\nadd nosuch\nfrobnicate\nremove a-plus\nadd osha\n",
    )
    assert "CompTIA A+ (a-plus) is already in your plan." in result.stdout
    assert "CompTIA A+ (a-plus) is now earned." in result.stdout
    assert "No selected credential `stna`." in result.stderr
    assert "No credential `nosuch`." in result.stderr
    assert "Unknown command `frobnicate`" in result.stderr
    assert [s.id for s in read(plan).selections] == ["osha-10"]  # the only search match
    assert result.returncode == 1


def test_added_from_another_field_is_flagged(tmp_path: Path, catalog_path: Path) -> None:
    result, _ = shell_run(tmp_path, catalog_path, "pin it\nadd stna\n")
    assert (
        "[other field] It is listed in Health, not in Information Technology, so it does not count there."
        in result.stdout
    )


def test_suggest(tmp_path: Path, catalog_path: Path) -> None:
    result, _ = shell_run(tmp_path, catalog_path, "add network-plus\nsuggest\nsuggest health cost\n")
    assert result.returncode == 0, result.stderr
    assert "Bundle field: Information Technology" in result.stdout
    assert "Health" in result.stdout


def test_student_plan_in_the_plans_folder(tmp_path: Path, catalog_path: Path) -> None:
    result = run_cli(tmp_path, "add a-plus\n", "--catalog", str(catalog_path), "--student", "Ana Lopez")
    assert result.returncode == 0, result.stderr
    plans = list((tmp_path / "data" / "plans").glob("*.toml"))
    assert len(plans) == 1
    saved = read(plans[0])
    assert saved.student == "Ana Lopez"
    assert [s.id for s in saved.selections] == ["a-plus"]
    # The same student opens the same file.
    result = run_cli(tmp_path, "status\n", "--catalog", str(catalog_path), "--student", "Ana Lopez")
    assert "Ana Lopez, class not set." in result.stdout
    assert "CompTIA A+ (a-plus), planned" in result.stdout


def test_default_plan_and_catalog_from_the_plan(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "about\n", "--catalog", "colorado-example")
    assert result.returncode == 0, result.stderr
    assert "catalog id colorado-example" in result.stdout
    result = run_cli(tmp_path, "add comptia-a-plus\n", "--catalog", "colorado-example")
    default = tmp_path / "data" / "plans" / "default.toml"
    assert read(default).catalog.id == "colorado-example"  # type: ignore[union-attr]
    # Opened again without --catalog: the plan's own catalog, not the default one.
    result = run_cli(tmp_path, "about\n")
    assert "catalog id colorado-example" in result.stdout


def test_broken_plan_is_kept_aside(tmp_path: Path, catalog_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text("this is = = not toml\n", encoding="utf-8")
    result, _ = shell_run(tmp_path, catalog_path, "add a-plus\n")
    assert result.returncode == 0
    assert "could not be read" in result.stderr
    backups = list(tmp_path.glob("plan.toml.broken-*"))
    assert len(backups) == 1 and backups[0].read_text() == "this is = = not toml\n"
    assert [s.id for s in read(plan).selections] == ["a-plus"]


def test_bad_catalog_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 1\n[catalog]\nid = 3\n", encoding="utf-8")
    result = run_cli(tmp_path, "status\n", "--catalog", str(bad), "--plan", str(tmp_path / "p.toml"))
    assert result.returncode == 2
    assert f"{bad}:3:" in result.stderr
    assert "Traceback" not in result.stderr


def test_bundled_ohio_smoke(tmp_path: Path, ohio: Catalog) -> None:
    first = ohio.credentials[0]
    result = run_cli(tmp_path, f"fields\nlist {ohio.fields[0].id}\nadd {first.id}\nstatus\nquit\n", "--catalog", "ohio")
    assert result.returncode == 0, result.stderr
    assert f"Added {first.name} ({first.id})." in result.stdout
    assert "/12 points" in result.stdout


# -- the engine in process, on a real session and plan file ----------------------------------------------
@pytest.fixture
def make_shell(catalog: Catalog, tmp_path: Path):
    """PlanShell over `PlanSession.start(catalog, plan, path=tmp_path / "p.toml")` (or
    another path, or a demo); every session is closed after the test."""
    sessions: list[PlanSession] = []

    def make(
        plan: Plan | None = None, *, color: bool = False, path: Path | None = None, demo: bool = False
    ) -> tuple[PlanShell, io.StringIO, io.StringIO]:
        where = None if demo else (path or tmp_path / "p.toml")
        session = PlanSession.start(catalog, plan, path=where, demo=demo)
        sessions.append(session)
        out, err = io.StringIO(), io.StringIO()
        return PlanShell(session, out=out, err=err, color=color), out, err

    yield make
    for session in sessions:
        session.close()


def ids(path: Path) -> list[str]:
    return [s.id for s in read(path).selections]


def failing_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)


def failing_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """Saving the plan fails; a copy elsewhere can still be written."""

    def fail(self: PlanStore, plan: Plan, catalog: Catalog | None = None, *, force: bool = False) -> Plan:
        raise PlanSaveFailed(f"Could not save {self.path}: No space left on device. The plan file was not changed.")

    monkeypatch.setattr(PlanStore, "save", fail)


def test_every_change_is_saved_at_once(make_shell, tmp_path: Path) -> None:
    sh, _, _ = make_shell()
    path = tmp_path / "p.toml"
    sh.execute("add a-plus")
    assert ids(path) == ["a-plus"]  # before quitting
    sh.execute("score applied math 6")
    assert read(path).score("workkeys", "Applied Math") == 6
    sh.execute("pin health")
    assert read(path).pinned_field == "health"
    assert sh.plan == sh.session.plan and not sh.unsaved


def test_only_changes_save(make_shell, tmp_path: Path) -> None:
    sh, _, _ = make_shell()
    path = tmp_path / "p.toml"
    for line in ["status", "fields", "list it", "find a", "help", "about"]:
        sh.execute(line)
    assert not path.exists()
    sh.execute("add a-plus")
    before = path.stat()
    for line in ["add a-plus", "pin none", "status"]:
        sh.execute(line)
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_failed_save_is_said_kept_and_saved_by_save(make_shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sh, out, err = make_shell()
    path = tmp_path / "p.toml"
    sh.execute("add license")
    failing_fsync(monkeypatch)
    sh.execute("add a-plus")
    assert "No space left on device" in err.getvalue()
    assert notices.SHELL_UNSAVED in err.getvalue()
    assert "Added CompTIA A+ (a-plus)." in out.getvalue()  # kept in the session
    assert sh.unsaved and ids(path) == ["license"]
    sh.execute("status")
    assert "Your last change is not saved yet." in out.getvalue()
    sh.execute("save")  # still failing
    assert err.getvalue().count(notices.SHELL_UNSAVED) == 2
    monkeypatch.undo()
    sh.execute("save")
    assert f"Saved to {path}." in out.getvalue()
    assert ids(path) == ["license", "a-plus"] and not sh.unsaved


def test_end_of_input_tries_one_last_save(make_shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sh, _, _ = make_shell()
    failing_fsync(monkeypatch)
    assert sh.execute("add a-plus")
    monkeypatch.undo()  # the disk has room again
    assert run_shell(sh, io.StringIO(""), interactive=False) == 1  # the save was refused once
    assert ids(tmp_path / "p.toml") == ["a-plus"]


def test_quit_with_an_unsaved_change_asks_once_then_leaves_with_status_3(
    make_shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sh, out, err = make_shell()
    failing_fsync(monkeypatch)
    code = run_shell(sh, io.StringIO("add a-plus\nquit\nstatus\nquit\nadd stna\n"), interactive=False)
    assert code == EXIT_NOT_SAVED == 3
    said = err.getvalue()
    assert said.count("quit again leaves without saving") == 1
    assert "Type save to try again, save-copy [PATH] to keep them in another file, or discard" in said
    assert "Selections:" in out.getvalue()  # the first quit did not leave
    assert "Added State Tested Nurse Aide" not in out.getvalue()  # the second did
    assert said.rstrip().endswith(notices.LEFT_UNSAVED)
    assert not (tmp_path / "p.toml").exists()
    assert not list(tmp_path.glob("p.toml.copy-*"))  # leaving without saving writes nothing


def test_quit_saves_when_it_can_again(make_shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sh, _, err = make_shell()
    failing_fsync(monkeypatch)
    sh.execute("add a-plus")
    monkeypatch.undo()
    assert sh.execute("quit") is False
    assert "quit again" not in err.getvalue()
    assert ids(tmp_path / "p.toml") == ["a-plus"] and sh.finish()


def test_a_new_change_makes_quit_ask_again(make_shell, monkeypatch: pytest.MonkeyPatch) -> None:
    sh, _, err = make_shell()
    failing_store(monkeypatch)
    sh.execute("add a-plus")
    assert sh.execute("quit") is True
    sh.execute("add stna")
    assert sh.execute("quit") is True
    assert err.getvalue().count("quit again leaves without saving") == 2


def test_save_copy_says_where_and_quit_then_leaves(make_shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sh, out, err = make_shell()
    failing_store(monkeypatch)
    code = run_shell(sh, io.StringIO("add a-plus\nsave-copy\nquit\n"), interactive=False)
    copies = list(tmp_path.glob("p.toml.copy-*"))
    assert len(copies) == 1 and ids(copies[0]) == ["a-plus"]
    assert notices.saved_copy(copies[0]) in out.getvalue()
    assert "quit again" not in err.getvalue()  # the change is safe in the copy
    assert notices.changes_in_copy(copies[0]) in err.getvalue()
    assert not (tmp_path / "p.toml").exists()
    assert code == 1  # the failed save was reported; nothing was lost


def test_save_copy_to_a_path(make_shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sh, out, err = make_shell()
    target = tmp_path / "elsewhere.toml"
    sh.execute("add a-plus")
    sh.execute(f'save-copy "{target}"')
    assert notices.saved_copy(target) in out.getvalue() and ids(target) == ["a-plus"]
    sh.execute(f"save-copy {target}")
    assert notices.copy_exists(target) in err.getvalue()  # never overwritten
    assert sh.refusals == 1


def test_discard_drops_what_could_not_be_saved(make_shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sh, out, err = make_shell()
    sh.execute("discard")
    assert notices.NOTHING_TO_DISCARD in out.getvalue()
    sh.execute("add license")
    failing_fsync(monkeypatch)
    sh.execute("add a-plus")
    sh.execute("pin it")
    assert sh.unsaved
    code = run_shell(sh, io.StringIO("discard\nquit\n"), interactive=False)
    assert notices.DISCARDED in out.getvalue()
    assert [s.id for s in sh.plan.selections] == ["license"] and sh.plan.pinned_field is None
    assert code == 1 and "quit again" not in err.getvalue()  # nothing left unsaved: no question, not 3
    assert ids(tmp_path / "p.toml") == ["license"]


def test_keep_mine_over_a_plan_changed_on_disk(make_shell, catalog: Catalog, tmp_path: Path) -> None:
    sh, out, err = make_shell()
    path = tmp_path / "p.toml"
    sh.execute("add license")
    save_plan(path, Plan(student="Other program").with_selection("stna"), catalog)  # ignores the lock
    sh.execute("add a-plus")
    assert "was changed by another session" in err.getvalue()
    assert notices.SHELL_CHANGED_ELSEWHERE in err.getvalue()
    assert ids(path) == ["stna"] and sh.unsaved
    sh.execute("keep-mine")
    assert "Saved your version; the other version was kept as" in out.getvalue()
    assert ids(path) == ["license", "a-plus"] and not sh.unsaved
    kept = list(tmp_path.glob("p.toml.conflict*")) or [p for p in tmp_path.iterdir() if "conflict" in p.name]
    assert len(kept) == 1 and ids(kept[0]) == ["stna"]
    sh.execute("keep-mine")
    assert notices.NOTHING_TO_KEEP in out.getvalue()


def test_reload_takes_the_other_version(make_shell, catalog: Catalog, tmp_path: Path) -> None:
    sh, out, _err = make_shell()
    path = tmp_path / "p.toml"
    sh.execute("add license")
    save_plan(path, Plan(student="Other program").with_selection("stna"), catalog)
    sh.execute("add a-plus")
    assert sh.unsaved
    code = run_shell(sh, io.StringIO("reload\nstatus\n"), interactive=False)
    assert notices.RELOADED in out.getvalue()
    assert [s.id for s in sh.plan.selections] == ["stna"] and not sh.unsaved
    assert "Other program, class not set." in out.getvalue()
    assert ids(path) == ["stna"] and code == 1


def test_end_of_input_with_a_change_not_saved_keeps_a_copy_and_exits_3(
    make_shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sh, _, err = make_shell()
    failing_store(monkeypatch)
    assert run_shell(sh, io.StringIO("add a-plus\n"), interactive=False) == EXIT_NOT_SAVED
    copies = list(tmp_path.glob("p.toml.copy-*"))
    assert len(copies) == 1 and ids(copies[0]) == ["a-plus"]
    assert "could not be saved in the plan file" in err.getvalue()
    assert notices.saved_copy(copies[0]) in err.getvalue()


def test_a_read_only_session_refuses_changes_with_its_reason(make_shell, tmp_path: Path) -> None:
    first, _, _ = make_shell()
    first.execute("add license")
    sh, out, err = make_shell()  # the same file: another session holds it
    assert sh.session.read_only
    for line in ("add a-plus", "pin it", "score applied math 5", "save", "keep-mine"):
        sh.execute(line)
    refusals = err.getvalue().splitlines()
    assert len(refusals) == 5 and sh.refusals == 5
    assert all(r.startswith("Read-only, nothing was changed. This plan is open in another session") for r in refusals)
    assert "Added" not in out.getvalue() and [s.id for s in sh.plan.selections] == ["license"]
    assert ids(tmp_path / "p.toml") == ["license"]
    assert run_shell(sh, io.StringIO("status\nquit\n"), interactive=False) == 1  # refused, but nothing lost


def test_a_demo_never_writes(make_shell, tmp_path: Path) -> None:
    before = sorted(tmp_path.rglob("*"))
    sh, out, err = make_shell(demo=True)
    code = run_shell(sh, io.StringIO("add a-plus\nscore applied math 5\nstatus\nsave\nsave-copy\nreload\nkeep-mine\n"), interactive=False)
    assert "Added CompTIA A+ (a-plus)." in out.getvalue() and sh.plan.selection("a-plus")
    assert err.getvalue().count(notices.DEMO) == 4
    assert code == 1
    assert sorted(tmp_path.rglob("*")) == before


def test_the_cli_exits_3_when_a_change_is_left_unsaved(
    tmp_path: Path, catalog_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from credplan import cli

    monkeypatch.setenv("CREDPLAN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(sys, "stdin", io.StringIO("add a-plus\nquit\nquit\n"))
    failing_store(monkeypatch)
    code = cli.main(["shell", "--catalog", str(catalog_path), "--plan", str(tmp_path / "p.toml")])
    said = capsys.readouterr()
    assert code == 3, said.err
    assert notices.LEFT_UNSAVED in said.err
    assert not (tmp_path / "p.toml").exists()


@pytest.mark.parametrize("before", [False, True], ids=["shell --demo", "--demo shell"])
def test_the_cli_demo_writes_nothing(tmp_path: Path, catalog_path: Path, before: bool) -> None:
    if before:  # the planner's own --demo, given before the command
        environ = {k: v for k, v in os.environ.items() if k != "CREDPLAN_DATA_DIR"}
        environ["CREDPLAN_DATA_DIR"] = str(tmp_path / "data")
        result = subprocess.run(
            [sys.executable, "-m", "credplan", "--demo", "shell", "--catalog", str(catalog_path)],
            input="add a-plus\nstatus\nquit\n", capture_output=True, text=True, env=environ, timeout=120,
        )
    else:
        result = run_cli(tmp_path, "add a-plus\nstatus\nquit\n", "--catalog", str(catalog_path), "--demo")
    assert result.returncode == 0, result.stderr
    assert notices.DEMO in result.stderr
    assert "CompTIA A+ (a-plus), planned" in result.stdout
    data = tmp_path / "data"
    assert not data.exists() or not [p for p in data.rglob("*") if p.is_file()]


def test_commands_never_raise(make_shell, monkeypatch: pytest.MonkeyPatch) -> None:
    sh, _, err = make_shell()

    def boom(*_a: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(sh.session, "evaluation", boom)
    assert sh.execute("status") is True
    assert "Could not run `status`: kaboom" in err.getvalue()


HOSTILE_NAME = "Evil \x1b]52;c;ZXZpbA==\x07\x9b31m\u202eevil\u200b\u2066x\u2069\ufeff\r\nname"
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def test_no_control_bidi_or_invisible_character_reaches_the_output(tmp_path: Path) -> None:
    catalog = parse_catalog(CATALOG)
    evil = replace(catalog.info, title=HOSTILE_NAME, notes=f"line one {HOSTILE_NAME}\nline two")
    fields = tuple(replace(f, name=f"{f.name} {HOSTILE_NAME}") for f in catalog.fields)
    creds = tuple(replace(c, name=f"{c.name} {HOSTILE_NAME}", issuer=HOSTILE_NAME) for c in catalog.credentials)
    assessments = tuple(replace(a, name=f"{a.name} {HOSTILE_NAME}") for a in catalog.assessments)
    reqs = tuple(replace(r, name=f"{r.name} {HOSTILE_NAME}") for r in catalog.requirements)
    hostile = Catalog.build(evil, fields, creds, assessments, reqs, catalog.path)
    session = PlanSession.start(hostile, Plan(student=HOSTILE_NAME), path=tmp_path / "p.toml")
    try:
        for color in (False, True):
            out, err = io.StringIO(), io.StringIO()
            sh = PlanShell(session, out=out, err=err, color=color)
            script = [
                "help", "fields", "list it", "list health", "find comptia", "find evil", "about", "add a-plus",
                "add stna", "earned a-plus", "score applied math 5", "score applied math 9", "pin health",
                "status", "suggest", f"student {HOSTILE_NAME}", "status", f"add {HOSTILE_NAME}", f"frob{HOSTILE_NAME}",
                f"list {HOSTILE_NAME}", f"save-copy {tmp_path}/{HOSTILE_NAME}".replace("\n", " "), "remove a-plus",
            ]
            for line in script:
                sh.execute(line)
            text = out.getvalue() + err.getvalue()
            if color:  # the marks' colour codes are the only escapes
                text = re.sub(r"\x1b\[(?:3[12])?m|\x1b\[0m", "", text)
            assert not FORBIDDEN.findall(text), FORBIDDEN.findall(text)[:10]
            assert "Evil ␛]52;c;ZXZpbA==␇�31m�evil��x�� name" in text  # shown, made visible, not dropped
            assert "line two" in out.getvalue()
    finally:
        session.close()


def test_colour_only_when_asked(make_shell, monkeypatch: pytest.MonkeyPatch) -> None:
    sh, out, _ = make_shell(color=True)
    sh.execute("status")
    assert "  \x1b[31m[not met]\x1b[0m 12-point bundle" in out.getvalue()
    sh.execute("list construction")  # the catalog's own ESC is shown as a symbol, never sent
    assert "Odd ␛[31mred␛[0m" in out.getvalue()

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_color(Tty()) is True
    assert use_color(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(Tty()) is False


def test_completion(make_shell) -> None:
    sh, _, _ = make_shell()
    sh.execute("add a-plus")
    assert completions(sh, "", "") == sorted(shell_mod.COMMANDS)
    assert completions(sh, "li", "li") == ["list"]
    assert completions(sh, "add ", "") == ["license", "network-plus", "odd", "osha-10", "stna"]
    assert completions(sh, "add o", "o") == ["odd", "osha-10"]
    assert completions(sh, "remove ", "") == ["a-plus"]
    assert completions(sh, "list ", "") == ["construction", "health", "it"]
    assert completions(sh, "pin n", "n") == ["none"]
    assert completions(sh, "score workkeys:g", "workkeys:g") == ["workkeys:graphic-literacy"]
    assert completions(sh, "help st", "st") == ["status", "student"]
    assert completions(sh, "help sa", "sa") == ["save", "save-copy"]
    assert completions(sh, "k", "k") == ["keep-mine"]
    assert completions(sh, "add a-plus ", "") == []


def test_run_shell_reads_lines_until_quit(make_shell, tmp_path: Path) -> None:
    sh, _, _ = make_shell()
    code = run_shell(sh, io.StringIO("# a comment\n\nadd a-plus\nquit\nadd stna\n"), interactive=False)
    assert code == 0
    assert ids(tmp_path / "p.toml") == ["a-plus"]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_on_a_terminal_it_prompts_and_keeps_history(tmp_path: Path, catalog_path: Path) -> None:
    master, slave = os.openpty()
    environ = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    environ.update(CREDPLAN_DATA_DIR=str(tmp_path / "data"), TERM="dumb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "credplan", "shell", "--catalog", str(catalog_path), "--plan", str(tmp_path / "p.toml")],
        stdin=slave, stdout=slave, stderr=slave, env=environ, close_fds=True,
    )
    os.close(slave)
    seen = b""

    def read_until(marker: bytes, timeout: float = 30) -> None:
        nonlocal seen
        end = time.monotonic() + timeout
        while marker not in seen and time.monotonic() < end:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    seen += os.read(master, 4096)
                except OSError:
                    break

    try:
        read_until(b"credplan> ")
        os.write(master, b"add a-pl\t\n")  # tab completes the id
        read_until(b"Added CompTIA A+")
        os.write(master, b"quit\n")
        proc.wait(timeout=30)
        read_until(b"\x00", timeout=0.5)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    text = seen.decode("utf-8", "replace")
    assert "credplan shell: Shell test catalog." in text
    assert "credplan> " in text
    assert proc.returncode == 0
    assert [s.id for s in read(tmp_path / "p.toml").selections] == ["a-plus"]
    assert "add a-plus" in (tmp_path / "data" / "shell_history").read_text()


def test_reader_going_away_is_quiet(tmp_path: Path, catalog_path: Path) -> None:
    environ = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    environ["CREDPLAN_DATA_DIR"] = str(tmp_path / "data")
    proc = subprocess.Popen(
        [sys.executable, "-m", "credplan", "shell", "--catalog", str(catalog_path), "--plan", str(tmp_path / "p.toml")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environ,
    )
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    proc.stdin.write(b"add a-plus\n" + b"help\n" * 3000)
    proc.stdin.close()
    assert proc.stdout.readline().startswith(b"Added CompTIA A+")
    proc.stdout.close()  # like `| head -1`
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert "Traceback" not in stderr and "Broken pipe" not in stderr and "Exception ignored" not in stderr
    assert [s.id for s in read(tmp_path / "p.toml").selections] == ["a-plus"]


def test_setting_the_class_says_which_workkeys_rule_and_why(tmp_path: Path) -> None:
    done = run_cli(tmp_path, "class 2027\nclass 2019\nclass none\n", "--catalog", "ohio", "--plan", str(tmp_path / "p.toml"))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "For the class of 2027: WorkKeys Silver NCRC (class 2025 on), at least 4 on every part." in out
    assert "For the class of 2019: WorkKeys (classes 2018-2019), a total of at least 13 and at least 3 on every part." in out
    assert "The 3 ACT WorkKeys rules depend on the graduating class" in out
