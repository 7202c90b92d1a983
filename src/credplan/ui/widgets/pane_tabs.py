"""Below 80 columns the planner shows one pane at a time; this line names the panes,
marks the one on show (reverse video and `▸`, so it reads without colour), and says
how to move: tab, or a click on a pane's name."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from ...core.words import screen as say

PANES = (("credentials", say.PANE_CREDENTIALS), ("plan", say.PANE_PLAN))


class PaneTabs(Widget):
    DEFAULT_CSS = """
    PaneTabs {
        height: 1;
        background: $panel;
        color: $foreground;
        display: none;
    }
    """

    class Chosen(Message):
        def __init__(self, pane: str) -> None:
            super().__init__()
            self.pane = pane

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.pane = "credentials"
        self._spans: list[tuple[int, int, str]] = []

    def show(self, pane: str) -> None:
        if pane != self.pane:
            self.pane = pane
            self.refresh()

    def render(self) -> Content:
        parts: list[Content] = []
        spans = []
        x = 0
        for pane, name in PANES:
            if pane == self.pane:
                part = Content.styled(f"▸{name} ", "bold reverse")
            else:
                part = Content.styled(f" {name} ", "$text-muted")
            spans.append((x, x + part.cell_length, pane))
            parts.append(part)
            parts.append(Content(" "))
            x += part.cell_length + 1
        line = Content("").join(parts)
        hint = Content.styled(say.PANE_KEYS, "$text-muted")
        room = self.size.width - line.cell_length - hint.cell_length
        if room >= 1:
            line = Content.assemble(line, " " * room, hint)
        self._spans = spans
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, pane in self._spans:
            if start <= event.x < end:
                event.stop()
                self.post_message(self.Chosen(pane))
                return
