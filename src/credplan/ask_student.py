"""Which plan, when `--student NAME` matches several: the planner and the shell ask on
the terminal before they open anything (the session never guesses, see
`core.session.AmbiguousStudent`); without a terminal to ask on, they print the
candidates and stop, as every other command does."""

from __future__ import annotations

import sys
from dataclasses import replace

from .commands.output import emit
from .core.session import AmbiguousStudent, OpenRequest, PlanSession, SessionError
from .core.words import notices

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO

TRIES = 3


def can_ask(stdin: object = None, stderr: object = None) -> bool:
    """Both ends are a terminal: a person can answer (a script's input is never eaten)."""
    for stream in (stdin or sys.stdin, stderr or sys.stderr):
        try:
            if not stream.isatty():  # type: ignore[union-attr]
                return False
        except (AttributeError, ValueError, OSError):
            return False
    return True


def ask_which(exc: AmbiguousStudent, request: OpenRequest, stdin: TextIO, out: TextIO) -> OpenRequest | None:
    """The request for the plan the person picks, or None when they pick none (Enter,
    end of input, or three answers that are not a number in range)."""
    candidates = exc.candidates
    emit(notices.which_plan(exc.name, len(candidates)) + "\n", out)
    for number, info in enumerate(candidates, 1):
        emit(notices.plan_choice(number, info.student, f"{info.modified:%Y-%m-%d %H:%M}", info.selections) + "\n", out)
    for _ in range(TRIES):
        emit(notices.which_plan_prompt(len(candidates)), out)
        out.flush()
        answer = stdin.readline()
        if not answer.strip():
            break
        if answer.strip().isdecimal() and 1 <= int(answer) <= len(candidates):
            return replace(request, plan=candidates[int(answer) - 1].path, student=None)
        emit(notices.plan_choice_not_understood(len(candidates)) + "\n", out)
    emit(notices.NO_PLAN_CHOSEN + "\n", out)
    return None


def open_or_ask(request: OpenRequest) -> PlanSession:
    """`PlanSession.open`, asking which plan when the name is ambiguous and a person is
    at the terminal. Raises `SessionError` (nothing more to print when none was chosen)."""
    try:
        return PlanSession.open(request)
    except AmbiguousStudent as exc:
        if not can_ask():
            raise
        chosen = ask_which(exc, request, sys.stdin, sys.stderr)
        if chosen is None:
            raise SessionError([]) from None
        return PlanSession.open(chosen)
