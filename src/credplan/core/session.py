"""One planning session, for every front-end: the planner, `credplan shell`, every CLI
command and the web mode open plans here and nowhere else. No Textual, no printing.

    session = PlanSession.open(OpenRequest(student="Ana López"))
    for line in session.notices: show(line)
    session.change(session.plan.with_selection("comptia-a-plus"))   # saved at once
    if session.unsaved: show(session.save_problem)                   # nothing is dropped
    session.close()

Which plan: `plan` (a file), `student` (that student's file in the plans folder), `demo`
(nothing read or written), else the default plan.

Which catalog: `catalog` when given; else the catalog the plan was last saved with (a
bundled one by id, or the file it was loaded from); else Ohio. When `catalog` differs
from the plan's own, the session says so in one line. A plan saved with a catalog that
cannot be found is an error, never silently checked against another one.

Read-only commands (`check`, `export`, `fields`, `suggest`) open with `inspect=True`:
no lock, nothing written, and a plan file that cannot be read is an error
(`SessionError`, FILE:LINE problems) rather than being kept aside.

In the web planner (`web`, a `core.access.WebAccess` given by `credplan serve`), the
session enforces who may open what: a student opens only their own plan, a counselor
only plans in the plans folder; catalogs are bundled ones or those the server was
started with; a copy goes only beside the plan. Refusals raise `NotAllowed`.

A change that cannot be saved stays in the session (`unsaved`, `save_problem`) until
it is saved again (`retry_save`), saved as a copy (`save_copy`), or dropped on purpose
(`discard`). Front-ends must offer those three before leaving.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from .bundled import EXAMPLE, bundled_ids, example_plan_path, resolve_catalog
from .catalog import load_catalog
from .changes import catalog_changes
from .model import Catalog, Plan
from .paths import PLANS_FOLDER, UnsafeFolder, default_plan_path, plans_dir, secure_data_folders
from .plans import dump_plan
from .problems import FileProblems, Problem
from .rules import Evaluation, evaluate
from .plan_errors import NotAllowed, PlanReadOnly, StorageError
from .plans import read_plan
from .students import (
    AmbiguousName,
    PlanInfo,
    StudentLookup,
    delete_plan,
    list_plans,
    lookup_student,
    name_problem,
    plan_path_for,
    rename_plan,
)
from .records import record
from .words import notices
from .words import web as web_words

# Only a session that edits needs the store, the lock and atomic writes (hashing, temp
# files, fcntl): they are imported where used, so `credplan check` in a script's loop
# does not load them.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from .access import WebAccess  # the web mode's; a terminal session never loads it
    from .store import OpenedPlan, PlanStore

DEFAULT_CATALOG = "ohio"
STALE_AFTER = dt.timedelta(days=365)
COPY_MARK = ".copy-"


class SessionError(Exception):
    """The session cannot open: every problem, as `FILE:LINE: message`."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class AmbiguousStudent(SessionError):
    """`--student NAME` matches several saved plans (the same name typed other ways):
    nothing was opened. `candidates` (`PlanInfo`: path, stored student name) are the
    plans to choose from; a front-end can ask which one, or print `problems` (the
    question and one line per candidate) and stop."""

    def __init__(self, name: str, candidates: list[PlanInfo]) -> None:
        problems = [Problem("--student", 0, notices.ambiguous_student(name, len(candidates)))]
        problems += [Problem(str(c.path), 0, notices.candidate_plan(c.student)) for c in candidates]
        super().__init__(problems)
        self.name = name
        self.candidates = candidates


@record
class OpenRequest:
    """What a front-end asks to open: a plan (by file, student or demo) and a catalog."""

    plan: str | Path | None = None
    student: str | None = None
    demo: bool = False
    catalog: str | None = None
    """A bundled catalog id or a path; None: the plan's own catalog, else Ohio."""
    inspect: bool = False
    """Only read: no lock, nothing written, a broken plan file is an error."""
    web: WebAccess | None = None
    """The web planner: who the server says the user is (see `core.access`)."""

    demo_start: str | None = None
    """A demo's first plan: `example` (the catalog's bundled example plan) or a plan
    file, read and never written; None: an empty plan."""

    @classmethod
    def from_args(cls, args: argparse.Namespace, *, inspect: bool = False) -> OpenRequest:
        demo = getattr(args, "demo", False)
        return cls(
            plan=getattr(args, "plan", None) or None,
            student=getattr(args, "student", None) or None,
            demo=bool(demo),
            catalog=getattr(args, "catalog", None) or None,
            inspect=inspect,
            demo_start=demo if isinstance(demo, str) and demo else None,
        )


