"""credplan fields (--plan P | --student NAME) [--catalog C] [--json]: every career field ranked by how close
the plan is to a bundle there; exit 0, 2 on bad input."""

from __future__ import annotations

import argparse

from ..core.nearest import field_distance_dict, nearest_fields
from ..core.words.suggestions import UNVERIFIED_NOTE, any_unverified, field_lines
from ..core.words import commands as said
from . import EXIT_BAD_INPUT, EXIT_OK
from .common import add_plan_arguments, open_for_reading
from .output import emit, emit_json

ORDER = 26


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("fields", help="rank career fields by how close the plan is to a bundle there")
    add_plan_arguments(p)
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    session = open_for_reading(args)
    if session is None:
        return EXIT_BAD_INPUT
    catalog, plan = session.catalog, session.plan
    distances = nearest_fields(catalog, plan)
    if args.json:
        emit_json([field_distance_dict(d) for d in distances])
        return EXIT_OK
    lines = [said.nearest_heading(plan.student, catalog.info.title)]
    if not distances:
        lines.append(said.NEAREST_NO_BUNDLE)
    else:
        lines.append(said.closest_first(distances[0].required))
        lines += field_lines(distances)
        if any_unverified(distances=distances):
            lines.append("")
            lines.append(UNVERIFIED_NOTE)
    emit("\n".join(lines) + "\n")
    return EXIT_OK
