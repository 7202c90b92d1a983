"""The command line: `credplan [--catalog ..] [--plan ..]` opens the planner; subcommands
work without it. Textual is imported only when the planner opens."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from .core.bundled import bundled_paths, resolve_catalog
from .core.catalog import catalog_summary, load_catalog
from .core.model import Catalog
from .core.problems import FileProblems
from .core.report import evaluation_dict, evaluation_text
from .core.rules import evaluate
from .core.storage import read_plan

EXIT_OK, EXIT_NOT_MET, EXIT_BAD_INPUT = 0, 1, 2
DEFAULT_CATALOG = "ohio"


def _load(ref: str) -> Catalog:
    path = resolve_catalog(ref)
    return load_catalog(path, display=path.name if path.stem == ref else ref)


def _print_problems(exc: FileProblems) -> None:
    for problem in exc.problems:
        print(problem, file=sys.stderr)


# -- subcommands ----------------------------------------------------------------------
def cmd_validate(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for name in args.files:
        try:
            catalog = load_catalog(Path(name), display=name)
        except FileProblems as exc:
            _print_problems(exc)
            status = 1
            continue
        print(f"{Path(name).name}: {catalog_summary(catalog)}")
    return status


def cmd_check(args: argparse.Namespace) -> int:
    try:
        catalog = _load(args.catalog)
        plan = read_plan(Path(args.plan))
    except FileProblems as exc:
        _print_problems(exc)
        return EXIT_BAD_INPUT
    evaluation = evaluate(catalog, plan)
    if args.json:
        print(json.dumps(evaluation_dict(catalog, evaluation), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(evaluation_text(catalog, plan, evaluation))
    return EXIT_OK if evaluation.met else EXIT_NOT_MET


def cmd_catalogs(args: argparse.Namespace) -> int:
    rows = []
    status = EXIT_OK
    for path in bundled_paths():
        try:
            c = load_catalog(path, display=path.name)
        except FileProblems as exc:
            _print_problems(exc)
            status = EXIT_BAD_INPUT
            continue
        rows.append((c.id, c.info.title, c.info.region, c.info.checked.isoformat()))
    if args.json:
        print(json.dumps([dict(zip(("id", "title", "region", "checked"), r)) for r in rows], indent=2))
        return status
    width = max((len(r[0]) for r in rows), default=2)
    for ident, title, region, checked in rows:
        print(f"{ident:<{width}}  {title} ({region}), checked {checked}")
    return status


def cmd_tui(args: argparse.Namespace) -> int:
    from .launch import launch

    return launch(args)


# -- parser ------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="credplan",
        description="Plan a credential-based graduation pathway. With no command, opens the planner.",
    )
    parser.add_argument("--catalog", default=DEFAULT_CATALOG, help="bundled catalog id (e.g. ohio) or path to a .toml catalog")
    parser.add_argument("--plan", help="plan file to open (created on the first change)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("validate", help="check catalog files and print every problem as FILE:LINE: message")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("check", help="evaluate a plan; exit 0 when met, 1 when not yet, 2 on bad input")
    p.add_argument("--catalog", default=DEFAULT_CATALOG, help="bundled catalog id or path")
    p.add_argument("--plan", required=True, help="plan file (TOML)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("catalogs", help="list the bundled catalogs")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_catalogs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", cmd_tui)
    try:
        return func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
