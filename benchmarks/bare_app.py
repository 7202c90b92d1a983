"""The baseline for `make bench`: a bare Textual app of the same size as credplan.

Header, an OptionList with one plain-text row per credential, a ProgressBar and a
Footer: the least a Textual program showing that many rows does. It never imports
credplan, so its start-up time and memory are Textual's floor on this machine.

For the keystroke and toggle figures it gets the same work credplan does, done the
plainest way: a printable key extends a query string and the list is refilled with
`set_options` from the same substring filter (at most 200 rows plus a "more" line, as
credplan shows); backspace shortens it, and an empty query shows the rows of the first
field, as credplan does; `space` flips the highlighted row's mark with
`replace_option_prompt_at_index` and moves the bar.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, OptionList, ProgressBar
from textual.widgets.option_list import Option

MAX_MATCHES = 200


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    name: str
    issuer: str
    fields: tuple[str, ...]


def synthetic_rows(n: int) -> list[Row]:
    return [Row(f"c{i:05d}", f"Credential {i}", "", ("f00",)) for i in range(n)]


def catalog_rows(path: str | Path) -> tuple[list[Row], list[str]]:
    """(rows, field ids in order) read with tomllib only: no credplan code."""
    doc = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    fields = [f["id"] for f in doc.get("field", [])]
    rows = []
    for c in doc.get("credential", []):
        listed = c.get("fields", [])
        rows.append(Row(c["id"], c["name"], c.get("issuer", ""), tuple(fields if "*" in listed else listed)))
    return rows, fields


def prompt(row: Row, selected: bool) -> str:
    mark = "[x]" if selected else "[ ]"
    return f"{mark} {row.name}" + (f" · {row.issuer}" if row.issuer else "")


class BareApp(App[None]):
    """Header, OptionList, ProgressBar, Footer."""

    def __init__(self, rows: list[Row], first_field: str | None = None) -> None:
        super().__init__()
        self.rows = rows
        self.first_field = first_field
        self.query_text = ""
        self.selected: set[str] = set()
        self.shown: list[Row] = list(rows)
        self._hay = [(r, r.name.casefold(), f"{r.name}\n{r.issuer}\n{r.id}".casefold()) for r in rows]

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(*(Option(prompt(r, False), id=r.id) for r in self.rows), markup=False)
        yield ProgressBar(total=12, show_eta=False)
        yield Footer()

    # -- the same work credplan does per key, done plainly ---------------------------
    def find(self, text: str) -> tuple[list[Row], int]:
        needle = " ".join(text.split()).casefold()
        first: list[Row] = []
        rest: list[Row] = []
        for row, name, hay in self._hay:
            if needle in hay:
                (first if name.startswith(needle) else rest).append(row)
        matches = first + rest
        return matches[:MAX_MATCHES], len(matches)

    def show_query(self) -> None:
        options = self.query_one(OptionList)
        if not self.query_text.strip():
            field = self.first_field
            self.shown = [r for r in self.rows if field is None or field in r.fields]
            options.set_options(Option(prompt(r, r.id in self.selected), id=r.id) for r in self.shown)
        else:
            self.shown, total = self.find(self.query_text)
            options.set_options(Option(prompt(r, r.id in self.selected), id=r.id) for r in self.shown)
            if total > len(self.shown):
                options.add_option(Option(f"... {total - len(self.shown)} more matches", disabled=True))
            if not total:
                options.add_option(Option(f"No match for {self.query_text!r}", disabled=True))
        if self.shown:
            options.highlighted = 0

    def toggle(self) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None or index >= len(self.shown):
            return
        row = self.shown[index]
        self.selected ^= {row.id}
        options.replace_option_prompt_at_index(index, prompt(row, row.id in self.selected))
        self.query_one(ProgressBar).update(progress=min(12, 3 * len(self.selected)))

    def on_key(self, event: events.Key) -> None:
        if event.key == "space":
            event.stop()
            self.toggle()
        elif event.key == "backspace":
            event.stop()
            self.query_text = self.query_text[:-1]
            self.show_query()
        elif event.character and event.is_printable:
            event.stop()
            self.query_text += event.character
            self.show_query()


class StartedBareApp(BareApp):
    """As `make bench` times it: the first field's rows on the first screen."""

    def on_mount(self) -> None:
        self.show_query()


if __name__ == "__main__":  # python benchmarks/bare_app.py CATALOG.toml: in a real terminal
    import sys

    rows, fields = catalog_rows(sys.argv[1])
    StartedBareApp(rows, first_field=fields[0] if fields else None).run()
