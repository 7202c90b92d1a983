"""What `credplan import` says: the columns it guessed, before anything is written,
and how the import went. Sheet and heading text is shown as it is; the CLI's `emit`
cleans it."""

from __future__ import annotations

from ..xlsx_import import Mapping, column_letter

ROLE_WORDS = {
    "name": "credential name",
    "issuer": "issuer",
    "field": "career field",
    "points": "points",
    "cost": "cost",
    "hours": "hours",
}
NOT_FOUND = "not found"
CONFIRM = "Write the catalog with these columns?"
DRY_RUN = "Dry run: nothing written."
NOT_CONFIRMED = "Nothing written: check the columns above, then run again with --yes (or name columns with --name-col ...)."


def _n(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def sheet_title(mapping: Mapping) -> str:
    where = f'sheet "{mapping.sheet.name}"' if mapping.sheet.name is not None else "the file"
    return f"{where}: header on row {mapping.header_line}, {_n(mapping.data_rows, 'row')} below it"


def mapping_lines(mapping: Mapping) -> list[str]:
    """The guessed columns of one sheet, one line each, every role shown."""
    lines = [sheet_title(mapping)]
    width = max(len(w) for w in ROLE_WORDS.values())
    for role, word in ROLE_WORDS.items():
        if role == "field" and mapping.field_from_sheet:
            shown = f'from the sheet name: "{mapping.sheet.name}"' if mapping.sheet.name else NOT_FOUND
        elif role in mapping.columns:
            shown = f'column {column_letter(mapping.columns[role])} "{mapping.heading(role)}"'
        else:
            shown = NOT_FOUND
        lines.append(f"  {word:<{width}}  {shown}")
    return lines


def would_write(credentials: int, fields: int, used: int, skipped: int, unconfirmed: int) -> str:
    return (
        f"{_n(credentials, 'credential')} in {_n(fields, 'career field')} from {_n(used, 'row')}; "
        f"{skipped} skipped; {_n(unconfirmed, 'credential')} marked verified = false"
    )


def exists(path: str) -> str:
    return f"{path}: already exists; give --force to replace it"


def missing_points(display: str, count: int) -> str:
    return (
        f"{display}: {_n(count, 'row')} without points skipped; give --default-points N "
        "to keep such rows at N points, marked verified = false"
    )
