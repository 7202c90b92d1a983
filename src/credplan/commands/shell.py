"""credplan shell [--catalog C] [--plan P | --student NAME]: the planner one command per
line, for screen readers and scripts (see credplan/shell.py)."""

from __future__ import annotations

import argparse
import atexit
import os
import sys

from . import EXIT_BAD_INPUT

ORDER = 50


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "shell",
        help="plan line by line: plain text for screen readers and scripts",
        description=(
            "A line-oriented planner over the same catalog and plan files as the full-screen one. "
            "Type help for the commands. Reads commands from standard input when it is not a "
            "terminal (no prompt is printed then); every change is saved at once."
        ),
    )
    p.add_argument("--catalog", help="bundled catalog id or path (default: the plan's catalog, else ohio)")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--plan", help="plan file to open (created on the first change)")
    who.add_argument("--student", metavar="NAME", help="open this student's plan in the plans folder")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..core.paths import data_dir
    from ..shell import HISTORY_FILE, PlanShell, plain, run_shell, use_color

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")

    from ..core.session import OpenRequest, PlanSession, SessionError
    from .output import report_problems

    try:
        session = PlanSession.open(OpenRequest.from_args(args))
    except SessionError as exc:
        report_problems(exc.problems)
        return EXIT_BAD_INPUT
    report_problems(session.problems)
    report_problems(session.notices)
    atexit.register(session.close)
    catalog, path = session.catalog, session.path
    if session.read_only:
        report_problems(["This plan is read-only in this session; changes will not be saved."])

    def save(plan, catalog_now) -> None:  # type: ignore[no-untyped-def]
        from ..core.store import StorageError

        if not session.change(plan):
            raise StorageError(session.save_problem)

    shell = PlanShell(
        catalog,
        session.plan,
        save=save,
        plan_name=str(path),
        out=sys.stdout,
        err=sys.stderr,
        color=use_color(sys.stdout),
    )
    intro = [
        f"credplan shell: {plain(catalog.info.title)}. Plan: {plain(path)}.",
        "Type help for the commands, quit to leave. Every change is saved at once.",
    ]
    interactive = sys.stdin.isatty()
    history = data_dir() / HISTORY_FILE if interactive else None
    code = run_shell(shell, sys.stdin, interactive=interactive, history=history, intro=intro)
    if shell.broken_pipe:  # nothing more can be said; keep Python quiet at exit too
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return code
