"""What is said when a typed score is refused (`core.scores.parse_score`): the range
the part takes and why what was typed was not saved. Names come out cleaned."""

from __future__ import annotations

from ..model import Assessment
from ..text import clean


def score_takes(assessment: Assessment, part: str) -> str:
    """`ACT WorkKeys Applied Math takes 3 to 7, or <3 for below 3`."""
    low, high = assessment.min, assessment.max
    return f"{clean(assessment.name)} {clean(part)} takes {low} to {high}, or <{low} for below {low}"


def below_not_saved(assessment: Assessment, part: str, typed: str) -> str:
    """`<N` typed with another N than the lowest score."""
    return f"{score_takes(assessment, part)}; `{clean(typed)}` was not saved."


def out_of_range(assessment: Assessment, part: str, value: int) -> str:
    return f"{score_takes(assessment, part)}; {value} is out of range and was not saved."


def not_a_score(assessment: Assessment, part: str, typed: str) -> str:
    return f"{score_takes(assessment, part)}, or none to clear; `{clean(typed)}` is not a score."
