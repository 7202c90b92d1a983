"""`credplan shell`: driven through stdin/stdout as a script or a screen reader would,
with the saved plan file checked after each run (CREDPLAN_DATA_DIR is a temp dir)."""

from __future__ import annotations

import io
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from credplan import shell as shell_mod
from credplan.core.catalog import parse_catalog
from credplan.core.model import BELOW, Catalog, Plan
from credplan.core.plans import parse_plan
from plantools import save_plan
from credplan.shell import PlanShell, completions, parse_score, run_shell, use_color

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
    # The catalog's escape codes are dropped; its brackets are kept as plain text.
    assert "odd: Odd [31mred[0m [b]bold[/b] name, 2 points" in result.stdout
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
    assert "Bundle field: Information Technology (most points): 10/12 points." in out
    assert "[not met] 10 of 12 points in Information Technology: 2 more points in Information Technology" in out
    assert "[not met] WorkKeys:" in out
    assert "[other field] State Tested Nurse Aide (stna), planned: listed in Health, not Information Technology; it does not count" in out
    assert "CompTIA Network+ (network-plus), planned: counts 9 points in Information Technology ?" in out
    assert "ACT WorkKeys: Applied Math 5, Graphic Literacy not taken, Workplace Documents not taken" in out
    assert shell_mod.UNVERIFIED_HELP in out
    assert out.rstrip().splitlines()[-1].startswith("Still missing: 2 more points in Information Technology")

    script = "add a-plus\nscore applied 5\nscore graphic 4\nscore workplace 4\nstatus\n"
    result, _ = shell_run(tmp_path, catalog_path, script, plan_name="other.toml")
    assert "[met] 12 of 12 points in Information Technology" in result.stdout
    assert "[met] WorkKeys: total 13 of 13, every part at least 3" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1] == "Meets every requirement."


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
    assert "Bundle field: Health (most points): 6/12 points." in result.stdout
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


# -- the engine in process -----------------------------------------------------------------------------------
def make_shell(catalog: Catalog, plan: Plan | None = None, *, color: bool = False) -> tuple[PlanShell, list[Plan], io.StringIO, io.StringIO]:
    saved: list[Plan] = []
    out, err = io.StringIO(), io.StringIO()
    sh = PlanShell(catalog, plan or Plan(), save=lambda p, c: saved.append(p), out=out, err=err, color=color)
    return sh, saved, out, err


def test_every_change_is_saved_at_once(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    sh = PlanShell(catalog, Plan(), save=lambda p, c: save_plan(path, p, c), out=io.StringIO(), err=io.StringIO())
    sh.execute("add a-plus")
    assert [s.id for s in read(path).selections] == ["a-plus"]  # before quitting
    sh.execute("score applied math 6")
    assert read(path).score("workkeys", "Applied Math") == 6
    assert not sh.unsaved


def test_only_changes_save(catalog: Catalog) -> None:
    sh, saved, _, _ = make_shell(catalog)
    for line in ["status", "fields", "list it", "find a", "help", "add a-plus", "add a-plus", "pin none"]:
        sh.execute(line)
    assert len(saved) == 1


def test_a_failed_save_is_said_and_retried_at_the_end(catalog: Catalog) -> None:
    calls: list[Plan] = []

    def flaky(plan: Plan, _c: Catalog) -> None:
        calls.append(plan)
        if len(calls) == 1:
            raise PermissionError(13, "Permission denied")

    err = io.StringIO()
    sh = PlanShell(catalog, Plan(), save=flaky, out=io.StringIO(), err=err)
    sh.execute("add a-plus")
    assert "Could not save the plan: Permission denied." in err.getvalue()
    assert sh.unsaved
    assert sh.finish() is True
    assert len(calls) == 2 and not sh.unsaved


def test_commands_never_raise(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    sh, _, _, err = make_shell(catalog)

    def boom(*_a: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(shell_mod, "evaluate", boom)
    assert sh.execute("status") is True
    assert "Could not run `status`: kaboom" in err.getvalue()


def test_suggest_when_the_module_is_missing(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    real = shell_mod.importlib.util.find_spec
    monkeypatch.setattr(
        shell_mod.importlib.util, "find_spec", lambda name, *a: None if name == "credplan.core.suggest" else real(name, *a)
    )
    sh, _, out, _ = make_shell(catalog)
    sh.execute("suggest")
    assert out.getvalue() == "Suggestions are not available in this version.\n"


def test_colour_only_when_asked(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    sh, _, out, _ = make_shell(catalog, color=True)
    sh.execute("status")
    assert "\x1b[31m[not met]\x1b[0m" in out.getvalue()

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_color(Tty()) is True
    assert use_color(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(Tty()) is False


def test_completion(catalog: Catalog) -> None:
    sh, _, _, _ = make_shell(catalog)
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
    assert completions(sh, "add a-plus ", "") == []


def test_parse_score() -> None:
    from credplan.core.model import Assessment

    wk = Assessment("workkeys", "ACT WorkKeys", ("Applied Math",), 3, 7)
    assert parse_score("5", wk, "Applied Math") == 5
    assert parse_score("<3", wk, "Applied Math") is BELOW
    assert parse_score("<", wk, "Applied Math") is BELOW
    assert parse_score("none", wk, "Applied Math") is None
    for bad in ("8", "2", "<4", "x", "5.5"):
        with pytest.raises(shell_mod.Refused):
            parse_score(bad, wk, "Applied Math")


def test_run_shell_reads_lines_until_quit(catalog: Catalog) -> None:
    sh, saved, out, _ = make_shell(catalog)
    code = run_shell(sh, io.StringIO("# a comment\n\nadd a-plus\nquit\nadd stna\n"), interactive=False)
    assert code == 0
    assert [s.id for s in saved[-1].selections] == ["a-plus"]


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