def load_catalog_ref(ref: str) -> Catalog:
    """A bundled id (`ohio`) or a path; errors name the file as the user wrote it."""
    path = resolve_catalog(ref)
    return load_catalog(path, display=path.name if path.stem == ref else ref)


def check_request(request: OpenRequest) -> None:
    """Refuse what no session could open, before anything is read or a screen drawn:
    a student name that cannot be a name (not UTF-8, blank, too long). `SessionError`."""
    if request.student:
        problem = name_problem(request.student)
        if problem:
            raise SessionError([Problem("--student", 0, problem)])


def student_lookup(student: str) -> StudentLookup:
    """Where `student`'s plan is in the plans folder; raises `AmbiguousStudent` rather
    than guess, and `SessionError` for a name that cannot be a name (not UTF-8, blank)."""
    problem = name_problem(student)
    if problem:
        raise SessionError([Problem("--student", 0, problem)])
    try:
        return lookup_student(student, plans_dir())
    except AmbiguousName as exc:
        raise AmbiguousStudent(student, exc.candidates) from None


def plan_path(request: OpenRequest) -> Path | None:
    """The plan file a request names (None in demo mode). A student in the web planner
    gets exactly the file named after their user name: never a look-alike found by
    `find_plan`, never a path."""
    if request.demo:
        return None
    web = request.web
    if web is not None and web.is_student:
        if request.plan or (request.student and request.student != web.user):
            raise FileProblems([Problem("credplan", 0, web_words.NO_PLAN_ARGUMENTS)])
        return web.own_plan(plans_dir())
    if request.plan:
        return Path(request.plan).expanduser()
    if request.student:
        return student_lookup(request.student).path
    return default_plan_path()


def _secure_folders(path: Path | None, *, reading: bool = False) -> list[str]:
    """When the plan lives in the plans folder: that folder and the data folder made
    private (what was repaired, one sentence each), or `FileProblems` when they cannot be.
    `reading`: a read-only command, which skips the check for a folder not named `plans`."""
    if path is None:
        return []
    folder = os.path.realpath(path.parent)
    if reading and os.path.basename(folder) != PLANS_FOLDER and "CREDPLAN_DATA_DIR" not in os.environ:
        # Not `<data>/plans` (unless that is a link to a folder of another name, which
        # the next planner or shell session on it repairs): no need to ask platformdirs
        # where the data folder is, a tenth of `credplan check --plan FILE`'s start-up.
        return []
    if folder != os.path.realpath(plans_dir()):
        return []
    try:
        return secure_data_folders()
    except UnsafeFolder as exc:
        raise FileProblems([Problem(str(exc.path), 0, exc.reason)]) from None


def _catalog_for(request: OpenRequest, plan: Plan) -> tuple[Catalog, list[str]]:
    """The catalog to judge `plan` by, and what to say about the choice."""
    stamp = plan.catalog
    if request.catalog:
        catalog = load_catalog_ref(request.catalog)
        said = [notices.catalog_differs(stamp.id, catalog.id)] if stamp is not None and stamp.id != catalog.id else []
        return catalog, said
    if stamp is None:
        return load_catalog_ref(DEFAULT_CATALOG), []
    if stamp.id in bundled_ids():
        return load_catalog_ref(stamp.id), []
    if stamp.path and Path(stamp.path).is_file():
        catalog = load_catalog(stamp.path, display=stamp.path)
        if catalog.id == stamp.id:
            return catalog, []
    where = f" (last seen at {stamp.path})" if stamp.path else ""
    raise FileProblems(
        [
            Problem(
                str(stamp.path or stamp.id),
                0,
                f"this plan was saved with the catalog `{stamp.id}`{where}, which cannot be found; "
                "give it with --catalog ID|PATH",
            )
        ]
    )


