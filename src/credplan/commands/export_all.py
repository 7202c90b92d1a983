"""`credplan export --all -o FOLDER [--dir DIR] [--format html] [--force]`: one file per
student, each plan judged by its own catalog (loaded once, as the roster does), named
after the plan file (`ana-lopez.html`).

Nothing is replaced without `--force`: when any target exists, each is named and
nothing is written. A plan that cannot be read, or whose catalog cannot, is reported
as `FILE:LINE: why` and skipped; the others are still written, and the exit status is
then 2 (0 when every plan was written)."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import EXIT_BAD_INPUT, EXIT_OK


def run_all(args: argparse.Namespace) -> int:
    from ..core.atomic import atomic_write_text
    from ..core.export import export_report
    from ..core.paths import ensure_private_dir, plans_dir
    from ..core.problems import FileProblems
    from ..core.roster import CatalogCache, plan_files
    from ..core.plans import read_plan
    from ..core.text import clean
    from .output import emit, report_problems

    if not args.output or args.output == "-":
        report_problems(["--all: give the folder to write into with -o FOLDER"])
        return EXIT_BAD_INPUT
    fmt = args.format or "html"
    out = Path(args.output).expanduser()
    if out.exists() and not out.is_dir():
        report_problems([f"{args.output}: not a folder"])
        return EXIT_BAD_INPUT
    directory = Path(args.dir).expanduser() if args.dir else plans_dir()
    if args.dir and not directory.is_dir():
        report_problems([f"{args.dir}: not a folder"])
        return EXIT_BAD_INPUT

    catalogs = CatalogCache(args.catalog)
    problems: list[str] = []
    jobs = []
    for path in plan_files(directory):
        try:
            plan = read_plan(path)
            catalog = catalogs.get(plan)
        except FileProblems as exc:
            problems += [str(p) for p in exc.problems[:1]]
            continue
        jobs.append((out / f"{path.stem}.{fmt}", catalog, plan))
    if not jobs:
        report_problems(problems + [f"{directory}: no plan could be read; nothing written"])
        return EXIT_BAD_INPUT
    existing = [target for target, _, _ in jobs if target.exists()]
    if existing and not args.force:
        report_problems([f"{t}: already exists; give --force to replace it" for t in existing])
        report_problems(["nothing written"])
        return EXIT_BAD_INPUT
    try:
        ensure_private_dir(out)
        for target, catalog, plan in jobs:
            text = clean(export_report(catalog, plan, fmt), lines=True)
            atomic_write_text(target, text, mode=0o600)  # each names a student
    except OSError as exc:
        report_problems([f"{args.output}: cannot write: {exc.strerror or exc}"])
        return EXIT_BAD_INPUT
    report_problems(problems)
    emit(f"wrote {len(jobs)} {'file' if len(jobs) == 1 else 'files'} into {out}\n")
    return EXIT_BAD_INPUT if problems else EXIT_OK
