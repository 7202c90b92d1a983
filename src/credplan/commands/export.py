"""credplan export (--plan P | --student NAME) [--catalog C] [--format md|json|txt|html] [-o FILE]
credplan export --all -o FOLDER [--dir DIR] [--format html] [--force]

A report a counselor can read or print, or (html) a one-page summary for the family.
Exit 0 when written, 2 on bad input (a plan or catalog that cannot be read: FILE:LINE
messages, never a traceback). `--all` writes one file per student (`export_all`)."""

from __future__ import annotations

import argparse
import os
import sys

from . import EXIT_BAD_INPUT, EXIT_OK
from .common import add_plan_arguments, open_for_reading
from .output import emit, report_problems

ORDER = 25


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="write a plan report for a counselor (Markdown, plain text, JSON) or a page for the family (HTML)",
        description="Write a report of a plan: student, class, catalog, every requirement with "
        "what is missing, every selection with points, status and reason.",
    )
    which = add_plan_arguments(p)
    which.add_argument("--all", action="store_true", help="every student's plan, one file each, into the -o folder")
    p.add_argument(
        "--format",
        choices=("md", "json", "txt", "html"),
        help="report format (default: from the -o file name, else txt; html with --all)",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE",
        help="write to FILE instead of standard output (a new file; never in the plans folder; --all: a folder)",
    )
    p.add_argument("--dir", metavar="DIR", help="with --all: the folder of plans (default: the plans folder)")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists (its permissions are kept; never a plan)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..core.export import export_report, format_for_path
    from ..core.text import clean

    if getattr(args, "all", False):
        from .export_all import run_all

        return run_all(args)
    from ..core.report_files import ReportTargetError, check_report_target, write_report

    to_file = bool(args.output) and args.output != "-"
    fmt = args.format or (format_for_path(args.output) if to_file else None) or "txt"
    target = None
    if to_file:  # before anything is read: a refusal costs nothing
        try:
            target = check_report_target(args.output, force=args.force)
        except ReportTargetError as exc:
            report_problems([exc])
            return EXIT_BAD_INPUT
    session = open_for_reading(args)
    if session is None:
        return EXIT_BAD_INPUT
    if target is not None and target.exists and session.path is not None:
        try:  # forced: still never over the plan being exported
            check_report_target(args.output, force=True, keep=session.path)
        except ReportTargetError as exc:
            report_problems([exc])
            return EXIT_BAD_INPUT
    text = clean(export_report(session.catalog, session.plan, fmt, notices=session.catalog_notices), lines=True)
    if target is not None:
        try:
            write_report(target, text)
        except ReportTargetError as exc:
            report_problems([exc])
            return EXIT_BAD_INPUT
    else:
        emit(text)
        sys.stdout.flush()
    if to_file:
        report_problems([f"wrote {os.fspath(args.output)}"])
    return EXIT_OK
