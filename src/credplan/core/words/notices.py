"""What a planning session says: how a plan and its catalog were opened, saved, or
could not be. Used by the session and the store; every front-end shows these lines as
they are (after `core.text.clean` for the names and paths inside them)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..changes import EVERY, Changes, PointChange
from ..text import clean


def _why(exc: BaseException) -> str:
    return clean(getattr(exc, "strerror", None) or str(exc) or type(exc).__name__)


# -- opening --------------------------------------------------------------------------------
def broken_kept(backup: Path) -> str:
    return (
        f"Your plan file could not be read, so it was kept as {clean(backup)} "
        "and a new plan was started. Nothing was deleted."
    )


def busy(holder: str) -> str:
    who = f" ({clean(holder)})" if holder else ""
    return f"This plan is open in another session{who}; opened read-only."


OPENED_READ_ONLY = "Opened read-only."
DEMO = "Demo: a throwaway plan. Nothing you change is saved."
DEMO_NO_PLANS = "Demo: other students' plans are not shown, and nothing is saved."


def cannot_lock(error: str) -> str:
    return f"Cannot lock the plan ({clean(error)}); opened read-only."


def cannot_create_lock(path: Path, exc: BaseException) -> str:
    return f"cannot create the lock file {clean(path)}: {_why(exc)}"


def cannot_read(path: Path, exc: BaseException) -> str:
    return f"Cannot read {clean(path)}: {_why(exc)}; opened read-only."


def newer_format(path: Path, version: int) -> str:
    return f"{clean(path)} was written by a newer credplan (plan format {version}); it was opened read-only and left as it is."


def broken_left(where: str, message: str) -> str:
    return f"The plan file could not be read ({clean(where)}: {clean(message)}); it was left as it is."


def broken_not_moved(path: Path, exc: BaseException) -> str:
    return f"The plan file {clean(path)} could not be read, nor moved aside ({_why(exc)}); opened read-only."


def catalog_differs(plan_catalog: str, catalog: str) -> str:
    return f"This plan was saved with the catalog `{clean(plan_catalog)}`; it is checked here against `{clean(catalog)}`."


def stale_catalog(checked: dt.date) -> str:
    return (
        f"This catalog was last checked on {checked.isoformat()}, over a year ago; "
        "credentials and points may have changed since."
    )


def no_student_plan(name: str, where: Path) -> str:
    return f"no saved plan for student {clean(name)!r} in {clean(where)} (see `credplan plans`)"


# -- saving ----------------------------------------------------------------------------------
READ_ONLY_SAVE = "This plan is open read-only; changes are not saved."
DELETED = "This plan was deleted."


def changed_on_disk(path: Path) -> str:
    return (
        f"{clean(path)} was changed by another session (or another program) since it was "
        "opened here; your change was not saved. Reload the plan to see the other "
        "version, or keep yours (the other version is kept aside)."
    )


def save_failed(path: Path, exc: BaseException) -> str:
    return f"Could not save {clean(path)}: {_why(exc)}. The plan file was not changed."


def keep_other_failed(path: Path, exc: BaseException) -> str:
    return f"Could not keep the other version of {clean(path)} ({_why(exc)}); nothing was saved."


def demo_nothing_to(verb: str) -> str:
    return f"Demo mode: nothing to {verb}."


def cannot_while_busy(verb: str, reason: str) -> str:
    return f"Cannot {verb} this plan: {clean(reason)}"


def changed_reopen(path: Path) -> str:
    return f"{clean(path)} changed on disk since it was opened; reopen it first."


def busy_elsewhere(path: Path) -> str:
    return f"{clean(path)} is open in another session; not renamed."


def exists_already(path: Path) -> str:
    return f"A plan already exists at {clean(path)}; not renamed."


def rename_failed(path: Path, exc: BaseException) -> str:
    return f"Could not rename {clean(path)}: {_why(exc)}"


def delete_failed(path: Path, exc: BaseException) -> str:
    return f"Could not delete {clean(path)}: {_why(exc)}"


def not_saved_yet(reason: str) -> str:
    return f"Your last change is not saved yet. {reason}"


UNSAVED_CHOICES = "Retry the save, save a copy, or discard your unsaved changes."
PLANNER_UNSAVED = (
    "Your change is kept here but not saved. Keep credplan open: q then offers to retry, "
    "save a copy or discard; if the plan changed elsewhere, the palette (ctrl+p) has "
    "'Reload plan from disk' and 'Keep my version'."
)
SHELL_UNSAVED = "Your change is kept until you quit; type save to try again, save-copy to save it elsewhere, or discard."
UNSAVED_QUESTION = "Your last changes are not saved."


def unsaved_reason(problem: str) -> str:
    return f"{UNSAVED_QUESTION} {problem}".strip()


def copy_goes_to(path: Path) -> str:
    return f"A copy would be saved as {clean(path)}"


def saved_copy(path: Path) -> str:
    return f"Saved a copy of your plan as {clean(path)}."


def copy_failed(path: Path, exc: BaseException) -> str:
    return f"Could not save a copy as {clean(path)}: {_why(exc)}."


DISCARDED = "Your unsaved changes were discarded; the plan is as it was last saved."
SAVED = "Saved."


def saved_yours(copy: Path | None) -> str:
    where = f"; the other version was kept as {clean(copy)}" if copy else ""
    return f"Saved your version{where}."


RELOADED = "Reloaded the plan from disk."


# -- the catalog changed since the plan was saved ---------------------------------------------
def _points(n: int) -> str:
    return f"{n} point" if n == 1 else f"{n} points"


def point_change_line(change: PointChange) -> str:
    name = clean(change.name)
    where = "every field" if change.field_id == EVERY else clean(change.field_name)
    if change.old is not None and change.new is not None:
        return f"{name}: was {_points(change.old)}, now {_points(change.new)} in {where}"
    if change.new is not None:
        return f"{name}: now listed in {where} ({_points(change.new)})"
    return f"{name}: no longer listed in {where} (was {_points(change.old or 0)})"


def catalog_change_lines(changes: Changes) -> list[str]:
    """One sentence per change since the plan was last saved, for a notice or a report."""
    out: list[str] = []
    if changes.previous_catalog:
        out.append(
            f"This plan was last saved with the catalog `{clean(changes.previous_catalog)}`; "
            f"it is now checked against `{clean(changes.catalog_id)}`."
        )
    if changes.checked_before and changes.checked_now:
        out.append(
            f"The catalog was checked again on {changes.checked_now.isoformat()} "
            f"(this plan was saved with the list checked {changes.checked_before.isoformat()})."
        )
    for cid in changes.removed:
        out.append(f"`{clean(cid)}` is no longer in this catalog; it stays in the plan but does not count.")
    out.extend(point_change_line(change) for change in changes.points)
    return out


# -- class demos ------------------------------------------------------------------------------
NOT_A_DEMO = "Only a demo can be reset; a student's plan changes one selection at a time."
DEMO_RESET_EMPTY = "Demo reset: an empty plan again."
DEMO_RESET_EXAMPLE = "Demo reset: back to the plan it started with."


def no_example_plan(catalog_id: str) -> str:
    return f"there is no example plan for the catalog `{clean(catalog_id)}`; give a plan file: --demo PATH"


def setting_not_saved(exc: BaseException) -> str:
    return f"The theme is in use but could not be remembered for next time ({_why(exc)})."
