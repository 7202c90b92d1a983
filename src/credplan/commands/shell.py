"""credplan shell [--catalog C] [--plan P | --student NAME | --demo]: the planner one
command per line, for screen readers and scripts. Opens the session and hands it to
`credplan.shell` (the package), which does the rest."""

from __future__ import annotations

import argparse
import atexit
import os
import sys

from . import EXIT_BAD_INPUT

ORDER = 50

EXIT_STATUSES = (
    "exit status: 0 done; 1 input was not a terminal and a command was refused; "
    "2 the catalog or plan could not be opened; 3 it left with a change that was not saved "
    "(quit twice, or the last save failed: a copy is then kept and its place said)"
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "shell",
        help="plan line by line: plain text for screen readers and scripts",
        description=(
            "A line-oriented planner over the same catalog and plan files as the full-screen one. "
            "Type help for the commands. Reads commands from standard input when it is not a "
            "terminal (no prompt is printed then); every change is saved at once. A change that "
            "cannot be saved is kept: save retries, save-copy [PATH] writes it elsewhere, discard "
            "drops it, and reload or keep-mine settle a plan changed by another program; quit "
            "asks once before leaving it unsaved."
        ),
        epilog=EXIT_STATUSES,
    )
    p.add_argument("--catalog", help="bundled catalog id or path (default: the plan's catalog, else ohio)")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--plan", help="plan file to open (created on the first change)")
    who.add_argument("--student", metavar="NAME", help="open this student's plan in the plans folder")
    # SUPPRESS: no default here, so `credplan --demo shell` stays a demo too.
    who.add_argument(
        "--demo", action="store_true", default=argparse.SUPPRESS, help="a throwaway plan for a class demo: nothing is written"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..core.paths import data_dir
    from ..ask_student import open_or_ask
    from ..core.session import OpenRequest, SessionError
    from ..core.words import notices
    from ..shell import HISTORY_FILE, PlanShell, intro_lines, run_shell, use_color
    from .output import report_problems

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")

    try:
        session = open_or_ask(OpenRequest.from_args(args))
    except SessionError as exc:
        report_problems(exc.problems)
        return EXIT_BAD_INPUT
    report_problems(session.problems)
    report_problems(session.notices)
    atexit.register(session.close)
    if session.read_only:
        report_problems([notices.READ_ONLY_SAVE])

    shell = PlanShell(session, out=sys.stdout, err=sys.stderr, color=use_color(sys.stdout))
    interactive = sys.stdin.isatty()
    history = data_dir() / HISTORY_FILE if interactive and not session.is_demo else None
    code = run_shell(shell, sys.stdin, interactive=interactive, history=history, intro=intro_lines(session))
    if shell.broken_pipe:  # nothing more can be said; keep Python quiet at exit too
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return code
