"""Text in a box of fixed size: wrapped to its width, and when it is longer than the
box, cut at the end of the last line with `…` so the cut shows.

The detail and status lines under the panes use it: their height never follows their
text, so changing what they say repaints their lines and lays out nothing else (a
`Static` of `height: auto` laid out the whole screen whenever its line count changed),
and a long status is never silently cut mid-word."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


def fit(content: Content, width: int, height: int) -> Content:
    """`content` wrapped to `width` in at most `height` lines, `…` at the cut."""
    if width <= 0 or height <= 0:
        return Content("")
    lines = content.wrap(width)
    if len(lines) <= height:
        return Content("\n").join(lines)
    kept = lines[:height]
    last = kept[-1].rstrip()
    if last.cell_length >= width:
        last = last.truncate(width - 1)
    kept[-1] = last + Content("…")
    return Content("\n").join(kept)


class FittedText(Widget):
    DEFAULT_CSS = """
    FittedText { height: 1; }
    """

    def __init__(self, content: Content | str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self._content = content if isinstance(content, Content) else Content(content)

    @property
    def content(self) -> Content:
        """Everything it was given, uncut (what a screen reader, or a test, reads)."""
        return self._content

    def update(self, content: Content | str) -> None:
        content = content if isinstance(content, Content) else Content(content)
        if not content.is_same(self._content):
            self._content = content
            self.refresh()

    def render(self) -> Content:
        region = self.content_region
        return fit(self._content, region.width, region.height)
