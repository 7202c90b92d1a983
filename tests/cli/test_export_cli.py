"""`credplan export` and `credplan plans` from the command line."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from credplan.cli import main
from credplan.core.model import Plan, Selection
from plantools import save_plan
from credplan.core.students import plan_path_for

ROOT = Path(__file__).resolve().parent.parent.parent
GOLDEN = ROOT / "tests" / "golden"
OHIO_SAMPLE = str(GOLDEN / "ohio-sample.toml")
OHIO_PLAN = str(GOLDEN / "plan-ohio.toml")
COLORADO_PLAN = str(GOLDEN / "plan-colorado.toml")
FILE_LINE = re.compile(r"^.+:\d+: .+$")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "data"
    monkeypatch.setenv("CREDPLAN_DATA_DIR", str(directory))
    return directory


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", ["md", "txt", "json"])
def test_export_to_stdout_matches_the_golden_files(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, err = run(capsys, "export", "--catalog", "colorado-example", "--plan", COLORADO_PLAN, "--format", fmt)
    assert (code, err) == (0, "")
    assert out == (GOLDEN / f"export-colorado.{fmt}").read_text(encoding="utf-8")
    code, out, err = run(capsys, "export", "--catalog", OHIO_SAMPLE, "--plan", OHIO_PLAN, "--format", fmt)
    assert code == 0  # what changed in the catalog is said on stderr too, as every front-end says it
    assert err.splitlines() == [
        "The catalog was checked again on 2026-11-23 (this plan was saved with the list checked 2026-11-01).",
        "`microsoft-office-specialist` is no longer in this catalog; it stays in the plan but does not count.",
        "CompTIA A+: was 12 points, now 10 points in Information Technology",
    ]
    assert out == (GOLDEN / f"export-ohio.{fmt}").read_text(encoding="utf-8")


def test_default_catalog_is_ohio_and_default_format_is_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = tmp_path / "p.toml"
    save_plan(plan, Plan(student="Sam", selections=(Selection("ohio-driver-license", "earned"),)))
    code, out, _ = run(capsys, "export", "--plan", str(plan))
    assert code == 0
    assert out.startswith("Credential plan: Sam\n")
    assert "(ohio), Ohio, USA" in out and "Ohio driver license" in out


def test_output_file_takes_its_format_from_the_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code, out, err = run(capsys, "export", "--catalog", OHIO_SAMPLE, "--plan", OHIO_PLAN, "-o", str(target))
    assert code == 0 and out == ""
    assert str(target) in err
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["student"] == "Ana López" and data["catalog"] == "ohio-sample"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # it names a student
    assert {p.name for p in tmp_path.iterdir()} - {"data"} == {"report.json"}  # no temp file left


def test_replacing_an_export_keeps_its_permissions(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old")
    target.chmod(0o644)
    code, _, _ = run(capsys, "export", "--catalog", OHIO_SAMPLE, "--plan", OHIO_PLAN, "-o", str(target))
    assert code == 2 and target.read_text() == "old"  # never replaced unless asked
    code, _, _ = run(capsys, "export", "--catalog", OHIO_SAMPLE, "--plan", OHIO_PLAN, "-o", str(target), "--force")
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith("# Credential plan: Ana López")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_export_by_student_name(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    path = plan_path_for("Ana López", data_dir / "plans")
    save_plan(path, Plan(student="Ana López", selections=(Selection("comptia-a-plus"),)))
    code, out, _ = run(capsys, "export", "--catalog", OHIO_SAMPLE, "--student", "Ana López", "--format", "md")
    assert code == 0 and out.startswith("# Credential plan: Ana López")
    code, out, _ = run(capsys, "export", "--catalog", OHIO_SAMPLE, "--student", "ana  LÓPEZ", "--format", "json")
    assert code == 0 and json.loads(out)["student"] == "Ana López"
    # without the accent it may be another student: not guessed, but pointed out
    code, out, err = run(capsys, "export", "--catalog", OHIO_SAMPLE, "--student", "ana lopez", "--format", "json")
    assert code == 2 and out == "" and "a similar name has one: 'Ana López'" in err


def test_unknown_student_is_exit_2_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", "--student", "Nobody Here")
    assert code == 2 and out == ""
    assert "no saved plan for student 'Nobody Here'" in err and "credplan plans" in err


def test_broken_plan_is_exit_2_with_file_and_line_and_is_left_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = tmp_path / "broken.toml"
    plan.write_text('format = 1\nstudent = "Ana"\n[[selection]]\nid = "x"\nstatus = "maybe"\n')
    before = plan.read_bytes()
    code, out, err = run(capsys, "export", "--catalog", OHIO_SAMPLE, "--plan", str(plan))
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert lines and all(FILE_LINE.match(line) for line in lines), err
    assert lines[0].startswith(f"{plan}:5: ")
    assert "Traceback" not in err
    assert plan.read_bytes() == before  # export never moves or rewrites a plan
    assert {p.name for p in tmp_path.iterdir()} - {"data"} == {"broken.toml"}  # no backup made


def test_broken_catalog_and_missing_files_are_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 1\n[catalog\n")
    code, _, err = run(capsys, "export", "--catalog", str(bad), "--plan", OHIO_PLAN)
    assert code == 2 and err.startswith(f"{bad}:2: TOML syntax")
    code, _, err = run(capsys, "export", "--catalog", OHIO_SAMPLE, "--plan", str(tmp_path / "none.toml"))
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, "export", "--catalog", "atlantis", "--plan", OHIO_PLAN)
    assert code == 2 and "no bundled catalog" in err
    code, _, err = run(capsys, "export", "--catalog", OHIO_SAMPLE, "--plan", OHIO_PLAN, "-o", str(tmp_path / "no" / "r.md"))
    assert code == 2 and "cannot write" in err
    code, _, err = run(capsys, "export", "--catalog", OHIO_SAMPLE, "--plan", OHIO_PLAN, "-o", str(tmp_path))
    assert code == 2 and "is a directory" in err


def test_plan_and_student_together_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["export", "--plan", OHIO_PLAN, "--student", "Ana"])
    assert info.value.code == 2
    with pytest.raises(SystemExit):
        main(["export", "--plan", OHIO_PLAN, "--format", "pdf"])
    capsys.readouterr()


def test_export_does_not_load_textual(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from credplan.cli import main\n"
        f"rc = main(['export', '--catalog', {OHIO_SAMPLE!r}, '--plan', {OHIO_PLAN!r}, '-o', {str(tmp_path / 'r.txt')!r}])\n"
        "assert rc == 0, rc\n"
        "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules), 'textual loaded'\n"
    )
    env = dict(os.environ, CREDPLAN_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "r.txt").read_text(encoding="utf-8").startswith("Credential plan: Ana López")


# -- credplan plans -------------------------------------------------------------------------------------
def test_plans_lists_students_and_kept_aside_files(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = run(capsys, "plans")
    assert code == 0 and "No saved plans" in out
    plans = data_dir / "plans"
    save_plan(plan_path_for("Ana López", plans), Plan(student="Ana López", selections=(Selection("a"),)))
    save_plan(plan_path_for("Bob", plans), Plan(student="Bob"))
    (plans / "zz.toml").write_text("student = [")
    (plans / "old.toml.broken-20261101-101010").write_text("x")
    code, out, _ = run(capsys, "plans")
    assert code == 0
    lines = out.splitlines()
    assert lines[1].lstrip().startswith("Ana López") and "1 selected" in lines[1]
    assert lines[2].lstrip().startswith("Bob") and "0 selected" in lines[2]
    assert "zz.toml (cannot be read)" in out
    assert "old.toml.broken-20261101-101010" in out and "kept aside" in out
    code, out, _ = run(capsys, "plans", "--json")
    data = json.loads(out)
    assert [p["student"] for p in data["plans"]] == ["Ana López", "Bob", ""]
    assert data["plans"][2]["problem"].startswith(str(plans / "zz.toml") + ":1:")
    assert data["broken_backups"] == [str(plans / "old.toml.broken-20261101-101010")]
