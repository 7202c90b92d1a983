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


HELP_TITLE = "Help"
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



# -- what the planner says as the plan changes (notifications) ------------------------------------
def read_only_not_changed(reason: str) -> str:
    return f"Read-only, nothing was changed. {reason}"


def opened_plan_of(who: str) -> str:
    return f"Opened the plan of {who}."


SELECT_FIRST = "Select the credential first (space), then m marks it earned."
UNPINNED = "Unpinned: the bundle field is the one with the most points."


def now_status(name: str, status: str) -> str:
    return f"{name}: {status}."


def pinned(field_name: str) -> str:
    return f"Pinned {field_name} as the bundle field."


def could_not_open(file_name: str, problems: str) -> str:
    """A catalog that would not open: its file name, then its problems one a line."""
    return f"Could not open {file_name}:\n{problems}"


# -- the credential list and the lines under it --------------------------------------------------------
SEARCH_PLACEHOLDER = "Search every field: name, issuer or id"
EVERY_FIELD = "every field"
NOT_VERIFIED = " (not verified)"
NO_COMPETENCY = "no competency"
NO_POINTS = "no points"


def credentials_title(field_name: str) -> str:
    return f"Credentials: {field_name}"


def search_title(total: int) -> str:
    return f"Search: {total} match{'es' if total != 1 else ''} in every field"


def more_matches(more: int) -> str:
    return f"... {more} more matches: keep typing to narrow"


def no_match(text: str) -> str:
    return f"No credential matches {text!r}"


def issuer_tail(issuer: str) -> str:
    return f" · {issuer}"


def meets_fact(meets: str, unverified: str) -> str:
    return f"Meets: {meets}{unverified}"


def listed_in(fields: str) -> str:
    return f"listed in {fields}"


def points_everywhere(points: str, unverified: str) -> str:
    return f"Points: {points} in every field{unverified}"


def points_fact(listed: str, unverified: str) -> str:
    return f"Points: {listed}{unverified}"


def cost_fact(cost: float) -> str:
    return f"cost ${cost:,.0f}"


def hours_fact(hours: float) -> str:
    return f"{hours:g} hours"


def points_words(points: int) -> str:
    return words.plural(points, "point")


# -- the class and score boxes ---------------------------------------------------------------------------
CLASS_LABEL = "Graduating class"
CLASS_PLACEHOLDER = "year"
KEEP_TYPING_YEAR = "Keep typing: a four-digit year"


def class_tooltip(first: int, last: int) -> str:
    return f"The year you graduate ({first}-{last}); it decides which requirements apply"


def class_refused(typed: str) -> str:
    return f"Refused {typed!r}: type a year such as 2027"


def score_tooltip(assessment_name: str, part: str, takes: str) -> str:
    """`takes`: the range the part takes (`core.scores.score_range_text`)."""
    return f"{assessment_name} {part}: {takes}; empty = not taken"


def score_refused(typed: str, part: str, takes: str) -> str:
    return f"Refused {typed!r}: {part} takes {takes}"


def keep_typing(takes: str) -> str:
    return f"Keep typing: {takes}"


# -- export ------------------------------------------------------------------------------------------------
EXPORT_TITLE = "Export a report"
EXPORT_HINT = "enter writes the file · ctrl+t changes the format · escape cancels"
FORMAT_NAMES = {"md": "Markdown", "txt": "plain text", "json": "JSON", "html": "one page for the family, HTML"}
"""The report formats by file extension; the web export offers all but `html`."""


def format_line(name: str, ext: str) -> str:
    return f"Format: {name} (.{ext})"


def replace_report(path: object) -> str:
    return f"{path} exists. Replace it with this report?"


def report_written(path: object) -> str:
    return f"Report written to {path}"


# -- plans (`o`) ------------------------------------------------------------------------------------------
PLANS_TITLE = "Students' plans"
OPEN_NOW = "(open now)"
NO_PLANS = "No saved plans yet: press n to start one."
NEW_STUDENT = "New student's name:"
NEW_NAME = "New name:"
DELETE_OPEN = "That plan is open now: open another one first, then delete it."


