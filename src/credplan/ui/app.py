"""The credplan Textual app: owns the catalog, the plan and its evaluation.

Widgets post intent messages (`ToggleCredential`, `SetScore`); the app builds the next
immutable `Plan` with a core function, evaluates it once, saves it, and screens watch
`evaluation`. The app itself holds no rules.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from textual import on
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive

from ..core.catalog import load_catalog
from ..core.model import Catalog, Plan
from ..core.problems import FileProblems
from ..core.rules import Evaluation, evaluate
from .commands import PlannerCommands
from .messages import SetClass, SetScore, ToggleCredential
from .screens.help import HelpScreen
from .screens.main import MainScreen

STALE_AFTER = dt.timedelta(days=365)

Saver = Callable[[Plan, Catalog], None]


def stale_warning(catalog: Catalog, today: dt.date) -> str:
    checked = catalog.info.checked
    if today - checked > STALE_AFTER:
        return (
            f"Warning: this catalog was last checked on {checked.isoformat()}, over a year ago; "
            "credentials and points may have changed."
        )
    return ""


class CredplanApp(App[None]):
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {PlannerCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Quit; the plan is already saved", id="credplan.quit"),
        Binding("question_mark", "help", "Help", tooltip="Keys and marks", id="credplan.help"),
    ]

    plan: reactive[Plan] = reactive(Plan, init=False)
    evaluation: reactive[Evaluation | None] = reactive(None, init=False)

    def __init__(
        self,
        catalog: Catalog,
        plan: Plan,
        *,
        save: Saver | None = None,
        notice: str = "",
        mode_label: str = "",
        today: dt.date | None = None,
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self._save = save
        self._notice = notice
        self._mode_label = mode_label
        self._today = today or dt.date.today()
        self.set_reactive(CredplanApp.plan, plan)
        self.set_reactive(CredplanApp.evaluation, evaluate(catalog, plan))
        self._set_titles()

    def _set_titles(self) -> None:
        info = self.catalog.info
        self.title = info.title
        parts = [info.region, f"checked {info.checked.isoformat()}"]
        if self._today - info.checked > STALE_AFTER:
            parts.append("OVER A YEAR AGO")
        if self._mode_label:
            parts.append(self._mode_label)
        self.sub_title = " · ".join(parts)

    def banner_text(self) -> str:
        return "\n".join(t for t in (self._notice, stale_warning(self.catalog, self._today)) if t)

    def on_mount(self) -> None:
        self.push_screen(MainScreen(self.catalog, self.banner_text()))

    # -- the plan ---------------------------------------------------------------------
    def watch_plan(self, plan: Plan) -> None:
        self.evaluation = evaluate(self.catalog, plan)
        self._persist(plan)

    def _persist(self, plan: Plan) -> None:
        if self._save is None:
            return
        try:
            self._save(plan, self.catalog)
        except (OSError, FileProblems) as exc:
            message = f"Could not save the plan: {exc}. Your changes stay in this session; keep credplan open."
            self.notify(message, severity="error", timeout=15, markup=False)
            if isinstance(self.screen, MainScreen):
                self.screen.set_banner(message)

    @on(ToggleCredential)
    def _toggle(self, message: ToggleCredential) -> None:
        self.plan = self.plan.toggled(message.credential_id)

    @on(SetScore)
    def _score(self, message: SetScore) -> None:
        self.plan = self.plan.with_score(message.assessment_id, message.part, message.value)

    @on(SetClass)
    def _class(self, message: SetClass) -> None:
        self.plan = self.plan.with_class(message.class_of)

    def pin_field(self, field_id: str | None, toggle: bool = False) -> None:
        if toggle and field_id == self.plan.pinned_field:
            field_id = None
        self.plan = self.plan.pinned(field_id)
        if field_id is None:
            self.notify("Unpinned: the bundle field is the one with the most points.", markup=False)
        else:
            self.notify(f"Pinned {self.catalog.field_name(field_id)} as the bundle field.", markup=False)

    def add_planned(self, credential_ids: list[str]) -> None:
        """Add credentials to the plan as planned (a suggested completion)."""
        plan = self.plan
        for credential_id in credential_ids:
            if plan.selection(credential_id) is None:
                plan = plan.with_selection(credential_id)
        self.plan = plan

    # -- other screens (imported when first opened, to keep start-up small) -----------
    def open_suggestions(self, field_id: str | None = None) -> None:
        from .screens.suggestions import SuggestionsScreen

        self.push_screen(SuggestionsScreen(self.catalog, field_id))

    def open_nearest_fields(self) -> None:
        from .screens.nearest import NearestFieldsScreen

        self.push_screen(NearestFieldsScreen(self.catalog))

    def open_compare(self) -> None:
        from .screens.compare import CompareScreen

        self.push_screen(CompareScreen(self.catalog))

    # -- catalog ------------------------------------------------------------------------
    def switch_catalog(self, path: Path) -> None:
        try:
            catalog = load_catalog(path, display=path.name)
        except FileProblems as exc:
            self.notify(f"Could not open {path.name}:\n{exc}", severity="error", timeout=15, markup=False)
            return
        self.catalog = catalog
        self._set_titles()
        self.evaluation = evaluate(catalog, self.plan)
        self._persist(self.plan)
        self.switch_screen(MainScreen(catalog, self.banner_text()))

    # -- actions ------------------------------------------------------------------------
    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.catalog))
