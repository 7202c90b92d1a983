"""credplan plans [--json]: the saved plans (one per student), and any kept aside."""

from __future__ import annotations

import argparse
import json

from . import EXIT_OK

ORDER = 35


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("plans", help="list the saved plans, one per student")
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..core.export import clean
    from ..core.storage import plans_dir
    from ..core.students import broken_backups, list_plans

    directory = plans_dir()
    plans = list_plans(directory)
    kept = broken_backups(directory)
    if args.json:
        print(
            json.dumps(
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
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    if not plans:
        print(f"No saved plans in {directory}.")
    else:
        print(f"Plans in {directory}:")
        width = max(len(clean(p.label)) for p in plans)
        for p in plans:
            count = "cannot be read" if p.selections is None else f"{p.selections} selected"
            when = p.modified.strftime("%Y-%m-%d %H:%M")
            print(f"  {clean(p.label):<{width}}  {count:<14}  {when}  {p.path.name}")
            if p.problem:
                print(f"    {clean(p.problem)}")
    if kept:
        print()
        print("Plan files that could not be read were kept aside (nothing was deleted):")
        for path in kept:
            print(f"  {path}")
    return EXIT_OK