def plans_kept_in(folder: object) -> str:
    return f"Plans are kept in {folder}"


def plan_selected(count: int) -> str:
    return f"{count} selected"


def plan_changed(modified: object) -> str:
    """`modified`: a datetime."""
    return f"changed {modified:%Y-%m-%d %H:%M}"


def cannot_read_plan(problem: str) -> str:
    return f"That plan cannot be read: {problem}"


def has_a_plan(name: str) -> str:
    return f"{name} already has a plan; open it from the list."


def moved_to_trash(where: object) -> str:
    return f"Moved to the trash: {where}"


def delete_plan(label: str) -> str:
    return f"Delete the plan of {label}? It is moved to the trash folder."


# -- prompts ---------------------------------------------------------------------------------------------
PROMPT_HINT = "enter to confirm, escape to cancel"
CONFIRM_KEYS = "y: yes    n or escape: no"
UNSAVED_KEYS = "r: retry the save    c: save a copy and quit\nd: discard the changes and quit    escape: stay"


# -- the screens' names in the title bar -----------------------------------------------------------------
PLACE_COMPARE = "What-if"
PLACE_NEAREST = "Nearest fields"
PLACE_ROSTER = "Roster"
PLACE_SUGGESTIONS = "Suggestions"


# -- nearest fields (`n`) -----------------------------------------------------------------------------
NEAREST_NO_BUNDLE = "This catalog has no points bundle, so fields are not ranked; press s for suggestions."
NEAREST_KEYS = "enter: suggestions for the highlighted field; p: pin or unpin it; escape: back."
BUNDLE_FIELD_ROLE = " (your bundle field)"
BUNDLE_FIELD_PINNED_ROLE = " (your bundle field, pinned)"
NOT_BUNDLE_FIELD_ROLE = " (not your bundle field)"
"""A field's role beside its name: the list of fields puts two spaces before it."""


def nearest_heading(closest: str) -> str:
    return f"Every career field, closest to a finished bundle first. Closest: {closest}."


# -- suggestions (`s`) ----------------------------------------------------------------------------------
RANKED_BY = "Ranked by "
SUGGEST_KEYS = "enter adds the highlighted line to your plan as planned; escape goes back."
OR_A_SCORE = "  or a score:"


def field_of(n: int, total: int) -> str:
    """After the measure: `. Field 2 of 16.`"""
    return f". Field {n} of {total}."


def note(text: str) -> str:
    return f"Note: {text}"


def more_credentials(more: int) -> str:
    return f"    ... and {more} more (search with / on the planner)"


def ranked_by(measure: str) -> str:
    return f"{RANKED_BY}{measure}."


def added_planned(credentials: str, names: str) -> str:
    """`credentials`: `2 credentials`; `names`: the credentials' names, joined."""
    return f"Added {credentials} as planned: {names}."


# -- the roster (`R`) ---------------------------------------------------------------------------------
SORT_WORDS = {"need": "by need (closest class, furthest from the rules)", "name": "by name", "class": "by class"}
ROSTER_FILTER = "Filter by name, field or catalog"
OPEN_NOW_TAIL = " (open now)"


def reading_plans(directory: str) -> str:
    return f"Reading the plans in {directory} ..."


# -- what-if (`c`) ----------------------------------------------------------------------------------------
WHATIF_CLASS_LABEL = "y  class: "
WHATIF_YOUR_PLAN = "Your plan"
WHATIF_TITLE = "What if"
WHATIF_HEAD = "What if  "
WHATIF_FIELD = "  field: "
WHATIF_CATALOG = "  catalog: "
WHATIF_DIFFERENCES = "Differences"
NOT_PINNED = "not pinned"
NO_BUNDLE = "no points bundle"
NONE_YET = "None yet"
DIGITS_ONLY = "Digits only: type a year such as 2027"


