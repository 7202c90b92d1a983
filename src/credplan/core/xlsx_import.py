"""A state's credential list as the state publishes it (an Excel workbook, or a CSV)
becomes a catalog in one step, by the rules of `core.csv_import` (its `build_catalog`:
nothing invented, missing points never made up, every row that cannot be used
reported).

Reading. Workbooks (.xlsx, .xlsm, .xls, .xlsb, .ods) are read with python-calamine
(Rust's calamine): on a generated 5,000-row list it read every cell in about a tenth of
openpyxl's time in read-only mode, at half the memory (benchmarks/xlsx_readers.py).
Cached formula results are read, never formulas. A CSV is read as `import-csv` reads it.

Guessing. On each sheet the header row is the one, among the first `HEADER_SEARCH`
rows, whose cells name the most of: credential name, issuer, career field, points,
cost, hours (`ROLE_WORDS`; "Point Value", "Issuing Organization", "Exam Fee" ...);
it must name the credential and one more. Merged cells count for every cell they
cover, so a header merged down two rows is found on either; a title merged across the
top names one role at most and is passed over. A sheet without a field column is taken
as one career field named after the sheet (a workbook with one sheet per field). What
was guessed is returned (`Mapping`) for the front-end to show before anything is
written; `--name-col` and friends name a column by its heading or its letter.

Rows. Blank rows are skipped; a totals row ("Total", "Grand total") and a header
repeated further down are skipped and said; every other row goes to `build_catalog`,
which reports what it cannot use as `FILE:SHEET:ROW: why` (`FILE:LINE: why` for a CSV).
Points typed as text ("12") are read like numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from collections.abc import Iterable

from .csv_import import ImportOptions, ImportResult, ListRow, build_catalog, check_options, read_csv_file
from .problems import FileProblems, Problem

HEADER_SEARCH = 30
ROLES: tuple[str, ...] = ("name", "issuer", "field", "points", "cost", "hours")
ROLE_WORDS: dict[str, tuple[str, ...]] = {  # tried in this order on each heading
    "points": ("points", "point value", "point", "pts"),
    "cost": ("cost", "costs", "fee", "fees", "price"),
    "hours": ("hours", "hrs", "hour"),
    "field": ("career field", "career fields", "career cluster", "field", "cluster", "pathway", "sector"),
    "issuer": ("issuer", "issuing", "issued by", "organization", "organisation", "agency", "provider", "vendor",
               "awarding body", "certifying body", "owner"),
    "name": ("credential", "credentials", "credential name", "certification", "certificate", "name", "title",
             "irc"),
}
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
_TOTAL = re.compile(r"^(grand\s+|sub\s*-?\s*)?totals?\s*:?$", re.IGNORECASE)
_LETTERS = re.compile(r"^[A-Z]{1,3}$")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass
class Sheet:
    name: str | None
    """None for a CSV."""
    rows: list[list[str]]
    """Every row from the first, as text ('' for an empty cell), merged cells filled."""
    where: str
    """`FILE:SHEET`, or the file for a CSV: the start of every problem."""
    lines: list[int] = field(default_factory=list)
    """The row (or CSV line) number of each row; 1, 2, 3... for a sheet."""


@dataclass(frozen=True)
class Mapping:
    """What was guessed on one sheet: shown before anything is written."""

    sheet: Sheet
    header_row: int
    """Index into `sheet.rows`."""
    columns: dict[str, int]
    """Role -> column index (roles not found are absent)."""
    field_from_sheet: bool
    data_rows: int
    """Rows with anything in them below the header."""

    @property
    def header_line(self) -> int:
        return self.sheet.lines[self.header_row]

    def heading(self, role: str) -> str:
        i = self.columns.get(role)
        row = self.sheet.rows[self.header_row]
        return row[i] if i is not None and i < len(row) else ""


@dataclass
class Guess:
    mappings: list[Mapping]
    problems: list[Problem]
    """Sheets passed over, and why."""


def column_letter(index: int) -> str:
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _letter_index(text: str) -> int:
    n = 0
    for ch in text:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


# -- reading -----------------------------------------------------------------------------------
def cell_text(value: Any) -> str:
    """A cell as the list shows it: 12.0 -> "12", dates as 2026-01-31."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value == int(value) and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def is_workbook(path: str | Path) -> bool:
    return str(path).lower().endswith(WORKBOOK_SUFFIXES)


