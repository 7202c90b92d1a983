"""Test-only ways to put a plan on disk or read one without a session.

The app and the CLI never use these: they go through `core.session.PlanSession`."""

from __future__ import annotations

import os
from pathlib import Path

from credplan.core.atomic import atomic_write_text, backup_path
from credplan.core.model import Catalog, Plan
from credplan.core.plans import dump_plan, parse_plan
from credplan.core.problems import FileProblems
from credplan.core.problems import read_text
from credplan.core.store import OpenedPlan


def save_plan(path: Path, plan: Plan, catalog: Catalog | None = None) -> None:
    """Write a plan with no lock and no check."""
    atomic_write_text(Path(path), dump_plan(plan, catalog))


def open_plan(path: Path, student: str = "") -> OpenedPlan:
    """Read a plan with no lock; a broken file is moved aside as the store does."""
    path = Path(path)
    if not path.exists():
        return OpenedPlan(Plan(student=student), path, created=True)
    display = str(path)
    try:
        plan = parse_plan(read_text(path, display), display)
    except FileProblems as exc:
        backup = backup_path(path)
        os.replace(path, backup)
        return OpenedPlan(Plan(student=student), path, created=True, backup=backup, problems=exc.problems)
    return OpenedPlan(plan, path)