def plan_catalog(plan: Plan, catalog: str | None = None) -> Catalog:
    """The catalog `plan` is judged by, chosen as a session chooses it (its own catalog,
    else Ohio; `catalog` overrides). For front-ends that read many plans at once (the
    roster) and cache catalogs by `plan.catalog`; raises `FileProblems`."""
    return _catalog_for(OpenRequest(catalog=catalog, inspect=True), plan)[0]


def demo_start_plan(request: OpenRequest) -> Plan:
    """The plan a demo starts from: the bundled example for the catalog asked for (or
    Ohio), or the plan file given. Read only; raises `FileProblems`."""
    start = request.demo_start or ""
    if start == EXAMPLE:
        ref = request.catalog or DEFAULT_CATALOG
        catalog_id = load_catalog_ref(ref).id
        path = example_plan_path(catalog_id)
        if path is None:
            raise FileProblems([Problem(ref, 0, notices.no_example_plan(catalog_id))])
        return read_plan(path)
    return read_plan(Path(start).expanduser())


def catalog_warnings(catalog: Catalog, today: dt.date) -> list[str]:
    """What every front-end says about the catalog itself on opening: that it is stale.
    (Unconfirmed values are marked `?` wherever they are shown, with the legend.)"""
    if today - catalog.info.checked > STALE_AFTER:
        return [notices.stale_catalog(catalog.info.checked)]
    return []