def read_workbook(path: str | Path, display: str, only: Iterable[str] = ()) -> tuple[list[Sheet], list[Problem]]:
    """The visible worksheets (or those named in `only`), merged cells filled."""
    from python_calamine import CalamineWorkbook

    if not Path(path).exists():
        raise FileProblems([Problem(display, 0, "no such file")])
    if Path(path).is_dir():
        raise FileProblems([Problem(display, 0, "is a directory, not a file")])
    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own errors for anything it cannot read
        raise FileProblems([Problem(display, 0, f"cannot be read as a spreadsheet: {exc}")]) from None
    wanted = list(only)
    names = list(book.sheet_names)
    notes: list[Problem] = []
    missing = [n for n in wanted if n not in names]
    if missing:
        raise FileProblems(
            [Problem(display, 0, f"no sheet named `{n}` (sheets: {', '.join(names)})") for n in missing]
        )
    visible = {m.name: str(m.visible).rsplit(".", 1)[-1].lower() == "visible" for m in book.sheets_metadata}
    sheets = []
    for name in wanted or names:
        if not wanted and not visible.get(name, True):
            notes.append(Problem(f"{display}:{name}", 0, "hidden sheet; skipped (name it with --sheet to read it)"))
            continue
        try:
            raw = book.get_sheet_by_name(name)
            grid = raw.to_python(skip_empty_area=False)
            merged = raw.merged_cell_ranges or []
        except Exception as exc:
            notes.append(Problem(f"{display}:{name}", 0, f"cannot be read: {exc}; sheet skipped"))
            continue
        rows = [[cell_text(v) for v in row] for row in grid]
        for (r0, c0), (r1, c1) in merged:
            if r0 >= len(rows) or c0 >= len(rows[r0]):
                continue
            value = rows[r0][c0]
            for r in range(r0, min(r1, len(rows) - 1) + 1):
                for c in range(c0, min(c1, len(rows[r]) - 1) + 1):
                    rows[r][c] = value
        sheets.append(Sheet(name, rows, f"{display}:{name}", list(range(1, len(rows) + 1))))
    return sheets, notes


