"""credplan catalogs: the bundled catalogs with id, title, region and checked date."""

from __future__ import annotations

import argparse

from ..core.bundled import bundled_paths
from ..core.catalog import load_catalog
from ..core.problems import FileProblems
from . import EXIT_BAD_INPUT, EXIT_OK
from .output import emit, emit_json, report_problems

ORDER = 30


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("catalogs", help="list the bundled catalogs")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    rows = []
    status = EXIT_OK
    for path in bundled_paths():
        try:
            c = load_catalog(path, display=path.name)
        except FileProblems as exc:
            report_problems(exc.problems)
            status = EXIT_BAD_INPUT
            continue
        rows.append({"id": c.id, "title": c.info.title, "region": c.info.region, "checked": c.info.checked.isoformat()})
    if args.json:
        emit_json(rows)
        return status
    width = max((len(r["id"]) for r in rows), default=2)
    for r in rows:
        emit(f"{r['id']:<{width}}  {r['title']} ({r['region']}), checked {r['checked']}\n")
    return status
