"""Short labels and sentences the full-screen planner draws around the plan: whose plan
it is, the panes' names, what the highlighted credential means for the plan, what to do
on a terminal too small or on no terminal at all. The plan's own words (marks,
requirement lines, reasons) are in `requirements`; this module only frames them.

Names and catalog text come out as they went in; the planner builds Textual `Content`
from them (never markup) after `core.text.clean`.
"""

from __future__ import annotations

from ..model import Catalog, Credential, Plan
from ..rules import SelectionResult, Why
from . import requirements as words

# -- whose plan, which catalog -----------------------------------------------------------------
DEMO_BADGE = "DEMO"
DEMO_TAIL = "nothing is saved"
NO_NAME = "your plan"


def plan_owner(student: str, *, demo: bool) -> str:
    """Whose plan the title names: the student, else `your plan` (`demo plan` in a demo)."""
    if student:
        return student
    return "demo plan" if demo else NO_NAME


def terminal_title(student: str, catalog_title: str, *, demo: bool) -> str:
    """The terminal window's title: `credplan: Ana López · Ohio ...`, DEMO first in a demo."""
    head = f"{DEMO_BADGE} " if demo else ""
    return f"{head}credplan: {plan_owner(student, demo=demo)} · {catalog_title}"


def checked_words(checked_iso: str, stale: bool) -> str:
    return f"checked {checked_iso}" + (", OVER A YEAR AGO" if stale else "")


# -- panes --------------------------------------------------------------------------------------
PANE_CREDENTIALS = "Credentials"
PANE_PLAN = "Plan"
PANE_KEYS = "tab: next pane"
FIELDS_TITLE = "Fields: your points"
FIELDS_TITLE_PLAIN = "Career fields"
FIELD_LABEL = "Field"
FIELD_KEYS = "←→"
SCORES_TITLE = "Scores"
SELECTIONS = "Selections"
REQUIREMENTS = "Requirements"
NO_SELECTIONS = "None yet: pick credentials with space or enter."
SCORES_KEY = "Press w to type your class and scores."
NO_SCORES = "No scores yet."
CLASS_NOT_SET = "Graduating class: not set, so class rules are not checked"


def field_points(points: int) -> str:
    """The points the plan has in a field, as the field list shows them."""
    return f"{points:>2} pt{' ' if points == 1 else 's'}"


def scores_summary(catalog: Catalog, plan: Plan) -> list[str]:
    """The class and the scores typed so far, as text (the boxes open with `w`)."""
    out = [f"Graduating class: {plan.class_of}" if plan.class_of else CLASS_NOT_SET]
    if catalog.assessments:
        shown = 0
        for a in catalog.assessments:
            parts = [(p, plan.score(a.id, p)) for p in a.parts]
            if any(v is not None for _, v in parts):
                shown += 1
                out.append(f"{a.name}: " + ", ".join(f"{p} {words.score_label(v, a)}" for p, v in parts))
        if not shown:
            out.append(NO_SCORES)
    out.append(SCORES_KEY)
    return out


def too_small(width: int, height: int, min_width: int, min_height: int) -> str:
    return (
        f"Too small: {width}x{height}. The planner needs {min_width}x{min_height} or more. "
        "Make the window bigger, or press q to quit."
    )


# -- the highlighted credential ----------------------------------------------------------------
def in_plan(status: str) -> str:
    return f"in your plan ({status})"


NOT_IN_PLAN = "not in your plan"
NO_CREDENTIAL = "No credential highlighted."


def selection_detail(result: SelectionResult, catalog: Catalog) -> str:
    """What the plan makes of a selected credential, said under the list the moment it
    is picked: `[other field] It is listed in Health, not in Information Technology, so
    it does not count there. It is in your plan (planned).`"""
    status = words.selection_status(result)
    mark = words.selection_mark(result)
    if mark:
        return f"{mark} {words.selection_sentence(result, catalog)} It is {in_plan(status)}."
    return f"{in_plan(status)}: {words.selection_reason(result, catalog)}."


def would_not_count(credential: Credential, catalog: Catalog, bundle_field: str) -> str:
    """Before a pick: a credential not listed in the bundle field would not count there."""
    listed = words.join_and(catalog.field_name(f) for f in credential.fields)
    return f"listed in {listed}, not in {catalog.field_name(bundle_field)} (your bundle field)"


def why_it_counts(result: SelectionResult) -> bool:
    """True when the selection counts toward what the plan is judged by."""
    return result.why not in (Why.OTHER_FIELD, Why.NOT_IN_CATALOG)


