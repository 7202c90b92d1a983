"""Plans on disk: where they live, atomic saves, broken files kept aside, and one
writer per plan.

A save writes a temporary file in the plan's own directory, fsyncs it and renames it
over the plan (`os.replace` is atomic on POSIX), so a kill at any moment leaves either
the old plan or the new one. Files are created mode 0600: plans hold students' names.

`PlanStore` is what an editing session uses:

- **One writer.** Opening takes a non-blocking `flock` on `<plan>.lock` (released by the
  kernel when the process dies, so a crash never leaves a stale lock). A second session
  gets the plan read-only and is told who holds it ("pid N on host H").
- **No silent overwrite.** The store remembers what the file held when it was last read
  or written (size, mtime, inode and a SHA-256 of the bytes). `save` refuses with
  `PlanChangedOnDisk` when the file changed since then (a writer that ignores the lock:
  an editor, an older credplan, a second machine on a shared home without working
  locks). `save(force=True)` overwrites, but keeps the other version aside first.
- **Nothing deleted.** A file that does not parse is moved to `<plan>.broken-<time>` and
  the session says where it went. A file written by a newer credplan is opened
  read-only instead, untouched.
- **Demo mode.** `PlanStore(None)` behaves the same but never touches the disk.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
import time
import weakref
from dataclasses import dataclass, field, replace
from pathlib import Path

try:  # POSIX; elsewhere plans are still protected by the changed-on-disk check
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

from .changes import remember_points
from .model import Catalog, Plan
from .plans import PLAN_FORMAT, dump_plan, parse_plan, read_plan  # noqa: F401  (read_plan: for importers of storage)
from .problems import FileProblems, Problem, decode_utf8, read_text
from .problems import tomllib  # the catalogs' parser: tomli when installed, else the stdlib's

APP_NAME = "credplan"
PLAN_SUFFIX = ".toml"
LOCK_SUFFIX = ".lock"
BROKEN_MARK = ".broken-"
CONFLICT_MARK = ".conflict-"
STALE_TEMP_SECONDS = 60.0


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


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) if needed; a directory credplan creates is mode 0700."""
    path = Path(path)
    if not path.is_dir():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


# -- atomic writes -------------------------------------------------------------------------
def _fsync_dir(directory: Path) -> None:
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


def _atomic_write(path: Path, data: bytes, mode: int) -> os.stat_result:
    """Write `data` to a temp file beside `path`, fsync, rename over `path`.

    Returns the stat of the file now at `path` (taken from the temp file's own
    descriptor, so it describes what we wrote even if someone replaces it a moment
    later)."""
    ensure_private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), mode)
            stat = os.fstat(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(path.parent)
    return stat


def atomic_write_text(path: Path, text: str, mode: int = 0o600) -> None:
    """Replace `path` with `text` so that readers only ever see the old or the new file."""
    _atomic_write(Path(path), text.encode("utf-8"), mode)


def save_plan(path: Path, plan: Plan, catalog: Catalog | None = None) -> None:
    """Write a plan with no lock and no check (tools, tests). Sessions use `PlanStore`."""
    atomic_write_text(path, dump_plan(plan, catalog))


def temp_files(path: Path) -> list[Path]:
    """Temporary files left beside `path` by saves that were interrupted."""
    path = Path(path)
    return sorted(path.parent.glob(f".{path.name}.*.tmp"))


# -- opening -------------------------------------------------------------------------------
@dataclass
class OpenedPlan:
    plan: Plan
    path: Path | None
    """None in demo mode: nothing is read or written."""
    created: bool = False
    """The file did not exist yet; it is written on the first change."""
    backup: Path | None = None
    """A broken plan file was moved here; the plan starts empty."""
    problems: list[Problem] = field(default_factory=list)
    read_only: bool = False
    """Saving is refused; `reason` says why."""
    reason: str = ""

    @property
    def notice(self) -> str:
        """What the student must be told on opening (empty when all is well)."""
        parts = []
        if self.backup is not None:
            parts.append(
                f"Your plan file could not be read, so it was kept as {self.backup} "
                f"and a new plan was started. Nothing was deleted."
            )
        if self.read_only and self.reason:
            parts.append(self.reason)
        return " ".join(parts)


def backup_path(path: Path, now: dt.datetime | None = None, mark: str = BROKEN_MARK) -> Path:
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}{mark}{stamp}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}{mark}{stamp}-{n}")
    return candidate


def open_plan(path: Path, student: str = "") -> OpenedPlan:
    """Read a plan for editing; a broken file is moved aside, never deleted or overwritten.

    No lock and no change tracking: editing sessions use `PlanStore`."""
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


# -- errors --------------------------------------------------------------------------------
class StorageError(Exception):
    """A plan could not be saved, renamed or deleted; `str(exc)` says why, for a student."""


