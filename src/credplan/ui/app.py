"""The credplan Textual app: owns the catalog, the plan and its evaluation.

Widgets post intent messages (`ToggleCredential`, `SetScore`); the app builds the next
immutable `Plan` with a core function, evaluates it once, saves it, and screens watch
`evaluation`. The app itself holds no rules.
"""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path
from typing import Callable

from textual import on
from textual.app import App
from textual.binding import Binding
from textual.reactive import var

from ..core.catalog import load_catalog
from ..core.model import EARNED, PLANNED, Catalog, Plan
from ..core.problems import FileProblems
from ..core.rules import Evaluation, evaluate
from ..core.text import display_catalog
from ..core.storage import OpenedPlan, PlanChangedOnDisk, PlanStore, StorageError
from .commands import PlannerCommands
from .messages import SetClass, SetScore, ToggleCredential
from .terminal_watch import terminal_fd, terminal_gone
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

    # Data, not display: `var` runs the watchers without repainting the whole screen
    # (a `reactive` on the app repainted every widget on every change of the plan).
    plan: var[Plan] = var(Plan, init=False)
    evaluation: var[Evaluation | None] = var(None, init=False)

    def __init__(
        self,
        catalog: Catalog,
        plan: Plan,
        *,
        save: Saver | None = None,
        store: PlanStore | None = None,
        notice: str = "",
        mode_label: str = "",
        today: dt.date | None = None,
    ) -> None:
        super().__init__()
        catalog = display_catalog(catalog)
        self.catalog = catalog
        self.store = store
        self._save = save
        if store is not None and save is None:
            self._save = lambda p, c: store.save(p, c)
        self._notice = notice
        self._save_problem = ""
        self._mode_label = mode_label or ("DEMO: nothing is saved" if store is not None and store.is_demo else "")
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

    @property
    def read_only(self) -> bool:
        return self.store is not None and self.store.read_only

    def banner_text(self) -> str:
        parts = (self._save_problem, self._notice, stale_warning(self.catalog, self._today))
        return "\n".join(t for t in parts if t)

    def _show_banner(self) -> None:
        if isinstance(self.screen, MainScreen):
            self.screen.set_banner(self.banner_text())

    def get_default_screen(self) -> MainScreen:
        # The planner is the first screen itself: no blank screen to compose and draw first.
        return MainScreen(self.catalog, self.banner_text())

    def on_mount(self) -> None:
        # Everything built so far (the catalog, its indexes, the widgets) lives as long
        # as the app. Moving it out of the collector's reach keeps full collections
        # from walking it: on a 10,000-credential catalog each took 30-60 ms, in the
        # middle of whatever key the student had just pressed.
        self.call_after_refresh(gc.freeze)
        fd = None if self.is_headless else terminal_fd()
        if fd is not None:
            self.set_interval(1.0, lambda: self._leave_if_gone(fd))

    def _leave_if_gone(self, fd: int) -> None:
        if terminal_gone(fd):
            self.exit(return_code=129)  # as if hung up (128 + SIGHUP); the plan is saved

    # -- the plan ---------------------------------------------------------------------
    def watch_plan(self, plan: Plan) -> None:
        self.evaluation = evaluate(self.catalog, plan)
        self._persist(plan)

    def change_plan(self, plan: Plan) -> bool:
        """The one way the plan changes; refused, with a message, when read-only."""
        if self.read_only:
            reason = self.store.reason if self.store is not None else ""
            self.notify(f"Read-only, nothing was changed. {reason}", severity="warning", markup=False)
            self.evaluation = evaluate(self.catalog, self.plan)  # put inputs back
            return False
        self.plan = plan
        return True

    def _persist(self, plan: Plan) -> None:
        if self._save is None:
            return
        try:
            self._save(plan, self.catalog)
        except PlanChangedOnDisk as exc:
            self._save_failed(
                f"{exc} Your change is kept here but not saved: in the palette (ctrl+p) choose "
                "'Reload plan from disk' or 'Keep my version'."
            )
        except (StorageError, OSError, FileProblems) as exc:
            self._save_failed(f"Could not save the plan: {exc} Your changes stay in this session; keep credplan open.")
        else:
            if self._save_problem:
                self._save_problem = ""
                self._show_banner()

    def _save_failed(self, message: str) -> None:
        first = message != self._save_problem
        self._save_problem = message
        if first:
            self.notify(message, severity="error", timeout=10, markup=False)
        self._show_banner()

    def load_plan(self, plan: Plan, notice: str = "") -> None:
        """Show another plan (opened, reloaded) without saving it again."""
        self.set_reactive(CredplanApp.plan, plan)
        self._notice = notice
        self._save_problem = ""
        self._set_titles()
        self.evaluation = evaluate(self.catalog, plan)
        self._show_banner()

    def reload_from_disk(self) -> None:
        if self.store is None or self.store.is_demo:
            return
        opened = self.store.reload()
        self.load_plan(opened.plan, opened.notice)
        self.notify("Reloaded the plan from disk.", markup=False)

    def keep_my_version(self) -> None:
        if self.store is None or self.store.is_demo:
            return
        try:
            self.store.save(self.plan, self.catalog, force=True)
        except (StorageError, OSError) as exc:
            self._save_failed(f"Could not save the plan: {exc}")
            return
        copy = self.store.conflict_copy
        self._save_problem = ""
        self._show_banner()
        where = f"; the other version was kept as {copy}" if copy else ""
        self.notify(f"Saved your version{where}.", markup=False, timeout=10)

    def open_plan_file(self, path: Path, student: str = "") -> None:
        """Switch to another student's plan (the plan picker)."""
        new_store = PlanStore(path)
        opened: OpenedPlan = new_store.open(student=student)
        if self.store is not None:
            self.store.close()
        self.store = new_store
        self._save = lambda p, c: new_store.save(p, c)
        self.load_plan(opened.plan, opened.notice)
        if isinstance(self.screen, MainScreen):
            self.screen.set_read_only(self.read_only)
        who = opened.plan.student or path.stem
        self.notify(f"Opened the plan of {who}.", markup=False)

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()

    @on(ToggleCredential)
    def _toggle(self, message: ToggleCredential) -> None:
        self.change_plan(self.plan.toggled(message.credential_id))

    @on(SetScore)
    def _score(self, message: SetScore) -> None:
        self.change_plan(self.plan.with_score(message.assessment_id, message.part, message.value))

    def toggle_earned(self, credential_id: str) -> None:
        selection = self.plan.selection(credential_id)
        if selection is None:
            self.notify("Select the credential first (space), then m marks it earned.", markup=False)
            return
        status = PLANNED if selection.status == EARNED else EARNED
        if self.change_plan(self.plan.with_status(credential_id, status)):
            name = self.catalog.credential_by_id[credential_id].name if credential_id in self.catalog.credential_by_id else credential_id
            self.notify(f"{name}: {status}.", markup=False)

    @on(SetClass)
    def _class(self, message: SetClass) -> None:
        self.change_plan(self.plan.with_class(message.class_of))

    def pin_field(self, field_id: str | None, toggle: bool = False) -> None:
        if toggle and field_id == self.plan.pinned_field:
            field_id = None
        if not self.change_plan(self.plan.pinned(field_id)):
            return
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
        self.change_plan(plan)

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
            catalog = display_catalog(load_catalog(path, display=path.name))
        except FileProblems as exc:
            self.notify(f"Could not open {path.name}:\n{exc}", severity="error", timeout=15, markup=False)
            return
        self.catalog = catalog
        self._set_titles()
        self.evaluation = evaluate(catalog, self.plan)
        self._persist(self.plan)
        self.switch_screen(MainScreen(catalog, self.banner_text()))

    # -- plans and reports ------------------------------------------------------------------
    def open_plan_picker(self) -> None:
        from .screens.plans import PlanPickerScreen

        self.push_screen(PlanPickerScreen())

    def open_export(self) -> None:
        from .screens.export import ExportScreen

        self.push_screen(ExportScreen(self.catalog, self.plan))

    # -- actions ------------------------------------------------------------------------
    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.catalog))
