"""`n`: every career field ranked by how close the plan is to a bundle there.

`enter` opens the suggestions for the highlighted field, `p` pins (or unpins) it."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...core.model import Catalog
from ...core.rules import Evaluation
from ...core.nearest import FieldDistance, nearest_fields
from ...core.words.suggestions import distance_sentence
from ...core.words import keys
from ...core.words import screen as say
from ..widgets.key_bar import KeyBar
from ..widgets.title_bar import TitleBar


class NearestList(OptionList):
    BINDINGS = [
        Binding("enter", "select", keys.NEAREST_SUGGEST, tooltip=keys.NEAREST_SUGGEST_TIP,
                id="credplan.nearest-suggest"),
    ]


class NearestFieldsScreen(Screen[None]):
    DEFAULT_CSS = """
    NearestFieldsScreen #nearest-heading {
        height: auto;
        padding: 0 1;
        text-style: bold;
    }
    NearestFieldsScreen NearestList {
        height: 1fr;
        min-width: 20;
        border: round $primary-darken-2;
    }
    NearestFieldsScreen NearestList:focus {
        border: round $accent;
    }
    NearestFieldsScreen #nearest-notes {
        height: auto;
        padding: 0 1;
        color: $text-muted;
    }
    """

    BINDING_GROUP_TITLE = keys.GROUP_NEAREST
    SUB_TITLE = say.PLACE_NEAREST
    BINDINGS = [
        Binding("escape", "close", keys.NEAREST_CLOSE, tooltip=keys.NEAREST_CLOSE_TIP, id="credplan.nearest-close"),
        Binding("p", "pin", keys.NEAREST_PIN, tooltip=keys.NEAREST_PIN_TIP,
                id="credplan.nearest-pin"),
    ]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
        self.distances: list[FieldDistance] = []

    def compose(self) -> ComposeResult:
        yield TitleBar(replace(self.app.titles(), place=self.SUB_TITLE))  # type: ignore[attr-defined]
        yield Static("", id="nearest-heading", markup=False)
        yield NearestList(id="nearest", markup=False)
        yield Static("", id="nearest-notes", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.show()
        self.query_one(NearestList).focus()
        self.watch(self.app, "evaluation", self._evaluation_changed, init=False)

    def _evaluation_changed(self, evaluation: Evaluation) -> None:
        self.show()

    def show(self) -> None:
        listing = self.query_one(NearestList)
        keep = self.field_id
        self.distances = nearest_fields(self.catalog, self.app.plan)  # type: ignore[attr-defined]
        heading = self.query_one("#nearest-heading", Static)
        notes = self.query_one("#nearest-notes", Static)
        if not self.distances:
            heading.update(Content(say.NEAREST_NO_BUNDLE))
            listing.set_options([])
            notes.update(Content(""))
            return
        pinned = self.app.plan.pinned_field  # type: ignore[attr-defined]
        options = []
        for n, d in enumerate(self.distances, 1):
            parts = [Content.styled(f"{n:>2}. ", "bold"), Content(distance_sentence(d))]
            if d.is_bundle_field:
                mark = " " + (say.BUNDLE_FIELD_PINNED_ROLE if d.field == pinned else say.BUNDLE_FIELD_ROLE)
                parts.append(Content.styled(mark, "bold $accent"))
            options.append(Option(Content("").join(parts), id=d.field))
        listing.set_options(options)
        ids = [d.field for d in self.distances]
        listing.highlighted = ids.index(keep) if keep in ids else 0
        closest = self.distances[0]
        heading.update(Content(say.nearest_heading(closest.field_name)))
        notes.update(Content(say.NEAREST_KEYS))

    @property
    def field_id(self) -> str | None:
        option = self.query_one(NearestList).highlighted_option
        return option.id if option is not None else None

    def action_close(self) -> None:
        self.dismiss()

    def action_pin(self) -> None:
        field_id = self.field_id
        if field_id is not None:
            self.app.pin_field(field_id, toggle=True)  # type: ignore[attr-defined]

    @on(OptionList.OptionSelected, "#nearest")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        field_id = event.option.id
        if field_id is None:
            return
        app = self.app
        self.dismiss()
        app.open_suggestions(field_id)  # type: ignore[attr-defined]
