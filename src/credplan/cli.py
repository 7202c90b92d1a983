"""The command line. `credplan [--catalog ID|PATH] [--plan PATH]` opens the planner;
subcommands (one module each in `credplan.commands`) work without it. Textual is
imported only when the planner opens, and a subcommand's module only when it runs.

Scripts call `credplan check --json` in loops, so start-up counts: `make bench`
prints its cost against `python -c pass`."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import types

from .commands import COMMANDS, DEFAULT_CATALOG, Subcommands

TYPE_CHECKING = False  # typing itself costs a few ms at every start
if TYPE_CHECKING:
    from collections.abc import Sequence


class _DeferredInspect(types.ModuleType):
    """Stands in for `inspect` until something looks a name up in it, then loads it.

    `dataclasses` imports `inspect` (with ast, dis and tokenize: about a sixth of what
    `credplan check` costs) only to write a docstring for a dataclass that has none,
    and every dataclass on a command's path has one. Textual uses `inspect`, so the
    planner loads it at once; a command usually never does."""

    def __getattr__(self, name: str) -> object:
        if sys.modules.get("inspect") is self:
            del sys.modules["inspect"]
        real = importlib.import_module("inspect")
        sys.modules["inspect"] = real
        self.__dict__.update(real.__dict__)  # modules that imported the stand-in now see the real names
        return getattr(real, name)


def _defer_inspect() -> None:
    if "inspect" not in sys.modules and "dataclasses" not in sys.modules:
        sys.modules["inspect"] = _DeferredInspect("inspect")


def _columns() -> int:
    """`shutil.get_terminal_size().columns`, without importing shutil (and the
    compression modules it loads) at every start, as argparse's formatter does."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]  # None: AttributeError below
    except (AttributeError, ValueError, OSError):
        return 80


class _HelpFormatter(argparse.HelpFormatter):
    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)


class _Parser(argparse.ArgumentParser):
    """argparse's parser, and the subcommands' (`add_subparsers` makes them of this
    class), with `_HelpFormatter`: help laid out exactly as argparse lays it out."""

    def __init__(self, *args, formatter_class: type[argparse.HelpFormatter] = _HelpFormatter, **kwargs) -> None:
        super().__init__(*args, formatter_class=formatter_class, **kwargs)  # type: ignore[misc]  # args never holds it


def build_parser(*, load_all: bool = True) -> argparse.ArgumentParser:
    """The whole command line. Without `load_all`, a subcommand's module is imported
    (and its parser built) only when parsing meets its name (see `commands.Subcommands`)."""
    parser = _Parser(
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
    who.add_argument(
        "--demo", nargs="?", const=True, default=False, metavar="PLAN",
        help="a throwaway plan for a class demo, nothing saved; start from `example` (the catalog's "
        "example plan) or a plan file; r resets it",
    )
    who.add_argument("--demo-now", dest="demo", action="store_const", const=True, help=argparse.SUPPRESS)
    parser.add_argument("--theme", metavar="NAME", help="the planner's colours for this session (the palette's Theme list)")
    sub: Subcommands = parser.add_subparsers(dest="command", metavar="COMMAND", action=Subcommands)  # type: ignore[assignment]
    if load_all:
        sub.load_all()
    return parser


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Opening the planner is the common case and needs no subcommand module; a
    command imports its own module only, and `credplan --help` none."""
    return build_parser(load_all=False).parse_args(_demo_before_a_command(argv))


def _demo_before_a_command(argv: Sequence[str] | None) -> list[str]:
    """`--demo` takes an optional PLAN, so in `credplan --demo shell` argparse would take
    the command for the plan. A command's name right after `--demo` is the command: that
    `--demo` becomes the hidden `--demo-now` (a demo with no starting plan)."""
    words = list(sys.argv[1:] if argv is None else argv)
    for i, word in enumerate(words[:-1]):
        if word == "--demo" and words[i + 1] in COMMANDS:
            words[i] = "--demo-now"
    return words


def run_planner(args: argparse.Namespace) -> int:
    from .launch import launch

    return launch(args)


def main(argv: Sequence[str] | None = None) -> int:
    _defer_inspect()
    args = parse(argv)
    func = getattr(args, "func", run_planner)
    try:
        return func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
