"""From command-line arguments to a running planner.

The planning session (`core.session`) opens the plan and the catalog; problems with the
catalog are reported as `FILE:LINE` messages on stderr with exit status 2, before
Textual draws anything. Exit status 3 when the student left with changes that were not
saved (they chose to discard them).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace

from .commands.output import report_problems
from .core.access import WebAccess
from .core.session import OpenRequest, PlanSession, SessionError
from .core.words import web as web_words

EXIT_BAD_INPUT = 2


DUMB_TERMINALS = ("dumb", "unknown")


def launch(args: argparse.Namespace) -> int:
    term = os.environ.get("TERM", "")
    if term in DUMB_TERMINALS and not os.environ.get("TEXTUAL_DRIVER"):  # a browser tab has no TERM of its own
        print(
            f"credplan: this terminal (TERM={term}) cannot show the full-screen planner.\n"
            "Plan line by line with `credplan shell` (same plans, plain text), "
            "or set TERM to your terminal's type (for example TERM=xterm-256color).",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    try:
        web = WebAccess.from_environ()  # set by `credplan serve` for each browser tab
    except ValueError as exc:
        print(f"credplan: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        session = PlanSession.open(replace(OpenRequest.from_args(args), web=web))
    except SessionError as exc:
        report_problems(exc.problems)
        return EXIT_BAD_INPUT
    report_problems(session.problems)
    from .ui.app import CredplanApp

    label = web_words.signed_in_as(web.user, web.role) if web is not None and web.user else ""
    app = CredplanApp(session, mode_label=label)
    try:
        app.run()
    finally:
        session.close()
    if app.exit_message:
        report_problems([app.exit_message])
    return app.return_code or 0
