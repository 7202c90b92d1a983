"""Reading a score as the student types it: one keystroke at a time in the planner's
score boxes (`possible`, `read_typed`), or a whole word at once in `credplan shell`
(`parse_score`). The sentences that refuse one are in `words/scores.py`."""

from __future__ import annotations

from enum import Enum

from .model import BELOW, Assessment, ScoreValue
from .words import scores as words

CLEAR_WORDS = ("none", "clear", "-")
"""Typed instead of a score, they clear it (the part is then not taken)."""


class ScoreRefused(ValueError):
    """A typed score that cannot be saved; `str(exc)` says the range and why."""


class Typed(Enum):
    PARTIAL = "partial"
    """Could still become a valid score (SAT "5" on the way to 500)."""


def score_range_text(assessment: Assessment) -> str:
    return f"{assessment.min}-{assessment.max}, or <{assessment.min}"


def possible(text: str, assessment: Assessment) -> bool:
    """Whether `text` is a valid score or the start of one; anything else is refused."""
    t = text.strip()
    if t == "":
        return True
    if t.startswith("<"):
        rest = t[1:].strip()
        return rest == "" or str(assessment.min).startswith(rest)
    if not t.isdigit() or (len(t) > 1 and t[0] == "0"):
        return False
    width = len(str(assessment.max))
    for length in range(len(t), width + 1):
        pad = length - len(t)
        low = int(t + "0" * pad)
        high = int(t + "9" * pad)
        if low <= assessment.max and high >= assessment.min:
            return True
    return False


def read_typed(text: str, assessment: Assessment) -> ScoreValue | Typed | None:
    """A complete score, BELOW, None (empty: not taken) or PARTIAL; call `possible` first."""
    t = text.strip()
    if t == "":
        return None
    if t.startswith("<"):
        return BELOW
    value = int(t)
    if assessment.min <= value <= assessment.max:
        return value
    return Typed.PARTIAL


def parse_score(text: str, assessment: Assessment, part: str) -> ScoreValue | None:
    """A whole typed score: "5" -> 5, "<3" or "<" -> BELOW, "none" -> None (clear).
    Anything else raises `ScoreRefused`, whose message says what `part` takes."""
    t = text.strip().casefold()
    low, high = assessment.min, assessment.max
    if t in CLEAR_WORDS:
        return None
    if t.startswith("<"):
        if t[1:].strip() in ("", str(low)):
            return BELOW
        raise ScoreRefused(words.below_not_saved(assessment, part, text))
    if t.lstrip("+").isdigit():
        value = int(t)
        if low <= value <= high:
            return value
        raise ScoreRefused(words.out_of_range(assessment, part, value))
    raise ScoreRefused(words.not_a_score(assessment, part, text))
