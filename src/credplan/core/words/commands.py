"""What the CLI commands (`credplan fields`, `suggest`, `plans`, `check --what-if`)
print around the plan for a student or counselor to read. Their option help (argparse
`help=`) stays with the options: it documents the command, it is not the plan.

Names and paths come out as the commands passed them (the commands clean what they
print where they always did).
"""

from __future__ import annotations

NO_NAME = "(no name)"


# -- `credplan fields` --------------------------------------------------------------------------------
def nearest_heading(student: str, catalog_title: str) -> str:
    return f"Nearest fields for {student or NO_NAME}: catalog {catalog_title}"


NEAREST_NO_BUNDLE = "This catalog has no points bundle, so career fields do not decide anything; see `credplan suggest`."


def closest_first(required: int) -> str:
    return f"Closest first (a bundle needs {required} points in one field):"


# -- `credplan suggest` -------------------------------------------------------------------------------
def suggestions_heading(student: str, catalog_title: str) -> str:
    return f"Suggestions for {student or NO_NAME}: catalog {catalog_title}"


def no_bundle(field_given: bool) -> str:
    """A competency catalog; `field_given`: --field was given, and does not apply."""
    note = "; --field does not apply" if field_given else ""
    return f"This catalog has no points bundle{note}."


# -- `credplan plans` ---------------------------------------------------------------------------------
CANNOT_BE_READ = "cannot be read"
KEPT_ASIDE = "Plan files that could not be read were kept aside (nothing was deleted):"


def no_plans(directory: object) -> str:
    return f"No saved plans in {directory}."


def plans_in(directory: object) -> str:
    return f"Plans in {directory}:"


def selected(count: int) -> str:
    return f"{count} selected"


# -- `credplan check --what-if` -----------------------------------------------------------------------
COMPARED = "Compared with your saved plan:"


def what_if_heading(description: str, specs: str) -> str:
    """`specs`: what was asked, joined: `field=health, class=2027`."""
    return f"What if: {description} ({specs}); the saved plan is not changed"
