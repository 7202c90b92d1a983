"""The plan: bundle progress (or competencies), requirements, selections, scores."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ...core.model import Catalog, Plan
from ...core.rules import Evaluation
from ..rows import requirement_mark, selection_row
from .bundle_bar import BundleBar
from .class_input import ClassInput
from .score_inputs import ScoreInputs


class PlanPanel(VerticalScroll):
    """Everything computed by `evaluate`, shown in words as well as colour."""

    def __init__(self, catalog: Catalog, plan: Plan, **kwargs) -> None:
        super().__init__(**kwargs)
        self.catalog = catalog
        self.plan = plan
        self.border_title = "Plan"

    def compose(self) -> ComposeResult:
        if self.catalog.has_bundle:
            yield BundleBar(id="bundle")
        yield Static("", id="requirements", markup=False)
        yield Static("Selections", classes="heading", markup=False)
        yield Static("", id="selections", markup=False)
        yield ClassInput(self.plan.class_of, id="class")
        if self.catalog.assessments:
            yield Static("Scores", classes="heading", markup=False)
            yield ScoreInputs(self.catalog, self.plan, id="scores")

    def show(self, plan: Plan, evaluation: Evaluation) -> None:
        self.plan = plan
        if self.catalog.has_bundle:
            self.query_one(BundleBar).show(evaluation.bundle)
        lines = []
        for r in evaluation.requirements:
            if r.kind == "competency" and r.met:
                lines.append(Content.assemble(requirement_mark(True), r.name, (f": met by {'; '.join(r.met_by)}", "$text-muted")))
            elif r.kind == "competency":
                lines.append(Content.assemble(requirement_mark(False), r.name, (": a certificate that meets it, or a qualifying score (see Scores)", "$text-muted")))
            elif r.kind == "bundle" or r.met:
                lines.append(Content.assemble(requirement_mark(r.met), r.name))
            else:
                lines.append(Content.assemble(requirement_mark(r.met), r.name, (f": {r.detail.split(': ', 1)[-1]}", "$text-muted")))
        if plan.class_of is None and evaluation.not_applying:
            names = sorted({a.name for r in evaluation.not_applying for a in self.catalog.assessments if a.id == r.assessment} or {r.name for r in evaluation.not_applying})
            lines.append(Content.assemble(("[not checked] ", "bold $warning"), f"{', '.join(names)}: set your graduating class below"))
        self.query_one("#requirements", Static).update(Content("\n").join(lines))
        rows = [selection_row(s, self.catalog) for s in evaluation.selections]
        if not rows:
            rows = [Content.styled("None yet: pick credentials with space or enter.", "$text-muted")]
        self.query_one("#selections", Static).update(Content("\n").join(rows))
        self.query_one(ClassInput).show(plan.class_of)
        if self.catalog.assessments:
            self.query_one(ScoreInputs).show(plan, evaluation)
