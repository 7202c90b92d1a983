"""The command line. `credplan [--catalog ID|PATH] [--plan PATH]` opens the planner;
subcommands (one module each in `credplan.commands`) work without it. Textual is
imported only when the planner opens."""

from __future__ import annotations

import argparse
from typing import Sequence

from .commands import command_modules
from .commands.common import DEFAULT_CATALOG


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="credplan",
        description="Plan a credential-based graduation pathway. With no command, opens the planner.",
    )
    parser.add_argument(
        "--catalog",
        help=f"bundled catalog id (e.g. {DEFAULT_CATALOG}) or path to a .toml catalog "
        f"(default: the catalog the plan was saved with, else {DEFAULT_CATALOG})",
    )
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--plan", help="plan file to open (created on the first change)")
    who.add_argument("--student", metavar="NAME", help="open or create this student's plan in the plans folder")
    who.add_argument("--demo", action="store_true", help="a throwaway plan for a class demo: nothing is saved")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in command_modules():
        module.register(sub)
    return parser


def run_planner(args: argparse.Namespace) -> int:
    from .launch import launch

    return launch(args)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func = getattr(args, "func", run_planner)
    try:
        return func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
