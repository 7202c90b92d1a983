"""Leaving with a change that could not be saved: retry, save a copy, or discard.

Nothing the student changed is dropped without this question. The answer is one of
"retry", "copy", "discard", or None (stay in the planner)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ...core.session import PlanSession
from ...core.words import notices
from ...core.words import keys
from ...core.words import screen as say


class UnsavedScreen(ModalScreen[str | None]):
    DEFAULT_CSS = """
    UnsavedScreen { align: center middle; }
    UnsavedScreen > Vertical {
        width: 72; max-width: 95%; height: auto;
        border: heavy $error; background: $surface; padding: 0 1;
    }
    UnsavedScreen .keys { margin-top: 1; }
    """
    BINDINGS = [
        Binding("r", "answer('retry')", keys.UNSAVED_RETRY, id="credplan.unsaved-retry"),
        Binding("c", "answer('copy')", keys.UNSAVED_COPY, id="credplan.unsaved-copy"),
        Binding("d", "answer('discard')", keys.UNSAVED_DISCARD, id="credplan.unsaved-discard"),
        Binding("escape", "answer(None)", keys.UNSAVED_STAY, id="credplan.unsaved-stay"),
    ]

    def __init__(self, session: PlanSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        where = self.session.copy_candidates()[0]
        with Vertical():
            yield Static(notices.unsaved_reason(self.session.save_problem), markup=False, id="why")
            yield Static(notices.copy_goes_to(where) + ".", markup=False, id="where")
            yield Static(
                say.UNSAVED_KEYS,
                markup=False,
                classes="keys",
            )

    def action_answer(self, choice: str | None) -> None:
        self.dismiss(choice)
