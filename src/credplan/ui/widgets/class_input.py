"""The student's graduating class: which requirements apply depends on it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from ...core.plans import CLASS_RANGE
from ..messages import SetClass
from .guarded_input import GuardedInput, say

FIRST, LAST = CLASS_RANGE


def class_possible(text: str) -> bool:
    t = text.strip()
    if not t:
        return True
    if not t.isdigit() or len(t) > 4:
        return False
    pad = 4 - len(t)
    return int(t + "0" * pad) <= LAST and int(t + "9" * pad) >= FIRST


class ClassYearInput(GuardedInput):
    def accepts(self, text: str) -> bool:
        return class_possible(text)


class ClassInput(Vertical):
    def __init__(self, class_of: int | None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.class_of = class_of

    def compose(self) -> ComposeResult:
        with Horizontal(id="class-row"):
            yield Static("Graduating class", classes="part-name", markup=False)
            yield ClassYearInput(
                value=str(self.class_of or ""),
                placeholder="year",
                max_length=4,
                id="class-of",
                tooltip=f"The year you graduate ({FIRST}-{LAST}); it decides which requirements apply",
            )
        yield Static("", id="class-status", classes="part-status", markup=False)

    @on(GuardedInput.Refused)
    def _refused(self, event: GuardedInput.Refused) -> None:
        event.stop()
        say(self.query_one("#class-status", Static), f"Refused {event.text!r}: type a year such as 2027", reveal=True)
        self.app.bell()

    @on(Input.Changed, "#class-of")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        text = event.value.strip()
        status = self.query_one("#class-status", Static)
        if not text:
            say(status, "Not set: class rules are not checked")
            if self.class_of is not None:
                self.class_of = None
                self.post_message(SetClass(None))
            return
        if len(text) < 4:
            say(status, "Keep typing: a four-digit year")
            return
        say(status, "")
        year = int(text)
        if year != self.class_of:
            self.class_of = year
            self.post_message(SetClass(year))

    def show(self, class_of: int | None) -> None:
        box = self.query_one(ClassYearInput)
        self.class_of = class_of
        if not box.has_focus and box.value != str(class_of or ""):
            box.value = str(class_of or "")
        if class_of is None and not box.has_focus:
            say(self.query_one("#class-status", Static), "Not set: class rules are not checked")
