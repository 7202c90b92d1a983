"""credplan export (--plan P | --student NAME) [--catalog C] [--format md|json|txt] [-o FILE]

A report a counselor can read or print. Exit 0 when written, 2 on bad input (a plan
or catalog that cannot be read: FILE:LINE messages, never a traceback)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..core.problems import FileProblems, Problem
from . import EXIT_BAD_INPUT, EXIT_OK, print_problems
from .common import DEFAULT_CATALOG, load_catalog_ref

ORDER = 25


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="write a plan report for a counselor (Markdown, plain text or JSON)",
        description="Write a report of a plan: student, class, catalog, every requirement with "
        "what is missing, every selection with points, status and reason.",
    )
    p.add_argument("--catalog", default=DEFAULT_CATALOG, help="bundled catalog id or path (default: %(default)s)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--plan", help="plan file (TOML)")
    which.add_argument("--student", help="a student's saved plan, by name")
    p.add_argument(
        "--format",
        choices=("md", "json", "txt"),
        help="report format (default: from the -o file name, else txt)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(func=run)


def _plan_path(args: argparse.Namespace) -> Path:
    if args.plan:
        return Path(args.plan)
    from ..core.storage import plans_dir
    from ..core.students import find_plan, plan_path_for

    found = find_plan(args.student)
    if found is None:
        raise FileProblems(
            [
                Problem(
                    str(plan_path_for(args.student)),
                    0,
                    f"no saved plan for student {args.student!r} in {plans_dir()} (see `credplan plans`)",
                )
            ]
        )
    return found


def _write(path: str, text: str) -> None:
    from ..core.storage import atomic_write_text

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
    from ..core.storage import read_plan

    fmt = args.format or (format_for_path(args.output) if args.output and args.output != "-" else None) or "txt"
    try:
        catalog = load_catalog_ref(args.catalog)
        plan = read_plan(_plan_path(args))
        text = export_report(catalog, plan, fmt)
        if args.output and args.output != "-":
            _write(args.output, text)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    except FileProblems as exc:
        print_problems(exc)
        return EXIT_BAD_INPUT
    if args.output and args.output != "-":
        print(f"wrote {os.fspath(args.output)}", file=sys.stderr)
    return EXIT_OK
