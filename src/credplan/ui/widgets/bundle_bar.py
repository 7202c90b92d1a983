"""The live progress toward the bundle: field, pinned or not, bar and `N/12 points`."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import ProgressBar, Static

from ...core.rules import BundleResult


class BundleBar(Vertical):
    def compose(self) -> ComposeResult:
        yield Static("", id="bundle-field", markup=False)
        yield ProgressBar(total=12, show_eta=False, show_percentage=False, id="bundle-bar")
        yield Static("", id="bundle-points", markup=False)

    def show(self, bundle: BundleResult | None) -> None:
        field = self.query_one("#bundle-field", Static)
        points = self.query_one("#bundle-points", Static)
        bar = self.query_one(ProgressBar)
        if bundle is None:
            field.update("No bundle requirement applies to this class.")
            points.update("")
            bar.update(total=1, progress=0)
            return
        if bundle.pinned:
            field.update(Content.assemble("Bundle: ", (bundle.field_name, "bold"), " (pinned)"))
        elif bundle.points == 0:
            field.update("Bundle: no field yet (pick credentials, or pin a field with p)")
        else:
            field.update(Content.assemble("Bundle: ", (bundle.field_name, "bold"), " (most points)"))
        bar.update(total=bundle.required, progress=min(bundle.points, bundle.required))
        done = ", complete" if bundle.met else ""
        points.update(
            Content.assemble(
                (f"{bundle.points}/{bundle.required} points", "bold"),
                done,
                (f" ({bundle.earned_points} earned)", "$text-muted"),
            )
        )
        self.set_class(bundle.met, "-met")
