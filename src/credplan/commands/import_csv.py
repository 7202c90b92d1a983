"""credplan import-csv FILE.csv -o catalog.toml --id ID --title T --source URL:
a state list exported as CSV becomes a format-1 catalog that passes `credplan validate`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..core.problems import FileProblems
from . import EXIT_BAD_INPUT, EXIT_OK
from .output import emit, report_problems

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..core.model import Catalog

ORDER = 40

REGION_NOT_GIVEN = "region not given"
COLUMN_FLAGS = (
    ("--name-col", "name", "the credential name"),
    ("--issuer-col", "issuer", "the issuer; optional"),
    ("--field-col", "career_field", "the career field"),
    ("--points-col", "points", "the points"),
)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"`{text}` is not a date such as 2026-11-01") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"`{text}` is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _n(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def add_catalog_arguments(p: argparse.ArgumentParser) -> None:
    """What every importer asks for the catalog it writes: where, its id, title, source,
    region and checked date (`import-csv` and `import` alike)."""
    p.add_argument("-o", "--output", required=True, metavar="CATALOG.toml", help="catalog to write, or - for standard output")
    p.add_argument("--id", required=True, dest="catalog_id", metavar="ID", help="catalog id: short, lowercase (e.g. ohio-2026)")
    p.add_argument("--title", required=True, help="catalog title")
    p.add_argument("--source", required=True, metavar="URL", help="where the official list was published")
    p.add_argument("--region", help=f'e.g. "Ohio, USA" (default: "{REGION_NOT_GIVEN}")')
    p.add_argument("--checked", type=_date, metavar="YYYY-MM-DD", help="when the list was compared with its source (default: today)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import-csv",
        help="turn a state credential list exported as CSV into a catalog",
        description=(
            "Read a CSV with one row per credential and career field (columns name, issuer, "
            "career_field, points by default) and write a format-1 catalog. A credential listed in "
            "several fields becomes one entry. Rows that cannot be used are reported as FILE:LINE "
            "and skipped. Points the CSV does not give are not invented: those rows are skipped "
            "unless --default-points is given, and then marked verified = false."
        ),
    )
    p.add_argument("csv", metavar="FILE.csv", help="the CSV file (UTF-8, with or without a BOM)")
    add_catalog_arguments(p)
    for flag, default, what in COLUMN_FLAGS:
        p.add_argument(flag, metavar="NAME", help=f"column with {what} (default: {default})")
    p.add_argument("--bundle-points", type=_positive, default=12, metavar="N", help="points a bundle needs (default: 12)")
    p.add_argument(
        "--default-points",
        type=_positive,
        metavar="N",
        help="keep rows without points at N points, marked verified = false (default: skip those rows)",
    )
    p.add_argument("--force", action="store_true", help="replace the output file if it exists")
    p.set_defaults(func=run)


def made_catalog(toml_text: str, display: str, command: str) -> Catalog | None:
    """The catalog an import made, checked by the loader like any other; None (and the
    problems said) when it does not validate, which is a bug of ours, never the user's."""
    from ..core.catalog import parse_catalog

    try:
        return parse_catalog(toml_text, display)
    except FileProblems as exc:
        report_problems(exc.problems)
        report_problems([f"{command} made a catalog that does not validate; nothing written (please report this)"])
        return None


def write_catalog(out: Path | None, output_name: str, toml_text: str) -> bool:
    """Write the catalog to `out` (atomically) or to standard output; False, said, when
    the file cannot be written."""
    if out is None:
        sys.stdout.write(toml_text)
        return True
    from ..core.atomic import atomic_write_text

    try:
        atomic_write_text(out, toml_text, mode=0o644)
    except OSError as exc:
        report_problems([f"{output_name}: cannot write: {exc.strerror or exc}"])
        return False
    return True


def region_reminder(region: str | None) -> str:
    """What the last line adds when no --region was given."""
    return "" if region else f'; set `region` in [catalog] (now "{REGION_NOT_GIVEN}")'


def run(args: argparse.Namespace) -> int:
    from ..core.catalog import catalog_summary
    from ..core.csv_import import Columns, ImportOptions, catalog_toml, import_csv_text, read_csv_file

    out = Path(args.output) if args.output != "-" else None
    if out is not None and out.exists() and not args.force:
        report_problems([f"{args.output}: already exists; give --force to replace it"])
        return EXIT_BAD_INPUT
    named = {"name": args.name_col, "issuer": args.issuer_col, "field": args.field_col, "points": args.points_col}
    columns = Columns(
        name=args.name_col or "name",
        issuer=args.issuer_col or "issuer",
        field=args.field_col or "career_field",
        points=args.points_col or "points",
        given=frozenset(role for role, value in named.items() if value),
    )
    options = ImportOptions(
        catalog_id=args.catalog_id,
        title=args.title,
        source=args.source,
        region=args.region or REGION_NOT_GIVEN,
        checked=args.checked or dt.date.today(),
        columns=columns,
        bundle_points=args.bundle_points,
        default_points=args.default_points,
    )
    try:
        text, notes = read_csv_file(args.csv, args.csv)
        result = import_csv_text(text, args.csv, options)
    except FileProblems as exc:
        report_problems(exc.problems)
        return EXIT_BAD_INPUT
    report_problems(notes + result.problems)
    if result.missing_points:
        report_problems(
            [
                f"{args.csv}: {_n(result.missing_points, 'row')} without points skipped; give --default-points N "
                "to keep such rows at N points, marked verified = false"
            ]
        )
    if not result.credentials:
        report_problems([f"{args.csv}: no credential could be read; nothing written"])
        return EXIT_BAD_INPUT

    toml_text = catalog_toml(result, Path(args.csv).name)
    display = args.output if out is not None else "<output>"
    catalog = made_catalog(toml_text, display, "import-csv")
    if catalog is None or not write_catalog(out, args.output, toml_text):
        return EXIT_BAD_INPUT
    summary = (
        f"{display}: {catalog_summary(catalog)}; {_n(result.rows_used, 'row')} used, "
        f"{result.rows_skipped} skipped; {_n(result.unconfirmed, 'credential')} marked verified = false"
    )
    summary += region_reminder(args.region)
    emit(summary + "\n", sys.stderr if out is None else sys.stdout)
    return EXIT_OK
