"""The command line. `credplan [--catalog ID|PATH] [--plan PATH]` opens the planner;
subcommands (one module each in `credplan.commands`) work without it. Textual is
imported only when the planner opens."""

from __future__ import annotations

import argparse
from typing import Sequence

from .commands import command_modules
from .commands.common import DEFAULT_CATALOG


class _PlannerOnly(argparse.ArgumentParser):
    """Says nothing when it cannot parse: the full parser will, in full."""

    def error(self, message: str):  # type: ignore[override]
        raise _NotThePlanner(message)


class _NotThePlanner(Exception):
    pass


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without `commands`, only the planner's options (no
    subcommand module is imported, and `-h` is left over for the full parser)."""
    parser = (argparse.ArgumentParser if commands else _PlannerOnly)(
        prog="credplan",
        description="Plan a credential-based graduation pathway. With no command, opens the planner.",
        add_help=commands,
    )
    parser.add_argument(
        "--catalog",
        help=f"bundled catalog id (e.g. {DEFAULT_CATALOG}) or path to a .toml catalog "
        f"(default: the catalog the plan was saved with, else {DEFAULT_CATALOG})",
    )
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--plan", help="plan file to open (created on the first change)")
    who.add_argument("--student", metavar="NAME", help="open or create this student's plan in the plans folder")
    who.add_argument(
        "--demo", nargs="?", const=True, default=False, metavar="PLAN",
        help="a throwaway plan for a class demo, nothing saved; start from `example` (the catalog's "
        "example plan) or a plan file; r resets it",
    )
    parser.add_argument("--theme", metavar="NAME", help="the planner's colours for this session (the palette's Theme list)")
    if commands:
        sub = parser.add_subparsers(dest="command", metavar="COMMAND")
        for module in command_modules():
            module.register(sub)
    return parser


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Opening the planner is the common case and needs none of the subcommands'
    modules (suggest, export, CSV import...), so it is tried first; anything it does
    not take (a command, `-h`, a typo) goes to the full parser, which explains."""
    try:
        args, rest = build_parser(commands=False).parse_known_args(argv)
    except _NotThePlanner:
        rest = ["(the full parser reports it)"]
    if not rest:
        return args
    return build_parser().parse_args(argv)


def run_planner(args: argparse.Namespace) -> int:
    from .launch import launch

    return launch(args)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    func = getattr(args, "func", run_planner)
    try:
        return func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
