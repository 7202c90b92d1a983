"""Small modal questions: a line of text, or yes/no."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ...core.words import keys
from ...core.words import screen as say


class TextPrompt(ModalScreen[str | None]):
    """Ask for one line of text; enter answers, escape cancels (None)."""

    DEFAULT_CSS = """
    TextPrompt { align: center middle; }
    TextPrompt > Vertical {
        width: 60; max-width: 95%; height: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    TextPrompt Input { margin: 1 0 0 0; }
    TextPrompt .hint { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "cancel", keys.PROMPT_CANCEL, id="credplan.prompt-cancel")]

    def __init__(self, question: str, value: str = "", hint: str = say.PROMPT_HINT) -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, markup=False)
            yield Input(value=self.value, id="answer")
            yield Static(self.hint, classes="hint", markup=False)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Confirm(ModalScreen[bool]):
    """A yes/no question; only `y` says yes."""

    DEFAULT_CSS = """
    Confirm { align: center middle; }
    Confirm > Vertical {
        width: 64; max-width: 95%; height: auto;
        border: round $error; background: $surface; padding: 0 1;
    }
    """
    BINDINGS = [
        Binding("y", "answer(True)", keys.CONFIRM_YES, id="credplan.confirm-yes"),
        Binding("n,escape", "answer(False)", keys.CONFIRM_NO, id="credplan.confirm-no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, markup=False)
            yield Static(say.CONFIRM_KEYS, markup=False)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
