"""credplan check --catalog C --plan P [--json] [--what-if SPEC ...]: exit 0 met, 1 not
yet, 2 bad input.

`--what-if field=ID|class=YEAR|catalog=REF` (repeatable, or joined with commas) checks
the plan as if it were changed that way and lists what differs from the saved plan; the
plan file is only read, never written."""

from __future__ import annotations

import argparse
import json
import sys

from ..core.problems import Problem
from ..core.report import evaluation_dict, evaluation_text
from ..core.rules import evaluate
from . import EXIT_BAD_INPUT, EXIT_NOT_MET, EXIT_OK
from .common import DEFAULT_CATALOG, load_catalog_and_plan, load_catalog_ref

ORDER = 20


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="evaluate a plan; exit 0 when met, 1 when not yet, 2 on bad input")
    p.add_argument("--catalog", default=DEFAULT_CATALOG, help="bundled catalog id or path")
    p.add_argument("--plan", required=True, help="plan file (TOML)")
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
            print(Problem("--what-if", 0, str(exc)), file=sys.stderr)
            return EXIT_BAD_INPUT
    loaded = load_catalog_and_plan(args.catalog, args.plan)
    if loaded is None:
        return EXIT_BAD_INPUT
    catalog, plan = loaded
    if what_if is not None:
        return _run_what_if(args, catalog, plan, what_if)
    evaluation = evaluate(catalog, plan)
    if args.json:
        print(json.dumps(evaluation_dict(catalog, evaluation), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(evaluation_text(catalog, plan, evaluation))
    return EXIT_OK if evaluation.met else EXIT_NOT_MET


def _run_what_if(args: argparse.Namespace, catalog, plan, what_if) -> int:
    from ..core.whatif import WhatIfError, apply_what_if, compare, difference_lines

    try:
        catalog2, plan2 = apply_what_if(catalog, plan, what_if, load_catalog=load_catalog_ref)
    except WhatIfError as exc:
        print(Problem("--what-if", 0, str(exc)), file=sys.stderr)
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
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        lines = [f"What if: {comparison.description} ({', '.join(what_if.specs)}); the saved plan is not changed", ""]
        sys.stdout.write("\n".join(lines) + "\n")
        sys.stdout.write(evaluation_text(catalog2, plan2, comparison.other))
        tail = ["", "Compared with your saved plan:", *difference_lines(comparison)]
        sys.stdout.write("\n".join(tail) + "\n")
    return EXIT_OK if comparison.other.met else EXIT_NOT_MET