# -- help (`?`) and the README's key table ----------------------------------------------------------
def help_keys(*, bundle: bool, demo: bool) -> list[tuple[str, str]]:
    """Every key of the planner and what it does, for this kind of catalog: a points
    bundle (Ohio) or competencies (Colorado), which has no bundle field to pin."""
    keys = [
        ("up/down, j/k", "move in a list (home/end, pageup/pagedown jump)"),
        ("left/right", "the previous or next career field"),
        ("tab, shift+tab", "move between the field, the list, the plan and the score boxes"
                           " (under 80 columns: to the other pane)"),
        ("space, enter", "select or unselect the highlighted credential"),
        ("/", "search credentials in every field by name, issuer or id"),
        ("enter (in search)", "go to the first result"),
        ("escape", "clear the search; leave a box or the field list for the credential list"),
    ]
    if bundle:
        keys.append(("p", "pin or unpin the bundle field: the field on show, or the highlighted search result's field"))
    keys += [
        ("w", "type your graduating class (first, while it is not set) and your scores"),
        ("m", "mark the highlighted selection earned (or planned again)"),
        ("e", "export a report for a counselor (Markdown, text, JSON) or a page for the family (HTML)"),
        ("o", "plans: open, create, rename or delete a student's plan"),
        ("R", "roster: every student's plan, status and points in one table"),
        ("s", "suggestions: quickest ways to finish the bundle" if bundle else "suggestions: what would meet each competency"),
    ]
    if bundle:
        keys.append(("n", "nearest fields: every field ranked by how close you are"))
    keys.append(("c", "what-if: compare under another field, class or catalog"))
    if demo:
        keys.append(("r", "reset the demo: back to the plan it started with"))
    keys += [
        ("ctrl+p", "command palette: pin a field, switch catalog or plan, theme"),
        ("?", "this help"),
        ("q", "quit (every change is saved as you make it; if one could not be, q asks first)" if not demo else "quit (a demo saves nothing)"),
    ]
    return keys


def help_marks(*, bundle: bool, competencies: list[tuple[str, str]] = ()) -> list[tuple[str, str]]:  # type: ignore[assignment]
    """What the marks on screen mean, for this kind of catalog; `competencies` are the
    (letter, name) pairs a competency catalog's list shows."""
    marks = [("[x]", "a selected credential"), ("▶ / ▷", "the list's cursor, with the focus / without it")]
    if bundle:
        marks += [
            ("12?", "its points; ? = not confirmed against the official list"),
            ("3 pts", "beside a field: the points your plan has in that field"),
            (words.bundle_field_mark_words(pinned=False), "the field your bundle counts in: the one with the most points"),
            (words.bundle_field_mark_words(pinned=True), "the bundle field, pinned by you with p"),
        ]
        marks += list(words.MARK_MEANINGS)
    else:
        letters = "+".join(letter for letter, _ in competencies) or "E+M"
        named = ", ".join(f"{letter} {name}" for letter, name in competencies)
        marks += [
            (f"{letters}?", f"the competencies a credential shows ({named}; -- none); "
                            "? = not confirmed against the official list"),
            ("ok / --", "in the plan: the selection meets a competency / meets none"),
        ]
        marks += [(m, w) for m, w in words.MARK_MEANINGS if m != words.OTHER_FIELD]
    marks.append(("…", "a name cut short; the lines under the list show the highlighted credential whole"))
    return marks


HELP_KEYS_TITLE = "Keys"
HELP_MARKS_TITLE = "Marks"
HELP_CATALOG_TITLE = "This catalog"
HELP_CLOSE = "Press escape to close."


# -- no terminal ----------------------------------------------------------------------------------
def no_terminal(ends: list[str]) -> str:
    """`ends`: which of standard input and output are not a terminal."""
    which = f"neither {ends[0]} nor {ends[1]} is one" if len(ends) > 1 else f"{ends[0]} is not one"
    return (
        f"credplan: the full-screen planner needs a terminal, but {which}.\n"
        "Over SSH, ask for one: ssh -t HOST credplan ...\n"
        "Without a terminal, plan line by line with `credplan shell` (same plans, plain text), "
        "or print a plan with `credplan check`."
    )


UNKNOWN_THEME = "credplan: no theme called {name!r}. Themes: {names}."


__all__ = [
    "HELP_CATALOG_TITLE", "HELP_CLOSE", "HELP_KEYS_TITLE", "HELP_MARKS_TITLE", "help_keys", "help_marks",
    "CLASS_NOT_SET", "NO_SCORES", "NO_SELECTIONS", "REQUIREMENTS", "SCORES_KEY", "SELECTIONS", "scores_summary",
    "DEMO_BADGE", "DEMO_TAIL", "FIELDS_TITLE", "FIELDS_TITLE_PLAIN", "FIELD_KEYS", "FIELD_LABEL", "NOT_IN_PLAN", "NO_CREDENTIAL",
    "NO_NAME", "PANE_CREDENTIALS", "PANE_KEYS", "PANE_PLAN", "SCORES_TITLE", "UNKNOWN_THEME",
    "checked_words", "field_points", "in_plan", "no_terminal", "plan_owner", "selection_detail", "terminal_title",
    "too_small", "would_not_count", "why_it_counts",
]
