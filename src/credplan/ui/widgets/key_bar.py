"""The keys that work here, on one line at the bottom of the planner.

Textual 8.2.8's `Footer` is a widget per key, and it builds them all again whenever
focus moves (the screen's bindings signal fires on every focus change): moving between
the list, the search box and the score inputs cost 100-200 ms of CPU each, a third of
what a scripted student session spent, on the 2-core lab machines where thirty
sessions share it. This bar is one widget that draws its one line again only when the
keys it shows change. It shows what the Footer showed (keys with `show=True`, dimmed
when their action is disabled, the command palette key on the right), and a click on a
key presses it, as in the Footer.
"""

from __future__ import annotations

from typing import NamedTuple

from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget


class Shown(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._keys: tuple[Shown, ...] = ()
        self._palette: Shown | None = None
        self._spans: list[tuple[int, int, str]] = []
        """(first column, column after the last, key) of each key as last drawn."""
        self._actions: dict[str, str] = {}
        """key -> action, for choosing what to keep on a narrow bar."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        keys, palette = self.shown(screen)
        if (keys, palette) != (self._keys, self._palette):
            self._keys, self._palette = keys, palette
            self.refresh()

    def shown(self, screen: Screen) -> tuple[tuple[Shown, ...], Shown | None]:
        """The keys to show, one per action, in binding order; and the palette key."""
        app = self.app
        keys: list[Shown] = []
        actions: set[str] = set()
        palette: Shown | None = None
        for key, (_node, binding, enabled, _tooltip) in screen.active_bindings.items():
            shown = Shown(binding.key, app.get_key_display(binding), binding.description, enabled)
            if app.ENABLE_COMMAND_PALETTE and key == app.COMMAND_PALETTE_BINDING:
                palette = shown._replace(description="palette")
            elif binding.show and binding.action not in actions:
                actions.add(binding.action)
                self._actions[binding.key] = binding.action
                keys.append(shown)
        return tuple(keys), palette

    FIRST = ("select", "app.quit", "quit", "app.help", "help")
    """Actions kept when the bar is too narrow for every key (below 80 columns): the
    toggle, quit and help; the others are in help (`?`)."""

    def _fitting(self, width: int) -> tuple[Shown, ...]:
        keys = self._keys
        if sum(self._key(k).cell_length for k in keys) <= width:
            return keys
        actions = {k: b for k, b in self._actions.items()}
        ranked = sorted(range(len(keys)), key=lambda i: (actions.get(keys[i].key, "") not in self.FIRST, i))
        kept: set[int] = set()
        used = 0
        for i in ranked:
            cells = self._key(keys[i]).cell_length
            if used + cells <= width:
                kept.add(i)
                used += cells
        return tuple(k for i, k in enumerate(keys) if i in kept)

    def render(self) -> Content:
        parts: list[Content] = []
        spans: list[tuple[int, int, str]] = []
        x = 0
        width = self.size.width
        palette_cells = self._key(self._palette).cell_length + 1 if self._palette is not None else 0
        keys = self._fitting(width - palette_cells)
        if len(keys) < len(self._keys):  # no room: the palette is in help too
            keys, palette_cells = self._fitting(width), 0
        for shown in keys:
            part = self._key(shown)
            spans.append((x, x + part.cell_length, shown.key))
            parts.append(part)
            x += part.cell_length
        line = Content("").join(parts)
        if self._palette is not None and palette_cells:
            palette = self._key(self._palette)
            start = max(x + 1, self.size.width - palette.cell_length)
            spans.append((start, start + palette.cell_length, self._palette.key))
            line = Content.assemble(line, " " * (start - x), palette)
        self._spans = spans
        return line

    @staticmethod
    def _key(shown: Shown) -> Content:
        key_style = "bold $footer-key-foreground" if shown.enabled else "dim"
        return Content.assemble(
            (f" {shown.display} ", key_style),
            (shown.description, "" if shown.enabled else "dim"),
            " ",
        )

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                event.stop()
                self.app.simulate_key(key)
                return
