"""credplan fields --catalog C --plan P [--json]: every career field ranked by how close
the plan is to a bundle there; exit 0, 2 on bad input."""

from __future__ import annotations

import argparse
import json
import sys

from ..core.nearest import field_distance_dict, nearest_fields
from ..core.words.suggestions import UNVERIFIED_NOTE, any_unverified, field_lines
from . import EXIT_BAD_INPUT, EXIT_OK
from .common import DEFAULT_CATALOG, load_catalog_and_plan

ORDER = 26


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("fields", help="rank career fields by how close the plan is to a bundle there")
    p.add_argument("--catalog", default=DEFAULT_CATALOG, help="bundled catalog id or path")
    p.add_argument("--plan", required=True, help="plan file (TOML)")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    loaded = load_catalog_and_plan(args.catalog, args.plan)
    if loaded is None:
        return EXIT_BAD_INPUT
    catalog, plan = loaded
    distances = nearest_fields(catalog, plan)
    if args.json:
        print(json.dumps([field_distance_dict(d) for d in distances], indent=2, ensure_ascii=False))
        return EXIT_OK
    who = plan.student or "(no name)"
    lines = [f"Nearest fields for {who}: catalog {catalog.info.title}"]
    if not distances:
        lines.append("This catalog has no points bundle, so career fields do not decide anything; see `credplan suggest`.")
    else:
        lines.append(f"Closest first (a bundle needs {distances[0].required} points in one field):")
        lines += field_lines(distances)
        if any_unverified(distances=distances):
            lines.append("")
            lines.append(UNVERIFIED_NOTE)
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK
