"""The state's list read straight from Excel: header found, columns guessed, every rule
of the CSV import kept. Workbooks are built with openpyxl, as a state or a
counselor's spreadsheet would have them (tests/workbooks.py): a merged title, a header
merged over two rows, blank rows, a totals row, points typed as text, one sheet per career field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from credplan.core.catalog import parse_catalog
from credplan.core.csv_import import ImportOptions, catalog_toml
from credplan.core.problems import FileProblems
from credplan.core.xlsx_import import cell_text, column_letter, guess, import_list, read_table, role_of
from workbooks import field_per_sheet_workbook, state_workbook

OPTIONS = ImportOptions("state", "State list", "https://example.org/list", "Ohio, USA", dt.date(2026, 11, 1),
                        tool="import", kind="list")


def run_import(path: Path, **overrides: str):
    sheets, notes = read_table(path, path.name)
    guessed = guess(sheets, path.name, overrides)
    return guessed, notes, import_list(guessed, path.name, OPTIONS)


def test_header_found_under_a_merged_title_and_columns_guessed(tmp_path):
    guessed, notes, _ = run_import(state_workbook(tmp_path / "list.xlsx"))
    [m] = guessed.mappings
    assert m.sheet.name == "Credentials" and m.header_line == 4  # the header merged over rows 3-4
    assert {r: column_letter(i) for r, i in m.columns.items()} == {
        "name": "A", "issuer": "B", "field": "C", "points": "D", "cost": "E", "hours": "F"}
    assert not m.field_from_sheet and m.data_rows == 10
    assert [str(p) for p in guessed.problems] == [
        "list.xlsx:Read me: no header row naming the credential and its points or field in the first 30 rows; sheet skipped"]
    assert [str(p) for p in notes] == ["list.xlsx:Old list: hidden sheet; skipped (name it with --sheet to read it)"]


def test_every_rule_of_the_csv_import_holds(tmp_path):
    _, _, result = run_import(state_workbook(tmp_path / "list.xlsx"))
    assert [str(p) for p in result.problems if "Credentials" in p.file] == [
        "list.xlsx:Credentials:8: points `six` for `State Tested Nurse Aide` is not a whole number; row skipped",
        "list.xlsx:Credentials:11: no points for `ServSafe Food Handler` in Hospitality and Tourism; row skipped",
        "list.xlsx:Credentials:12: no credential name (column `Credential Name`); row skipped",
        "list.xlsx:Credentials:14: `Pharmacy Technician (CPhT)` in Health has 9 points here but 12 on line 13; "
        "kept 12, marked verified = false",
        "list.xlsx:Credentials:15: a totals row; skipped",
    ]
    assert result.missing_points == 1  # never made up
    creds = {c["id"]: c for c in result.document["credential"]}
    assert creds["comptia-a-plus"] == {
        "id": "comptia-a-plus", "name": "CompTIA A+", "issuer": "CompTIA", "fields": ["information-technology"],
        "points": 12, "verified": True, "cost": 506, "hours": 120}
    assert creds["comptia-network-plus"]["points"] == 9 and creds["comptia-network-plus"]["cost"] == 369
    assert creds["ohio-driver-license"]["fields"] == ["information-technology", "health"]
    assert creds["pharmacy-technician-cpht"]["verified"] is False
    assert "servsafe-food-handler" not in creds and "state-tested-nurse-aide" not in creds
    text = catalog_toml(result, "list.xlsx")
    assert "# Imported by `credplan import` from list.xlsx." in text
    assert "# list.xlsx: Credentials rows 9-10" in text
    catalog = parse_catalog(text, "state.toml")  # a valid catalog
    assert catalog.credential_by_id["comptia-a-plus"].cost == 506


def test_default_points_keeps_rows_marked_unverified(tmp_path):
    path = state_workbook(tmp_path / "list.xlsx")
    sheets, _ = read_table(path, path.name)
    result = import_list(guess(sheets, path.name), path.name,
                         ImportOptions(**{**OPTIONS.__dict__, "default_points": 1}))
    food = next(c for c in result.document["credential"] if c["id"] == "servsafe-food-handler")
    assert food["points"] == 1 and food["verified"] is False


def test_one_sheet_per_career_field(tmp_path):
    guessed, _, result = run_import(field_per_sheet_workbook(tmp_path / "fields.xlsx"))
    assert [(m.sheet.name, m.field_from_sheet, m.header_line) for m in guessed.mappings] == [
        ("Information Technology", True, 1), ("Health", True, 2)]
    assert [f["name"] for f in result.document["field"]] == ["Information Technology", "Health"]
    creds = {c["id"]: c for c in result.document["credential"]}
    assert creds["ohio-driver-license"]["fields"] == ["information-technology", "health"]
    assert creds["state-tested-nurse-aide"]["cost"] == 125
    assert result.problems == []
    text = catalog_toml(result, "fields.xlsx")
    assert "# fields.xlsx: Information Technology row 3; Health row 4" in text
    parse_catalog(text, "fields.toml")


def test_columns_named_by_heading_or_letter(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "List"
    ws.append(["Course", "Cluster", "Value", "Weight"])
    ws.append(["Welding I", "Manufacturing", 4, 9])
    path = tmp_path / "odd.xlsx"
    wb.save(path)
    with pytest.raises(FileProblems):  # "Course" and "Value" say nothing a guess can use
        run_import(path)
    guessed, _, result = run_import(path, name="Course", points="D")
    assert guessed.mappings[0].columns == {"name": 0, "field": 1, "points": 3}
    assert result.document["credential"][0]["points"] == 9
    with pytest.raises(FileProblems, match="no `Nope` column for the issuer"):
        run_import(path, name="Course", points="D", issuer="Nope")


def test_a_csv_goes_the_same_way(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("State list 2026\n\nCredential Title,Career Cluster,Points,Fee\nA+,IT,12,$506\nB,IT,,\n",
                    encoding="utf-8")
    guessed, _, result = run_import(path)
    assert guessed.mappings[0].header_line == 3 and guessed.mappings[0].sheet.name is None
    assert [str(p) for p in result.problems] == ["list.csv:5: no points for `B` in IT; row skipped"]
    assert result.document["credential"][0]["cost"] == 506


def test_a_file_that_is_not_a_workbook(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a zip", encoding="utf-8")
    with pytest.raises(FileProblems, match=r"bad\.xlsx: cannot be read as a spreadsheet"):
        read_table(bad, "bad.xlsx")
    with pytest.raises(FileProblems, match="no such file"):
        read_table(tmp_path / "missing.xlsx", "missing.xlsx")
    with pytest.raises(FileProblems, match="no sheet named `Nope`"):
        read_table(state_workbook(tmp_path / "l.xlsx"), "l.xlsx", ["Nope"])


def test_small_pieces():
    assert role_of("Point Value") == "points" and role_of("Issuing Organization Name") == "issuer"
    assert role_of("Credential Points") == "points" and role_of("Cost ($)") == "cost"
    assert role_of("Career Field") == "field" and role_of("Credential Name") == "name"
    assert role_of("Notes") is None
    assert cell_text(12.0) == "12" and cell_text(358.5) == "358.5" and cell_text(None) == ""
    assert cell_text(dt.date(2026, 1, 31)) == "2026-01-31"
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]
