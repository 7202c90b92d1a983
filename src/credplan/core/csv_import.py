"""Turn a state's credential list, exported from a spreadsheet as CSV, into a format-1
catalog.

One row is one credential in one career field:

    name,issuer,career_field,points
    CompTIA A+,CompTIA,Information Technology,12
    "Nurse Aide, State Tested",Ohio Department of Health,Health,6

Fields are made in the order they first appear, their ids derived from their names.
A credential that appears in several fields becomes one entry, with a points table
when its points differ by field. Every value comes from the CSV or is marked
`verified = false`; a row that cannot be used is skipped and reported as
`FILE:LINE: why`, with the line where the row starts.

Points a row does not give are never made up: such rows are skipped, unless the caller
names a value for them (`default_points`), which is then written with
`verified = false` and reported row by row.
"""

from __future__ import annotations

import math

import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from .problems import FileProblems, Problem, read_bytes

DEFAULT_BUNDLE_POINTS = 12
_ID_MAX = 60
_CATALOG_ID = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}\Z")  # the catalog id rule (core.catalog.ID_PATTERN)
_POINTS = re.compile(r"^\+?(\d+)(?:\.0*)?$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Columns:
    """Header names of the columns to read (matched ignoring case, spaces and _)."""

    name: str = "name"
    issuer: str = "issuer"
    field: str = "career_field"
    points: str = "points"
    given: frozenset[str] = frozenset()
    """Which of these the user named explicitly; a named column must exist."""
    cost: str | None = None
    """Optional columns (a spreadsheet import guesses them; a CSV import reads them
    only when named)."""
    hours: str | None = None


@dataclass(frozen=True)
class ImportOptions:
    catalog_id: str
    title: str
    source: str
    region: str
    checked: dt.date
    columns: Columns = Columns()
    bundle_points: int = DEFAULT_BUNDLE_POINTS
    default_points: int | None = None
    tool: str = "import-csv"
    """The command named in the catalog's notes and header comment."""
    kind: str = "CSV"
    """What the list was ("CSV", "list"), in the notes: "points the CSV did not give"."""


@dataclass(frozen=True, slots=True)
class ListRow:
    """One row of a state list with its columns already found, from a CSV or a sheet."""

    where: str
    """The file, or `FILE:SHEET` for a workbook; problems are `WHERE:LINE: why`."""
    line: int
    name: str
    field: str
    issuer: str = ""
    points: str = ""
    cost: str = ""
    hours: str = ""
    hint: str = ""
    """Said after every problem of this row."""


@dataclass
class _Value:
    points: int
    line: int
    from_csv: bool
    doubtful: bool = False


@dataclass
class _Credential:
    name: str
    issuer: str
    lines: list[int]
    points: dict[str, _Value] = field(default_factory=dict)
    """Field id -> the value used there."""
    sources: list[tuple[str, int]] = field(default_factory=list)
    cost: tuple[float, str, int] | None = None
    """(value, where, line) of the first cost given."""
    hours: tuple[float, str, int] | None = None

    @property
    def verified(self) -> bool:
        return all(v.from_csv and not v.doubtful for v in self.points.values())


@dataclass
class ImportResult:
    document: dict[str, Any]
    problems: list[Problem]
    """Rows skipped, and values that are not as the CSV gave them; in line order."""
    fields: int
    credentials: int
    rows_used: int
    rows_skipped: int
    unconfirmed: int
    """Credentials written with `verified = false`."""
    missing_points: int
    """Rows skipped only because they had no points (no `default_points` given)."""
    credential_lines: dict[str, list[int]]
    """Credential id -> the CSV lines it came from."""
    credential_sources: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    """Credential id -> (where, line) of every row it came from (several sheets)."""
    tool: str = "import-csv"
    kind: str = "CSV"


# -- reading -----------------------------------------------------------------------------------
def decode_csv(data: bytes, display: str) -> tuple[str, list[Problem]]:
    """UTF-8 (with or without a BOM), else Windows-1252 as Excel writes it, with a note."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise FileProblems(
            [Problem(display, line, "not UTF-8 text; save the sheet as \"CSV UTF-8\" and try again")]
        ) from None
    note = Problem(
        display, line,
        "not UTF-8 text: read as Windows-1252 (Excel's \"CSV\"); check names with accents, "
        "or save the sheet as \"CSV UTF-8\"",
    )
    return text, [note]


def read_csv_file(path: str | Path, display: str | None = None) -> tuple[str, list[Problem]]:
    display = display or str(path)
    return decode_csv(read_bytes(path, display, what="CSV"), display)


def _header_key(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", name.strip().casefold()).strip("_")


def _clean(value: str) -> str:
    return " ".join(_CONTROL.sub(" ", value).split())


def _fold(value: str) -> str:
    return _clean(value).casefold()


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def slug(text: str) -> str:
    """`Business, Marketing and Finance` -> `business-marketing-and-finance`."""
    text = re.sub(r"['\u2019`]", "", text)  # driver's -> drivers
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = ascii_text.replace("+", " plus ").replace("&", " and ")
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(out) > _ID_MAX:
        cut = out[:_ID_MAX]
        out = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return out


def _unique(base: str, taken: set[str], fallback: str) -> str:
    base = base or fallback
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


# -- importing -----------------------------------------------------------------------------------
def check_options(options: ImportOptions) -> None:
    if not _CATALOG_ID.match(options.catalog_id):
        raise FileProblems(
            [Problem("--id", 0, f"catalog id `{options.catalog_id}` must be short and lowercase (letters, digits, -)")]
        )
    if options.bundle_points < 1:
        raise FileProblems([Problem("--bundle-points", 0, "must be at least 1")])
    if options.default_points is not None and not 1 <= options.default_points <= options.bundle_points:
        raise FileProblems(
            [Problem("--default-points", 0, f"must be from 1 to the bundle's {options.bundle_points}")]
        )


def import_csv_text(text: str, display: str, options: ImportOptions) -> ImportResult:
    """Build the catalog document; a file that cannot be read at all raises FileProblems."""
    check_options(options)
    first_line = next((ln for ln in text.splitlines() if ln.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    problems: list[Problem] = []

    # Header: the first row with anything in it.
    header: list[str] | None = None
    header_line = 0
    rows: list[tuple[int, list[str]]] = []
    previous = 0
    try:
        for row in reader:
            start = previous + 1
            previous = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header, header_line = row, start
            else:
                rows.append((start, row))
    except csv.Error as exc:
        raise FileProblems([Problem(display, reader.line_num, f"CSV syntax: {exc}")]) from None
    if header is None:
        raise FileProblems([Problem(display, 0, "no rows: the file is empty")])

    index: dict[str, int] = {}
    for i, name in enumerate(header):
        index.setdefault(_header_key(name), i)
    shown = ", ".join(f"`{_clean(h)}`" for h in header if h.strip())
    cols = options.columns

    def column(role: str, wanted: str, flag: str, required: bool) -> int | None:
        found = index.get(_header_key(wanted))
        if found is None and (required or role in cols.given):
            raise FileProblems(
                [Problem(display, header_line, f"no `{wanted}` column (columns: {shown}); name the {role} column with {flag}")]
            )
        return found

    name_i = column("name", cols.name, "--name-col", True)
    field_i = column("field", cols.field, "--field-col", True)
    issuer_i = column("issuer", cols.issuer, "--issuer-col", False)
    points_i = column("points", cols.points, "--points-col", options.default_points is None)
    cost_i = column("cost", cols.cost, "--cost-col", True) if cols.cost else None
    hours_i = column("hours", cols.hours, "--hours-col", True) if cols.hours else None
    assert name_i is not None and field_i is not None
    width = len(header)
    labels = {"name": _clean(header[name_i]), "field": _clean(header[field_i])}

    skipped = 0
    list_rows: list[ListRow] = []
    for line, row in rows:
        def cell(i: int | None, row: list[str] = row) -> str:  # this row, not the loop's last
            return _clean(row[i]) if i is not None and i < len(row) else ""

        name = cell(name_i)
        hint = ""
        if len(row) > width:
            hint = (
                f" ({len(row)} values for {width} columns: is there a comma inside a value "
                "that is not in quotes?)"
            )
            if any(c.strip() for c in row[width:]):
                label = f"`{name}`" if name else "row"
                problems.append(Problem(display, line, f"{label} has more values than the header has columns; row skipped{hint}"))
                skipped += 1
                continue
        list_rows.append(
            ListRow(display, line, name, cell(field_i), cell(issuer_i), cell(points_i), cell(cost_i), cell(hours_i), hint)
        )
    return build_catalog(list_rows, display, options, labels, problems=problems, skipped=skipped)


def _amount(raw: str) -> float | None:
    """`$1,200.50` -> 1200.5; None when it is not a number of at least 0."""
    text = raw.replace("$", "").replace(",", "").replace("US", "").strip()
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None


def build_catalog(
    rows: list[ListRow],
    display: str,
    options: ImportOptions,
    labels: dict[str, str],
    *,
    problems: list[Problem] | None = None,
    skipped: int = 0,
) -> ImportResult:
    """The catalog document from the rows of a state list, whatever file they came from:
    the rules of the module doc. `labels` names the name and field columns in messages
    (by role); `problems` and `skipped` carry what the reader already refused."""
    check_options(options)
    problems = list(problems or [])
    order: dict[str, int] = {}
    for row in rows:
        order.setdefault(row.where, len(order))

    def report(row: ListRow, message: str) -> None:
        problems.append(Problem(row.where, row.line, message + row.hint))

    fields: dict[str, tuple[str, str]] = {}  # folded name -> (id, name)
    field_ids: set[str] = set()
    credentials: list[_Credential] = []
    by_name: dict[str, list[_Credential]] = {}
    used = missing_points = 0

    for row in rows:
        line = row.line
        name, field_name, issuer, raw_points = _clean(row.name), _clean(row.field), _clean(row.issuer), _clean(row.points)
        label = f"`{name}`" if name else "row"
        if not name:
            report(row, f"no credential name (column `{labels.get('name', 'name')}`); row skipped")
            skipped += 1
            continue
        if not field_name:
            report(row, f"no career field for {label} (column `{labels.get('field', 'career field')}`); row skipped")
            skipped += 1
            continue

        points: int | None = None
        from_csv = True
        if raw_points:
            m = _POINTS.match(raw_points)
            if m is None:
                report(row, f"points `{raw_points}` for {label} is not a whole number; row skipped")
                skipped += 1
                continue
            points = int(m.group(1))
            if not 1 <= points <= options.bundle_points:
                report(row, f"points {points} for {label} is outside 1..{options.bundle_points}; row skipped")
                skipped += 1
                continue

        # The credential: same name (ignoring case and spacing) and the same issuer; a row
        # without an issuer joins the first credential of that name.
        folded, issuer_folded = _fold(name), _fold(issuer)
        same_name = by_name.setdefault(folded, [])
        cred = next(
            (c for c in same_name if not issuer_folded or _fold(c.issuer) in ("", issuer_folded)),
            None,
        )
        fkey = _fold(field_name)
        fid = fields[fkey][0] if fkey in fields else None
        existing = cred.points.get(fid) if cred is not None and fid is not None else None

        if points is None:
            if existing is not None:
                report(row, f"duplicate of line {existing.line} ({label} in {field_name}) without points; ignored")
                skipped += 1
                continue
            if options.default_points is None:
                report(row, f"no points for {label} in {field_name}; row skipped")
                skipped += 1
                missing_points += 1
                continue
            points, from_csv = options.default_points, False
            report(
                row,
                f"no points for {label} in {field_name}: used --default-points {points}, marked verified = false",
            )

        if existing is not None:
            if existing.points == points and from_csv == existing.from_csv:
                report(row, f"duplicate of line {existing.line} ({label} in {field_name}); ignored")
            elif not existing.from_csv and from_csv:
                report(
                    row,
                    f"{label} in {field_name}: line {existing.line} had no points; used this row's {points}",
                )
                assert cred is not None and fid is not None
                cred.points[fid] = _Value(points, line, True, existing.doubtful)
                cred.lines.append(line)
                cred.sources.append((row.where, line))
                used += 1
                continue
            else:
                existing.doubtful = True
                report(
                    row,
                    f"{label} in {field_name} has {points} points here but {existing.points} on line "
                    f"{existing.line}; kept {existing.points}, marked verified = false",
                )
            skipped += 1
            continue

        if fid is None:
            fid = _unique(slug(field_name), field_ids, f"field-{len(fields) + 1}")
            fields[fkey] = (fid, field_name)
        if cred is None:
            cred = _Credential(name, issuer, [])
            same_name.append(cred)
            credentials.append(cred)
        elif issuer and not cred.issuer:
            cred.issuer = issuer
        cred.points[fid] = _Value(points, line, from_csv)
        cred.lines.append(line)
        cred.sources.append((row.where, line))
        for what, raw in (("cost", _clean(row.cost)), ("hours", _clean(row.hours))):
            if not raw:
                continue
            value = _amount(raw)
            if value is None:
                report(row, f"{what} `{raw}` for {label} is not a number; left out")
                continue
            known = getattr(cred, what)
            if known is None:
                setattr(cred, what, (value, row.where, line))
            elif known[0] != value:
                report(row, f"{label} has {what} {raw} here but {known[0]:g} on line {known[2]}; kept {known[0]:g}")
        used += 1

    field_order = {fid: k for k, (fid, _) in enumerate(fields.values())}
    taken: set[str] = set()
    entries: list[dict[str, Any]] = []
    lines_by_id: dict[str, list[int]] = {}
    sources_by_id: dict[str, list[tuple[str, int]]] = {}
    for k, cred in enumerate(credentials):
        cid = _unique(slug(cred.name), taken, f"credential-{k + 1}")
        listed = sorted(cred.points, key=field_order.__getitem__)
        values = {fid: cred.points[fid].points for fid in listed}
        entry: dict[str, Any] = {"id": cid, "name": cred.name}
        if cred.issuer:
            entry["issuer"] = cred.issuer
        entry["fields"] = listed
        distinct = set(values.values())
        entry["points"] = distinct.pop() if len(distinct) == 1 else values
        entry["verified"] = cred.verified
        for what in ("cost", "hours"):
            known = getattr(cred, what)
            if known is not None:
                entry[what] = int(known[0]) if known[0] == int(known[0]) else known[0]
        entries.append(entry)
        lines_by_id[cid] = sorted(cred.lines)
        sources_by_id[cid] = sorted(cred.sources, key=lambda s: (order.get(s[0], 0), s[1]))

    unconfirmed = sum(1 for e in entries if not e["verified"])
    notes = (
        f"Imported from {Path(display).name} by credplan {options.tool} on {dt.date.today().isoformat()}. "
        f"verified = false marks points the {options.kind} did not give, or gave twice with different values."
    )
    document: dict[str, Any] = {
        "format": 1,
        "catalog": {
            "id": options.catalog_id,
            "title": options.title,
            "region": options.region,
            "source": options.source,
            "checked": options.checked,
            "notes": notes,
        },
        "field": [{"id": fid, "name": name} for fid, name in fields.values()],
        "requirement": [
            {
                "id": "bundle",
                "kind": "bundle",
                "name": f"{options.bundle_points}-point credential bundle in one career field",
                "points": options.bundle_points,
            }
        ],
        "credential": entries,
    }
    problems.sort(key=lambda p: (order.get(p.file, 0), p.line))
    return ImportResult(
        document=document,
        problems=problems,
        fields=len(fields),
        credentials=len(entries),
        rows_used=used,
        rows_skipped=skipped,
        unconfirmed=unconfirmed,
        missing_points=missing_points,
        credential_lines=lines_by_id,
        credential_sources=sources_by_id,
        tool=options.tool,
        kind=options.kind,
    )


# -- writing -----------------------------------------------------------------------------------
def _value(value: Any) -> str:
    """One TOML value, formatted (and escaped) by tomli_w; arrays and tables inline."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return tomli_w.dumps({"v": value}).split(" = ", 1)[1].rstrip("\n")


def _key(key: str) -> str:
    return tomli_w.dumps({key: 0}).rsplit(" = ", 1)[0]


def _table(header: str, table: dict[str, Any]) -> list[str]:
    out = [header]
    for k, v in table.items():
        line = f"{_key(k)} = {_value(v)}"
        if isinstance(v, list) and len(line) > 100:
            line = f"{_key(k)} = [\n" + "".join(f"    {_value(item)},\n" for item in v) + "]"
        out.append(line)
    return out


def line_ranges(lines: list[int]) -> str:
    """[2, 3, 4, 9] -> "2-4, 9"."""
    spans: list[list[int]] = []
    for n in sorted(set(lines)):
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def _where_comment(result: ImportResult, cid: str, source_name: str) -> str:
    """`list.csv lines 2-4`, or for several sheets `list.xlsx: Health rows 3-4; IT row 9`."""
    lines = result.credential_lines.get(cid, [])
    sources = result.credential_sources.get(cid, [])
    sheets: dict[str, list[int]] = {}
    for where, line in sources:
        sheets.setdefault(where, []).append(line)
    if len(sheets) <= 1 and all(":" not in Path(w).name for w in sheets):
        return f"{source_name} line{'s' if len(lines) > 1 else ''} {line_ranges(lines)}"
    parts = []
    for where, rows in sheets.items():
        sheet = _clean(where.rsplit(":", 1)[1]) if ":" in where else ""
        parts.append(f"{sheet} row{'s' if len(rows) > 1 else ''} {line_ranges(rows)}".strip())
    return f"{source_name}: " + "; ".join(parts)


def catalog_toml(result: ImportResult, source_name: str) -> str:
    """The catalog as TOML laid out like a hand-written one, with the lines (or sheets
    and rows) each credential came from as comments."""
    doc = result.document
    source_name = _clean(source_name)
    out = [
        f"# Imported by `credplan {result.tool}` from {source_name}.",
        f"# verified = false marks points the {result.kind} did not give, or gave twice with different values.",
        "# Check the file with `credplan validate`.",
        "",
        f"format = {doc['format']}",
        "",
        *_table("[catalog]", doc["catalog"]),
    ]
    for f in doc["field"]:
        out += ["", *_table("[[field]]", f)]
    for r in doc["requirement"]:
        out += ["", *_table("[[requirement]]", r)]
    for c in doc["credential"]:
        out += ["", f"# {_where_comment(result, c['id'], source_name)}", *_table("[[credential]]", c)]
    return "\n".join(out) + "\n"


__all__ = [
    "Columns",
    "ListRow",
    "build_catalog",
    "check_options",
    "ImportOptions",
    "ImportResult",
    "catalog_toml",
    "decode_csv",
    "import_csv_text",
    "read_csv_file",
    "slug",
]
