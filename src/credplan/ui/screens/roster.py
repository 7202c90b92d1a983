"""`R`: the counselor's roster. Every student's plan in the plans folder, each judged
by its own catalog (`core.roster`), one row each, with the status counts on top.

`s` changes the order (need, name, class), `/` filters by name, field or catalog,
`enter` opens the highlighted student's plan (read-only when it is open elsewhere);
a plan saved with another catalog than the planner's is not opened here, where it
would be judged (and saved) by the wrong list: the screen says how to open it,
`escape` clears the filter, then closes. The rows are read in a thread so the screen
answers at once on a folder of a thousand plans. Student and catalog text reaches the
table as `rich.text.Text` (never parsed as markup), after `core.text.clean`."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static

from ...core.paths import plans_dir
from ...core.roster import SORTS, RosterRow, filter_rows, roster, sort_rows, status_counts
from ...core.text import clean
from ...core.words import roster as words
from ...core.words import keys
from ...core.words import screen as say
from ..widgets.key_bar import KeyBar

SORT_WORDS = say.SORT_WORDS


class RosterScreen(Screen[None]):
    DEFAULT_CSS = """
    RosterScreen #roster-counts { height: auto; padding: 0 1; text-style: bold; }
    RosterScreen #roster-filter { height: 1; border: none; padding: 0 1; background: $boost; }
    RosterScreen #roster-filter:focus { background: $accent 30%; }
    RosterScreen DataTable { height: 1fr; border: round $primary-darken-2; }
    RosterScreen DataTable:focus { border: round $accent; }
    RosterScreen #roster-notes { height: auto; max-height: 4; padding: 0 1; color: $text-muted; }
    """
    BINDING_GROUP_TITLE = keys.GROUP_ROSTER
    SUB_TITLE = say.PLACE_ROSTER
    BINDINGS = [
        Binding("enter", "open", keys.ROSTER_OPEN, tooltip=keys.ROSTER_OPEN_TIP, id="credplan.roster-open"),
        Binding("s", "sort", keys.ROSTER_SORT, tooltip=keys.ROSTER_SORT_TIP, id="credplan.roster-sort"),
        Binding("slash", "filter", keys.ROSTER_FILTER, tooltip=keys.ROSTER_FILTER_TIP, id="credplan.roster-filter"),
        Binding("escape", "back", keys.ROSTER_BACK, tooltip=keys.ROSTER_BACK_TIP, id="credplan.roster-back"),
    ]

    def __init__(self, directory: Path | None = None, current: Path | None = None) -> None:
        super().__init__()
        self.directory = directory if directory is not None else plans_dir()
        self.current = current
        self.rows: list[RosterRow] = []
        self.shown: list[RosterRow] = []
        self.sort = "need"

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield Static(say.reading_plans(clean(self.directory)), id="roster-counts", markup=False)
        box = Input(placeholder=say.ROSTER_FILTER, id="roster-filter")
        yield box
        table: DataTable[Text] = DataTable(id="roster", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(f"{words.STATUS_LEGEND}.\n{words.LEGEND}", id="roster-notes", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, heading in words.COLUMNS:
            table.add_column(Text(heading), key=key)
        table.focus()
        self.load()

    @work(thread=True, exclusive=True, group="roster")
    def load(self) -> None:
        rows = roster(self.directory)
        self.app.call_from_thread(self._loaded, rows)

    def _loaded(self, rows: list[RosterRow]) -> None:
        self.rows = rows
        self.refill()

    # -- showing ----------------------------------------------------------------------------
    def refill(self) -> None:
        text = self.query_one("#roster-filter", Input).value
        self.shown = sort_rows(filter_rows(self.rows, text=text), self.sort)
        table = self.query_one(DataTable)
        keep = self.highlighted_path
        table.clear()
        for row in self.shown:
            cells = words.cells(row)
            if self.current is not None and row.path == self.current:
                cells["student"] += say.OPEN_NOW_TAIL
            table.add_row(*(Text(clean(cells[key]), no_wrap=True) for key, _ in words.COLUMNS), key=str(row.path))
        paths = [r.path for r in self.shown]
        if keep in paths:
            table.move_cursor(row=paths.index(keep))
        self._say_counts()

    def _say_counts(self) -> None:
        counts = self.query_one("#roster-counts", Static)
        if not self.rows:
            counts.update(words.no_plans(self.directory))
            return
        line = f"{words.counts_line(status_counts(self.shown))}. Sorted {SORT_WORDS[self.sort]}."
        if len(self.shown) != len(self.rows):
            line += " " + (words.showing(len(self.shown), len(self.rows)) if self.shown else words.none_match(len(self.rows)))
        counts.update(line)

    @property
    def highlighted(self) -> RosterRow | None:
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row is None or not 0 <= table.cursor_row < len(self.shown):
            return None
        return self.shown[table.cursor_row]

    @property
    def highlighted_path(self) -> Path | None:
        row = self.highlighted
        return row.path if row is not None else None

    # -- keys --------------------------------------------------------------------------------
    @on(Input.Changed, "#roster-filter")
    def _filtered(self) -> None:
        self.refill()

    @on(Input.Submitted, "#roster-filter")
    def _filter_done(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        row = self.highlighted
        if row is None:
            return
        if not row.readable:
            self.app.notify(say.cannot_read_plan(clean(row.problem)), severity="warning", markup=False)
            return
        planner = self.app.catalog.id  # type: ignore[attr-defined]
        if row.catalog_id != planner:
            self.app.notify(words.other_catalog(row, planner), severity="warning", timeout=12, markup=False)
            return
        app = self.app
        self.dismiss()
        if row.path != self.current:
            app.open_plan_file(row.path, row.student)  # type: ignore[attr-defined]

    def action_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.refill()

    def action_filter(self) -> None:
        self.query_one("#roster-filter", Input).focus()

    def action_back(self) -> None:
        box = self.query_one("#roster-filter", Input)
        if box.value:
            box.value = ""
            self.query_one(DataTable).focus()
            return
        self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("sort", "filter") and isinstance(self.focused, Input):
            return False  # typed into the filter box, not taken as keys
        return True
