"""From command-line arguments to a running planner.

Everything that can go wrong with the catalog is reported here, as `FILE:LINE`
messages on stderr with exit status 2, before Textual draws anything. A broken plan
file is kept aside as a backup and the planner opens with a new plan and says so.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .commands.common import load_catalog_ref
from .core.problems import FileProblems
from .core.storage import default_plan_path, open_plan, save_plan

EXIT_BAD_INPUT = 2


def launch(args: argparse.Namespace) -> int:
    try:
        catalog = load_catalog_ref(args.catalog)
    except FileProblems as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT

    path = Path(args.plan).expanduser() if args.plan else default_plan_path()
    try:
        opened = open_plan(path)
    except OSError as exc:
        print(f"{path}: cannot open the plan: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if opened.backup is not None:
        for problem in opened.problems:
            print(problem, file=sys.stderr)
        print(opened.notice, file=sys.stderr)

    def save(plan, catalog_now) -> None:
        save_plan(path, plan, catalog_now)

    from .ui.app import CredplanApp

    app = CredplanApp(catalog, opened.plan, save=save, notice=opened.notice)
    app.run()
    return 0
