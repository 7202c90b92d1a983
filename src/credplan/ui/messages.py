"""Intent messages: widgets say what the student asked for; the app changes the plan."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from ..core.model import ScoreValue


@dataclass
class ToggleCredential(Message):
    credential_id: str


@dataclass
class SetScore(Message):
    assessment_id: str
    part: str
    value: ScoreValue | None


@dataclass
class SetClass(Message):
    class_of: int | None