@dataclass
class PlanSession:
    """One student's plan, the catalog it is judged by, and everything about saving it."""

    catalog: Catalog
    plan: Plan
    store: PlanStore | None
    """None when inspecting (read-only commands)."""
    inspected: Path | None
    """The plan file read when inspecting (otherwise the store knows its path)."""
    notices: list[str] = field(default_factory=list)
    """What to tell the student on opening, one sentence each."""
    problems: list[Problem] = field(default_factory=list)
    """Why a plan file was kept aside as broken (FILE:LINE), when it was."""
    today: dt.date = field(default_factory=dt.date.today)
    unsaved: bool = False
    """The plan holds a change that could not be saved."""
    save_problem: str = ""
    demo: bool = False
    """A class demo: nothing is written and no other student's plan is listed."""
    catalog_notices: list[str] = field(default_factory=list)
    """What is said about the catalog itself (stale, not the plan's own): reports carry these."""
    web: WebAccess | None = None
    """The web planner's user and role (see `core.access`); None in a terminal."""
    demo_plan: Plan | None = None
    """The plan a demo started from, for `reset_demo`."""
    _evaluated: tuple[int, int, Evaluation] | None = field(default=None, repr=False)

    # -- opening ------------------------------------------------------------------------
    @classmethod
    def open(cls, request: OpenRequest, *, today: dt.date | None = None) -> PlanSession:
        """Open a session; raises `SessionError` for a catalog (or, when inspecting, a
        plan) that cannot be read or found."""
        today = today or dt.date.today()
        try:
            if request.inspect:
                return cls._inspect(request, today)
            return cls._edit(request, today)
        except FileProblems as exc:
            raise SessionError(exc.problems) from None

    @classmethod
    def _inspect(cls, request: OpenRequest, today: dt.date) -> PlanSession:
        path = plan_path(request) if not request.student or request.plan or request.demo else None
        if path is None and request.student and not request.demo:
            found = student_lookup(request.student)
            if not found.exists:
                similar = [p.student for p in found.similar]
                message = (
                    notices.no_student_plan_similar(request.student, plans_dir(), similar)
                    if similar
                    else notices.no_student_plan(request.student, plans_dir())
                )
                raise FileProblems([Problem(str(found.path), 0, message)])
            path = found.path
        repaired = _secure_folders(path, reading=True)
        plan = Plan() if path is None else read_plan(path)
        catalog, differs = _catalog_for(request, plan)
        changes = catalog_changes(catalog, plan)
        changed = changes.messages() if changes and not differs else []  # another catalog: not "changes"
        about = differs + catalog_warnings(catalog, today)  # what reports carry about the catalog
        said = repaired + differs + changed + catalog_warnings(catalog, today)
        return cls(catalog, plan, None, path, said, today=today, catalog_notices=about)

    @classmethod
    def _edit(cls, request: OpenRequest, today: dt.date) -> PlanSession:
        from .store import PlanStore

        web = request.web
        if web is not None and request.catalog and not web.catalog_allowed(request.catalog):
            raise FileProblems([Problem(str(request.catalog), 0, web_words.CATALOG_NOT_OFFERED)])
        web_user = web.user if web is not None and web.is_student else None  # exactly their own file: plan_path decides
        by_name = request.student if not (request.demo or request.plan or web_user is not None) else None
        found = student_lookup(by_name) if by_name else None
        path = found.path if found is not None else plan_path(request)
        repaired = _secure_folders(path)
        student = web_user if web_user is not None else request.student or ""
        store = PlanStore(path)
        try:
            opened = store.open(student=student)
            if request.demo and request.demo_start:
                opened.plan = demo_start_plan(request)
            catalog, said = _catalog_for(request, opened.plan)
        except BaseException:
            store.close()
            raise
        told = repaired + ([opened.notice] if opened.notice else [])
        if request.demo:
            told.append(notices.DEMO)
        if found is not None and not found.exists and found.similar:
            told.append(notices.similar_names([p.student for p in found.similar]))
        changes = catalog_changes(catalog, opened.plan)
        if changes:
            told += [m for m in changes.messages() if m not in said]
        session = cls(catalog, opened.plan, store, path, told + said, list(opened.problems), today=today, demo=request.demo)
        session.web = web
        session.demo_plan = opened.plan
        session.catalog_notices = said + catalog_warnings(catalog, today)
        session.notices += catalog_warnings(catalog, today)
        if changes and not store.read_only and path is not None and path.exists():
            try:  # record what was pointed out, so it is pointed out once
                store.save(opened.plan, catalog)
            except (StorageError, OSError):
                pass
        return session

    @classmethod
    def start(
        cls, catalog: Catalog, plan: Plan | None = None, *, path: Path | None = None, demo: bool = False,
        today: dt.date | None = None,
    ) -> PlanSession:
        """A session on a catalog already loaded: the plan file at `path` (locked, as
        `open` does; `plan`, when given, replaces what it holds), else a plan kept in
        memory only (a demo when `demo`). For the web mode, the what-if view and tests."""
        from .store import PlanStore

        store = PlanStore(path)
        opened = store.open(student=plan.student if plan is not None else "")
        told = [opened.notice] if opened.notice else []
        if demo:
            told.append(notices.DEMO)
        session = cls(catalog, opened.plan, store, path, told, list(opened.problems), today=today or dt.date.today(), demo=demo)
        if plan is not None:
            session.plan = plan
        session.demo_plan = session.plan
        session.catalog_notices = catalog_warnings(catalog, session.today)
        session.notices += session.catalog_notices
        return session

    # -- what it is ---------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        """The plan file (None in a demo or a plan kept in memory)."""
        return self.store.path if self.store is not None else self.inspected

    @property
    def is_demo(self) -> bool:
        return self.demo

    @property
    def read_only(self) -> bool:
        return self.store is None or self.store.read_only

    @property
    def reason(self) -> str:
        """Why changes are not saved (empty when they are)."""
        if self.store is None:
            return notices.READ_ONLY_SAVE
        return self.store.reason if self.store.read_only else ""

    @property
    def can_list_plans(self) -> bool:
        """Other students' plans may be listed and opened (not in a demo: a class watches;
        not by a student in the web planner)."""
        if self.web is not None and not self.web.can_list_plans:
            return False
        return not self.demo and self.store is not None

    @property
    def changed_elsewhere(self) -> bool:
        """The plan file changed on disk since this session read or wrote it: `reload`
        or `keep_mine` settle it."""
        return self.store is not None and self.store.changed_on_disk()

    @property
    def no_plans_reason(self) -> str:
        """What to say when the plan picker is asked for and `can_list_plans` is False."""
        if self.web is not None and not self.web.can_list_plans:
            return web_words.ONLY_YOUR_PLAN
        return notices.DEMO_NO_PLANS

    @property
    def is_web(self) -> bool:
        """Running for a browser: exports are downloads, no server path is asked for."""
        return self.web is not None

    def may_open(self, path: Path) -> bool:
        """Whether this session may open, create, rename or delete the plan at `path`."""
        if self.demo or self.store is None:
            return False
        return self.web is None or self.web.may_open(path, plans_dir())

    def _require_may_open(self, path: Path) -> None:
        if self.demo or self.store is None:
            raise PlanReadOnly(notices.DEMO_NO_PLANS)
        if self.web is not None and not self.web.may_open(path, plans_dir()):
            raise NotAllowed(web_words.ONLY_YOUR_PLAN if self.web.is_student else web_words.NOT_IN_PLANS_FOLDER)

    @property
    def notice(self) -> str:
        return " ".join(n for n in self.notices if n)

    def evaluation(self) -> Evaluation:
        """The plan judged by the catalog, computed once per plan."""
        cached = self._evaluated
        if cached is not None and cached[0] == id(self.plan) and cached[1] == id(self.catalog):
            return cached[2]
        result = evaluate(self.catalog, self.plan)
        self._evaluated = (id(self.plan), id(self.catalog), result)
        return result

    # -- changing and saving -------------------------------------------------------------
    def change(self, plan: Plan) -> bool:
        """Make `plan` the session's plan and save it. False when it could not be
        saved: the change stays here (`unsaved`, `save_problem`). Raises `PlanReadOnly`
        (nothing changed) in a read-only session."""
        if self.read_only:
            raise PlanReadOnly(self.reason or notices.READ_ONLY_SAVE)
        self.plan = plan
        return self._save()

    def _save(self, *, force: bool = False) -> bool:
        assert self.store is not None
        try:
            self.plan = self.store.save(self.plan, self.catalog, force=force)
        except (StorageError, OSError) as exc:
            self.unsaved, self.save_problem = True, str(exc)
            return False
        self.unsaved, self.save_problem = False, ""
        return True

    def retry_save(self) -> bool:
        if self.read_only:
            return False
        return self._save()

    def keep_mine(self) -> str:
        """Save over a plan changed on disk; the other version is kept aside. Returns
        what to say; raises `StorageError` when even that fails."""
        if self.read_only:
            raise PlanReadOnly(self.reason or notices.READ_ONLY_SAVE)
        assert self.store is not None
        if not self._save(force=True):
            raise StorageError(self.save_problem)
        return notices.saved_yours(self.store.conflict_copy)

    def reload(self) -> str:
        """Read the plan file again (dropping what was not saved); what to say."""
        if self.store is None or self.store.path is None:
            return ""
        opened = self.store.reload()
        self.plan = opened.plan
        self.unsaved, self.save_problem = False, ""
        return opened.notice or notices.RELOADED

    def discard(self) -> None:
        """Drop the changes that could not be saved: back to the plan as last saved."""
        if self.store is not None:
            self.plan = self.store.plan
        self.unsaved, self.save_problem = False, ""

    def copy_candidates(self, now: dt.datetime | None = None) -> list[Path]:
        """Where `save_copy` tries to write, in order: beside the plan (not listed as a
        plan: its name does not end in .toml), then the home folder, then the temp folder."""
        import tempfile

        from .atomic import backup_path

        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
        stem = self.path.stem if self.path is not None else "credplan-plan"
        out = []
        if self.path is not None:
            out.append(backup_path(self.path, now, mark=COPY_MARK))
        if self.web is not None:  # the server's home and temp folders are not the user's
            return out
        for folder in (Path.home(), Path(tempfile.gettempdir())):
            out.append(folder / f"credplan-{stem}{COPY_MARK}{stamp}.toml")
        return out

    def save_copy(self, target: Path | None = None) -> Path:
        """Write the session's plan to a new file and return where; the plan file itself
        is untouched. Raises `StorageError` when no place would take it."""
        from .atomic import atomic_write_text

        text = dump_plan(self.plan, self.catalog)
        if self.web is not None and target is not None and target not in self.copy_candidates():
            raise NotAllowed(web_words.COPY_BESIDE_PLAN_ONLY)
        tried = [target] if target is not None else self.copy_candidates()
        if not tried:
            raise StorageError(web_words.COPY_BESIDE_PLAN_ONLY)
        last: BaseException | None = None
        for candidate in tried:
            if candidate is None or candidate.exists():
                continue
            try:
                atomic_write_text(candidate, text)
            except OSError as exc:
                last = exc
                continue
            return candidate
        raise StorageError(notices.copy_failed(tried[-1] if tried[-1] else Path("?"), last or FileExistsError("exists")))

    # -- another plan or catalog -----------------------------------------------------------
    def open_plan_file(self, path: Path, student: str = "") -> OpenedPlan:
        """Switch to another plan file (the plan picker); refused in a demo, and in the
        web planner for a plan this user may not open (`NotAllowed`)."""
        self._require_may_open(path)
        if not self.can_list_plans and not (self.path is not None and Path(path) == self.path):
            raise PlanReadOnly(self.no_plans_reason)
        from .store import PlanStore

        new_store = PlanStore(path)
        opened = new_store.open(student=student)
        if self.store is not None:
            self.store.close()
        self.store, self.plan = new_store, opened.plan
        self.unsaved, self.save_problem = False, ""
        self.notices = [opened.notice] if opened.notice else []
        return opened

    def rename_plan(self, path: Path, new_student: str) -> Path:
        """Rename the plan at `path` (this session's own, or another one it may open)
        to a new student name; returns the new file. Raises a `StorageError`."""
        self._require_may_open(path)
        target = plan_path_for(new_student, Path(path).parent)
        self._require_may_open(target)
        mine = self.store if self.store is not None and self.store.path == Path(path) else None
        new_path = rename_plan(Path(path), new_student, store=mine, directory=Path(path).parent)
        if mine is not None:
            self.plan = mine.plan
        return new_path

    def delete_plan(self, path: Path, now: dt.datetime | None = None) -> Path | None:
        """Move another plan this session may open to the trash; returns where it went.
        The plan open in this session is not deleted from here."""
        self._require_may_open(path)
        return delete_plan(Path(path), directory=Path(path).parent, now=now)

    def list_plans(self) -> list[PlanInfo]:
        """The plans this session may list (the plan picker); empty when it may not."""
        if not self.can_list_plans:
            return []
        return [info for info in list_plans(plans_dir()) if self.may_open(info.path)]

    def catalog_allowed(self, ref: str | Path) -> bool:
        return self.web is None or self.web.catalog_allowed(ref)

    def switch_catalog(self, ref: str | Path) -> Catalog:
        """Judge the plan by another catalog from now on (saved with it unless
        read-only). Raises `SessionError` when it cannot be read, `NotAllowed` in the
        web planner for a catalog the server does not offer."""
        if not self.catalog_allowed(ref):
            raise NotAllowed(web_words.CATALOG_NOT_OFFERED)
        try:
            catalog = load_catalog(ref, display=Path(ref).name) if isinstance(ref, Path) else load_catalog_ref(ref)
        except FileProblems as exc:
            raise SessionError(exc.problems) from None
        self.catalog = catalog
        if not self.read_only:
            self._save()
        return catalog

    def reset_demo(self) -> Plan:
        """A demo back to the plan it started with (empty, or the example); nothing is
        written. Raises `PlanReadOnly` outside a demo."""
        if not self.demo:
            raise PlanReadOnly(notices.NOT_A_DEMO)
        self.plan = self.demo_plan if self.demo_plan is not None else Plan()
        self.unsaved, self.save_problem = False, ""
        return self.plan

    def close(self) -> None:
        if self.store is not None:
            self.store.close()



__all__ = [
    "AmbiguousStudent",
    "DEFAULT_CATALOG",
    "OpenRequest",
    "PlanSession",
    "SessionError",
    "catalog_warnings",
    "load_catalog_ref",
    "plan_catalog",
    "plan_path",
    "student_lookup",
]