class PlanReadOnly(StorageError):
    pass


class PlanChangedOnDisk(StorageError):
    pass


class PlanSaveFailed(StorageError):
    pass


class PlanBusy(StorageError):
    """The plan is open for writing in another session."""


class PlanExists(StorageError):
    pass


# -- the lock ------------------------------------------------------------------------------
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
                flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
                fd = os.open(self.path, flags, 0o600)  # never through a planted symlink
            except OSError as exc:
                self.error = f"cannot create the lock file {self.path}: {exc.strerror or exc}"
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
        try:
            return _describe_holder(self.path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            return ""

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if self._finalizer is not None:
            self._finalizer.detach()
            self._finalizer = None
        _release_fd(fd, self.path)


def busy_message(holder: str) -> str:
    who = f" ({holder})" if holder else ""
    return f"This plan is open in another session{who}; opened read-only."


# -- what the file held ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DiskState:
    """What a plan file held when it was last read or written; `exists=False` for none."""

    exists: bool
    digest: str = ""
    size: int = -1
    mtime_ns: int = -1
    inode: tuple[int, int] = (0, 0)

    @classmethod
    def missing(cls) -> "DiskState":
        return cls(False)

    @classmethod
    def of(cls, data: bytes, stat: os.stat_result) -> "DiskState":
        return cls(True, hashlib.sha256(data).hexdigest(), stat.st_size, stat.st_mtime_ns, (stat.st_dev, stat.st_ino))

    def same_stat(self, stat: os.stat_result) -> bool:
        return (
            self.exists
            and self.size == stat.st_size
            and self.mtime_ns == stat.st_mtime_ns
            and self.inode == (stat.st_dev, stat.st_ino)
        )


def _read_bytes(path: Path) -> tuple[bytes, os.stat_result] | None:
    """The file's bytes and the stat of that very file; None when it does not exist."""
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            return handle.read(), stat
    except FileNotFoundError:
        return None


def _newer_format(data: bytes) -> int | None:
    """The plan's `format` when it is a later one than this credplan reads."""
    try:
        doc = tomllib.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    fmt = doc.get("format")
    if isinstance(fmt, int) and not isinstance(fmt, bool) and fmt > PLAN_FORMAT:
        return fmt
    return None


# -- the store -------------------------------------------------------------------------------
class PlanStore:
    """One editing session's hold on one plan file (or on none, in demo mode).

        store = PlanStore(path)
        opened = store.open(student="Ana")    # show opened.notice if not empty
        plan = store.save(new_plan, catalog)  # raises a StorageError subclass on refusal
        store.close()                         # or use `with PlanStore(path) as store:`
    """

    def __init__(self, path: Path | str | None, *, use_lock: bool = True) -> None:
        self.path: Path | None = None if path is None else Path(path)
        self.use_lock = use_lock
        self.read_only = False
        self.reason = ""
        """Why the plan is read-only (empty when it is not)."""
        self.plan: Plan = Plan()
        """The plan as last read or saved."""
        self.conflict_copy: Path | None = None
        """Where the last forced save kept the version it replaced."""
        self._lock: PlanLock | None = PlanLock(self.path) if self.path is not None and use_lock else None
        self._state: DiskState = DiskState.missing()
        self._opened = False

    # -- context manager --------------------------------------------------------------
    def __enter__(self) -> "PlanStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def is_demo(self) -> bool:
        return self.path is None

    @property
    def holds_lock(self) -> bool:
        return self._lock is not None and self._lock.held

    @property
    def lock_path(self) -> Path | None:
        return self._lock.path if self._lock is not None else None

    def close(self) -> None:
        """Let other sessions write the plan (also happens when the process dies)."""
        if self._lock is not None:
            self._lock.release()

    # -- open -----------------------------------------------------------------------------
    def open(self, student: str = "", *, read_only: bool = False) -> OpenedPlan:
        """Read the plan for editing. Never raises for a missing, broken or locked file:
        the returned `OpenedPlan` says what happened (`notice`, `read_only`)."""
        self._opened = True
        if self.path is None:
            self.plan = Plan(student=student)
            return OpenedPlan(self.plan, None, created=True)
        self.read_only, self.reason = False, ""
        if read_only:
            self.read_only, self.reason = True, "Opened read-only."
        elif self._lock is not None and not self._lock.acquire():
            self.read_only = True
            if self._lock.error:
                self.reason = f"Cannot lock the plan ({self._lock.error}); opened read-only."
            else:
                self.reason = busy_message(self._lock.holder())
        if self.holds_lock:
            self._remove_stale_temp_files()
        return self._read(student)

    def _read(self, student: str) -> OpenedPlan:
        assert self.path is not None
        path, display = self.path, str(self.path)
        try:
            got = _read_bytes(path)
        except OSError as exc:
            self._state = DiskState(True)
            return self._read_only_empty(student, f"Cannot read {display}: {exc.strerror or exc}; opened read-only.")
        if got is None:
            self._state = DiskState.missing()
            self.plan = Plan(student=student)
            return self._opened_plan(created=True)
        data, stat = got
        self._state = DiskState.of(data, stat)
        newer = _newer_format(data)
        if newer is not None:
            return self._read_only_empty(
                student,
                f"{display} was written by a newer credplan (plan format {newer}); "
                f"it was opened read-only and left as it is.",
            )
        try:
            self.plan = parse_plan(decode_utf8(data, display), display)
        except FileProblems as exc:
            return self._broken(student, exc.problems)
        return self._opened_plan()

    def _opened_plan(self, created: bool = False) -> OpenedPlan:
        return OpenedPlan(self.plan, self.path, created=created, read_only=self.read_only, reason=self.reason)

    def _read_only_empty(self, student: str, reason: str) -> OpenedPlan:
        self.read_only, self.reason = True, reason
        self.close()  # nothing will be written: do not keep other sessions out
        self.plan = Plan(student=student)
        return self._opened_plan(created=False)

    def _broken(self, student: str, problems: list[Problem]) -> OpenedPlan:
        assert self.path is not None
        self.plan = Plan(student=student)
        if self.read_only:
            # Another session owns the file (or we were asked not to write): leave it.
            where = f"{self.path}:{problems[0].line}" if problems and problems[0].line else str(self.path)
            self.reason = (self.reason + " " if self.reason else "") + (
                f"The plan file could not be read ({where}: {problems[0].message if problems else 'unreadable'}); "
                "it was left as it is."
            )
            return OpenedPlan(self.plan, self.path, created=False, problems=problems, read_only=True, reason=self.reason)
        backup = backup_path(self.path)
        try:
            os.replace(self.path, backup)
        except OSError as exc:
            return self._read_only_empty(
                student, f"The plan file {self.path} could not be read, nor moved aside ({exc.strerror or exc}); opened read-only."
            )
        self._state = DiskState.missing()
        return OpenedPlan(self.plan, self.path, created=True, backup=backup, problems=problems)

    def _remove_stale_temp_files(self) -> None:
        """Temp files of interrupted saves; only while holding the lock, and only old
        ones (a writer that ignores the lock may be mid-save)."""
        assert self.path is not None
        now = time.time()
        for tmp in temp_files(self.path):
            try:
                if now - tmp.stat().st_mtime > STALE_TEMP_SECONDS:
                    tmp.unlink()
            except OSError:
                pass

    # -- watching -------------------------------------------------------------------------
    def changed_on_disk(self) -> bool:
        """The file no longer holds what this session last read or wrote."""
        if self.path is None or not self._opened:
            return False
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            return self._state.exists
        except OSError:
            return True
        if self._state.same_stat(stat):
            return False
        try:
            got = _read_bytes(self.path)
        except OSError:
            return True
        if got is None:
            return self._state.exists
        data, stat = got
        if not self._state.exists or hashlib.sha256(data).hexdigest() != self._state.digest:
            return True
        self._state = DiskState.of(data, stat)  # touched, not changed
        return False

    def reload(self) -> OpenedPlan:
        """Read the file again (after `PlanChangedOnDisk`, or in a read-only session to
        follow the other session's saves)."""
        return self._read(self.plan.student)

    def acquire_write(self) -> bool:
        """A read-only session asks to write (the other session may have closed).
        On success the plan is re-read if it changed; check `self.plan`."""
        if self.path is None:
            return True
        if self._lock is not None and not self._lock.acquire():
            if not self._lock.error:
                self.reason = busy_message(self._lock.holder())
            return False
        self._opened = True
        self.read_only, self.reason = False, ""
        opened = self._read(self.plan.student)
        return not opened.read_only

    # -- save -----------------------------------------------------------------------------
    def save(self, plan: Plan, catalog: Catalog | None = None, *, force: bool = False) -> Plan:
        """Write `plan` atomically; returns the plan as written (with the catalog stamp
        and `known_points` brought up to date, so a catalog change is pointed out once).

        Raises `PlanReadOnly`, `PlanChangedOnDisk` (unless `force`) or `PlanSaveFailed`;
        on any of them the file on disk is as it was."""
        if catalog is not None:
            plan = remember_points(catalog, plan)
        if self.path is None:
            self.plan = plan
            return plan
        if not self._opened:
            # Saved without being opened: take the lock, and expect no file yet.
            self._opened = True
            if self._lock is not None and not self._lock.acquire():
                self.read_only = True
                self.reason = self._lock.error or busy_message(self._lock.holder())
        if self.read_only:
            raise PlanReadOnly(self.reason or "This plan is open read-only; changes are not saved.")
        self.conflict_copy = None
        if self.changed_on_disk():
            if not force:
                raise PlanChangedOnDisk(
                    f"{self.path} was changed by another session (or another program) since it was "
                    "opened here; your change was not saved. Reopen the plan to see the other "
                    "version, or save anyway to keep yours (the other version is kept aside)."
                )
            self._keep_other_version()
        data = dump_plan(plan, catalog).encode("utf-8")
        try:
            stat = _atomic_write(self.path, data, 0o600)
        except OSError as exc:
            raise PlanSaveFailed(
                f"Could not save {self.path}: {exc.strerror or exc}. The plan file was not changed."
            ) from None
        self._state = DiskState.of(data, stat)
        self._opened = True
        self.plan = plan
        return plan

    def _keep_other_version(self) -> None:
        assert self.path is not None
        if not self.path.exists():
            return
        copy = backup_path(self.path, mark=CONFLICT_MARK)
        try:
            data = self.path.read_bytes()
            _atomic_write(copy, data, 0o600)
        except OSError as exc:
            raise PlanSaveFailed(
                f"Could not keep the other version of {self.path} ({exc.strerror or exc}); nothing was saved."
            ) from None
        self.conflict_copy = copy

    # -- rename and delete (the plan picker) -------------------------------------------------------
    def _require_writer(self, verb: str) -> None:
        if self.path is None:
            raise PlanReadOnly(f"Demo mode: nothing to {verb}.")
        if not self._opened:
            self.open()
        if self.read_only:
            raise PlanBusy(f"Cannot {verb} this plan: {self.reason}")
        if self.changed_on_disk():
            raise PlanChangedOnDisk(f"{self.path} changed on disk since it was opened; reopen it first.")

    def move_to(self, new_path: Path, student: str) -> Path:
        """Rename the plan: write it to `new_path` with `student` as its name, then
        remove the old file. `new_path` must not exist (`PlanExists`)."""
        self._require_writer("rename")
        assert self.path is not None
        new_path = Path(new_path)
        plan = replace(self.plan, student=student)
        if new_path == self.path:
            self.save(plan)
            return new_path
        new_lock = PlanLock(new_path) if self._lock is not None else None
        if new_lock is not None and not new_lock.acquire():
            raise PlanBusy(f"{new_path} is open in another session; not renamed.")
        try:
            if new_path.exists():
                raise PlanExists(f"A plan already exists at {new_path}; not renamed.")
            existed = self._state.exists
            data = dump_plan(plan).encode("utf-8")
            try:
                stat = _atomic_write(new_path, data, 0o600)
                if existed:
                    os.unlink(self.path)
                    _fsync_dir(self.path.parent)
            except OSError as exc:
                raise PlanSaveFailed(f"Could not rename {self.path}: {exc.strerror or exc}") from None
        except BaseException:
            if new_lock is not None:
                new_lock.release()
            raise
        if self._lock is not None:
            self._lock.release()
            self._lock = new_lock
        self.path = new_path
        self.plan = plan
        self._state = DiskState.of(data, stat)
        return new_path

    def move_to_trash(self, trash: Path, now: dt.datetime | None = None) -> Path | None:
        """Delete the plan by moving it into `trash` (named `<file>.<time>.toml`), then
        let go of it. Returns where it went (None when it was never written)."""
        self._require_writer("delete")
        assert self.path is not None
        target = None
        if self._state.exists:
            ensure_private_dir(trash)
            stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
            stem = self.path.name[: -len(PLAN_SUFFIX)] if self.path.name.endswith(PLAN_SUFFIX) else self.path.name
            target = trash / f"{stem}.{stamp}{PLAN_SUFFIX}"
            n = 1
            while target.exists():
                n += 1
                target = trash / f"{stem}.{stamp}-{n}{PLAN_SUFFIX}"
            try:
                os.replace(self.path, target)
            except OSError as exc:
                raise PlanSaveFailed(f"Could not delete {self.path}: {exc.strerror or exc}") from None
            _fsync_dir(self.path.parent)
        self._state = DiskState.missing()
        self.close()
        self.read_only, self.reason = True, "This plan was deleted."
        return target


__all__ = [
    "APP_NAME",
    "DiskState",
    "OpenedPlan",
    "PlanBusy",
    "PlanChangedOnDisk",
    "PlanExists",
    "PlanLock",
    "PlanReadOnly",
    "PlanSaveFailed",
    "PlanStore",
    "StorageError",
    "atomic_write_text",
    "backup_path",
    "data_dir",
    "default_plan_path",
    "ensure_private_dir",
    "lock_path_for",
    "open_plan",
    "plans_dir",
    "read_plan",
    "save_plan",
    "temp_files",
]
