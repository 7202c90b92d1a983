"""Several students, one plan file each: safe file names, listing, rename, delete.

File names come from free-text student names, so they must be safe whatever is typed
("../etc", "CON", "", "Ana López", 300 characters) and must never collide:

- `student_slug` keeps a readable stem (NFKC, accents dropped, lowercase, `[a-z0-9-]`,
  at most 60 characters). When the stem *is* the name exactly ("ana-lopez"), that is
  the file name. Otherwise a hash of the exact name is added after a double hyphen
  ("ana-lopez--7c1e0a9b2d"). A lossless stem never contains "--", so the two kinds can
  never meet, and two different names that lose information differ by their hash.
- Deleting moves the file into `trash/` beside the plans with a timestamp: a student's
  plan is never destroyed by one key press, and a counselor can restore it by moving
  the file back. Nothing empties the trash automatically.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from .plans import parse_plan
from .problems import FileProblems, read_text
from .paths import PLAN_SUFFIX, plans_dir
from .plan_errors import PlanBusy, StorageError
from .records import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .store import PlanStore
from .plans import read_plan

MAX_STEM = 60
HASH_CHARS = 10
TRASH = "trash"
FALLBACK_STEM = "student"
RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "clock$", "default", TRASH}
    | {f"com{i}" for i in range(10)}
    | {f"lpt{i}" for i in range(10)}
)
"""Stems that never stand alone: Windows device names, `default` (the plan used when
no student is named) and `trash`."""

_NOT_SAFE = re.compile(r"[^a-z0-9]+")


def name_hash(name: str) -> str:
    import hashlib  # only a name that is not its own file name needs it

    data = name.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:HASH_CHARS]


def _readable(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = _NOT_SAFE.sub("-", text).strip("-")
    return text[:MAX_STEM].rstrip("-")


def student_slug(name: str) -> str:
    """A safe, collision-free file stem for a student name (see the module doc)."""
    stem = _readable(name)
    if stem and stem == name and stem not in RESERVED:
        return stem
    return f"{stem or FALLBACK_STEM}--{name_hash(name)}"


def plan_path_for(student: str, directory: Path | None = None) -> Path:
    """Where `student`'s plan lives (in `plans_dir()` unless `directory` is given)."""
    return Path(directory if directory is not None else plans_dir()) / f"{student_slug(student)}{PLAN_SUFFIX}"


def trash_dir(directory: Path | None = None) -> Path:
    return Path(directory if directory is not None else plans_dir()) / TRASH


@record
class PlanInfo:
    """One plan file in the plans folder, as the plan picker and `credplan plans` list it."""

    path: Path
    student: str
    """The name stored in the file ('' when unreadable or unnamed)."""
    modified: dt.datetime
    selections: int | None
    """None when the file cannot be read."""
    problem: str = ""
    """Why the file cannot be read (FILE:LINE: message); empty when it can."""

    @property
    def readable(self) -> bool:
        return not self.problem

    @property
    def label(self) -> str:
        if self.problem:
            return f"{self.path.name} (cannot be read)"
        return self.student or f"{self.path.name} (no name)"


def is_plan_file(path: Path) -> bool:
    name = path.name
    return name.endswith(PLAN_SUFFIX) and not name.startswith(".") and path.is_file()


def list_plans(directory: Path | None = None) -> list[PlanInfo]:
    """Every plan in the directory, by student name; unreadable ones are included with
    their problem. Backups (`.broken-`), temp files, locks and the trash are not plans."""
    root = Path(directory if directory is not None else plans_dir())
    if not root.is_dir():
        return []
    out: list[PlanInfo] = []
    for path in root.iterdir():
        if not is_plan_file(path):
            continue
        try:
            modified = dt.datetime.fromtimestamp(path.stat().st_mtime)
        except OSError:
            continue
        display = str(path)
        try:
            plan = parse_plan(read_text(path, display), display)
        except FileProblems as exc:
            out.append(PlanInfo(path, "", modified, None, str(exc.problems[0]) if exc.problems else "cannot be read"))
            continue
        out.append(PlanInfo(path, plan.student, modified, len(plan.selections)))
    out.sort(key=lambda p: (not p.readable, p.student.casefold(), p.student, p.path.name))
    return out


def broken_backups(directory: Path | None = None) -> list[Path]:
    """Plan files that could not be read and were kept aside (`*.broken-*`)."""
    root = Path(directory if directory is not None else plans_dir())
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if ".broken-" in p.name and p.is_file())


def find_plan(student: str, directory: Path | None = None) -> Path | None:
    """The plan file of `student`: the one named after them, else the only plan whose
    stored name matches ignoring case and accents. None when there is none."""
    exact = plan_path_for(student, directory)
    if exact.is_file():
        return exact
    wanted = _readable(student)
    matches = [p.path for p in list_plans(directory) if p.readable and p.student.strip() and _readable(p.student) == wanted]
    return matches[0] if len(matches) == 1 else None


def rename_plan(path: Path, new_student: str, *, store: PlanStore | None = None, directory: Path | None = None) -> Path:
    """Give the plan at `path` a new student name and the matching file name.

    Pass `store` when this session already has the plan open (it holds the lock);
    otherwise the plan is locked here for the rename. Raises `PlanBusy` when another
    session has it open, `PlanExists` when the new name already has a plan."""
    path = Path(path)
    target = plan_path_for(new_student, directory if directory is not None else path.parent)
    if store is not None:
        return store.move_to(target, new_student)
    try:
        read_plan(path)
    except FileProblems as exc:
        raise StorageError(f"Cannot rename a plan that cannot be read: {exc.problems[0]}") from None
    from .store import PlanStore  # only renaming and deleting need the store

    with PlanStore(path) as own:
        own.open()
        if own.read_only:
            raise PlanBusy(f"Cannot rename: {own.reason}")
        return own.move_to(target, new_student)


def delete_plan(
    path: Path, *, store: PlanStore | None = None, directory: Path | None = None, now: dt.datetime | None = None
) -> Path | None:
    """Move the plan at `path` into the trash (the UI has asked first). Returns where it
    went. A plan open in another session is not touched (`PlanBusy`). A file that
    cannot be read is moved to the trash as it is."""
    path = Path(path)
    trash = trash_dir(directory if directory is not None else path.parent)
    if store is not None:
        return store.move_to_trash(trash, now)
    from .store import PlanStore

    own = PlanStore(path)
    try:
        opened = own.open()
        if own.read_only:
            raise PlanBusy(f"Cannot delete: {own.reason}")
        if opened.backup is not None:
            # Unreadable: it is already kept aside as a .broken- file; trash that.
            backup = opened.backup
            trash.mkdir(mode=0o700, parents=True, exist_ok=True)
            target = trash / backup.name
            backup.replace(target)
            return target
        return own.move_to_trash(trash, now)
    finally:
        own.close()


__all__ = [
    "PlanInfo",
    "broken_backups",
    "delete_plan",
    "find_plan",
    "list_plans",
    "name_hash",
    "plan_path_for",
    "rename_plan",
    "student_slug",
    "trash_dir",
]
