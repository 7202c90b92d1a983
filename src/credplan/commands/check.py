"""credplan check --catalog C --plan P [--json]: exit 0 met, 1 not yet, 2 bad input."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..core.problems import FileProblems
from ..core.report import evaluation_dict, evaluation_text
from ..core.rules import evaluate
from ..core.storage import read_plan
from . import EXIT_BAD_INPUT, EXIT_NOT_MET, EXIT_OK, print_problems
from .common import DEFAULT_CATALOG, load_catalog_ref

ORDER = 20


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="evaluate a plan; exit 0 when met, 1 when not yet, 2 on bad input")
    p.add_argument("--catalog", default=DEFAULT_CATALOG, help="bundled catalog id or path")
    p.add_argument("--plan", required=True, help="plan file (TOML)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        catalog = load_catalog_ref(args.catalog)
        plan = read_plan(Path(args.plan))
    except FileProblems as exc:
        print_problems(exc)
        return EXIT_BAD_INPUT
    evaluation = evaluate(catalog, plan)
    if args.json:
        print(json.dumps(evaluation_dict(catalog, evaluation), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(evaluation_text(catalog, plan, evaluation))
    return EXIT_OK if evaluation.met else EXIT_NOT_MET
