"""credplan shell [--catalog C] [--plan P | --student NAME]: the planner one command per
line, for screen readers and scripts (see credplan/shell.py)."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import re
import sys
from pathlib import Path

from ..core.problems import FileProblems
from . import EXIT_BAD_INPUT, print_problems

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


def _local_slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "student"


def student_plan_path(name: str) -> Path:
    """credplan.core.students decides file names when it is there; else a simple slug."""
    if importlib.util.find_spec("credplan.core.students") is not None:
        students = importlib.import_module("credplan.core.students")
        if hasattr(students, "find_plan"):
            found = students.find_plan(name)
            if found is not None:
                return Path(found)
        if hasattr(students, "plan_path_for"):
            return Path(students.plan_path_for(name))
    from ..core.storage import plans_dir

    return plans_dir() / f"{_local_slug(name)}.toml"


def run(args: argparse.Namespace) -> int:
    from ..core.bundled import bundled_ids
    from ..core.storage import data_dir, default_plan_path, open_plan, save_plan
    from ..shell import HISTORY_FILE, PlanShell, plain, run_shell, use_color
    from .common import DEFAULT_CATALOG, load_catalog_ref

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")

    if args.plan:
        path = Path(args.plan).expanduser()
    elif args.student:
        path = student_plan_path(args.student)
    else:
        path = default_plan_path()
    try:
        opened = open_plan(path, student=args.student or "")
    except OSError as exc:
        print(f"{path}: cannot open the plan: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for problem in opened.problems:
        print(problem, file=sys.stderr)
    if opened.notice:
        print(opened.notice, file=sys.stderr)

    stamp = opened.plan.catalog
    ref = args.catalog or (stamp.id if stamp is not None and stamp.id in bundled_ids() else DEFAULT_CATALOG)
    try:
        catalog = load_catalog_ref(ref)
    except FileProblems as exc:
        print_problems(exc)
        return EXIT_BAD_INPUT
    if stamp is not None and stamp.id != catalog.id:
        print(
            f"This plan was last saved with catalog `{stamp.id}`; it is now opened with `{catalog.id}`.",
            file=sys.stderr,
        )

    def save(plan, catalog_now) -> None:  # type: ignore[no-untyped-def]
        save_plan(path, plan, catalog_now)

    shell = PlanShell(
        catalog,
        opened.plan,
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
