"""`e` in the web planner: the report arrives as a browser download.

No path is asked for: in a browser the server's files are not the user's, and a path
typed here would be one on the server. The report is handed to Textual's
`App.deliver_text`, which textual-serve turns into a one-time download link."""

from __future__ import annotations

import datetime as dt
import io

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ...core.export import FORMATS, export_report
from ...core.model import Catalog, Plan
from ...core.students import student_slug
from ...core.words import web as words
from ...core.words import keys
from ...core.words import screen as say
from ..widgets.key_bar import KeyBar

NAMES = {ext: name for ext, name in say.FORMAT_NAMES.items() if ext != "html"}
MIME = {"md": "text/markdown", "txt": "text/plain", "json": "application/json"}


def download_name(plan: Plan, fmt: str) -> str:
    """A file name the browser can use as it is: the safe student slug, no path."""
    slug = student_slug(plan.student) if plan.student else "plan"
    return f"credplan-{slug}.{fmt}"


class WebExportScreen(ModalScreen[str | None]):
    """Dismissed with the delivery key (None when cancelled)."""

    DEFAULT_CSS = """
    WebExportScreen { align: center middle; }
    WebExportScreen > Vertical {
        width: 84; max-width: 98%; height: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    WebExportScreen .hint { color: $text-muted; }
    """
    BINDINGS = [
        Binding("enter", "download", keys.EXPORT_DOWNLOAD, id="credplan.export-download"),
        Binding("ctrl+t", "format", keys.EXPORT_FORMAT, id="credplan.export-format"),
        Binding("escape", "cancel", keys.EXPORT_CANCEL, id="credplan.export-cancel"),
    ]

    def __init__(self, catalog: Catalog, plan: Plan, notices: list[str] | None = None) -> None:
        super().__init__()
        self.catalog = catalog
        self.plan = plan
        self.notices = notices or []
        self.fmt = "md"

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = say.EXPORT_TITLE
            yield Static("", id="format", markup=False)
            yield Static(words.EXPORT_HINT, classes="hint", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self._show_format()

    def _show_format(self) -> None:
        name = download_name(self.plan, self.fmt)
        self.query_one("#format", Static).update(f"Format: {NAMES[self.fmt]} ({name})")

    def action_format(self) -> None:
        self.fmt = FORMATS[(FORMATS.index(self.fmt) + 1) % len(FORMATS)]
        self._show_format()

    def action_download(self) -> None:
        text = export_report(self.catalog, self.plan, self.fmt, generated=dt.date.today(), notices=self.notices)
        name = download_name(self.plan, self.fmt)
        key = self.app.deliver_text(
            io.StringIO(text), save_filename=name, open_method="download", encoding="utf-8",
            mime_type=MIME[self.fmt], name="credplan-report",
        )
        self.app.notify(words.export_download(name), markup=False, timeout=10)
        self.dismiss(key)

    def action_cancel(self) -> None:
        self.dismiss(None)
