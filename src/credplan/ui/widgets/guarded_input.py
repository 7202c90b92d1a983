"""An input that refuses, where it is typed, any edit that could not become a valid value."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from .steady_input import SteadyInput


class GuardedInput(SteadyInput):
    """Subclasses say what may stand in the box with `accepts`; a refused edit leaves
    the box as it was and posts `GuardedInput.Refused`, so the owner can say why."""

    @dataclass
    class Refused(Message):
        input: "GuardedInput"
        text: str
        """What the box would have held."""

        @property
        def control(self) -> "GuardedInput":
            return self.input

    def accepts(self, text: str) -> bool:
        return True

    def replace(self, text: str, start: int, end: int) -> None:
        value = self.value
        start, end = sorted((max(0, start), min(len(value), end)))
        new_value = f"{value[:start]}{text}{value[end:]}"
        if not self.accepts(new_value):
            self.post_message(self.Refused(self, new_value))
            return
        super().replace(text, start, end)

    def restricted(self) -> None:  # max_length reached: no bell storm over SSH
        pass


class PartLabel(Static):
    """The name beside an input, with what the input still needs, or why a key was
    refused, on the line under the name: one widget where a label and a status line
    were two, for each of up to twenty score inputs."""

    def __init__(self, name: str, **kwargs) -> None:
        super().__init__(Content(name), markup=False, **kwargs)
        self.part_name = name
        self.said = ""
        self.refused = False

    def say(self, text: str, *, refused: bool = False, reveal: bool = False) -> None:
        """`reveal` scrolls the words into view (a refusal must be seen where the key
        was typed). The same words again change nothing, so nothing is laid out."""
        if (text, refused) != (self.said, self.refused):
            self.said, self.refused = text, refused
            style = "bold $error" if refused else "$warning"
            self.update(Content.assemble(self.part_name, ("\n" + text, style)) if text else Content(self.part_name))
        if text and reveal:
            self.call_after_refresh(self.scroll_visible, animate=False)
