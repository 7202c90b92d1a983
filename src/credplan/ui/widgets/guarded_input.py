"""An input that refuses, where it is typed, any edit that could not become a valid value."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from .steady_input import SteadyInput


class GuardedInput(SteadyInput):
    """Subclasses say what may stand in the box with `accepts`; a refused edit leaves
    the box as it was and posts `GuardedInput.Refused`, so the owner can say why."""

    @dataclass
    class Refused(Message):
        input: GuardedInput
        text: str
        """What the box would have held."""

        @property
        def control(self) -> GuardedInput:
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
