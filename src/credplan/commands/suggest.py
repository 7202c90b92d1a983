"""credplan suggest (--plan P | --student NAME) [--catalog C] [--field F] [--by count|cost|hours|overshoot]
[--limit N] [--json]: the best ways to finish the plan; exit 0, 2 on bad input."""

from __future__ import annotations

import argparse

from ..core.problems import Problem
from ..core.competency_options import competency_dict, competency_suggestions
from ..core.completions import MAX_LIMIT, MEASURES, SuggestError, check_field, completion_result_dict, completions
from ..core.words.suggestions import (
    ALL_COMPETENCIES_MET,
    UNVERIFIED_NOTE,
    any_unverified,
    competency_lines,
    completion_lines,
)
from ..core.words import commands as said
from . import EXIT_BAD_INPUT, EXIT_OK
from .common import add_plan_arguments, open_for_reading
from .output import emit, emit_json, report_problems

ORDER = 25


def positive_limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_LIMIT}, not {text!r}") from None
    if not 1 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_LIMIT}, not {value}")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "suggest",
        help="the best sets of credentials to add to finish the bundle (and unmet competencies); exit 0, 2 on bad input",
    )
    add_plan_arguments(p)
    p.add_argument("--field", help="career field id (default: the plan's bundle field)")
    p.add_argument("--by", choices=MEASURES, default="count", help="rank by this measure (default: count)")
    p.add_argument("--limit", type=positive_limit, default=5, help="how many completions to list (default: 5)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    session = open_for_reading(args)
    if session is None:
        return EXIT_BAD_INPUT
    catalog, plan = session.catalog, session.plan
    result = None
    try:
        if args.field is not None:
            check_field(catalog, args.field)
        if catalog.has_bundle:
            result = completions(catalog, plan, args.field, args.by, args.limit)
    except SuggestError as exc:
        report_problems([Problem(catalog.info.id, 0, str(exc))])
        return EXIT_BAD_INPUT
    competencies = competency_suggestions(catalog, plan)

    if args.json:
        out = {
            "catalog": catalog.id,
            "bundle": completion_result_dict(result) if result is not None else None,
            "competencies": [competency_dict(s) for s in competencies],
        }
        emit_json(out)
        return EXIT_OK

    lines = [said.suggestions_heading(plan.student, catalog.info.title)]
    if result is not None:
        lines += completion_lines(result)
    else:
        lines.append(said.no_bundle(bool(args.field)))
    if competencies:
        lines.append("")
        lines += competency_lines(competencies, args.limit)
    elif result is None:
        lines.append(ALL_COMPETENCIES_MET)
    if any_unverified(result, competencies=competencies, limit=args.limit):
        lines.append("")
        lines.append(UNVERIFIED_NOTE)
    emit("\n".join(lines) + "\n")
    return EXIT_OK
