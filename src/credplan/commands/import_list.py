"""credplan import LIST.xlsx|LIST.csv -o catalog.toml --id ID --title T --source URL [--yes|--dry-run]

The state's list in one step: the header row and the columns are guessed and shown,
then the catalog is written when confirmed (`--yes`, or `y` at the question on a
terminal). Every rule of `import-csv` holds. Exit 0 written (or a dry run), 1 not
confirmed (nothing written), 2 bad input."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import EXIT_BAD_INPUT, EXIT_NOT_MET, EXIT_OK

ORDER = 41

COLUMN_FLAGS = (
    ("--name-col", "name", "the credential name"),
    ("--issuer-col", "issuer", "the issuer"),
    ("--field-col", "field", "the career field (default: a column named like one, else each sheet's name)"),
    ("--points-col", "points", "the points"),
    ("--cost-col", "cost", "the cost"),
    ("--hours-col", "hours", "the preparation hours"),
)


def register(sub: argparse._SubParsersAction) -> None:
    from .import_csv import _positive, add_catalog_arguments

    p = sub.add_parser(
        "import",
        help="turn a state credential list (Excel workbook or CSV) into a catalog, columns guessed",
        description=(
            "Read a state's credential list as published (.xlsx, .xls, .ods or .csv): find the header "
            "row, guess the columns by their names (credential, issuer, career field, points, cost, "
            "hours), show what was guessed, and write a format-1 catalog once confirmed. A sheet without "
            "a career field column is taken as one field named after the sheet. Rows that cannot be used "
            "are reported as FILE:SHEET:ROW and skipped; points are never made up."
        ),
    )
    p.add_argument("list", metavar="LIST", help="the list: an Excel workbook (.xlsx, .xls, .ods) or a CSV")
    add_catalog_arguments(p)
    p.add_argument("--sheet", action="append", metavar="NAME", help="read only this sheet (repeatable; default: every visible sheet)")
    for flag, _, what in COLUMN_FLAGS:
        p.add_argument(flag, metavar="NAME", help=f"column with {what}: its heading or its letter")
    p.add_argument("--bundle-points", type=_positive, default=12, metavar="N", help="points a bundle needs (default: 12)")
    p.add_argument("--default-points", type=_positive, metavar="N",
                   help="keep rows without points at N points, marked verified = false (default: skip those rows)")
    p.add_argument("-y", "--yes", action="store_true", help="write without asking")
    p.add_argument("--dry-run", action="store_true", help="show the columns and what would be written; write nothing")
    p.add_argument("--force", action="store_true", help="replace the output file if it exists")
    p.set_defaults(func=run)


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().casefold() in ("y", "yes")


def run(args: argparse.Namespace) -> int:
    from ..core.catalog import catalog_summary
    from ..core.csv_import import ImportOptions, catalog_toml
    from ..core.problems import FileProblems
    from ..core.words import import_list as words
    from ..core.xlsx_import import guess, import_list, read_table
    from .import_csv import REGION_NOT_GIVEN, made_catalog, region_reminder, write_catalog
    from .output import emit, report_problems

    out = Path(args.output) if args.output != "-" else None
    talk = sys.stdout if out is not None else sys.stderr  # the catalog itself may go to stdout
    if out is not None and out.exists() and not args.force and not args.dry_run:
        report_problems([words.exists(args.output)])
        return EXIT_BAD_INPUT
    overrides = {role: getattr(args, f"{role}_col") for _, role, _ in COLUMN_FLAGS}
    options = ImportOptions(
        catalog_id=args.catalog_id, title=args.title, source=args.source,
        region=args.region or REGION_NOT_GIVEN, checked=args.checked or dt.date.today(),
        bundle_points=args.bundle_points, default_points=args.default_points, tool="import", kind="list",
    )
    try:
        sheets, notes = read_table(args.list, args.list, args.sheet or ())
        guessed = guess(sheets, args.list, overrides)
        result = import_list(guessed, args.list, options)
    except FileProblems as exc:
        report_problems(exc.problems)
        return EXIT_BAD_INPUT

    emit(f"{args.list}\n", talk)
    for mapping in guessed.mappings:
        for line in words.mapping_lines(mapping):
            emit(line + "\n", talk)
    report_problems(notes + result.problems)
    if result.missing_points:
        report_problems([words.missing_points(args.list, result.missing_points)])
    if not result.credentials:
        report_problems([f"{args.list}: no credential could be read; nothing written"])
        return EXIT_BAD_INPUT
    summary = words.would_write(result.credentials, result.fields, result.rows_used, result.rows_skipped, result.unconfirmed)
    toml_text = catalog_toml(result, Path(args.list).name)
    display = args.output if out is not None else "<output>"
    catalog = made_catalog(toml_text, display, "import")
    if catalog is None:
        return EXIT_BAD_INPUT
    emit(summary + "\n", talk)
    if args.dry_run:
        emit(words.DRY_RUN + "\n", talk)
        return EXIT_OK
    if not args.yes and not _confirm(words.CONFIRM):
        report_problems([words.NOT_CONFIRMED])
        return EXIT_NOT_MET
    if not write_catalog(out, args.output, toml_text):
        return EXIT_BAD_INPUT
    emit(f"{display}: {catalog_summary(catalog)}{region_reminder(args.region)}\n", talk)
    return EXIT_OK
