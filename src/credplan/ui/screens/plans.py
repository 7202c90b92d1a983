"""`o`: the students' plans on this machine: open, create, rename, delete.

Every one of these goes through the planning session, which decides what this user may
touch (in the web planner: a counselor, only plans in the plans folder)."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...core.plan_errors import PlanExists, StorageError

from ...core.paths import plans_dir
from ...core.students import (
    AmbiguousName, PlanInfo, lookup_student, name_problem,
)
from ...core.words import keys
from ...core.words import screen as say
from ..widgets.key_bar import KeyBar
from .prompts import Confirm, TextPrompt


class PlanPickerScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    PlanPickerScreen { align: center middle; }
    PlanPickerScreen > Vertical {
        width: 80; max-width: 98%; height: 80%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    PlanPickerScreen OptionList { height: 1fr; }
    PlanPickerScreen #where { color: $text-muted; }
    """
    BINDINGS = [
        Binding("enter", "open", keys.PLANS_OPEN, id="credplan.plans-open"),
        Binding("n", "new", keys.PLANS_NEW, id="credplan.plans-new"),
        Binding("r", "rename", keys.PLANS_RENAME, id="credplan.plans-rename"),
        Binding("d", "delete", keys.PLANS_DELETE, id="credplan.plans-delete"),
        Binding("escape", "dismiss", keys.PLANS_CLOSE, id="credplan.plans-close"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = say.PLANS_TITLE
            where = "" if self.app.session.is_web else say.plans_kept_in(plans_dir())  # type: ignore[attr-defined]
            yield Static(where, id="where", markup=False)
            yield OptionList(id="plans", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.refill()
        self.query_one(OptionList).focus()

    @property
    def current_path(self):
        store = getattr(self.app, "store", None)
        return None if store is None else store.path

    def refill(self) -> None:
        self.infos: list[PlanInfo] = self.app.session.list_plans()  # type: ignore[attr-defined]
        options = []
        for info in self.infos:
            bits = [info.label]
            if info.selections is not None:
                bits.append(say.plan_selected(info.selections))
            bits.append(say.plan_changed(info.modified))
            if self.current_path is not None and info.path == self.current_path:
                bits.append(say.OPEN_NOW)
            options.append(Option(Content(" · ".join(bits)), id=str(info.path)))
        plans = self.query_one(OptionList)
        plans.set_options(options)
        if not options:
            plans.add_option(Option(say.NO_PLANS, disabled=True))
        else:
            plans.highlighted = 0

    def _highlighted(self) -> PlanInfo | None:
        index = self.query_one(OptionList).highlighted
        if index is None or index >= len(self.infos):
            return None
        return self.infos[index]

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        info = self._highlighted()
        if info is None:
            return
        if not info.readable:
            self.app.notify(say.cannot_read_plan(info.problem), severity="warning", markup=False)
        self.app.open_plan_file(info.path, info.student)  # type: ignore[attr-defined]
        self.dismiss(None)

    def action_new(self) -> None:
        def made(name: str | None) -> None:
            if not name or not name.strip():
                return
            problem = name_problem(name.strip())
            if problem:
                self.app.notify(problem, severity="warning", markup=False)
                return
            try:  # the same name typed another way is the same student
                found = lookup_student(name.strip(), plans_dir())
            except AmbiguousName:
                found = None
            if found is None or found.exists:
                self.app.notify(say.has_a_plan(name.strip()), markup=False)
                return
            path = found.path
            self.app.open_plan_file(path, name.strip())  # type: ignore[attr-defined]
            self.dismiss(None)

        self.app.push_screen(TextPrompt(say.NEW_STUDENT), made)

    def action_rename(self) -> None:
        info = self._highlighted()
        if info is None:
            return

        def renamed(name: str | None) -> None:
            if not name or not name.strip() or name.strip() == info.student:
                return
            mine = self.current_path is not None and info.path == self.current_path
            try:
                self.app.session.rename_plan(info.path, name.strip())  # type: ignore[attr-defined]
            except (PlanExists, StorageError, OSError) as exc:
                self.app.notify(str(exc), severity="error", markup=False)
                return
            if mine:
                self.app.load_plan(replace(self.app.plan, student=name.strip()))  # type: ignore[attr-defined]
            self.refill()

        self.app.push_screen(TextPrompt(say.NEW_NAME, info.student), renamed)

    def action_delete(self) -> None:
        info = self._highlighted()
        if info is None:
            return
        if self.current_path is not None and info.path == self.current_path:
            self.app.notify(say.DELETE_OPEN, markup=False)
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                where = self.app.session.delete_plan(info.path)  # type: ignore[attr-defined]
            except (StorageError, OSError) as exc:
                self.app.notify(str(exc), severity="error", markup=False)
                return
            self.app.notify(say.moved_to_trash(where), markup=False, timeout=10)
            self.refill()

        self.app.push_screen(Confirm(say.delete_plan(info.label)), answered)