def whatif_class_tooltip(first: int, last: int) -> str:
    return f"What-if graduating class ({first}-{last}); empty: not set"


def field_pinned(name: str) -> str:
    return f"{name} pinned"


def whatif_title(description: str) -> str:
    return f"What if: {description}"


def warning(text: str) -> str:
    return f"Warning: {text}"


def no_catalog(ref: str) -> str:
    return f"no catalog `{ref}`"


def year_refused(year: int, first: int, last: int) -> str:
    return f"Refused {year}: a year from {first} to {last}"


__all__ = [
    "BUNDLE_FIELD_PINNED_ROLE", "BUNDLE_FIELD_ROLE", "CLASS_LABEL", "CLASS_NOT_SET", "CLASS_PLACEHOLDER",
    "CONFIRM_KEYS", "DELETE_OPEN", "DEMO_BADGE", "DEMO_TAIL", "DIGITS_ONLY", "EVERY_FIELD", "EXPORT_HINT",
    "EXPORT_TITLE", "FIELDS_TITLE", "FIELDS_TITLE_PLAIN", "FIELD_KEYS", "FIELD_LABEL", "FORMAT_NAMES",
    "HELP_CATALOG_TITLE", "HELP_CLOSE", "HELP_KEYS_TITLE", "HELP_MARKS_TITLE", "HELP_TITLE", "KEEP_TYPING_YEAR",
    "NEAREST_KEYS", "NEAREST_NO_BUNDLE", "NEW_NAME", "NEW_STUDENT", "NONE_YET", "NOT_BUNDLE_FIELD_ROLE",
    "NOT_IN_PLAN", "NOT_PINNED", "NOT_VERIFIED", "NO_BUNDLE", "NO_COMPETENCY", "NO_CREDENTIAL", "NO_NAME",
    "NO_PLANS", "NO_POINTS", "NO_SCORES", "NO_SELECTIONS", "OPEN_NOW", "OPEN_NOW_TAIL", "OR_A_SCORE",
    "PANE_CREDENTIALS", "PANE_KEYS", "PANE_PLAN", "PLACE_COMPARE", "PLACE_NEAREST", "PLACE_ROSTER",
    "PLACE_SUGGESTIONS", "PLANS_TITLE", "PROMPT_HINT", "RANKED_BY", "REQUIREMENTS", "ROSTER_FILTER", "SCORES_KEY",
    "SCORES_TITLE", "SEARCH_PLACEHOLDER", "SELECTIONS", "SELECT_FIRST", "SORT_WORDS", "SUGGEST_KEYS",
    "UNKNOWN_THEME", "UNPINNED", "UNSAVED_KEYS", "WHATIF_CATALOG", "WHATIF_CLASS_LABEL", "WHATIF_DIFFERENCES",
    "WHATIF_FIELD", "WHATIF_HEAD", "WHATIF_TITLE", "WHATIF_YOUR_PLAN", "added_planned", "cannot_read_plan",
    "checked_words", "class_refused", "class_tooltip", "cost_fact", "could_not_open", "credentials_title",
    "delete_plan", "field_of", "field_pinned", "field_points", "format_line", "has_a_plan", "help_keys",
    "help_marks", "hours_fact", "in_plan", "issuer_tail", "keep_typing", "listed_in", "meets_fact",
    "more_credentials", "more_matches", "moved_to_trash", "nearest_heading", "no_catalog", "no_match",
    "no_terminal", "note", "now_status", "opened_plan_of", "pinned", "plan_changed", "plan_owner", "plan_selected",
    "plans_kept_in", "points_everywhere", "points_fact", "points_words", "ranked_by", "read_only_not_changed",
    "reading_plans", "replace_report", "report_written", "score_refused", "score_tooltip", "scores_summary",
    "search_title", "selection_detail", "terminal_title", "too_small", "warning", "whatif_class_tooltip",
    "whatif_title", "why_it_counts", "would_not_count", "year_refused",
]
