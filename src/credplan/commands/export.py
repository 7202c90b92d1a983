"""credplan export (--plan P | --student NAME) [--catalog C] [--format md|json|txt|html] [-o FILE]
credplan export --all -o FOLDER [--dir DIR] [--format html] [--force]

A report a counselor can read or print, or (html) a one-page summary for the family.
Exit 0 when written, 2 on bad input (a plan or catalog that cannot be read: FILE:LINE
messages, never a traceback). `--all` writes one file per student (`export_all`)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..core.problems import FileProblems, Problem
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
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output (--all: a folder)")
    p.add_argument("--dir", metavar="DIR", help="with --all: the folder of plans (default: the plans folder)")
    p.add_argument("--force", action="store_true", help="with --all: replace files that exist")
    p.set_defaults(func=run)


def _write(path: str, text: str) -> None:
    from ..core.atomic import atomic_write_text

    target = Path(path).expanduser()
    mode = 0o600  # reports name a student; the owner can share them on purpose
    try:
        mode = target.stat().st_mode & 0o777  # replacing a file keeps its permissions
    except OSError:
        pass
    if target.is_dir():
        raise FileProblems([Problem(path, 0, "is a directory; give a file name")])
    if not target.parent.is_dir():
        raise FileProblems([Problem(path, 0, f"cannot write: no directory {target.parent}")])
    try:
        atomic_write_text(target, text, mode=mode)
    except OSError as exc:
        raise FileProblems([Problem(path, 0, f"cannot write: {exc.strerror or exc}")]) from None


def run(args: argparse.Namespace) -> int:
    from ..core.export import export_report, format_for_path
    from ..core.text import clean

    if getattr(args, "all", False):
        from .export_all import run_all

        return run_all(args)
    fmt = args.format or (format_for_path(args.output) if args.output and args.output != "-" else None) or "txt"
    session = open_for_reading(args)
    if session is None:
        return EXIT_BAD_INPUT
    text = clean(export_report(session.catalog, session.plan, fmt, notices=session.catalog_notices), lines=True)
    try:
        if args.output and args.output != "-":
            _write(args.output, text)
        else:
            emit(text)
            sys.stdout.flush()
    except FileProblems as exc:
        report_problems(exc.problems)
        return EXIT_BAD_INPUT
    if args.output and args.output != "-":
        report_problems([f"wrote {os.fspath(args.output)}"])
    return EXIT_OK
