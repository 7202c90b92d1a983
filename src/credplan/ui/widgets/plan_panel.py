"""The plan: bundle progress (or competencies), requirements, selections, scores.

Everything `evaluate` computes is drawn by one `Static` (`#summary`): the bundle line,
its bar and points, the requirements and the selections. One widget instead of the eight
this took as separate Statics and a ProgressBar keeps the screen cheap to start and
to lay out after each toggle. The bar is text (`█` done, `░` to go) beside `N/12
points`, so it reads in monochrome too."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.color import Color
from textual.content import Content
from textual.widgets import Static

from ...core.model import Catalog, Plan
from ...core.requirements import BundleResult
from ...core.rules import Evaluation
from ...core.words import requirements as words
from ..rows import requirement_mark, selection_row
from .class_input import ClassInput
from .score_inputs import ScoreInputs

BAR_CELLS = 24
"""Width of the bundle bar: the panel is at least 32 columns wide."""


def bundle_lines(catalog: Catalog, bundle: BundleResult | None) -> list[Content]:
    """The bundle field (pinned or most points), a bar and `N/12 points`, planned and earned."""
    if bundle is None:
        return [Content(words.no_bundle_line(catalog))]
    before, name, after = words.bundle_field_parts(bundle)
    field = Content.assemble(before, (name, "bold"), after)
    done = min(BAR_CELLS, round(BAR_CELLS * min(bundle.points, bundle.required) / max(bundle.required, 1)))
    bar = Content.assemble(
        ("█" * done, "$success" if bundle.met else "$accent"), ("░" * (BAR_CELLS - done), "$text-muted")
    )
    points = Content.styled(words.bundle_points(bundle), "bold $success" if bundle.earned_met else "bold")
    return [field, bar, points]


def requirement_lines(evaluation: Evaluation) -> list[Content]:
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


class PlanPanel(VerticalScroll):
    """Everything computed by `evaluate`, shown in words as well as colour."""

    def __init__(self, catalog: Catalog, plan: Plan, **kwargs) -> None:
        super().__init__(**kwargs)
        self.catalog = catalog
        self.plan = plan
        self.border_title = "Plan"

    # The border lights up while an input inside has focus, as the lists' borders do. A
    # `:focus-within` rule did that by restyling the panel and the twenty-odd widgets in
    # it on every focus change (30 ms, then a repaint of the whole screen); setting the
    # panel's own border touches nothing else.
    _lit = False

    def on_descendant_focus(self) -> None:
        self._light()

    def on_descendant_blur(self) -> None:
        self.call_later(self._light)  # focus may be moving to another input in here

    def _light(self) -> None:
        lit = self.has_focus_within
        if lit == self._lit:
            return
        self._lit = lit
        if lit:
            self.styles.border = ("round", Color.parse(self.app.theme_variables["accent"]))
        else:
            for side in ("border_top", "border_right", "border_bottom", "border_left"):
                self.styles.clear_rule(side)
            self.refresh()

    def compose(self) -> ComposeResult:
        yield Static("", id="summary", markup=False)
        yield ClassInput(self.plan.class_of, id="class")
        if self.catalog.assessments:
            yield Static(heading("Scores"), classes="heading", markup=False)
            yield ScoreInputs(self.catalog, self.plan, id="scores")

    def summary(self, plan: Plan, evaluation: Evaluation) -> Content:
        lines: list[Content] = []
        if self.catalog.has_bundle:
            lines += bundle_lines(self.catalog, evaluation.bundle) + [Content("")]
        lines += requirement_lines(evaluation)
        lines += [Content(""), heading("Selections")]
        rows = [selection_row(s, self.catalog) for s in evaluation.selections]
        lines += rows or [Content.styled("None yet: pick credentials with space or enter.", "$text-muted")]
        return Content("\n").join(lines)

    def show(self, plan: Plan, evaluation: Evaluation) -> None:
        self.plan = plan
        self.query_one("#summary", Static).update(self.summary(plan, evaluation))
        self.query_one(ClassInput).show(plan.class_of)
        if self.catalog.assessments:
            self.query_one(ScoreInputs).show(plan, evaluation)
