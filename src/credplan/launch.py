"""From command-line arguments to a running planner.

Problems with the catalog are reported as `FILE:LINE` messages on stderr with exit
status 2, before Textual draws anything. A broken plan file is kept aside as a backup
and the planner opens with a new plan and says so; a plan open in another session
opens read-only.
"""

from __future__ import annotations

import argparse
import os
import sys

from .opening import open_session

EXIT_BAD_INPUT = 2


DUMB_TERMINALS = ("dumb", "unknown")


def launch(args: argparse.Namespace) -> int:
    term = os.environ.get("TERM", "")
    if term in DUMB_TERMINALS:
        print(
            f"credplan: this terminal (TERM={term}) cannot show the full-screen planner.\n"
            "Plan line by line with `credplan shell` (same plans, plain text), "
            "or set TERM to your terminal's type (for example TERM=xterm-256color).",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    session = open_session(args)
    if session is None:
        return EXIT_BAD_INPUT
    from .ui.app import CredplanApp

    app = CredplanApp(session.catalog, session.opened.plan, store=session.store, notice=session.notice)
    try:
        app.run()
    finally:
        session.store.close()
    return 0
