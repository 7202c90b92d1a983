"""One writer per plan: an exclusive, non-blocking `flock` on `<plan>.lock`.

Released by the kernel when the process dies, so a crash never leaves a stale lock. A
second session gets the plan read-only and is told who holds it ("pid N on host H").
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import weakref
from pathlib import Path

try:  # POSIX; elsewhere plans are still protected by the changed-on-disk check
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

from .paths import ensure_private_dir
from .words import notices

LOCK_SUFFIX = ".lock"


def lock_path_for(path: Path) -> Path:
    return Path(path).with_name(Path(path).name + LOCK_SUFFIX)


def _holder_text() -> str:
    try:
        host = os.uname().nodename
    except AttributeError:  # pragma: no cover - not POSIX
        import socket

        host = socket.gethostname()
    host = host or "unknown host"
    return f"pid={os.getpid()}\nhost={host}\nsince={dt.datetime.now().isoformat(timespec='seconds')}\n"


def _describe_holder(text: str) -> str:
    info = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    pid, host = info.get("pid", "").strip(), info.get("host", "").strip()
    if pid and host:
        return f"pid {pid} on host {host}"
    if pid:
        return f"pid {pid}"
    return ""


def _release_fd(fd: int, path: Path) -> None:
    """Remove our lock file (only if it is still ours), then close it, which drops the
    flock. Also run at interpreter exit and when the lock is garbage-collected."""
    try:
        if os.path.samestat(os.fstat(fd), os.stat(path)):
            os.unlink(path)  # while still locked: see the inode check in acquire
    except OSError:
        pass
    try:
        os.close(fd)
    except OSError:
        pass


def _unsafe(info: os.stat_result) -> str:
    """Why an opened lock file must not be used ('' when it may). O_NOFOLLOW stops a
    planted symlink but not a hard link, which would have us truncate and write another
    file; nor a FIFO or device, or a file another user made."""
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file"
    if info.st_nlink > 1:
        return "has other names (hard links), so writing it would change another file"
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return "belongs to another user"
    return ""


class PlanLock:
    """An exclusive, non-blocking `flock` on `<plan>.lock`.

    The kernel drops it when the process exits or is killed. After locking, the inode
    of the open file is compared with the one at the path, so a lock file unlinked by
    its previous holder (on release) is never mistaken for the live one."""

    def __init__(self, plan_path: Path) -> None:
        self.path = lock_path_for(plan_path)
        self._fd: int | None = None
        self._finalizer: weakref.finalize | None = None
        self.error = ""
        """Why the lock could not be taken when it is not held by anyone else."""

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """True when this session now holds the lock; False when another one does
        (or the lock file cannot be created: see `error`)."""
        if self._fd is not None:
            return True
        self.error = ""
        if fcntl is None:  # pragma: no cover - no flock: rely on change detection
            return True
        for _ in range(20):
            try:
                ensure_private_dir(self.path.parent)
                flags = (
                    os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
                    | getattr(os, "O_NONBLOCK", 0)
                )
                fd = os.open(self.path, flags, 0o600)  # never through a planted symlink, never waiting on a FIFO
            except OSError as exc:
                self.error = notices.cannot_create_lock(self.path, exc)
                return False
            unsafe = _unsafe(os.fstat(fd))
            if unsafe:  # before anything is written through it
                os.close(fd)
                self.error = notices.unsafe_lock(self.path, unsafe)
                return False
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                return False
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if not same:  # the holder released and unlinked it meanwhile: try again
                os.close(fd)
                continue
            try:
                os.ftruncate(fd, 0)
                os.pwrite(fd, _holder_text().encode("utf-8"), 0)
            except OSError:
                pass
            self._fd = fd
            self._finalizer = weakref.finalize(self, _release_fd, fd, self.path)
            return True
        return False

    def holder(self) -> str:
        """'pid N on host H' of the session holding the lock, or ''."""
        from .problems import FileProblems, read_bytes

        try:  # a few short lines; never wait on, or read much of, whatever is planted there
            data = read_bytes(self.path, str(self.path), limit=4096, what="lock")
        except FileProblems:
            return ""
        return _describe_holder(data.decode("utf-8", errors="replace"))

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if self._finalizer is not None:
            self._finalizer.detach()
            self._finalizer = None
        _release_fd(fd, self.path)
