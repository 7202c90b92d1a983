"""What `credplan shell` says around the plan: its help table, the answers to its
commands, and its refusals. The plan's own words (marks, requirement lines, reasons)
are in `requirements`, a session's in `notices`; this module only frames them.

Names, ids and what was typed come out as they went in: the shell's writer cleans
every line (`core.text.clean`) as it writes it.
"""

from __future__ import annotations

from collections.abc import Iterable

# -- the help table: command name -> (usage, what it does), in the order `help` lists them ---------
COMMANDS: dict[str, tuple[str, str]] = {
    "fields": ("fields", "the career fields, with your points in each"),
    "list": ("list FIELD", "the credentials in a field, with points; [selected] marks yours"),
    "find": ("find TEXT", "search every field by name, issuer or id"),
    "add": ("add ID", "add a credential to your plan (as planned)"),
    "remove": ("remove ID", "take a credential out of your plan"),
    "earned": ("earned ID", "mark a selected credential as earned"),
    "planned": ("planned ID", "mark a selected credential as planned again"),
    "score": ("score PART VALUE", "enter a score: score applied math 5, score workkeys:graphic-literacy <3, VALUE none clears"),
    "pin": ("pin FIELD | pin none", "make FIELD the bundle field, or go back to the field with the most points"),
    "class": ("class YEAR | class none", "set the graduating class (requirements depend on it)"),
    "student": ("student NAME", "set the student's name"),
    "status": ("status", "what the plan meets, what is still missing, and why"),
    "suggest": ("suggest [FIELD] [count|cost|hours]", "the best ways to finish the plan"),
    "about": ("about", "the catalog: source, date checked, notes"),
    "save": ("save", "try again to save a change that could not be saved"),
    "save-copy": ("save-copy [PATH]", "save the plan to another file and say where; the plan file is left as it is"),
    "discard": ("discard", "drop the changes that could not be saved: back to the plan as last saved"),
    "reload": ("reload", "read the plan file again as another program left it; drops changes not saved"),
    "keep-mine": ("keep-mine", "save your version over a plan another program changed; the other version is kept aside"),
    "help": ("help [COMMAND]", "this list, or one command"),
    "quit": ("quit", "leave (end of input does the same); asks first if a change is not saved"),
}

HELP_HEADING = "Commands:"
HELP_TAB = "Tab completes commands, ids and fields."


def help_marks(meanings: Iterable[tuple[str, str]]) -> str:
    """The marks line under the help table: `Marks: [selected] is in your plan; ...`."""
    return "Marks: [selected] is in your plan; " + "; ".join(f"{m} is {meaning}" for m, meaning in meanings) + "."


def help_row(usage: str, summary: str, width: int) -> str:
    return f"  {usage:<{width}}  {summary}"


def help_one(usage: str, summary: str) -> str:
    return f"{usage}: {summary}"


def unknown_command(name: str, close: str | None) -> str:
    hint = f" (did you mean `{close}`?)" if close else ""
    return f"Unknown command `{name}`{hint}. Type help for the list."


def no_command(name: str) -> str:
    return f"No command `{name}`. Type help for the list."


def could_not_run(name: str, error: str) -> str:
    return f"Could not run `{name}`: {error}"


# -- reading the catalog ----------------------------------------------------------------------------
def fields_heading(count: int) -> str:
    return f"{count} career fields:"


def your_points(points: int) -> str:
    return f"your points: {points}"


def field_row(field_id: str, name: str, bits: Iterable[str], mark: str) -> str:
    """`mark`: the bundle field's mark with its leading space, or empty."""
    return f"  {field_id}: {name}, {', '.join(bits)}{mark}"


def list_heading(name: str, field_id: str, credentials: str) -> str:
    return f"{name} ({field_id}): {credentials}"


EVERY_FIELD = "every field"
MEETS_NONE = "meets no competency"
UNVERIFIED_TAIL = " ?"
SELECTED = " [selected]"
SELECTED_EARNED = " [selected, earned]"


def every_field_points(points: str) -> str:
    return f"{EVERY_FIELD} {points}"


def meets(names: str) -> str:
    return f"meets {names}"


def issuer(name: str) -> str:
    return f" ({name})" if name else ""


FIND_WHAT = "Find what? For example: find comptia"


def no_match(text: str) -> str:
    return f"No credential matches `{text}`."


def matches_heading(total: int, text: str) -> str:
    return f"{total} {'match' if total == 1 else 'matches'} for `{text}`:"


def more_matches(more: int) -> str:
    return f"  ... and {more} more; type more of the name."


