"""credplan diff OLD NEW [--plans | --dir DIR] [--json]: what a new list changes.

OLD and NEW are catalogs (bundled ids or paths). Prints the credentials added, removed,
renamed (same id) and changed in points per field; with --plans (the plans folder) or
--dir, the students whose plans change, each judged by both lists. Exit 0 when the
lists are the same, 1 when they differ (as diff(1)), 2 on bad input."""

from __future__ import annotations

import argparse

from . import EXIT_BAD_INPUT, EXIT_NOT_MET, EXIT_OK

ORDER = 42


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "diff",
        help="compare two catalogs: credentials added, removed, renamed, points changed; and the plans it moves",
        description="Compare an old and a new catalog (bundled id or path). With --plans or --dir, "
        "every plan saved with either list is judged by both, and those that change are listed.",
    )
    p.add_argument("old", metavar="OLD", help="the catalog now in use (bundled id or path)")
    p.add_argument("new", metavar="NEW", help="the new list (bundled id or path)")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--plans", action="store_true", help="also list the saved plans (the plans folder) that change")
    which.add_argument("--dir", metavar="DIR", help="also list the plans in DIR that change")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..core.catalog_diff import diff_catalogs, diff_dict, plan_impacts
    from ..core.paths import plans_dir
    from ..core.problems import FileProblems
    from ..core.session import load_catalog_ref
    from ..core.words import catalog_diff as words
    from .output import emit, emit_json, report_problems

    try:
        old = load_catalog_ref(args.old)
        new = load_catalog_ref(args.new)
    except FileProblems as exc:
        report_problems(exc.problems)
        return EXIT_BAD_INPUT
    directory = None
    if args.dir:
        directory = Path(args.dir).expanduser()
        if not directory.is_dir():
            report_problems([f"{args.dir}: not a folder"])
            return EXIT_BAD_INPUT
    elif args.plans:
        directory = plans_dir()
    diff = diff_catalogs(old, new)
    report = plan_impacts(old, new, directory) if directory is not None else None
    code = EXIT_OK if diff.empty else EXIT_NOT_MET
    if args.json:
        emit_json(diff_dict(diff, report))
        return code
    emit(words.header(diff, args.old, args.new) + "\n\n")
    for line in words.section_lines(diff):
        emit(line + "\n")
    if report is not None:
        emit("\n")
        for line in words.plans_lines(report, str(directory)):
            emit(line + "\n")
    return code
