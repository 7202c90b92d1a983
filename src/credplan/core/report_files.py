"""Where a report (an export for a counselor) may be written: the one rule for the
command line (`credplan export -o`) and the planner's export dialog.

- A file that exists is replaced only when the user says so (`force`: `--force`, or
  yes to the planner's question), and keeps its permissions; a new report is 0600,
  since it names a student.
- Never into the plans folder (or anything under it, through any symlink), even when
  forced: a report must not replace a student's plan, nor sit where plans are listed;
  nor over the plan file being reported on, wherever it is (`keep`).
- Only a regular file is replaced: not a directory, a FIFO or a device (`/dev/null`;
  to print a report, leave out `-o`).
- A file that appears between the check and the write is not replaced either: a
  report that may not replace anything is linked into place, which fails if the name
  is taken (`atomic_write(replace=False)`).
"""

from __future__ import annotations

import os
import stat as st
from dataclasses import dataclass
from pathlib import Path

from .atomic import atomic_write
from .paths import plans_dir
from .text import clean

NEW_REPORT_MODE = 0o600


class ReportTargetError(Exception):
    """The report cannot go there; `str(exc)` says why in one line. `exists` is true
    when the only problem is that the file exists (a front-end may ask, then force)."""

    def __init__(self, message: str, *, exists: bool = False) -> None:
        super().__init__(message)
        self.exists = exists


@dataclass(frozen=True, slots=True)
class ReportTarget:
    path: Path
    exists: bool
    """It exists and may be replaced (the caller forced it)."""
    mode: int
    """The mode to write it with: the replaced file's, else 0600."""


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def check_report_target(path: str | Path, *, force: bool = False, keep: Path | None = None) -> ReportTarget:
    """Where a report may be written, or `ReportTargetError` saying why not. `keep` is
    the plan file being reported on: never replaced, wherever it is, even when forced."""
    target = Path(path).expanduser()
    shown = clean(target)
    if keep is not None:
        try:
            same = os.path.samefile(target, keep)
        except OSError:
            same = False
        if same:
            raise ReportTargetError(f"{shown}: is the plan file itself; a report never replaces a plan. Give another name.")
    folder = os.path.realpath(plans_dir())
    parent = target.parent
    where = os.path.join(os.path.realpath(parent), target.name)
    if _inside(where, folder) or _inside(os.path.realpath(target), folder):
        raise ReportTargetError(
            f"{shown}: is in the plans folder ({clean(plans_dir())}); reports are never written there. "
            "Give a path outside it."
        )
    if not parent.is_dir():
        raise ReportTargetError(f"{shown}: cannot write: no directory {clean(parent)}")
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return ReportTarget(target, False, NEW_REPORT_MODE)
    except OSError as exc:
        raise ReportTargetError(f"{shown}: cannot write: {clean(exc.strerror or exc)}") from None
    if st.S_ISDIR(info.st_mode) or target.is_dir():
        raise ReportTargetError(f"{shown}: is a directory; give a file name")
    if st.S_ISLNK(info.st_mode):
        try:
            info = os.stat(target)
        except OSError:
            pass  # a dangling link: replacing it writes a file in its place
    if not st.S_ISREG(info.st_mode) and not st.S_ISLNK(info.st_mode):
        raise ReportTargetError(
            f"{shown}: is not a regular file (a pipe or a device); to print the report, leave out -o"
        )
    if not force:
        raise ReportTargetError(f"{shown}: exists; give --force to replace it", exists=True)
    return ReportTarget(target, True, st.S_IMODE(info.st_mode))


def write_report(target: ReportTarget, text: str) -> Path:
    """Write the report atomically where `check_report_target` allowed; raises
    `ReportTargetError` (the file appeared meanwhile, or the disk refused)."""
    try:
        atomic_write(target.path, text.encode("utf-8"), target.mode, replace=target.exists)
    except FileExistsError:
        raise ReportTargetError(f"{clean(target.path)}: exists; give --force to replace it", exists=True) from None
    except OSError as exc:
        raise ReportTargetError(f"{clean(target.path)}: cannot write: {clean(exc.strerror or exc)}") from None
    return target.path


__all__ = ["ReportTarget", "ReportTargetError", "check_report_target", "write_report"]
