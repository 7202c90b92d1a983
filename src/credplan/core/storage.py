"""Plans on disk: where they live, atomic saves, and broken files kept aside.

A save writes a temporary file in the plan's own directory, fsyncs it and renames it
over the plan (`os.replace` is atomic on POSIX), so a kill at any moment leaves either
the old plan or the new one. Files are created mode 0600: plans hold students' names.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .model import Catalog, Plan
from .plans import dump_plan, parse_plan
from .problems import FileProblems, Problem, read_text

APP_NAME = "credplan"


def data_dir() -> Path:
    """Where plans live: $CREDPLAN_DATA_DIR, else the platform's user data dir."""
    override = os.environ.get("CREDPLAN_DATA_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def plans_dir() -> Path:
    return data_dir() / "plans"


def default_plan_path() -> Path:
    return plans_dir() / "default.toml"


def atomic_write_text(path: Path, text: str, mode: int = 0o600) -> None:
    """Replace `path` with `text` so that readers only ever see the old or the new file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def save_plan(path: Path, plan: Plan, catalog: Catalog | None = None) -> None:
    atomic_write_text(path, dump_plan(plan, catalog))


@dataclass
class OpenedPlan:
    plan: Plan
    path: Path
    created: bool = False
    """The file did not exist yet; it is written on the first change."""
    backup: Path | None = None
    """A broken plan file was moved here; the plan starts empty."""
    problems: list[Problem] = field(default_factory=list)

    @property
    def notice(self) -> str:
        if self.backup is None:
            return ""
        return (
            f"Your plan file could not be read, so it was kept as {self.backup} "
            f"and a new plan was started. Nothing was deleted."
        )


def backup_path(path: Path, now: dt.datetime | None = None) -> Path:
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.broken-{stamp}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.broken-{stamp}-{n}")
    return candidate


def open_plan(path: Path, student: str = "") -> OpenedPlan:
    """Read a plan for editing; a broken file is moved aside, never deleted or overwritten."""
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


def read_plan(path: Path) -> Plan:
    """Read a plan without changing anything on disk (for `check`, `export`)."""
    display = str(path)
    return parse_plan(read_text(path, display), display)