def read_csv_table(path: str | Path, display: str) -> tuple[list[Sheet], list[Problem]]:
    """A CSV as one sheet, each row with the line it starts on."""
    from .csv_import import _delimiter

    text, notes = read_csv_file(path, display)
    first_line = next((ln for ln in text.splitlines() if ln.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    rows: list[list[str]] = []
    lines: list[int] = []
    previous = 0
    try:
        for row in reader:
            lines.append(previous + 1)
            previous = reader.line_num
            rows.append(row)
    except csv.Error as exc:
        raise FileProblems([Problem(display, reader.line_num, f"CSV syntax: {exc}")]) from None
    return [Sheet(None, rows, display, lines)], notes


def read_table(path: str | Path, display: str, sheets: Iterable[str] = ()) -> tuple[list[Sheet], list[Problem]]:
    if is_workbook(path):
        return read_workbook(path, display, sheets)
    return read_csv_table(path, display)


# -- guessing -----------------------------------------------------------------------------------
def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("$", " cost "))


def _has(words: list[str], phrase: str) -> bool:
    want = phrase.split()
    n = len(want)
    return any(words[i:i + n] == want for i in range(len(words) - n + 1))


def role_of(heading: str, taken: Iterable[str] = ()) -> str | None:
    """The role a column heading names, if any (`Point Value` -> points)."""
    words = _words(heading)
    if not words:
        return None
    skip = set(taken)
    for role, phrases in ROLE_WORDS.items():
        if role not in skip and any(_has(words, p) for p in phrases):
            return role
    return None


def _key(text: str) -> str:
    return " ".join(_words(text))


def _match_row(row: list[str], overrides: dict[str, str]) -> dict[str, int]:
    found: dict[str, int] = {}
    seen: set[str] = set()
    for role, wanted in overrides.items():  # named columns first
        if _LETTERS.match(wanted) and _key(wanted) not in {_key(c) for c in row}:
            continue  # a letter: placed by `_apply_letters`
        for i, cell in enumerate(row):
            if cell.strip() and _key(cell) == _key(wanted):
                found[role] = i
                break
    used = set(found.values())
    for i, cell in enumerate(row):
        text = cell.strip()
        if not text or i in used or text in seen:
            continue  # a cell merged across the row counts once
        seen.add(text)
        guessed_role = role_of(text, found)
        if guessed_role is not None:
            found[guessed_role] = i
            used.add(i)
    return found


def _apply_letters(found: dict[str, int], overrides: dict[str, str]) -> dict[str, int]:
    out = dict(found)
    for role, wanted in overrides.items():
        if _LETTERS.match(wanted) and role not in out:
            index = _letter_index(wanted)
            for other, i in list(out.items()):
                if i == index:
                    del out[other]
            out[role] = index
    return out


def _is_total(row: list[str]) -> bool:
    return any(_TOTAL.match(c.strip()) for c in row if c.strip())


def _blank(row: list[str]) -> bool:
    return not any(c.strip() for c in row)


def guess(sheets: list[Sheet], display: str, overrides: dict[str, str] | None = None) -> Guess:
    """The header row and the columns of every sheet; sheets without one are passed
    over (a notes or instructions sheet) and said. Raises FileProblems when no sheet
    has one."""
    overrides = {k: v for k, v in (overrides or {}).items() if v}
    mappings: list[Mapping] = []
    passed: list[Problem] = []
    for sheet in sheets:
        best: tuple[int, dict[str, int]] | None = None
        for r, row in enumerate(sheet.rows[:HEADER_SEARCH]):
            found = _apply_letters(_match_row(row, overrides), overrides)
            if "name" not in found or len(found) < 2:
                continue
            if best is None or len(found) > len(best[1]):
                best = (r, found)
        if best is None:
            what = "no header row naming the credential and its points or field"
            passed.append(Problem(sheet.where, 0, f"{what} in the first {HEADER_SEARCH} rows; sheet skipped"))
            continue
        r, found = best
        data = sum(1 for row in sheet.rows[r + 1:] if not _blank(row))
        mappings.append(Mapping(sheet, r, found, "field" not in found, data))
    if not mappings:
        roles = ", ".join(f"`{w[0]}`" for w in ROLE_WORDS.values())
        raise FileProblems(
            passed + [Problem(display, 0,
                              f"no sheet has a header row with columns such as {roles}; "
                              "name them with --name-col, --field-col, --points-col")]
        )
    missing = [o for o in overrides if all(o not in m.columns for m in mappings)]
    if missing:
        raise FileProblems(
            [Problem(mappings[0].sheet.where, mappings[0].header_line,
                     f"no `{overrides[role]}` column for the {role}") for role in missing]
        )
    return Guess(mappings, passed)


# -- importing ------------------------------------------------------------------------------------
def list_rows(mapping: Mapping) -> tuple[list[ListRow], list[Problem], int]:
    """The rows below the header, as `ListRow`s; totals rows and repeated headers
    skipped and said."""
    sheet, cols = mapping.sheet, mapping.columns
    header = sheet.rows[mapping.header_row]
    header_key = [_key(c) for c in header]
    out: list[ListRow] = []
    said: list[Problem] = []
    skipped = 0

    def cell(row: list[str], role: str) -> str:
        i = cols.get(role)
        return row[i] if i is not None and i < len(row) else ""

    for r in range(mapping.header_row + 1, len(sheet.rows)):
        row, line = sheet.rows[r], sheet.lines[r]
        if _blank(row):
            continue
        if [_key(c) for c in row[: len(header)]] == header_key:
            said.append(Problem(sheet.where, line, "the header again; row skipped"))
            skipped += 1
            continue
        if _is_total(row):
            said.append(Problem(sheet.where, line, "a totals row; skipped"))
            skipped += 1
            continue
        field_name = (sheet.name or "") if mapping.field_from_sheet else cell(row, "field")
        out.append(ListRow(
            sheet.where, line, cell(row, "name"), field_name, cell(row, "issuer"), cell(row, "points"),
            cell(row, "cost"), cell(row, "hours"),
        ))
    return out, said, skipped


def import_list(guessed: Guess, display: str, options: ImportOptions) -> ImportResult:
    """The catalog from every mapped sheet, in sheet order."""
    check_options(options)
    rows: list[ListRow] = []
    problems: list[Problem] = list(guessed.problems)
    skipped = 0
    labels: dict[str, str] = {}
    for mapping in guessed.mappings:
        got, said, n = list_rows(mapping)
        rows += got
        problems += said
        skipped += n
        labels.setdefault("name", mapping.heading("name"))
        if not mapping.field_from_sheet:
            labels.setdefault("field", mapping.heading("field"))
    return build_catalog(rows, display, options, labels, problems=problems, skipped=skipped)


__all__ = [
    "Guess",
    "Mapping",
    "ROLES",
    "ROLE_WORDS",
    "Sheet",
    "cell_text",
    "column_letter",
    "guess",
    "import_list",
    "is_workbook",
    "read_csv_table",
    "read_table",
    "read_workbook",
    "role_of",
]
