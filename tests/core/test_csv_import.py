"""`credplan import-csv`: a state list exported as CSV becomes a catalog that loads.

tests/fixtures/csv/state-list.csv is written as Excel writes it (BOM, CRLF) and holds
the usual trouble: blank lines, quoted commas, a name broken over two lines, a
credential in three fields, duplicates, a conflicting duplicate, bad points, missing
values and an unquoted comma. ohio-sources.csv is the research team's real list
(shared/facts/ohio-credentials.csv): the driver license in all 13 fields, and rows
without points or a field.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from credplan.cli import main
from credplan.core.catalog import load_catalog, parse_catalog
from credplan.core.csv_import import (
    Columns,
    ImportOptions,
    catalog_toml,
    decode_csv,
    import_csv_text,
    line_ranges,
    slug,
)
from credplan.core.problems import FileProblems

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "csv"
STATE_LIST = FIXTURES / "state-list.csv"
OHIO = FIXTURES / "ohio-sources.csv"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["import-csv", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def import_args(csv: Path, out: Path, *extra: str) -> list[str]:
    return [
        str(csv), "-o", str(out), "--id", "test-state", "--title", "Test state list",
        "--source", "https://example.org/list.csv", "--region", "Test State, USA", *extra,
    ]


@pytest.fixture
def imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str, Path]:
    out = tmp_path / "catalog.toml"
    code, stdout, stderr = run(capsys, *import_args(STATE_LIST, out))
    return code, stdout, stderr, out


def test_fixture_is_written_like_excel() -> None:
    data = STATE_LIST.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data
    assert b'"Business, Marketing and Finance"' in data


def test_realistic_csv_becomes_a_catalog_that_loads(imported: tuple[int, str, str, Path]) -> None:
    code, stdout, stderr, out = imported
    assert code == 0, stderr
    catalog = load_catalog(out)
    assert catalog.id == "test-state"
    assert catalog.info.region == "Test State, USA"
    assert catalog.info.checked == dt.date.today()
    assert [f.name for f in catalog.fields] == [
        "Information Technology",
        "Health",
        "Construction",
        "Manufacturing",
        "Agriculture, Food and Natural Resources",
        "Business, Marketing and Finance",
        "Hospitality and Tourism",
        "Transportation",
    ]
    assert [f.id for f in catalog.fields][4:6] == ["agriculture-food-and-natural-resources", "business-marketing-and-finance"]
    assert [r.kind for r in catalog.requirements] == ["bundle"]
    assert catalog.requirements[0].points == 12
    assert "8 credentials" in stdout


def test_credential_in_several_fields_is_one_entry(imported: tuple[int, str, str, Path]) -> None:
    *_, out = imported
    catalog = load_catalog(out)
    osha = catalog.credential_by_id["osha-10-hour-construction"]
    assert osha.fields == ("construction", "manufacturing", "agriculture-food-and-natural-resources")
    assert set(osha.points.values()) == {1}
    assert "points = 1\n" in out.read_text().split('id = "osha-10-hour-construction"')[1].split("[[")[0]

    excel = catalog.credential_by_id["microsoft-office-specialist-excel"]
    assert dict(excel.points) == {"information-technology": 2, "health": 1, "business-marketing-and-finance": 3}
    assert excel.verified
    assert "points = { information-technology = 2, health = 1, business-marketing-and-finance = 3 }" in out.read_text()


def test_names_issuers_and_ids(imported: tuple[int, str, str, Path]) -> None:
    *_, out = imported
    catalog = load_catalog(out)
    ids = [c.id for c in catalog.credentials]
    assert ids == [
        "comptia-a-plus",
        "nurse-aide-state-tested-stna",
        "osha-10-hour-construction",
        "microsoft-office-specialist-excel",
        "certified-nursing-assistant-cna",
        "food-handler",
        "food-handler-2",
        "ohio-driver-license",
    ]
    by_id = catalog.credential_by_id
    assert by_id["nurse-aide-state-tested-stna"].name == "Nurse Aide, State Tested (STNA)"
    assert by_id["certified-nursing-assistant-cna"].name == "Certified Nursing Assistant (CNA)"
    assert (by_id["food-handler"].issuer, by_id["food-handler-2"].issuer) == ("ServSafe", "StateFoodSafety")
    # A row without an issuer joins the same name; the issuer comes from the row that has one.
    assert by_id["ohio-driver-license"].issuer == "Ohio BMV"
    assert by_id["ohio-driver-license"].fields == ("health", "transportation")


def test_verified_only_where_the_csv_agrees(imported: tuple[int, str, str, Path]) -> None:
    *_, out = imported
    catalog = load_catalog(out)
    unverified = {c.id for c in catalog.credentials if not c.verified}
    # Line 22 gives the nurse aide 8 points where line 3 gave 6: kept 6, unconfirmed.
    assert unverified == {"nurse-aide-state-tested-stna"}
    assert dict(catalog.credential_by_id["nurse-aide-state-tested-stna"].points) == {"health": 6}
    text = out.read_text()
    assert text.count("\nverified = true") == 7
    assert text.count("\nverified = false") == 1


def test_rows_it_cannot_use_are_reported_with_lines(imported: tuple[int, str, str, Path]) -> None:
    _code, _, stderr, _ = imported
    name = str(STATE_LIST)
    lines = [ln for ln in stderr.splitlines() if ln.startswith(name + ":")]
    by_line = {int(ln[len(name) + 1 :].split(":", 1)[0]): ln for ln in lines if ln[len(name) + 1 :].split(":", 1)[0].isdigit()}
    assert sorted(by_line) == [11, 12, 13, 14, 15, 16, 19, 22, 23]
    assert "duplicate of line 2" in by_line[11]
    assert "points `twelve`" in by_line[12] and "not a whole number" in by_line[12]
    assert "no career field" in by_line[13] and "AWS D1.1" in by_line[13]
    assert "no credential name" in by_line[14]
    assert "outside 1..12" in by_line[15]
    assert "no points for `Certified Logistics Technician` in Manufacturing" in by_line[16]
    # After the name broken over lines 17-18, line numbers still match the file.
    assert "comma inside a value that is not in quotes" in by_line[19]
    assert "8 points here but 6 on line 3" in by_line[22]
    assert "duplicate of line 2" in by_line[23]
    assert "--default-points" in stderr
    assert all("Traceback" not in ln for ln in stderr.splitlines())


def test_output_passes_validate(imported: tuple[int, str, str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    *_, out = imported
    assert main(["validate", str(out)]) == 0
    assert "ok, 8 fields, 8 credentials, 1 requirements" in capsys.readouterr().out


def test_csv_lines_are_kept_as_comments(imported: tuple[int, str, str, Path]) -> None:
    *_, out = imported
    text = out.read_text()
    assert "# state-list.csv lines 8-10\n[[credential]]\nid = \"microsoft-office-specialist-excel\"" in text
    assert "# state-list.csv line 17\n" in text


def test_default_points_are_marked_unverified(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "c.toml"
    code, _, stderr = run(capsys, *import_args(STATE_LIST, out, "--default-points", "2"))
    assert code == 0
    catalog = load_catalog(out)
    logistics = catalog.credential_by_id["certified-logistics-technician"]
    assert dict(logistics.points) == {"manufacturing": 2}
    assert not logistics.verified
    assert f"{STATE_LIST}:16: no points for `Certified Logistics Technician` in Manufacturing: used --default-points 2" in stderr


def test_real_ohio_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ohio.toml"
    code, _stdout, stderr = run(capsys, *import_args(OHIO, out, "--checked", "2026-11-23"))
    assert code == 0, stderr
    catalog = load_catalog(out)
    assert catalog.info.checked == dt.date(2026, 11, 23)
    assert len(catalog.fields) == 13
    (license_,) = catalog.credentials
    assert license_.name == "Ohio driver's license"
    assert license_.id == "ohio-drivers-license"
    assert len(license_.fields) == 13 and set(license_.points.values()) == {1}
    assert license_.verified
    assert stderr.count("no points for") == 13
    assert stderr.count("no career field") == 4
    assert "13 rows without points skipped" in stderr

    code, _, stderr = run(capsys, *import_args(OHIO, tmp_path / "all.toml", "--default-points", "1"))
    assert code == 0
    catalog = load_catalog(tmp_path / "all.toml")
    assert len(catalog.credentials) == 14
    assert sum(not c.verified for c in catalog.credentials) == 13


def test_column_names_from_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "list.csv"
    src.write_text(
        "Credential Title;Agency;Cluster;Point Value\n"
        "Welding Level 1;AWS;Manufacturing;6\n"
        "Welding Level 1;AWS;Construction;3\n",
        encoding="utf-8",
    )
    out = tmp_path / "c.toml"
    code, _, stderr = run(
        capsys,
        *import_args(src, out, "--name-col", "credential title", "--issuer-col", "Agency",
                     "--field-col", "CLUSTER", "--points-col", "point_value"),
    )
    assert code == 0, stderr
    (cred,) = load_catalog(out).credentials
    assert (cred.name, cred.issuer, dict(cred.points)) == ("Welding Level 1", "AWS", {"manufacturing": 6, "construction": 3})


def test_missing_column_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "list.csv"
    src.write_text("title,cluster,points\nA,B,3\n", encoding="utf-8")
    code, _, stderr = run(capsys, *import_args(src, tmp_path / "c.toml"))
    assert code == 2
    assert f"{src}:1: no `name` column (columns: `title`, `cluster`, `points`); name the name column with --name-col" in stderr
    assert not (tmp_path / "c.toml").exists()

    code, _, stderr = run(capsys, *import_args(src, tmp_path / "c.toml", "--name-col", "title", "--field-col", "cluster", "--issuer-col", "agency"))
    assert code == 2
    assert "no `agency` column" in stderr


def test_nothing_usable_exits_2_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "list.csv"
    src.write_text("name,issuer,career_field,points\nA,,,3\n,,IT,3\nB,,IT,\n", encoding="utf-8")
    out = tmp_path / "c.toml"
    code, _, stderr = run(capsys, *import_args(src, out))
    assert code == 2
    assert f"{src}:2: no career field" in stderr
    assert f"{src}:3: no credential name" in stderr
    assert f"{src}:4: no points" in stderr
    assert "nothing written" in stderr
    assert not out.exists()


def test_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "list.csv"
    src.write_bytes(b"\xef\xbb\xbf\r\n\r\n")
    code, _, stderr = run(capsys, *import_args(src, tmp_path / "c.toml"))
    assert code == 2
    assert "empty" in stderr


def test_existing_output_needs_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "c.toml"
    out.write_text("# hand edits\n")
    code, _, stderr = run(capsys, *import_args(STATE_LIST, out))
    assert code == 2 and "--force" in stderr
    assert out.read_text() == "# hand edits\n"
    code, _, _ = run(capsys, *import_args(STATE_LIST, out, "--force"))
    assert code == 0
    load_catalog(out)


def test_stdout_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, stderr = run(capsys, *import_args(STATE_LIST, Path("-")))
    assert code == 0
    parse_catalog(stdout)
    assert "8 credentials" in stderr


def test_bad_catalog_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, stderr = run(capsys, *import_args(STATE_LIST, tmp_path / "c.toml")[:-2], "--id", "Test State")
    assert code == 2
    assert "must be short and lowercase" in stderr


def test_region_placeholder_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "c.toml"
    args = [str(STATE_LIST), "-o", str(out), "--id", "x", "--title", "X", "--source", "https://x"]
    code, stdout, _ = run(capsys, *args)
    assert code == 0
    assert load_catalog(out).info.region == "region not given"
    assert "set `region`" in stdout


def test_windows_1252_is_read_with_a_note() -> None:
    data = "name,issuer,career_field,points\nCaf\u00e9 Server,,Hospitality,2\n".encode("cp1252")
    text, notes = decode_csv(data, "x.csv")
    assert "Caf\u00e9 Server" in text
    assert notes and notes[0].line == 2 and "Windows-1252" in notes[0].message


def options(**kw: object) -> ImportOptions:
    base: dict[str, object] = dict(
        catalog_id="t", title="T", source="https://x", region="R", checked=dt.date(2026, 1, 1)
    )
    base.update(kw)
    return ImportOptions(**base)  # type: ignore[arg-type]


def test_points_written_as_decimals_by_a_spreadsheet() -> None:
    result = import_csv_text("name,career_field,points\nA,IT,12.0\nB,IT,+3\n", "x.csv", options())
    assert [c["points"] for c in result.document["credential"]] == [12, 3]
    assert result.problems == []


def test_bundle_points_bound_the_range() -> None:
    result = import_csv_text("name,career_field,points\nA,IT,20\nB,IT,21\n", "x.csv", options(bundle_points=20))
    assert [c["points"] for c in result.document["credential"]] == [20]
    assert result.document["requirement"][0]["points"] == 20
    assert "outside 1..20" in result.problems[0].message


def test_no_points_column_needs_default_points() -> None:
    with pytest.raises(FileProblems) as exc:
        import_csv_text("name,career_field\nA,IT\n", "x.csv", options())
    assert "no `points` column" in str(exc.value)
    result = import_csv_text("name,career_field\nA,IT\n", "x.csv", options(default_points=3))
    assert result.document["credential"][0] == {"id": "a", "name": "A", "fields": ["it"], "points": 3, "verified": False}


def test_later_row_with_points_replaces_a_default() -> None:
    text = "name,career_field,points\nA,IT,\nA,IT,4\n"
    result = import_csv_text(text, "x.csv", options(default_points=1))
    (cred,) = result.document["credential"]
    assert (cred["points"], cred["verified"]) == (4, True)


def test_strings_are_escaped_for_toml() -> None:
    text = 'name,issuer,career_field,points\n"Quote ""this"" \\ back",Issuer,IT,3\n'
    result = import_csv_text(text, "x.csv", options())
    catalog = parse_catalog(catalog_toml(result, "x.csv"))
    assert catalog.credentials[0].name == 'Quote "this" \\ back'


def test_columns_default() -> None:
    assert Columns() == Columns("name", "issuer", "career_field", "points")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Business, Marketing and Finance", "business-marketing-and-finance"),
        ("CompTIA A+", "comptia-a-plus"),
        ("Ohio driver\u2019s license", "ohio-drivers-license"),
        ("Caf\u00e9 & Bar", "cafe-and-bar"),
        ("!!!", ""),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_long_names_give_ids_cut_at_a_word() -> None:
    s = slug("Adobe Certified Professional in Visual Design using Adobe Photoshop and Adobe Illustrator")
    assert len(s) <= 60 and not s.endswith("-")
    assert s.startswith("adobe-certified-professional")


def test_ids_from_punctuation_only_names() -> None:
    result = import_csv_text("name,career_field,points\n???,!!!,3\n", "x.csv", options())
    assert result.document["field"][0]["id"] == "field-1"
    assert result.document["credential"][0]["id"] == "credential-1"
    parse_catalog(catalog_toml(result, "x.csv"))


def test_line_ranges() -> None:
    assert line_ranges([9, 2, 3, 4, 11, 12]) == "2-4, 9, 11-12"
