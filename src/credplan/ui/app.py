"""The credplan Textual app: owns the catalog, the plan and its evaluation.

Widgets post intent messages (`ToggleCredential`, `SetScore`); the app builds the next
immutable `Plan` with a core function and hands it to the planning session
(`core.session.PlanSession`), which saves it; screens watch `evaluation`. The app holds
no rules and no storage of its own.
"""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

from textual import on
from textual.app import App
from textual.binding import Binding
from textual.reactive import var

from ..core.session import STALE_AFTER
from ..core.model import EARNED, PLANNED, Plan
from ..core.rules import Evaluation, evaluate
from ..core.session import PlanSession, SessionError
from ..core.store import OpenedPlan, PlanStore
from ..core.plan_errors import StorageError
from ..core.text import clean, display_catalog
from ..core.words import notices
from ..core.words import screen as say
from ..core.words import keys
from .commands import PlannerCommands
from .messages import SetClass, SetScore, ToggleCredential
from .terminal_watch import terminal_fd, terminal_gone
from .screens.help import HelpScreen
from .screens.main import MainScreen
from .widgets.title_bar import TitleBar, Titles

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..core.model import Status

EXIT_NOT_SAVED = 3
"""The planner's exit status when the student left with changes that were not saved."""


class CredplanApp(App[None]):
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {PlannerCommands}
    BINDINGS = [
        Binding("q", "quit", keys.QUIT, tooltip=keys.QUIT_TIP, id="credplan.quit"),
        Binding("question_mark", "help", keys.HELP, tooltip=keys.HELP_TIP, id="credplan.help"),
    ]

    # Data, not display: `var` runs the watchers without repainting the whole screen
    # (a `reactive` on the app repainted every widget on every change of the plan).
    plan: var[Plan] = var(Plan, init=False)
    # Always announced, even when equal: a score typed while its requirement does not
    # apply (no class set) changes the plan but not the evaluation, and the views must
    # still learn the new plan (a box once showed "-" while the file held 5).
    evaluation: var[Evaluation | None] = var(None, init=False, always_update=True)

    def __init__(self, session: PlanSession, *, mode_label: str = "", today: dt.date | None = None) -> None:
        super().__init__()
        self.session = session
        self._mode_label = mode_label
        """Said on the top line after the catalog (the web mode: who is signed in)."""
        if today is not None:
            session.today = today
        self.catalog = display_catalog(session.catalog)
        self._save_problem = ""
        self.exit_message = ""
        """Said on the terminal after the planner closes (a copy saved, changes dropped)."""
        self.set_reactive(CredplanApp.plan, session.plan)
        self.set_reactive(CredplanApp.evaluation, evaluate(self.catalog, session.plan))
        self._set_titles()

    @property
    def store(self) -> PlanStore | None:
        return self.session.store

    def titles(self) -> Titles:
        """What the top line says: DEMO, whose plan, the catalog."""
        info = self.catalog.info
        stale = self.session.today - info.checked > STALE_AFTER
        where = " · ".join(
            p for p in (info.region, say.checked_words(info.checked.isoformat(), stale), self._mode_label) if p
        )
        owner = clean(say.plan_owner(self.plan.student, demo=self.session.is_demo))
        return Titles(owner=owner, catalog=info.title, where=where, demo=self.session.is_demo)

    def _set_titles(self) -> None:
        """The app's title (other screens' headers), the top line, and the terminal
        window's title: a class watching a demo, or a counselor with four terminals
        open, sees whose plan it is and DEMO without reading the screen."""
        titles = self.titles()
        demo = f"{say.DEMO_BADGE}: {say.DEMO_TAIL} · " if titles.demo else ""
        self.title = f"{demo}{titles.owner} · {titles.catalog}"
        self.sub_title = titles.where
        self._terminal_title(say.terminal_title(titles.owner, titles.catalog, demo=titles.demo))
        if self._running:
            for screen in self.screen_stack:
                if isinstance(screen, MainScreen) and screen.is_mounted:
                    screen.query_one(TitleBar).show(titles)

    _window_title = ""
    _title_saved = False

    def _terminal_title(self, text: str) -> None:
        """OSC 2 sets the window (tmux: pane) title; the text has been through `clean`,
        so it holds no control character that could end the sequence early. The title
        the terminal had is pushed first (XTWINOPS 22) and given back on leaving (23),
        where the terminal keeps such a stack."""
        self._window_title = text
        driver = self._driver
        if driver is not None and not self.is_headless and self._running:
            push = "" if self._title_saved else "\x1b[22;2t"
            self._title_saved = True
            driver.write(f"{push}\x1b]2;{text}\x07")
            driver.flush()

    def _give_back_title(self) -> None:
        driver = self._driver
        if self._title_saved and driver is not None:
            try:
                driver.write("\x1b[23;2t")
                driver.flush()
            except Exception:
                pass
            self._title_saved = False

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    def banner_text(self) -> str:
        # The top line says DEMO and that nothing is saved: not said twice.
        parts = (self._save_problem, *(n for n in self.session.notices if n != notices.DEMO))
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
        if self._window_title:
            self._terminal_title(self._window_title)
        fd = None if self.is_headless else terminal_fd()
        if fd is not None:
            self.set_interval(1.0, lambda: self._leave_if_gone(fd))

    def _leave_if_gone(self, fd: int) -> None:
        if terminal_gone(fd):
            # As if hung up (128 + SIGHUP). A change not saved by then cannot be asked
            # about: keep it as a copy rather than lose it.
            if self.session.unsaved:
                self._keep_copy_quietly()
            self.exit(return_code=129)

    # -- the plan ---------------------------------------------------------------------
    def watch_plan(self, plan: Plan) -> None:
        self.evaluation = evaluate(self.catalog, plan)

    def change_plan(self, plan: Plan) -> bool:
        """The one way the plan changes: through the session, which saves it."""
        if self.read_only:
            self.notify(say.read_only_not_changed(self.session.reason), severity="warning", markup=False)
            self.evaluation = evaluate(self.catalog, self.plan)  # put inputs back
            return False
        if not self.session.change(plan):
            self._save_failed(f"{self.session.save_problem} {notices.PLANNER_UNSAVED}")
        elif self._save_problem:
            self._save_problem = ""
            self._show_banner()
        self.plan = self.session.plan
        return True

    def _save_failed(self, message: str) -> None:
        first = message != self._save_problem
        self._save_problem = message
        if first:
            self.notify(message, severity="error", timeout=10, markup=False)
        self._show_banner()

    def load_plan(self, plan: Plan, notice: str = "") -> None:
        """Show the session's plan again (opened, reloaded, renamed) without saving it."""
        self.session.plan = plan
        self.set_reactive(CredplanApp.plan, plan)
        if notice:
            self.session.notices = [notice]
        self._save_problem = ""
        self._set_titles()
        self.evaluation = evaluate(self.catalog, plan)
        self._show_banner()

    def reset_demo(self) -> None:
        """`r` in a demo: back to the plan it started with (empty, or the example)."""
        if not self.session.is_demo:
            return
        plan = self.session.reset_demo()
        self.load_plan(plan)
        said = notices.DEMO_RESET_EXAMPLE if plan.selections or plan.scores else notices.DEMO_RESET_EMPTY
        self.notify(said, markup=False)

    # -- the theme, remembered for this user -----------------------------------------------
    remember_theme = True
    """Save a theme chosen in the palette (not in a demo: a demo saves nothing)."""

    def watch_theme(self, theme: str) -> None:
        if not self.remember_theme or self.session.is_demo or not self._running:
            return
        from ..core.settings import save_setting

        try:
            save_setting("theme", theme)
        except OSError as exc:
            self.notify(notices.setting_not_saved(exc), severity="warning", markup=False)

    def reload_from_disk(self) -> None:
        if self.session.is_demo:
            return
        said = self.session.reload()
        self.load_plan(self.session.plan)
        self.notify(said or notices.RELOADED, markup=False)

    def keep_my_version(self) -> None:
        if self.session.is_demo:
            return
        try:
            said = self.session.keep_mine()
        except StorageError as exc:
            self._save_failed(str(exc))
            return
        self._save_problem = ""
        self._show_banner()
        self.notify(said, markup=False, timeout=10)

    def open_plan_file(self, path: Path, student: str = "") -> None:
        """Switch to another student's plan (the plan picker)."""
        try:
            opened: OpenedPlan = self.session.open_plan_file(path, student)
        except StorageError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        self.load_plan(opened.plan, opened.notice)
        if isinstance(self.screen, MainScreen):
            self.screen.set_read_only(self.read_only)
        who = opened.plan.student or path.stem
        self.notify(say.opened_plan_of(who), markup=False)

    def on_unmount(self) -> None:
        self._give_back_title()
        self.session.close()

    # -- leaving ------------------------------------------------------------------------
    async def action_quit(self) -> None:
        if not self.session.unsaved:
            self.exit()
            return
        from .screens.unsaved import UnsavedScreen

        self.push_screen(UnsavedScreen(self.session), self._after_unsaved)

    def _after_unsaved(self, choice: str | None) -> None:
        if choice == "retry":
            if self.session.retry_save():
                self.exit()
            else:
                self._save_failed(f"{self.session.save_problem} {notices.PLANNER_UNSAVED}")
        elif choice == "copy":
            try:
                where = self.session.save_copy()
            except StorageError as exc:
                self._save_failed(str(exc))
                return
            self.exit_message = notices.saved_copy(where)
            self.exit()
        elif choice == "discard":
            self.session.discard()
            self.exit_message = notices.DISCARDED
            self.exit(return_code=EXIT_NOT_SAVED)

    def _keep_copy_quietly(self) -> None:
        try:
            self.exit_message = notices.saved_copy(self.session.save_copy())
        except StorageError as exc:
            self.exit_message = str(exc)

    @on(ToggleCredential)
    def _toggle(self, message: ToggleCredential) -> None:
        self.change_plan(self.plan.toggled(message.credential_id))

    @on(SetScore)
    def _score(self, message: SetScore) -> None:
        self.change_plan(self.plan.with_score(message.assessment_id, message.part, message.value))

    def toggle_earned(self, credential_id: str) -> None:
        selection = self.plan.selection(credential_id)
        if selection is None:
            self.notify(say.SELECT_FIRST, markup=False)
            return
        status: Status = PLANNED if selection.status == EARNED else EARNED
        if self.change_plan(self.plan.with_status(credential_id, status)):
            name = self.catalog.credential_by_id[credential_id].name if credential_id in self.catalog.credential_by_id else credential_id
            self.notify(say.now_status(name, status), markup=False)

    @on(SetClass)
    def _class(self, message: SetClass) -> None:
        self.change_plan(self.plan.with_class(message.class_of))

    def pin_field(self, field_id: str | None, toggle: bool = False) -> None:
        if toggle and field_id == self.plan.pinned_field:
            field_id = None
        if not self.change_plan(self.plan.pinned(field_id)):
            return
        if field_id is None:
            self.notify(say.UNPINNED, markup=False)
        else:
            self.notify(say.pinned(self.catalog.field_name(field_id)), markup=False)

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
            raw = self.session.switch_catalog(path)
        except StorageError as exc:  # not offered by the web server
            self.notify(str(exc), severity="warning", markup=False)
            return
        except SessionError as exc:
            text = "\n".join(str(p) for p in exc.problems)
            self.notify(say.could_not_open(path.name, text), severity="error", timeout=15, markup=False)
            return
        self.catalog = display_catalog(raw)
        self._set_titles()
        self.evaluation = evaluate(self.catalog, self.plan)
        if self.session.unsaved:
            self._save_failed(f"{self.session.save_problem} {notices.PLANNER_UNSAVED}")
        screen = MainScreen(self.catalog, self.banner_text())
        if len(self.screen_stack) > 1 and isinstance(self.screen, MainScreen):
            self.switch_screen(screen)  # a planner pushed by an earlier switch
        else:
            # The first planner is the default screen, which Textual cannot switch away
            # from (it has no result callback to pop); the new one goes on top of it.
            self.push_screen(screen)

    # -- plans and reports ------------------------------------------------------------------
    def open_plan_picker(self) -> None:
        if not self.session.can_list_plans:
            self.notify(self.session.no_plans_reason, markup=False)
            return
        from .screens.plans import PlanPickerScreen

        self.push_screen(PlanPickerScreen())

    def open_roster(self) -> None:
        """Every student's plan, judged by its own catalog (not in a demo)."""
        if not self.session.can_list_plans:
            self.notify(notices.DEMO_NO_PLANS, markup=False)
            return
        from .screens.roster import RosterScreen

        self.push_screen(RosterScreen(current=self.session.path))

    def open_export(self) -> None:
        if self.session.is_web or self.is_web:  # a browser: a download, never a server path
            from .screens.web_export import WebExportScreen

            self.push_screen(WebExportScreen(self.catalog, self.plan, self.session.catalog_notices))
            return
        from .screens.export import ExportScreen

        self.push_screen(ExportScreen(self.catalog, self.plan, self.session.catalog_notices, self.session.path))

    # -- actions ------------------------------------------------------------------------
    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.catalog, demo=self.session.is_demo))
