"""`credplan import LIST.xlsx`: shows what it guessed, writes only when confirmed."""

from __future__ import annotations

from workbooks import field_per_sheet_workbook, state_workbook

ARGS = ("--id", "state", "--title", "State list", "--source", "https://example.org/list", "--region", "Ohio, USA")


def test_dry_run_shows_the_columns_and_writes_nothing(run, tmp_path):
    book = state_workbook(tmp_path / "list.xlsx")
    out = tmp_path / "state.toml"
    done = run("import", str(book), "-o", str(out), *ARGS, "--dry-run")
    assert done.returncode == 0, done.stderr
    assert not out.exists()
    lines = done.stdout.splitlines()
    assert lines[1] == 'sheet "Credentials": header on row 4, 10 rows below it'
    assert lines[2:8] == [
        '  credential name  column A "Credential Name"',
        '  issuer           column B "Issuing Organization"',
        '  career field     column C "Career Field"',
        '  points           column D "Point Value"',
        '  cost             column E "Exam Cost ($)"',
        '  hours            column F "Prep Hours"',
    ]
    assert lines[-2] == "4 credentials in 2 career fields from 5 rows; 5 skipped; 1 credential marked verified = false"
    assert lines[-1] == "Dry run: nothing written."
    assert f"{book}:Credentials:15: a totals row; skipped" in done.stderr
    assert f"{book}:Credentials:8: points `six` for `State Tested Nurse Aide` is not a whole number; row skipped" in done.stderr
    assert "without points skipped; give --default-points N" in done.stderr


def test_not_confirmed_then_yes(run, tmp_path):
    book = state_workbook(tmp_path / "list.xlsx")
    out = tmp_path / "state.toml"
    done = run("import", str(book), "-o", str(out), *ARGS)  # no terminal to ask on
    assert done.returncode == 1 and not out.exists()
    assert "Nothing written: check the columns above, then run again with --yes" in done.stderr
    done = run("import", str(book), "-o", str(out), *ARGS, "--yes")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == f"{out}: ok, 2 fields, 4 credentials, 1 requirements"
    assert run("validate", str(out)).returncode == 0
    again = run("import", str(book), "-o", str(out), *ARGS, "--yes")
    assert again.returncode == 2 and "already exists; give --force" in again.stderr


def test_one_sheet_per_field_to_standard_output(run, tmp_path):
    book = field_per_sheet_workbook(tmp_path / "fields.xlsx")
    done = run("import", str(book), "-o", "-", *ARGS, "--yes")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Imported by `credplan import` from fields.xlsx.")
    assert 'career field     from the sheet name: "Health"' in done.stderr  # the guess goes to stderr here
    assert 'name = "Information Technology"' in done.stdout


def test_a_csv_and_named_columns(run, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Course,Cluster,Weight\nWelding I,Manufacturing,9\n", encoding="utf-8")
    out = tmp_path / "c.toml"
    bad = run("import", str(path), "-o", str(out), *ARGS, "--yes")
    assert bad.returncode == 2 and "no sheet has a header row" in bad.stderr
    done = run("import", str(path), "-o", str(out), *ARGS, "--yes", "--name-col", "Course", "--points-col", "C")
    assert done.returncode == 0, done.stderr
    assert 'name = "Welding I"' in out.read_text(encoding="utf-8")
