"""Atomic file writes: a kill at any moment leaves the old file or the new one.

A save writes a temporary file in the target's own directory, fsyncs it and renames it
over the target (`os.replace` is atomic on POSIX), then fsyncs the directory. Files
are created mode 0600 unless told otherwise: plans and reports hold students' names.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from .paths import ensure_private_dir

BROKEN_MARK = ".broken-"
CONFLICT_MARK = ".conflict-"


def fsync_dir(directory: Path) -> None:
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def atomic_write(path: Path, data: bytes, mode: int = 0o600, *, replace: bool = True) -> os.stat_result:
    """Write `data` to a temp file beside `path`, fsync, rename over `path`.

    Returns the stat of the file now at `path` (taken from the temp file's own
    descriptor, so it describes what we wrote even if someone replaces it a moment
    later). With `replace=False` an existing `path` is never replaced, even one created
    a moment ago: the temp file is hard-linked into place (`FileExistsError` if the name
    is taken); where links are not supported, the name is checked just before renaming."""
    path = Path(path)
    ensure_private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), mode)
            stat = os.fstat(handle.fileno())
        if replace:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    fsync_dir(path.parent)
    return stat


def _link_new(tmp: str, path: Path) -> None:
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (some network and FAT file systems)
        if os.path.lexists(path):
            raise FileExistsError(17, "File exists", str(path)) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def atomic_write_text(path: Path, text: str, mode: int = 0o600) -> None:
    """Replace `path` with `text` so that readers only ever see the old or the new file."""
    atomic_write(Path(path), text.encode("utf-8"), mode)


def temp_files(path: Path) -> list[Path]:
    """Temporary files left beside `path` by saves that were interrupted."""
    path = Path(path)
    return sorted(path.parent.glob(f".{path.name}.*.tmp"))


def backup_path(path: Path, now: dt.datetime | None = None, mark: str = BROKEN_MARK) -> Path:
    """A free name beside `path` for a copy kept aside (`NAME.broken-DATE`)."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}{mark}{stamp}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}{mark}{stamp}-{n}")
    return candidate
