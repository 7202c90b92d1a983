"""Opening a planning session from command-line arguments, for the planner and the shell.

Which plan: `--plan PATH`, `--student NAME` (that student's file in the plans folder),
`--demo` (nothing read or written), else the default plan. Which catalog: `--catalog`,
else the bundled catalog the plan was last saved with, else Ohio. Problems are printed
as `FILE:LINE: message`; the caller exits 2 when `open_session` returns None.
No Textual here."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .commands.common import DEFAULT_CATALOG, load_catalog_ref
from .core.bundled import bundled_ids
from .core.changes import catalog_changes
from .core.model import Catalog
from .core.problems import FileProblems
from .core.storage import OpenedPlan, PlanStore, StorageError, default_plan_path, plans_dir
from .core.students import find_plan, plan_path_for


@dataclass
class Session:
    catalog: Catalog
    store: PlanStore
    opened: OpenedPlan
    notices: list[str] = field(default_factory=list)

    @property
    def notice(self) -> str:
        return " ".join(n for n in self.notices if n)


def plan_path(args: argparse.Namespace) -> Path | None:
    if getattr(args, "demo", False):
        return None
    if getattr(args, "plan", None):
        return Path(args.plan).expanduser()
    student = getattr(args, "student", None)
    if student:
        return find_plan(student, plans_dir()) or plan_path_for(student, plans_dir())
    return default_plan_path()


def _print_problems(exc: FileProblems, err: TextIO) -> None:
    for problem in exc.problems:
        print(problem, file=err)


def open_session(args: argparse.Namespace, err: TextIO | None = None) -> Session | None:
    err = err if err is not None else sys.stderr  # looked up now: stderr may be redirected
    catalog: Catalog | None = None
    if getattr(args, "catalog", None):
        try:
            catalog = load_catalog_ref(args.catalog)
        except FileProblems as exc:
            _print_problems(exc, err)
            return None

    path = plan_path(args)
    store = PlanStore(path)
    opened = store.open(student=getattr(args, "student", None) or "")
    for problem in opened.problems:
        print(problem, file=err)
    notices = [opened.notice]

    stamp = opened.plan.catalog
    if catalog is None:
        ref = stamp.id if stamp is not None and stamp.id in bundled_ids() else DEFAULT_CATALOG
        try:
            catalog = load_catalog_ref(ref)
        except FileProblems as exc:
            _print_problems(exc, err)
            store.close()
            return None
    if stamp is not None and stamp.id != catalog.id:
        notices.append(f"This plan was last saved with catalog `{stamp.id}`; it is now opened with `{catalog.id}`.")

    changes = catalog_changes(catalog, opened.plan)
    if changes:
        notices.extend(changes.messages())
        if not store.read_only and not store.is_demo and path is not None and path.exists():
            try:  # record what was pointed out, so it is pointed out once
                store.save(opened.plan, catalog)
            except (StorageError, OSError):
                pass
    for notice in notices:
        if notice:
            print(notice, file=err)
    return Session(catalog, store, opened, notices)
