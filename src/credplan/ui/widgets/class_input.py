"""The student's graduating class: which requirements apply depends on it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input

from ...core.plans import CLASS_RANGE
from ...core.words.requirements import CLASS_NOT_SET_HINT
from ...core.words import screen as say
from ..messages import SetClass
from .guarded_input import GuardedInput
from .part_label import PartLabel

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


class ClassInput(Horizontal):
    """The year beside its label; the label's second line says what is missing."""

    def __init__(self, class_of: int | None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.class_of = class_of

    def compose(self) -> ComposeResult:
        yield PartLabel(say.CLASS_LABEL, classes="part-name", id="class-status")
        yield ClassYearInput(
            value=str(self.class_of or ""),
            placeholder=say.CLASS_PLACEHOLDER,
            max_length=4,
            id="class-of",
            tooltip=say.class_tooltip(FIRST, LAST),
        )

    @property
    def _status(self) -> PartLabel:
        return self.query_one("#class-status", PartLabel)

    @on(GuardedInput.Refused)
    def _refused(self, event: GuardedInput.Refused) -> None:
        event.stop()
        self._status.say(say.class_refused(event.text), refused=True, reveal=True)
        self.app.bell()

    @on(Input.Changed, "#class-of")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        text = event.value.strip()
        status = self._status
        if not text:
            status.say(CLASS_NOT_SET_HINT)
            if self.class_of is not None:
                self.class_of = None
                self.post_message(SetClass(None))
            return
        if len(text) < 4:
            status.say(say.KEEP_TYPING_YEAR)
            return
        status.say("")
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
            self._status.say(CLASS_NOT_SET_HINT)
