"""The planner's keys as a person reads them: each key's label in the key bar and the
help, its tooltip (`*_TIP`), the titles of the key groups, and the command palette's
entries (title and help text). Labels are short, tooltips one plain sentence.

Kept apart from `screen`, which frames the plan: a key's label also depends on where
it is (`Close` in a dialog, `Back` in the roster), so each key has its own constant,
named after the key's binding id, even where two read the same today.
Catalog names come out as they went in: the palette shows them as text, never markup.
"""

from __future__ import annotations

# -- keys: label, and tooltip where it has one ------------------------------------------------------
QUIT = "Quit"
QUIT_TIP = "Quit (every change is saved as you make it)"
HELP = "Help"
HELP_TIP = "Keys and marks"
COMPARE_CLOSE = "Close"
COMPARE_CLOSE_TIP = "Back to the planner (leave the class box first)"
COMPARE_FIELD = "Field"
COMPARE_FIELD_TIP = "What-if pinned field: cycle through the fields and 'not pinned'"
COMPARE_CLASS = "Class"
COMPARE_CLASS_TIP = "What-if graduating class: type a year"
COMPARE_CATALOG = "Catalog"
COMPARE_CATALOG_TIP = "What-if catalog: cycle through the bundled catalogs"
COMPARE_RESET = "Reset"
COMPARE_RESET_TIP = "What-if back to your plan as it is"
EXPORT_FORMAT = "Format"
EXPORT_CANCEL = "Cancel"
HELP_CLOSE = "Close"
SEARCH = "Search"
SEARCH_TIP = "Search credentials in every field"
PIN = "Pin"
PIN_TIP = "Pin or unpin the highlighted field as the bundle field"
SCORES = "Scores"
SCORES_TIP = "Jump to the score inputs"
EARNED = "Earned"
EARNED_TIP = "Mark the highlighted selection earned, or planned again"
EXPORT = "Export"
EXPORT_TIP = "Write a report for a counselor"
PLANS = "Plans"
PLANS_TIP = "Open, create, rename or delete students' plans"
ROSTER = "Roster"
ROSTER_TIP = "Every student's plan in one table"
SUGGEST = "Suggest"
SUGGEST_TIP = "Quickest ways to finish the bundle"
NEAREST = "Nearest fields"
NEAREST_TIP = "Every field ranked by how close the plan is"
COMPARE = "What-if"
COMPARE_TIP = "Compare the plan under another field, class or catalog"
RESET_DEMO = "Reset demo"
RESET_DEMO_TIP = "Start the demo again from its first plan"
CLEAR_SEARCH = "Back to list"
NEXT_FOCUS = "Next"
PREVIOUS_FOCUS = "Previous"
NEAREST_SUGGEST = "Suggestions"
NEAREST_SUGGEST_TIP = "Ways to finish a bundle in the highlighted field"
NEAREST_CLOSE = "Close"
NEAREST_CLOSE_TIP = "Back to the planner"
NEAREST_PIN = "Pin field"
NEAREST_PIN_TIP = "Pin or unpin the highlighted field as the bundle field"
PLANS_OPEN = "Open"
PLANS_NEW = "New"
PLANS_RENAME = "Rename"
PLANS_DELETE = "Delete"
PLANS_CLOSE = "Close"
PROMPT_CANCEL = "Cancel"
CONFIRM_YES = "Yes"
CONFIRM_NO = "No"
ROSTER_OPEN = "Open plan"
ROSTER_OPEN_TIP = "Open the highlighted student's plan"
ROSTER_SORT = "Sort"
ROSTER_SORT_TIP = "Order by need, name or class"
ROSTER_FILTER = "Filter"
ROSTER_FILTER_TIP = "Filter by name, field or catalog"
ROSTER_BACK = "Back"
ROSTER_BACK_TIP = "Clear the filter, then back to the planner"
SUGGEST_ADD = "Add as planned"
SUGGEST_ADD_TIP = "Add the highlighted credentials to the plan as planned"
SUGGEST_CLOSE = "Close"
SUGGEST_CLOSE_TIP = "Back to the planner"
SUGGEST_MEASURE = "Rank by"
SUGGEST_MEASURE_TIP = "Rank by fewest credentials, lowest cost, fewest hours or fewest points more than needed"
SUGGEST_NEXT_FIELD = "Next field"
SUGGEST_NEXT_FIELD_TIP = "Suggestions for the next career field"
SUGGEST_NEXT_FIELD_ARROW = "Next field"
SUGGEST_NEXT_FIELD_ARROW_TIP = "Suggestions for the next career field"
SUGGEST_PREVIOUS_FIELD = "Previous field"
SUGGEST_PREVIOUS_FIELD_TIP = "Suggestions for the previous career field"
UNSAVED_RETRY = "Retry save"
UNSAVED_COPY = "Save a copy"
UNSAVED_DISCARD = "Discard"
UNSAVED_STAY = "Stay"
EXPORT_DOWNLOAD = "Download"
TOGGLE = "Toggle"
SELECT = "Select"
DOWN = "Down"
UP = "Up"
FIRST = "First"
LAST = "Last"
PAGE_UP = "Page Up"
PAGE_DOWN = "Page Down"
PREVIOUS_FIELD = "Previous field"
NEXT_FIELD = "Next field"
TOP = "Top"
BOTTOM = "Bottom"

# -- key groups (the help and the palette list keys under these) -----------------------------------
GROUP_PLANNER = "Planner"
GROUP_COMPARE = "What-if"
GROUP_ROSTER = "Roster"
GROUP_SUGGESTIONS = "Suggestions"
GROUP_NEAREST = "Nearest fields"

# -- the command palette: (title, help text) ------------------------------------------------------
UNPIN = ("Unpin the bundle field", "Let the field with the most points be the bundle field")
PIN_FIELD_HELP = "Count the bundle in this field"
PLANS_ENTRY = ("Plans: open, create, rename or delete", "Students' plans on this machine (o)")
ROSTER_ENTRY = ("Roster: every student's plan", "Status, points and class of every student, each by its own catalog (R)")
EXPORT_ENTRY = ("Export a report", "Markdown, text or JSON for a counselor (e)")
RELOAD_ENTRY = ("Reload plan from disk", "Drop unsaved changes and read the plan file again")
KEEP_MINE_ENTRY = ("Keep my version", "Save over a plan changed elsewhere; the other version is kept as a copy")
SUGGEST_ENTRY = ("Suggestions: quickest ways to finish", "Ranked sets of credentials that complete the bundle (s)")
NEAREST_ENTRY = ("Nearest fields", "Every field ranked by how close the plan is to a bundle there (n)")
COMPARE_ENTRY = ("What-if: compare", "The plan under another field, class or catalog, side by side (c)")
HELP_ENTRY = ("Help: keys and marks", "Show every key and what the marks mean")


def pin_field(name: str) -> str:
    return f"Pin field: {name}"


def switch_catalog(stem: str) -> str:
    """By the catalog's file stem; its help text is `open_bundled`."""
    return f"Switch catalog: {stem}"


def open_bundled(file_name: str) -> str:
    return f"Open the bundled catalog {file_name}"
