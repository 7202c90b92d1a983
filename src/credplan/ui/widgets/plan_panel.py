"""The plan pane: the plan in words (`PlanView`) above the boxes for the graduating
class and the scores.

The boxes fold away while the focus is elsewhere (`w` or tab opens them, and they stay
in the tab order): on a 24-line terminal the plan's words need the whole pane, and
twenty score boxes (Colorado) would push the flags out of sight. On a tall terminal they
stay open. The pane's border is heavy while the focus is inside, round otherwise, so
the focused pane shows without colour too."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import AwaitMount, Widget
from textual.containers import Vertical, VerticalScroll
from textual.color import Color
from textual.widgets import Static

from ...core.model import Catalog, Plan
from ...core.rules import Evaluation
from ...core.words import screen as say
from .class_input import ClassInput
from .plan_view import BAR_CELLS, PlanView, bundle_blocks, heading, requirement_blocks  # noqa: F401 (re-exported)
from .score_inputs import ScoreInputs


class ScoresForm(VerticalScroll, can_focus=False):
    """The graduating class and every assessment's parts."""

    def on_resize(self) -> None:
        """Keep the focused box in sight when the form's size changes under it: on the
        first `w` the boxes are mounted and focused before the form can scroll to them
        (in a real terminal the form's scrollable height arrives a frame later)."""
        focused = self.screen.focused
        if focused is not None and self in focused.ancestors:
            self.call_after_refresh(self.screen.scroll_to_widget, focused, animate=False)


class PlanPanel(Vertical):
    """Everything computed by `evaluate`, shown in words as well as colour."""

    def __init__(self, catalog: Catalog, plan: Plan, **kwargs) -> None:
        super().__init__(**kwargs)
        self.catalog = catalog
        self.plan = plan
        self.border_title = say.PANE_PLAN

    # The border lights up while a widget inside has focus, as the lists' borders do. A
    # `:focus-within` rule did that by restyling the panel and the twenty-odd widgets in
    # it on every focus change (30 ms, then a repaint of the whole screen); setting the
    # panel's own border touches nothing else.
    _lit = False

    def on_descendant_focus(self) -> None:
        self._light()

    def on_descendant_blur(self) -> None:
        self.call_later(self._light)  # focus may be moving to another input in here

    def _light(self) -> None:
        has_focus = self.has_focus_within
        editing = has_focus and not self.query_one(PlanView).has_focus
        self.set_class(editing, "-editing")
        # The boxes open below (tall screen, or typing in them) say the class and the
        # scores: the text above does not say them again.
        form_open = self._form is not None and (editing or self.screen.has_class("-tall"))
        self.query_one(PlanView).set_scores_in_text(not form_open)
        # One pane at a time (below 80 columns): no border, the pane line names it.
        lit = has_focus and not self.screen.has_class("-narrow")
        if lit == self._lit:
            return
        self._lit = lit
        if lit:
            self.styles.border = ("heavy", Color.parse(self.app.theme_variables["accent"]))
        else:
            for side in ("border_top", "border_right", "border_bottom", "border_left"):
                self.styles.clear_rule(side)
            self.refresh()

    def relight(self) -> None:
        """The layout changed (narrow or not): border as it should be now."""
        self._light()

    def compose(self) -> ComposeResult:
        yield PlanView(self.catalog, id="summary")
        yield ScoresForm(id="scores-form")

    # The boxes are folded away at 80x24, so they are mounted just after the first
    # frame rather than before it: a dozen widgets (five inputs on Ohio, twenty on
    # Colorado) were a fifth of the time to the first frame. `w` waits for them.
    _form: AwaitMount | None = None
    form_ready = False
    _evaluation: Evaluation | None = None

    def mount_form(self) -> AwaitMount:
        """Mount the class and score boxes (once); await the result to use them."""
        if self._form is None:
            widgets: list[Widget] = [ClassInput(self.plan.class_of, id="class")]
            if self.catalog.assessments:
                widgets.append(Static(heading(say.SCORES_TITLE), classes="heading", markup=False))
                widgets.append(ScoreInputs(self.catalog, self.plan, id="scores"))
            self._form = self.query_one(ScoresForm).mount_all(widgets)
            self.call_after_refresh(self._light)  # open on a tall screen: the text drops its copy
            self.call_after_refresh(self._form_mounted)
        return self._form

    def _form_mounted(self) -> None:
        self.form_ready = True
        if self._evaluation is not None:
            self.show(self.plan, self._evaluation)
        self.screen.set_read_only(self.app.read_only)  # type: ignore[attr-defined]

    def show(self, plan: Plan, evaluation: Evaluation) -> None:
        self.plan = plan
        self._evaluation = evaluation
        self.query_one(PlanView).show(plan, evaluation)
        if not self.form_ready:
            return
        self.query_one(ClassInput).show(plan.class_of)
        if self.catalog.assessments:
            self.query_one(ScoreInputs).show(plan, evaluation)
