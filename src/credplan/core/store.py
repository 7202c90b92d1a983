"""A session's hold on one plan file: open, watch, save, rename, delete.

- **One writer.** Opening takes the plan's lock (`core.lock`); a second session gets the
  plan read-only and is told who holds it.
- **No silent overwrite.** The store remembers what the file held when it was last read
  or written (size, mtime, inode and a SHA-256 of the bytes). `save` refuses with
  `PlanChangedOnDisk` when the file changed since then (a writer that ignores the lock:
  an editor, an older credplan, a second machine on a shared home without working
  locks). `save(force=True)` overwrites, but keeps the other version aside first.
- **Nothing deleted.** A file that does not parse is moved to `<plan>.broken-<time>` and
  the session says where it went. A file written by a newer credplan is opened
  read-only instead, untouched.
- **Demo mode.** `PlanStore(None)` behaves the same but never touches the disk.

Front-ends do not use the store directly: `core.session.PlanSession` does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from .atomic import CONFLICT_MARK, atomic_write, backup_path, fsync_dir, temp_files
from .changes import remember_points
from .lock import PlanLock
from .model import Catalog, Plan
from .paths import PLAN_SUFFIX, UnsafeFolder, own_subfolder
from .plan_errors import PlanBusy, PlanChangedOnDisk, PlanExists, PlanReadOnly, PlanSaveFailed
from .plans import PLAN_FORMAT, dump_plan, parse_plan
from .problems import MAX_PLAN_BYTES, FileProblems, Problem, UnreadableFile, decode_utf8, parse_toml, read_file
from .words import notices

STALE_TEMP_SECONDS = 60.0


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
            parts.append(notices.broken_kept(self.backup))
        if self.read_only and self.reason:
            parts.append(self.reason)
        return " ".join(parts)




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
    def missing(cls) -> DiskState:
        return cls(False)

    @classmethod
    def of(cls, data: bytes, stat: os.stat_result) -> DiskState:
        return cls(True, hashlib.sha256(data).hexdigest(), stat.st_size, stat.st_mtime_ns, (stat.st_dev, stat.st_ino))

    def same_stat(self, stat: os.stat_result) -> bool:
        return (
            self.exists
            and self.size == stat.st_size
            and self.mtime_ns == stat.st_mtime_ns
            and self.inode == (stat.st_dev, stat.st_ino)
        )


def _read_bytes(path: Path) -> tuple[bytes, os.stat_result] | None:
    """The file's bytes and the stat of that very file; None when it does not exist.
    Raises `UnreadableFile` for anything but a regular file of at most MAX_PLAN_BYTES
    (a FIFO planted at the plan's path must not hang the session)."""
    try:
        return read_file(path, str(path), limit=MAX_PLAN_BYTES, what="plan")
    except UnreadableFile as exc:
        if exc.reason == "missing":
            return None
        raise


def _newer_format(data: bytes) -> int | None:
    """The plan's `format` when it is a later one than this credplan reads."""
    try:
        doc = parse_toml(data.decode("utf-8-sig"), "")
    except (UnicodeDecodeError, FileProblems):
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
    def __enter__(self) -> PlanStore:
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
            self.read_only, self.reason = True, notices.OPENED_READ_ONLY
        elif self._lock is not None and not self._lock.acquire():
            self.read_only = True
            if self._lock.error:
                self.reason = notices.cannot_lock(self._lock.error)
            else:
                self.reason = notices.busy(self._lock.holder())
        if self.holds_lock:
            self._remove_stale_temp_files()
        return self._read(student)

    def _read(self, student: str) -> OpenedPlan:
        assert self.path is not None
        path, display = self.path, str(self.path)
        try:
            got = _read_bytes(path)
        except UnreadableFile as exc:
            self._state = DiskState(True)
            if exc.reason == "too_large":  # a regular file, but no plan: kept aside like any broken one
                return self._broken(student, exc.problems)
            if exc.reason == "error":
                return self._read_only_empty(student, notices.cannot_read_because(path, exc.problems[0].message))
            return self._read_only_empty(student, notices.not_a_plan_file(path, exc.problems[0].message))
        except OSError as exc:
            self._state = DiskState(True)
            return self._read_only_empty(student, notices.cannot_read(path, exc))
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
                notices.newer_format(path, newer),
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
            self.reason = (self.reason + " " if self.reason else "") + notices.broken_left(
                where, problems[0].message if problems else "unreadable"
            )
            return OpenedPlan(self.plan, self.path, created=False, problems=problems, read_only=True, reason=self.reason)
        backup = backup_path(self.path)
        try:
            os.replace(self.path, backup)
        except OSError as exc:
            return self._read_only_empty(
                student, notices.broken_not_moved(self.path, exc)
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
        except (OSError, FileProblems):
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
                self.reason = notices.busy(self._lock.holder())
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
                self.reason = self._lock.error or notices.busy(self._lock.holder())
        if self.read_only:
            raise PlanReadOnly(self.reason or notices.READ_ONLY_SAVE)
        self.conflict_copy = None
        if self.changed_on_disk():
            if not force:
                raise PlanChangedOnDisk(notices.changed_on_disk(self.path))
            self._keep_other_version()
        try:
            text = dump_plan(plan, catalog)
            data = text.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate (text that was not UTF-8): never a crash
            raise PlanSaveFailed(notices.not_text(self.path, exc)) from None
        if len(data) > MAX_PLAN_BYTES:
            raise PlanSaveFailed(notices.would_not_read(self.path, f"it would be {len(data)} bytes, over {MAX_PLAN_BYTES}"))
        try:  # never write a file the next start would keep aside as broken (a name over the bounds)
            parse_plan(text, str(self.path))
        except FileProblems as exc:
            raise PlanSaveFailed(notices.would_not_read(self.path, exc.problems[0].message)) from None
        try:
            stat = atomic_write(self.path, data, 0o600)
        except OSError as exc:
            raise PlanSaveFailed(notices.save_failed(self.path, exc)) from None
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
            data = read_file(self.path, str(self.path), limit=MAX_PLAN_BYTES, what="plan")[0]
        except FileProblems as exc:
            raise PlanSaveFailed(notices.keep_other_failed(self.path, ValueError(exc.problems[0].message))) from None
        try:
            atomic_write(copy, data, 0o600)
        except OSError as exc:
            raise PlanSaveFailed(notices.keep_other_failed(self.path, exc)) from None
        self.conflict_copy = copy

    # -- rename and delete (the plan picker) -------------------------------------------------------
    def _require_writer(self, verb: str) -> None:
        if self.path is None:
            raise PlanReadOnly(notices.demo_nothing_to(verb))
        if not self._opened:
            self.open()
        if self.read_only:
            raise PlanBusy(notices.cannot_while_busy(verb, self.reason))
        if self.changed_on_disk():
            raise PlanChangedOnDisk(notices.changed_reopen(self.path))

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
            raise PlanBusy(notices.busy_elsewhere(new_path))
        try:
            if new_path.exists():
                raise PlanExists(notices.exists_already(new_path))
            existed = self._state.exists
            data = dump_plan(plan).encode("utf-8")
            try:
                stat = atomic_write(new_path, data, 0o600)
                if existed:
                    os.unlink(self.path)
                    fsync_dir(self.path.parent)
            except OSError as exc:
                raise PlanSaveFailed(notices.rename_failed(self.path, exc)) from None
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
            try:
                own_subfolder(trash)
            except OSError as exc:
                raise PlanSaveFailed(str(exc) if isinstance(exc, UnsafeFolder) else notices.delete_failed(self.path, exc)) from None
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
                raise PlanSaveFailed(notices.delete_failed(self.path, exc)) from None
            fsync_dir(self.path.parent)
        self._state = DiskState.missing()
        self.close()
        self.read_only, self.reason = True, notices.DELETED
        return target