def about(title: str, region: str, catalog_id: str, source: str, checked_iso: str, counts: str) -> tuple[str, str, str]:
    """`counts`: `12 fields, 340 credentials`."""
    return (
        f"{title} ({region}), catalog id {catalog_id}.",
        f"Source: {source}, last checked {checked_iso}.",
        f"{counts}.",
    )


def plan_file(path: object) -> str:
    return f"Plan file: {path}"


# -- changing the plan ------------------------------------------------------------------------------
def already_selected(name: str, cred_id: str) -> str:
    return f"{name} ({cred_id}) is already in your plan."


def added(name: str, cred_id: str) -> str:
    return f"Added {name} ({cred_id})."


def removed(name: str, cred_id: str | None = None) -> str:
    """`removed(id)` for a selection no longer in the catalog (only its id is known)."""
    return f"Removed {name}." if cred_id is None else f"Removed {name} ({cred_id})."


NOTHING_SELECTED = "Nothing is selected yet."
NOTHING_SELECTED_ADD = "Nothing is selected yet; add ID first."


def now_status(name: str, cred_id: str, status: str) -> str:
    return f"{name} ({cred_id}) is now {status}."


SCORE_USAGE = "Usage: score PART VALUE, for example: score applied math 5, score graphic <3, score workkeys:applied-math none"
CLEARED = "cleared"


def score_set(assessment: str, part: str, said: str) -> str:
    return f"{assessment}, {part}: {said}."


NO_BUNDLE_TO_PIN = "This catalog has no points bundle, so there is no field to pin."
UNPINNED = "No field pinned: the bundle field is the one with the most points."


def pinned(name: str) -> str:
    return f"Pinned {name}."


CLASS_UNSET = "not set"
CLASS_CLEARED = "Graduating class cleared."


def class_now(class_of: int | None) -> str:
    now = f"class of {class_of}" if class_of else CLASS_UNSET
    return f"Graduating class: {now}. Type class YEAR to set it."


def class_refused(low: int, high: int, typed: str) -> str:
    return f"The graduating class is a year from {low} to {high}, such as 2027; `{typed}` was not saved."


def class_set(year: str) -> str:
    return f"Graduating class: {year}."


NO_NAME = "(no name)"


def student_now(name: str) -> str:
    return f"Student: {name or NO_NAME}. Type student NAME to set it."


def student_set(name: str) -> str:
    return f"Student: {name}."


# -- what the plan comes to -------------------------------------------------------------------------
def status_heading(student: str, class_text: str, catalog_title: str) -> str:
    return f"{student or NO_NAME}, {class_text}. Catalog: {catalog_title}."


REQUIREMENTS = "Requirements:"
NO_REQUIREMENTS = "  (none apply yet)"
SELECTIONS = "Selections:"
NO_SELECTIONS = "  (none yet)"
SCORES = "Scores:"
WARNINGS = "Warnings:"


def selection_who(name: str, cred_id: str, *, known: bool) -> str:
    return f"{name} ({cred_id})" if known else cred_id


def selection_row(who: str, status: str, reason: str, unverified: str) -> str:
    return f"{who}, {status}: {reason}{unverified}"


def suggest_usage(measures: Iterable[str]) -> str:
    return f"Usage: suggest [FIELD] [{'|'.join(measures)}]"


# -- finding what was typed (`shell.lookup`) --------------------------------------------------------
WHICH_FIELD = "Which field? Type fields to see them."
WHICH_CREDENTIAL = "Which credential? Give its id; find TEXT searches."
NO_ASSESSMENTS = "This catalog has no assessments to score."
WHICH_PART = "Which part? For example: score applied math 5, or score workkeys:applied-math 5."
SELECTED_WORD = "selected "


def did_you_mean(hint: str | None) -> str:
    return f" Did you mean `{hint}`?" if hint else ""


def several_fields(text: str, names: str) -> str:
    return f"`{text}` matches several fields: {names}. Type more of it."


def no_field(text: str, hint: str | None) -> str:
    return f"No field `{text}` in this catalog.{did_you_mean(hint)} Type fields to see them."


def several_credentials(text: str, count: int, where: str, shown: str, more: int) -> str:
    """`where`: `selected ` when only the plan's selections were searched, else empty."""
    tail = f" and {more} more" if more > 0 else ""
    return f"`{text}` matches {count} {where}credentials: {shown}{tail}. Give the id."


def no_credential(text: str, where: str, hint: str | None) -> str:
    return f"No {where}credential `{text}`.{did_you_mean(hint)} find TEXT searches every field."


def several_parts(text: str, names: str) -> str:
    return f"`{text}` is more than one part: {names}. Use assessment:part."


def no_part(text: str, names: str) -> str:
    return f"No part `{text}`. Parts: {names}."
