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


def cannot_read_because(path: Path, why: str) -> str:
    return f"Cannot read {clean(path)}: {clean(why).removeprefix('cannot read: ')}; opened read-only."


def not_a_plan_file(path: Path, why: str) -> str:
    return f"{clean(path)} {clean(why)}; opened read-only and left as it is."


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


# -- the folders plans live in ------------------------------------------------------------------
def folder_repaired(path: Path, mode: int) -> str:
    return (
        f"The folder {clean(path)} could be written by any user of this machine (mode {mode:04o}); "
        "it is now yours only (0700)."
    )


def folder_open_not_ours(mode: int) -> str:
    return (
        f"this folder can be written by any user of this machine (mode {mode:04o}) and belongs to another "
        "user, so others can plant files where plans are kept; nothing was opened. Ask its owner to run "
        "chmod 700 on it, or set CREDPLAN_DATA_DIR to a folder of your own."
    )


def folder_open_not_fixed(mode: int, exc: BaseException) -> str:
    return (
        f"this folder can be written by any user of this machine (mode {mode:04o}) and could not be made "
        f"private ({_why(exc)}); nothing was opened."
    )


def folder_not_own(what: str) -> str:
    return f"the trash folder is {what}; credplan keeps deleted plans only in a folder of its own. Nothing was moved."


def unsafe_lock(path: Path, why: str) -> str:
    return f"the lock file {clean(path)} {why}, so it was not used (nor written)"


# -- which student ----------------------------------------------------------------------------
NAME_BLANK = "the student name is blank; type the student's name"


def name_not_utf8(name: str, byte: int | None) -> str:
    which = f" (byte 0x{byte:02x})" if byte is not None else ""
    return (
        f"the student name {clean(name)!r} is not UTF-8 text{which}; set the terminal to UTF-8 "
        "and type the name again"
    )


def name_too_long(length: int, limit: int) -> str:
    return f"the student name is {length} characters long; a name has at most {limit}"


def ambiguous_student(name: str, count: int) -> str:
    return (
        f"{count} saved plans have the name {clean(name)!r} (typed another way); nothing was opened. "
        "Give the name exactly as one of them is saved:"
    )


def candidate_plan(student: str) -> str:
    import shlex

    return f"saved for {clean(student)!r}: --student {shlex.quote(clean(student))}"


def which_plan(name: str, count: int) -> str:
    return f"{count} saved plans have the name {clean(name)!r}, typed in different ways.\nWhich one is yours?"


def plan_choice(number: int, student: str, modified: str, selections: int | None) -> str:
    picked = "cannot be read" if selections is None else f"{selections} credential{'' if selections == 1 else 's'}"
    return f"  {number}) {clean(student)!r}: {picked}, last changed {modified}"


def which_plan_prompt(count: int) -> str:
    return f"Type its number (1-{count}), or press Enter to open nothing: "


def plan_choice_not_understood(count: int) -> str:
    return f"Type a number from 1 to {count}."


NO_PLAN_CHOSEN = "No plan chosen; nothing was opened."


def similar_names(names: list[str]) -> str:
    listed = ", ".join(repr(clean(n)) for n in names)
    return (
        f"A plan is saved under a similar name ({listed}). If it is yours, open it under that name "
        "(--student, or o in the planner); this new plan is only saved when you change something."
    )


def no_student_plan_similar(name: str, where: Path, names: list[str]) -> str:
    listed = ", ".join(repr(clean(n)) for n in names)
    return f"{no_student_plan(name, where)}; a similar name has one: {listed}"


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


def would_not_read(path: Path, problem: str) -> str:
    return f"Could not save {clean(path)}: credplan could not read it back ({clean(problem)}). The plan file was not changed."


def not_text(path: Path, exc: UnicodeEncodeError) -> str:
    return (
        f"Could not save {clean(path)}: the plan holds text that is not valid UTF-8 "
        f"({clean(exc.object[max(0, exc.start - 20):exc.end + 20])!r}). The plan file was not changed."
    )


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


PLANNER_UNSAVED = (
    "Your change is kept here but not saved. Keep credplan open: q then offers to retry, "
    "save a copy or discard; if the plan changed elsewhere, the palette (ctrl+p) has "
    "'Reload plan from disk' and 'Keep my version'."
)
SHELL_UNSAVED = "Your change is kept until you quit; type save to try again, save-copy to save it elsewhere, or discard."
SHELL_CHANGED_ELSEWHERE = (
    "Your change is kept until you quit; type reload to see the other version (yours is dropped), "
    "or keep-mine to save yours over it (the other version is kept aside)."
)
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


# -- credplan shell: the same choices as the planner, as commands --------------------------------
def shell_opened(title: str, path: Path | None) -> str:
    where = clean(path) if path is not None else "a throwaway plan, never saved"
    return f"credplan shell: {clean(title)}. Plan: {where}."


SHELL_HOW = "Type help for the commands, quit to leave. Every change is saved at once."
SHELL_HOW_NOT_SAVED = "Type help for the commands, quit to leave."
SHELL_HELP_SAVING = (
    "Every change is saved at once. If one cannot be saved, it is kept until you quit: "
    "save tries again, save-copy writes it to another file, discard drops it; "
    "reload and keep-mine settle a plan changed by another program."
)


def read_only_not_changed(reason: str) -> str:
    return f"Read-only, nothing was changed. {clean(reason)}".strip()


def saved_to(path: Path | None) -> str:
    return f"Saved to {clean(path)}." if path is not None else SAVED


def copy_exists(path: Path) -> str:
    return f"{clean(path)} already exists; it was not overwritten. Give another path."


NOTHING_TO_DISCARD = "Nothing to discard: every change is saved."
NOTHING_TO_KEEP = "Nothing to keep: your plan is saved and nobody else changed it."
NOTHING_TO_RELOAD = "Nothing to reload: this plan is not kept in a file."


def shell_quit_unsaved(problem: str) -> str:
    return (
        f"{unsaved_reason(problem)} Type save to try again, save-copy [PATH] to keep them in another file, "
        "or discard to drop them; quit again leaves without saving."
    )


def shell_interrupted(saved: bool) -> str:
    return "(Type quit to leave; your plan is saved.)" if saved else "(Type quit to leave; your last changes are not saved yet.)"


LEFT_UNSAVED = "Left without saving your last changes."


def not_saved_on_exit(problem: str) -> str:
    return f"Your last changes could not be saved in the plan file. {problem}".strip()


def changes_in_copy(path: Path) -> str:
    return f"Your last changes are not in the plan file; they are in the copy {clean(path)}."


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


# -- the shell ---------------------------------------------------------------------------------
def name_not_changed(problem: str) -> str:
    return f"Not changed: {clean(problem)}."


def cut_off_input(text: str) -> str:
    return (
        f"The input ended in the middle of a line: `{clean(text)}` has no newline after it, so it was "
        "not run (it may have been cut off). End every command with a newline."
    )


# -- class demos ------------------------------------------------------------------------------
NOT_A_DEMO = "Only a demo can be reset; a student's plan changes one selection at a time."
DEMO_RESET_EMPTY = "Demo reset: an empty plan again."
DEMO_RESET_EXAMPLE = "Demo reset: back to the plan it started with."


def no_example_plan(catalog_id: str) -> str:
    return f"there is no example plan for the catalog `{clean(catalog_id)}`; give a plan file: --demo PATH"


def setting_not_saved(exc: BaseException) -> str:
    return f"The theme is in use but could not be remembered for next time ({_why(exc)})."
