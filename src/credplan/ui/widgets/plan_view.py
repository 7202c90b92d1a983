"""The plan in words: the bundle and its bar, the selections (each flagged when it does
not count), the requirements, and the scores.

A line-API widget of a fixed size (the plan pane's, less the score boxes): its text
wraps to the pane's width itself, and a change of plan redraws only the lines whose
text changed. As a `Static` of `height: auto` (before the 80x24 redesign) every toggle
changed its height, so every toggle laid out the whole screen and repainted the pane;
now a toggle lays out nothing and sends the few lines that changed.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...core.model import Catalog, Plan
from ...core.requirements import BundleResult
from ...core.rules import Evaluation
from ...core.words import requirements as words
from ...core.words import screen as say
from ...core.words import keys
from ..rows import requirement_mark, selection_row

BAR_CELLS = 24
"""Width of the bundle bar at most; narrower when the pane is."""


def bar_line(bundle: BundleResult, cells: int = BAR_CELLS) -> Content:
    done = min(cells, round(cells * min(bundle.points, bundle.required) / max(bundle.required, 1)))
    return Content.assemble(("█" * done, "$success" if bundle.met else "$accent"), ("░" * (cells - done), "$text-muted"))


def bundle_blocks(catalog: Catalog, bundle: BundleResult | None) -> list[Content]:
    """The bundle field (pinned or most points), `N/12 points` planned and earned; the
    bar is drawn at the pane's width (`BAR` stands for it here)."""
    if bundle is None:
        return [Content(words.no_bundle_line(catalog))]
    before, name, after = words.bundle_field_parts(bundle)
    field = Content.assemble(before, (name, "bold"), after)
    points = Content.styled(words.bundle_points(bundle), "bold $success" if bundle.earned_met else "bold")
    return [field, BAR, points]


BAR = Content("\x00bar")
"""Stands for the bar in a list of blocks; drawn when the width is known."""


def requirement_blocks(evaluation: Evaluation) -> list[Content]:
    """Every requirement with its mark, in the words every report uses."""
    lines = []
    for r in evaluation.requirements:
        detail = words.requirement_detail(r)
        lines.append(Content.assemble(requirement_mark(r.state), r.name, (f": {detail}", "$text-muted")))
    for n in evaluation.not_checked:
        detail = words.not_checked_detail(n)
        lines.append(Content.assemble(requirement_mark(n.state), (n.name, "$text-muted"), (f": {detail}", "$text-muted")))
    return lines


def heading(text: str) -> Content:
    return Content.styled(text, "bold underline")


def plan_blocks(catalog: Catalog, plan: Plan, evaluation: Evaluation, *, scores: bool = True) -> list[Content]:
    """The plan's text, one block per line before wrapping. Selections come right after
    the bundle, so an `[other field]` flag is on screen at 80x24, not below the fold.
    Without `scores`, the class and scores are left to the boxes open below."""
    blocks: list[Content] = []
    if catalog.has_bundle:
        blocks += bundle_blocks(catalog, evaluation.bundle) + [Content("")]
    blocks.append(heading(say.SELECTIONS))
    rows = [selection_row(s, catalog) for s in evaluation.selections]
    blocks += rows or [Content.styled(say.NO_SELECTIONS, "$text-muted")]
    blocks += [Content(""), heading(say.REQUIREMENTS)]
    blocks += requirement_blocks(evaluation)
    if scores:
        blocks += [Content(""), heading(say.SCORES_TITLE)]
        blocks += [Content(line) for line in say.scores_summary(catalog, plan)]
    return blocks


def wrap_block(block: Content, width: int, indent: int = 2) -> list[Content]:
    """`block` wrapped to `width`, lines after the first indented by `indent`."""
    if width <= 0:
        return [Content("")]
    if block.cell_length <= width:
        return [block]
    if width <= indent + 8:
        return block.wrap(width) or [Content("")]
    first = block.wrap(width)[0]
    rest = block[len(first.plain):]
    skip = len(rest.plain) - len(rest.plain.lstrip())
    rest = rest[skip:]
    out = [first]
    for line in rest.wrap(width - indent):
        out.append(line.pad_left(indent))
    return out


class PlanView(ScrollView, can_focus=True):
    """Up and down scroll the plan when it is taller than the pane."""

    DEFAULT_CSS = """
    PlanView {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
        background: transparent;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "scroll_up", keys.UP, show=False),
        Binding("down,j", "scroll_down", keys.DOWN, show=False),
        Binding("pageup", "page_up", keys.PAGE_UP, show=False),
        Binding("pagedown", "page_down", keys.PAGE_DOWN, show=False),
        Binding("home", "scroll_home", keys.TOP, show=False),
        Binding("end", "scroll_end", keys.BOTTOM, show=False),
    ]

    def __init__(self, catalog: Catalog, **kwargs) -> None:
        super().__init__(**kwargs)
        self.catalog = catalog
        self._blocks: list[Content] = []
        self._lines: list[Content] = []
        self._width = 0
        self._bundle: BundleResult | None = None
        self._strips: dict[int, Strip] = {}
        self._shown: tuple[Plan, Evaluation] | None = None
        self.scores_in_text = True
        """The class and scores as text at the end; off while the score boxes are open
        below (a tall screen, or typing in them), which would say them twice."""

    @property
    def content(self) -> Content:
        """The whole plan, one block per line, unwrapped (what a screen reader reads)."""
        bar = bar_line(self._bundle) if self._bundle is not None else Content("")
        return Content("\n").join(bar if b is BAR else b for b in self._blocks)

    def show(self, plan: Plan, evaluation: Evaluation) -> None:
        self._shown = (plan, evaluation)
        self._blocks = plan_blocks(self.catalog, plan, evaluation, scores=self.scores_in_text)
        self._bundle = evaluation.bundle
        self._rewrap()

    def set_scores_in_text(self, on: bool) -> None:
        if on != self.scores_in_text:
            self.scores_in_text = on
            if self._shown is not None:
                self.show(*self._shown)

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        lines: list[Content] = []
        for block in self._blocks:
            if block is BAR:
                assert self._bundle is not None
                lines.append(bar_line(self._bundle, max(1, min(BAR_CELLS, width))))
            else:
                lines.extend(wrap_block(block, width))
        old, self._lines = self._lines, lines
        if width != self._width:
            self._width = width
            self._strips.clear()
            changed: range | list[int] = range(len(lines))
        else:
            changed = [y for y in range(max(len(old), len(lines))) if y >= len(old) or y >= len(lines) or not old[y].is_same(lines[y])]
        for y in changed:
            self._strips.pop(y, None)
        size = Size(width, len(lines))
        if size != self.virtual_size:
            # the number of lines only changes how far the view scrolls: no layout
            self.set_reactive(ScrollView.virtual_size, size)
            self._scroll_update(size)
        for y in changed:
            self.refresh_line(y)

    def _on_resize(self) -> None:
        self._rewrap()

    def notify_style_update(self) -> None:
        self._strips.clear()
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            line = self._lines[index]
            visual = self.visual_style
            segments = [
                Segment(text, style.rich_style) for text, style in line.render(visual, end="", parse_style=self._get_style)
            ]
            strip = Strip(segments, line.cell_length).extend_cell_length(width, base)
            self._strips[index] = strip
        return strip
