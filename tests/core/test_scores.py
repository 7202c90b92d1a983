"""core.scores.parse_score: a whole typed score, as `credplan shell` reads it; the
refusals say the range (words/scores.py)."""

from __future__ import annotations

import pytest

from credplan.core.model import BELOW, Assessment
from credplan.core.scores import ScoreRefused, parse_score

WK = Assessment("workkeys", "ACT WorkKeys", ("Applied Math",), 3, 7)
SAT = Assessment("sat", "SAT", ("Math",), 200, 800)


@pytest.mark.parametrize(
    "typed, value",
    [("5", 5), (" 7 ", 7), ("+4", 4), ("<3", BELOW), ("<", BELOW), ("< 3", BELOW), ("none", None), ("Clear", None), ("-", None)],
)
def test_accepted(typed, value):
    assert parse_score(typed, WK, "Applied Math") == value


@pytest.mark.parametrize(
    "typed, said",
    [
        ("8", "ACT WorkKeys Applied Math takes 3 to 7, or <3 for below 3; 8 is out of range and was not saved."),
        ("2", "ACT WorkKeys Applied Math takes 3 to 7, or <3 for below 3; 2 is out of range and was not saved."),
        ("<4", "ACT WorkKeys Applied Math takes 3 to 7, or <3 for below 3; `<4` was not saved."),
        ("x", "ACT WorkKeys Applied Math takes 3 to 7, or <3 for below 3, or none to clear; `x` is not a score."),
        ("5.5", "ACT WorkKeys Applied Math takes 3 to 7, or <3 for below 3, or none to clear; `5.5` is not a score."),
    ],
)
def test_refused_with_the_range(typed, said):
    with pytest.raises(ScoreRefused) as info:
        parse_score(typed, WK, "Applied Math")
    assert str(info.value) == said


def test_the_lowest_score_is_the_assessments_own():
    assert parse_score("<200", SAT, "Math") is BELOW
    assert parse_score("200", SAT, "Math") == 200
    with pytest.raises(ScoreRefused):
        parse_score("<3", SAT, "Math")


def test_what_was_typed_is_shown_through_the_text_policy():
    with pytest.raises(ScoreRefused) as info:
        parse_score("\x1b]52;c;eA==\x07\u202e", WK, "Applied Math")
    assert "\x1b" not in str(info.value) and "\u202e" not in str(info.value)
    assert "␛" in str(info.value)
