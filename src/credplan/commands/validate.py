"""credplan validate FILE...: every problem as FILE:LINE: message."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.catalog import catalog_summary, load_catalog
from ..core.problems import FileProblems
from . import EXIT_OK
from .output import emit, report_problems

ORDER = 10


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="check catalog files; print every problem as FILE:LINE: message")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for name in args.files:
        try:
            catalog = load_catalog(Path(name), display=name)
        except FileProblems as exc:
            report_problems(exc.problems)
            status = 1
            continue
        emit(f"{Path(name).name}: {catalog_summary(catalog)}\n")
    return status
