"""The label beside a score or class input, with the input's status under it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


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
