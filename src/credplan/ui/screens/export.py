"""`e`: write a report a counselor can read or print."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ...core.export import FORMATS, export_report
from ...core.model import Catalog, Plan
from ...core.report_files import ReportTarget, ReportTargetError, check_report_target, write_report
from ...core.students import student_slug
from ...core.words import keys
from ...core.words import screen as say
from ..widgets.key_bar import KeyBar
from .prompts import Confirm


def default_path(plan: Plan, fmt: str) -> Path:
    slug = student_slug(plan.student) if plan.student else "plan"
    return Path.cwd() / f"credplan-{slug}.{fmt}"


class ExportScreen(ModalScreen[Path | None]):
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 84; max-width: 98%; height: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ExportScreen Input { margin-top: 1; }
    ExportScreen .hint { color: $text-muted; }
    """
    BINDINGS = [
        Binding("ctrl+t", "format", keys.EXPORT_FORMAT, id="credplan.export-format"),
        Binding("escape", "cancel", keys.EXPORT_CANCEL, id="credplan.export-cancel"),
    ]

    def __init__(self, catalog: Catalog, plan: Plan, notices: list[str] | None = None, plan_path: Path | None = None) -> None:
        super().__init__()
        self.catalog = catalog
        self.plan = plan
        self.notices = notices or []
        self.plan_path = plan_path
        """The plan file itself: never replaced by a report."""
        self.fmt = "md"

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = say.EXPORT_TITLE
            yield Static("", id="format", markup=False)
            yield Input(str(default_path(self.plan, self.fmt)), id="path")
            yield Static(say.EXPORT_HINT, classes="hint", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self._show_format()
        self.query_one(Input).focus()

    def _show_format(self) -> None:
        self.query_one("#format", Static).update(say.format_line(say.FORMAT_NAMES[self.fmt], self.fmt))

    def action_format(self) -> None:
        box = self.query_one(Input)
        old = self.fmt
        self.fmt = FORMATS[(FORMATS.index(self.fmt) + 1) % len(FORMATS)]
        if box.value.endswith(f".{old}"):
            box.value = box.value[: -len(old)] + self.fmt
        self._show_format()

    @on(Input.Submitted)
    def _write(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            return
        try:  # the same rules as `credplan export -o` (core.report_files)
            target = check_report_target(event.value.strip(), keep=self.plan_path)
        except ReportTargetError as exc:
            if not exc.exists:
                self.app.notify(str(exc), severity="error", markup=False)
                return

            def answered(yes: bool | None) -> None:
                if yes:
                    try:
                        self._save(check_report_target(event.value.strip(), force=True, keep=self.plan_path))
                    except ReportTargetError as again:
                        self.app.notify(str(again), severity="error", markup=False)

            path = Path(event.value.strip()).expanduser()
            self.app.push_screen(Confirm(say.replace_report(path)), answered)
            return
        self._save(target)

    def _save(self, target: ReportTarget) -> None:
        text = export_report(self.catalog, self.plan, self.fmt, generated=dt.date.today(), notices=self.notices)
        try:
            path = write_report(target, text)
        except ReportTargetError as exc:
            self.app.notify(str(exc), severity="error", markup=False)
            return
        self.app.notify(say.report_written(path), markup=False, timeout=10)
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
