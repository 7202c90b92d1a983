"""credplan roster [--dir DIR] [--class 2027] [--catalog ID] [--status S] [--sort need|name|class] [--csv|--json]

Every student's plan in the plans folder (or DIR), each judged by its own catalog: one
row per student with the status counts on top. Exit 0, or 2 when DIR is not a folder.
A plan that cannot be read is a row of its own with the reason; it never stops the
roster."""

from __future__ import annotations

import argparse

from . import EXIT_BAD_INPUT, EXIT_OK

ORDER = 36


def _statuses(text: str) -> list[str]:
    from ..core.roster import STATUSES

    out = []
    for word in text.split(","):
        key = "-".join(word.strip().casefold().replace("_", " ").split())
        if key not in STATUSES:
            raise argparse.ArgumentTypeError(f"`{word.strip()}` is not a status (use {', '.join(STATUSES)})")
        out.append(key)
    return out


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "roster",
        help="every student's plan in one table, each judged by its own catalog",
        description="One row per student: class, catalog, bundle field, points planned and earned, "
        "scores, status (met / on track / not on track), other-field picks, unverified values, "
        "last changed. Status counts come first.",
    )
    p.add_argument("--dir", metavar="DIR", help="folder of plan files (default: the plans folder, see `credplan plans`)")
    p.add_argument("--class", dest="class_of", type=int, metavar="YEAR", help="only this graduating class")
    p.add_argument("--catalog", metavar="ID", help="only plans judged by this catalog (its id)")
    p.add_argument(
        "--status", type=_statuses, action="append", metavar="S",
        help="only these statuses: met, on-track, not-on-track, unreadable (repeat or join with commas)",
    )
    p.add_argument("--sort", choices=("need", "name", "class"), default="need",
                   help="need: closest graduating class first, then furthest from the rules (default); name; class")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--csv", action="store_true", help="print CSV (one row per student, every column)")
    how.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def _table(rows: list[dict[str, str]], columns: tuple[tuple[str, str], ...]) -> list[str]:
    from ..core.text import clean

    shown = [{k: clean(v) for k, v in row.items()} for row in rows]
    widths = {k: max([len(h)] + [len(r[k]) for r in shown]) for k, h in columns}
    last = columns[-1][0]
    lines = ["  ".join(h if k == last else h.ljust(widths[k]) for k, h in columns).rstrip()]
    for r in shown:
        lines.append("  ".join(r[k] if k == last else r[k].ljust(widths[k]) for k, _ in columns).rstrip())
    return lines


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: object) -> object:
    """Text a spreadsheet would run as a formula is kept as text."""
    if isinstance(value, str) and value.startswith(_FORMULA) and value != "-":
        return "'" + value
    return value


def _csv(rows) -> str:
    import csv
    import io

    from ..core.words import roster as words

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([
        "student", "class_of", "catalog", "status", "bundle_field", "pinned", "points", "earned_points", "required",
        "scores", "top_fields", "other_field_count", "other_field", "unverified", "not_in_catalog", "changed",
        "problem", "path",
    ])
    for row in rows:
        writer.writerow([_csv_cell(v) for v in (
            row.student, row.class_of or "", row.catalog_id, words.STATUS_WORDS[row.status],
            row.field_name, "yes" if row.pinned else ("no" if row.has_bundle else ""),
            row.points if row.has_bundle else "", row.earned_points if row.has_bundle else "",
            row.required if row.has_bundle else "",
            words.REQUIREMENT_WORDS[row.scores] if row.readable else "",
            "; ".join(f"{name} {pts}" for _, name, pts in row.top_fields),
            len(row.other_field) if row.readable else "", "; ".join(row.other_field),
            row.unverified if row.readable else "", row.not_in_catalog if row.readable else "",
            row.modified.isoformat(timespec="seconds"), row.problem, str(row.path),
        )])
    return out.getvalue()


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..core.paths import plans_dir
    from ..core.roster import filter_rows, roster, row_dict, sort_rows, status_counts
    from ..core.words import roster as words
    from .output import emit, emit_json, report_problems

    directory = Path(args.dir).expanduser() if args.dir else plans_dir()
    if args.dir and not directory.is_dir():
        report_problems([f"{args.dir}: not a folder"])
        return EXIT_BAD_INPUT
    everyone = roster(directory)
    statuses = [s for group in (args.status or []) for s in group] or None
    rows = sort_rows(
        filter_rows(everyone, class_of=args.class_of, catalog_id=args.catalog, statuses=statuses), args.sort
    )
    counts = status_counts(rows)
    if args.json:
        emit_json({
            "directory": str(directory),
            "total": len(everyone),
            "counts": counts,
            "sort": args.sort,
            "rows": [row_dict(r) for r in rows],
        })
        return EXIT_OK
    if args.csv:
        emit(_csv(rows))
        return EXIT_OK
    if not everyone:
        emit(words.no_plans(directory) + "\n")
        return EXIT_OK
    emit(words.counts_line(counts) + "\n")
    if len(rows) != len(everyone):
        emit(words.showing(len(rows), len(everyone)) + "\n")
    if not rows:
        emit(words.none_match(len(everyone)) + "\n")
        return EXIT_OK
    emit("\n")
    for line in _table([words.cells(r) for r in rows], words.COLUMNS):
        emit(line + "\n")
    emit("\n" + words.LEGEND + "\n")
    return EXIT_OK
