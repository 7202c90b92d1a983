"""credplan plans [--json]: the saved plans (one per student), and any kept aside."""

from __future__ import annotations

import argparse

from . import EXIT_OK

ORDER = 35


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("plans", help="list the saved plans, one per student")
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..core.paths import plans_dir
    from ..core.students import broken_backups, list_plans
    from ..core.text import clean
    from .output import emit, emit_json
    from ..core.words import commands as said

    directory = plans_dir()
    plans = list_plans(directory)
    kept = broken_backups(directory)
    if args.json:
        emit_json(
            {
                "directory": str(directory),
                "plans": [
                    {
                        "student": p.student,
                        "path": str(p.path),
                        "modified": p.modified.isoformat(timespec="seconds"),
                        "selections": p.selections,
                        "problem": p.problem or None,
                    }
                    for p in plans
                ],
                "broken_backups": [str(p) for p in kept],
            }
        )
        return EXIT_OK
    if not plans:
        emit(said.no_plans(directory) + "\n")
    else:
        emit(said.plans_in(directory) + "\n")
        width = max(len(clean(p.label)) for p in plans)
        for p in plans:
            count = said.CANNOT_BE_READ if p.selections is None else said.selected(p.selections)
            when = p.modified.strftime("%Y-%m-%d %H:%M")
            emit(f"  {clean(p.label):<{width}}  {count:<14}  {when}  {p.path.name}\n")
            if p.problem:
                emit(f"    {clean(p.problem)}\n")
    if kept:
        emit("\n")
        emit(said.KEPT_ASIDE + "\n")
        for path in kept:
            emit(f"  {path}\n")
    return EXIT_OK
