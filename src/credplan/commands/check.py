"""credplan check (--plan P | --student NAME) [--catalog C] [--json] [--what-if SPEC ...]:
exit 0 met, 1 not yet, 2 bad input. The plan is judged by the catalog it was saved with
unless --catalog is given.

`--what-if field=ID|class=YEAR|catalog=REF` (repeatable, or joined with commas) checks
the plan as if it were changed that way and lists what differs from the saved plan; the
plan file is only read, never written."""

from __future__ import annotations

import argparse

from ..core.problems import Problem
from ..core.report import evaluation_dict, evaluation_text
from ..core.session import PlanSession, load_catalog_ref
from . import EXIT_BAD_INPUT, EXIT_NOT_MET, EXIT_OK
from .common import add_plan_arguments, open_for_reading
from .output import emit, emit_json, report_problems

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..core.whatif import WhatIf

ORDER = 20


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="evaluate a plan; exit 0 when met, 1 when not yet, 2 on bad input")
    add_plan_arguments(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--what-if",
        dest="what_if",
        action="append",
        metavar="SPEC",
        help=(
            "check the plan as if changed, without saving: field=ID (field=none unpins), "
            "class=YEAR or catalog=ID|PATH; repeat or join with commas; "
            "lists the differences from the saved plan"
        ),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    what_if = None
    if getattr(args, "what_if", None):
        from ..core.whatif import WhatIfError, parse_what_ifs

        try:
            what_if = parse_what_ifs(args.what_if)
        except WhatIfError as exc:
            report_problems([Problem("--what-if", 0, str(exc))])
            return EXIT_BAD_INPUT
    session = open_for_reading(args)
    if session is None:
        return EXIT_BAD_INPUT
    if what_if is not None:
        return _run_what_if(args, session, what_if)
    catalog, plan, evaluation = session.catalog, session.plan, session.evaluation()
    if args.json:
        emit_json(check_dict(session))
    else:
        emit(evaluation_text(catalog, plan, evaluation))
    return EXIT_OK if evaluation.met else EXIT_NOT_MET


def check_dict(session: PlanSession) -> dict:
    """The `check --json` object: the evaluation, whose plan it is, and what was said."""
    out = evaluation_dict(session.catalog, session.evaluation())
    out["student"] = session.plan.student
    out["notices"] = list(session.notices)
    return out


def _run_what_if(args: argparse.Namespace, session: PlanSession, what_if: WhatIf) -> int:
    catalog, plan = session.catalog, session.plan
    from ..core.whatif import WhatIfError, apply_what_if, compare, difference_lines
    from ..core.words import commands as said

    try:
        catalog2, plan2 = apply_what_if(catalog, plan, what_if, load_catalog=load_catalog_ref)
    except WhatIfError as exc:
        report_problems([Problem("--what-if", 0, str(exc))])
        return EXIT_BAD_INPUT
    comparison = compare(catalog, plan, catalog2, plan2)
    if args.json:
        out = evaluation_dict(catalog2, comparison.other)
        out["what_if"] = {
            "spec": list(what_if.specs),
            "description": comparison.description,
            "differences": list(comparison.differences),
            "base": evaluation_dict(catalog, comparison.evaluation),
        }
        emit_json(out)
    else:
        lines = [said.what_if_heading(comparison.description, ", ".join(what_if.specs)), ""]
        emit("\n".join(lines) + "\n")
        emit(evaluation_text(catalog2, plan2, comparison.other))
        tail = ["", said.COMPARED, *difference_lines(comparison)]
        emit("\n".join(tail) + "\n")
    return EXIT_OK if comparison.other.met else EXIT_NOT_MET
