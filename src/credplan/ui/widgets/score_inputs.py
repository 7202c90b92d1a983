"""One input per assessment part, generated from the catalog's assessments.

A keystroke that cannot lead to a valid score (a 9 for WorkKeys, which reports 3-7)
is refused where it is typed, and the line under the input says why."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Static

from ...core.model import BELOW, Assessment, Catalog, Plan
from ...core.rules import Evaluation, part_need
from ...core.words.requirements import part_status, score_rule_line
from ...core.scores import Typed, possible, read_typed, score_range_text
from ...core.words import screen as say
from ..messages import SetScore
from .guarded_input import GuardedInput
from .part_label import PartLabel


class ScoreInput(GuardedInput):
    """A score for one part; refuses text that no score could start with."""

    def __init__(self, assessment: Assessment, part: str, value: str, *, id: str) -> None:
        super().__init__(
            value=value,
            placeholder="-",
            max_length=len(str(assessment.max)) + 1,
            id=id,
            select_on_focus=False,
            tooltip=say.score_tooltip(assessment.name, part, score_range_text(assessment)),
        )
        self.assessment = assessment
        self.part = part

    def accepts(self, text: str) -> bool:
        return possible(text, self.assessment)


def score_text(plan: Plan, assessment: Assessment, part: str) -> str:
    value = plan.score(assessment.id, part)
    if value is None:
        return ""
    if value is BELOW:
        return assessment.below_label()
    return str(value)


def _input_id(assessment_index: int, part_index: int) -> str:
    return f"score-{assessment_index}-{part_index}"


class ScoreInputs(Vertical):
    """Every assessment's parts, with what each part still needs."""

    def __init__(self, catalog: Catalog, plan: Plan, **kwargs) -> None:
        super().__init__(**kwargs)
        self.catalog = catalog
        self.plan = plan

    def compose(self) -> ComposeResult:
        for a_index, assessment in enumerate(self.catalog.assessments):
            yield Static(
                f"{assessment.name} ({score_range_text(assessment)})", classes="assessment-name", markup=False
            )
            rule = score_rule_line(self.catalog, assessment, self.plan.class_of)
            yield Static(rule, classes="score-rule", id=f"score-rule-{a_index}", markup=False).set_class(not rule, "-empty")
            for p_index, part in enumerate(assessment.parts):
                with Horizontal(classes="score-row"):
                    yield PartLabel(part, classes="part-name", id=f"{_input_id(a_index, p_index)}-label")
                    yield ScoreInput(assessment, part, score_text(self.plan, assessment, part), id=_input_id(a_index, p_index))

    @property
    def inputs(self) -> list[ScoreInput]:
        return list(self.query(ScoreInput))

    def _status(self, score_input: ScoreInput) -> PartLabel:
        return self.query_one(f"#{score_input.id}-label", PartLabel)

    @on(GuardedInput.Refused)
    def _refused(self, event: GuardedInput.Refused) -> None:
        if not isinstance(event.input, ScoreInput):
            return
        event.stop()
        a = event.input.assessment
        shown = event.text.strip() or event.text
        self._status(event.input).say(say.score_refused(shown, event.input.part, score_range_text(a)), refused=True, reveal=True)
        self.app.bell()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if not isinstance(event.input, ScoreInput):
            return
        event.stop()
        score_input = event.input
        typed = read_typed(event.value, score_input.assessment)
        status = self._status(score_input)
        if typed is Typed.PARTIAL:
            status.say(say.keep_typing(score_range_text(score_input.assessment)))
            return
        a, part = score_input.assessment, score_input.part
        # Say at once what the new score still needs: a refusal must not outlive the
        # key that fixed it, even when the plan's evaluation does not change.
        status.say(part_status(part, part_need(self.catalog, self.plan.with_score(a.id, part, typed), a, part)))
        if self.plan.score(a.id, part) != typed:
            self.post_message(SetScore(a.id, part, typed))

    def show(self, plan: Plan, evaluation: Evaluation) -> None:
        """Bring inputs and their status lines up to date with the plan."""
        shown, self.plan = self.plan, plan
        if shown.class_of != plan.class_of:
            for a_index, assessment in enumerate(self.catalog.assessments):
                rule = score_rule_line(self.catalog, assessment, plan.class_of)
                line = self.query_one(f"#score-rule-{a_index}", Static)
                line.update(Content(rule))  # catalog text: never markup
                line.set_class(not rule, "-empty")
        applying = [r for r in self.catalog.requirements if r.applies_to(plan.class_of)]
        for score_input in self.inputs:
            a, part = score_input.assessment, score_input.part
            wanted = score_text(plan, a, part)
            typed = read_typed(score_input.value, a) if possible(score_input.value, a) else None
            # A box whose typed score is on its way to the plan (typed, then tab, in one
            # burst: the plan changes before that score reaches it) keeps it; a box
            # showing the previous plan's value, or half a score, is brought up to date.
            on_its_way = typed is not Typed.PARTIAL and score_input.value != score_text(shown, a, part)
            if not score_input.has_focus and score_input.value != wanted and not on_its_way:
                score_input.value = wanted
            status = self._status(score_input)
            if typed is Typed.PARTIAL and score_input.has_focus:
                continue
            if status.refused and score_input.has_focus:
                continue
            status.say(part_status(score_input.part, part_need(self.catalog, plan, score_input.assessment, score_input.part, applying)))
