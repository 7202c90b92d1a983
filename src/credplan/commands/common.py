"""What the commands that read a plan share: their plan and catalog arguments, and
opening the one planning session (`core.session`)."""

from __future__ import annotations

import argparse

from ..core.session import DEFAULT_CATALOG, OpenRequest, PlanSession, SessionError
from .output import report_problems


def add_plan_arguments(p: argparse.ArgumentParser) -> argparse._MutuallyExclusiveGroup:
    """`--catalog`, and one of `--plan` / `--student` (required); returns that group, so
    a command can offer another way to name its plans (`export --all`)."""
    p.add_argument(
        "--catalog",
        help=f"bundled catalog id or path (default: the catalog the plan was saved with, else {DEFAULT_CATALOG})",
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--plan", help="plan file (TOML)")
    which.add_argument("--student", metavar="NAME", help="a student's saved plan, by name (see `credplan plans`)")
    return which


def open_for_reading(args: argparse.Namespace) -> PlanSession | None:
    """The session of a read-only command; None after printing why it cannot open.
    What the session says about the catalog goes to standard error, one line each."""
    try:
        session = PlanSession.open(OpenRequest.from_args(args, inspect=True))
    except SessionError as exc:
        report_problems(exc.problems)
        return None
    report_problems(session.notices)
    return session
