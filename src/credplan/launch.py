"""From command-line arguments to a running planner.

Problems with the catalog are reported as `FILE:LINE` messages on stderr with exit
status 2, before Textual draws anything. A broken plan file is kept aside as a backup
and the planner opens with a new plan and says so; a plan open in another session
opens read-only.
"""

from __future__ import annotations

import argparse

from .opening import open_session

EXIT_BAD_INPUT = 2


def launch(args: argparse.Namespace) -> int:
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
