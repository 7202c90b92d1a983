"""Several students, one plan file each: safe file names, listing, rename, delete.

File names come from free-text student names, so they must be safe whatever is typed
("../etc", "CON", "", "Ana López", 300 characters) and must never collide:

- `student_slug` keeps a readable stem (NFKC, accents dropped, lowercase, `[a-z0-9-]`,
  at most 60 characters). When the stem *is* the name exactly ("ana-lopez"), that is
  the file name. Otherwise a hash of the exact name is added after a double hyphen
  ("ana-lopez--7c1e0a9b2d"). A lossless stem never contains "--", so the two kinds can
  never meet, and two different names that lose information differ by their hash.
- Finding a student's plan (`lookup_student`) compares names by their identity
  (`name_key`: NFKC, case folded, runs of spaces made one), so the same name typed
  another way (NFC or NFD, other case, other spacing, full-width letters) finds the
  plan, and two names that differ in any letter never do, whatever the script. Two
  plans with the same identity are never guessed between (`AmbiguousName`). A saved
  name that differs only by accents ("Jose" for "José") is not opened either: it may be
  another student; it is pointed out (`StudentLookup.similar`) so the student can say.
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
from .problems import MAX_PLAN_BYTES, FileProblems, read_text
from .paths import PLAN_SUFFIX, UnsafeFolder, own_subfolder, plans_dir
from .plan_errors import PlanBusy, PlanExists, StorageError
from .plans import read_plan
from .records import record
from .words import notices

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .store import PlanStore

MAX_STEM = 60
MAX_NAME = 200
"""Longest student name taken (characters): longer is a paste gone wrong, not a name."""
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


def name_key(name: str) -> str:
    """A student name's identity: NFKC, case folded, spaces collapsed. Names with the
    same key are the same name typed another way; any other difference (a letter, an
    accent, a script) makes another name."""
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(text.split())


def loose_key(name: str) -> str:
    """`name_key` with accents dropped: only to point out a similar name, never to open."""
    text = "".join(ch for ch in unicodedata.normalize("NFKD", name_key(name)) if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", text)


def name_problem(name: str) -> str:
    """Why `name` cannot be a student's name (empty when it can): it is not text (a
    command-line argument that was not UTF-8 arrives with lone surrogates), it is blank,
    or it is longer than any name."""
    bad = next((ch for ch in name if "\ud800" <= ch <= "\udfff"), None)
    if bad is not None:
        return notices.name_not_utf8(name, ord(bad) - 0xDC00 if 0xDC80 <= ord(bad) <= 0xDCFF else None)
    if not name.strip():
        return notices.NAME_BLANK
    if len(name) > MAX_NAME:
        return notices.name_too_long(len(name), MAX_NAME)
    return ""


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
            plan = parse_plan(read_text(path, display, limit=MAX_PLAN_BYTES, what="plan"), display)
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


class AmbiguousName(Exception):
    """Several saved plans have a student name that is this one typed another way;
    `candidates` are their `PlanInfo`s. Never guessed between: the caller asks."""

    def __init__(self, name: str, candidates: list[PlanInfo]) -> None:
        super().__init__(notices.ambiguous_student(name, len(candidates)))
        self.name = name
        self.candidates = candidates


@record
class StudentLookup:
    """Where a student's plan is, found by the name's identity (never by its Latin letters)."""

    path: Path
    """The student's plan file, or where a new one goes."""
    exists: bool
    similar: tuple[PlanInfo, ...] = ()
    """When no plan was found: saved plans whose name differs only by accents."""


def lookup_student(student: str, directory: Path | None = None) -> StudentLookup:
    """Where `student`'s plan is: the file named after this exact name, else the only
    plan whose stored name has the same `name_key`. Raises `AmbiguousName` when several
    do. When none does, a new plan goes to `plan_path_for(student)`."""
    exact = plan_path_for(student, directory)
    if exact.is_file():
        return StudentLookup(exact, True)
    key = name_key(student)
    plans = [p for p in list_plans(directory) if p.readable and p.student.strip()] if key else []
    same = [p for p in plans if name_key(p.student) == key]
    if len(same) > 1:
        raise AmbiguousName(student, same)
    if same:
        return StudentLookup(same[0].path, True)
    loose = loose_key(student)
    return StudentLookup(exact, False, tuple(p for p in plans if loose_key(p.student) == loose))


def find_plan(student: str, directory: Path | None = None) -> Path | None:
    """The plan file of `student` (see `lookup_student`); None when there is none.
    Raises `AmbiguousName` rather than guess."""
    found = lookup_student(student, directory)
    return found.path if found.exists else None


def rename_plan(path: Path, new_student: str, *, store: PlanStore | None = None, directory: Path | None = None) -> Path:
    """Give the plan at `path` a new student name and the matching file name.

    Pass `store` when this session already has the plan open (it holds the lock);
    otherwise the plan is locked here for the rename. Raises `PlanBusy` when another
    session has it open, `PlanExists` when the new name already has a plan."""
    path = Path(path)
    problem = name_problem(new_student)
    if problem:
        raise StorageError(f"Not renamed: {problem}.")
    folder = directory if directory is not None else path.parent
    target = plan_path_for(new_student, folder)
    try:
        taken = lookup_student(new_student, folder)
    except AmbiguousName:
        raise PlanExists(notices.exists_already(target)) from None
    if taken.exists and taken.path != path:  # the same name typed another way
        raise PlanExists(notices.exists_already(taken.path))
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
            try:
                own_subfolder(trash)
            except UnsafeFolder as exc:
                raise StorageError(str(exc)) from None
            target = trash / backup.name
            backup.replace(target)
            return target
        return own.move_to_trash(trash, now)
    finally:
        own.close()


__all__ = [
    "AmbiguousName",
    "MAX_NAME",
    "PlanInfo",
    "StudentLookup",
    "loose_key",
    "lookup_student",
    "name_key",
    "name_problem",
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
