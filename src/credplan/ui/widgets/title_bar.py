"""The top line: whose plan this is, DEMO in a class demo, and the catalog.

Textual's `Header` centres one title and cuts it at both ends: at 80 columns the
catalog's long title pushed "DEMO" off the line. This bar says things in order of
importance and cuts from the least important end: the DEMO badge, then the student's
name, then the catalog's title (shortened with `…`), then, when there is room, the
region and the date the catalog was checked on the right. One widget, one line, drawn
again only when what it says changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widget import Widget

from ...core.words import screen as say


@dataclass(frozen=True)
class Titles:
    """What the bar says, from the app (names already through `core.text.clean`)."""

    owner: str
    catalog: str
    where: str = ""
    """Region and checked date: `Ohio · checked 2026-11-01`."""
    demo: bool = False
    place: str = ""
    """The screen, when not the planner itself: `Suggestions`."""


def title_line(titles: Titles, width: int) -> Content:
    """The bar's one line at `width` cells, the most important words kept."""
    badge = Content.styled(f" {say.DEMO_BADGE} ", "bold reverse") if titles.demo else Content("")
    owner = Content.styled(titles.owner, "bold")
    head = Content.assemble(badge, " " if titles.demo else "", owner)
    if titles.place:
        head = Content.assemble(head, " · ", (titles.place, "bold"))
    if head.cell_length >= width:
        return head.truncate(width, ellipsis=True)
    tail = Content.styled(f" · {say.DEMO_TAIL}", "bold") if titles.demo else Content("")
    if head.cell_length + tail.cell_length <= width:
        head = Content.assemble(head, tail)
    room = width - head.cell_length - 3
    if room < 6:
        return head
    catalog = Content(titles.catalog)
    where = Content.styled(titles.where, "$text-muted")
    if titles.where and catalog.cell_length + where.cell_length + 2 <= room:
        gap = room - catalog.cell_length - where.cell_length
        return Content.assemble(head, " · ", catalog, " " * gap, where)
    return Content.assemble(head, " · ", catalog.truncate(room, ellipsis=True))


class TitleBar(Widget):
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $foreground;
    }
    """

    def __init__(self, titles: Titles, **kwargs) -> None:
        super().__init__(**kwargs)
        self.titles = titles

    def show(self, titles: Titles) -> None:
        if titles != self.titles:
            self.titles = titles
            self.refresh()

    def render(self) -> Content:
        return title_line(self.titles, self.content_region.width or self.size.width)
