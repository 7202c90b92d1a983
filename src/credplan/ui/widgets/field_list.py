"""The career fields, in catalog order, each with the points the plan has in it.

On a wide terminal a column beside the credentials. From 80 columns down it folds to
one line above the credential list showing the field on show (`Field  3 pts  Health`);
tab or a click opens it as a list, and left/right in the credential list step through
the fields without opening it."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...core.model import Catalog
from ...core.rules import Evaluation
from ...core.words import requirements as words
from ...core.words import screen as say
from ...core.words import keys
from ..rows import field_row
from .plan_view import wrap_block


class FieldList(OptionList):
    """Highlighting a field shows its credentials; `p` pins it as the bundle field."""

    BINDINGS = [
        Binding("j", "cursor_down", keys.DOWN, show=False),
        Binding("k", "cursor_up", keys.UP, show=False),
    ]

    def __init__(self, catalog: Catalog, **kwargs) -> None:
        self.catalog = catalog
        self._shown: list[tuple[int, str]] = []
        super().__init__(
            *(Option(field_row(f.name, 0 if catalog.has_bundle else None), id=f.id) for f in catalog.fields),
            markup=False,
            **kwargs,
        )
        self.border_title = say.FIELDS_TITLE if catalog.has_bundle else say.FIELDS_TITLE_PLAIN

    @property
    def field_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    _column = False

    def set_column(self, column: bool) -> None:
        """A column of its own (wide terminals: `12 Health`, the title explains the
        number) or one folded line (`12 pts Health`)."""
        if column != self._column:
            self._column = column
            self._shown = []
            self._redraw(self._rows or [(0, "")] * len(self.catalog.fields))

    _rows: list[tuple[int, str]] = []

    _wrapped_at = 0

    def _redraw(self, rows: list[tuple[int, str]]) -> None:
        width = self.scrollable_content_region.width if self._column else 0
        if width != self._wrapped_at:
            self._wrapped_at, self._shown = width, []
        for index, (f, row) in enumerate(zip(self.catalog.fields, rows)):
            if index >= len(self._shown) or self._shown[index] != row:
                points, mark = row
                prompt = field_row(f.name, points if self.catalog.has_bundle else None, mark, short=self._column)
                if width > 0:  # in a column: long names go on under the name, not the points
                    prompt = Content("\n").join(wrap_block(prompt, width, 3 if self.catalog.has_bundle else 2))
                self.replace_option_prompt_at_index(index, prompt)
        self._shown = list(rows)
        self._rows = list(rows)


    def on_focus(self) -> None:
        self._label(False)

    def on_blur(self) -> None:
        self._label(True)

    def _label(self, shown: bool) -> None:
        """Opened, the list takes the label's room too: full names fit at 80 columns."""
        label = self.screen.query("#field-label")
        if label:
            label.first().display = shown

    def on_resize(self) -> None:
        if self._column:
            self._redraw(self._rows or [(0, "")] * len(self.catalog.fields))
        elif not self.has_focus:
            # Folded back to one line: that line shows the highlighted field, not the
            # top (once its lines are measured at the new size).
            self.call_after_refresh(self.scroll_to_highlight, True)

    def step(self, by: int) -> None:
        """Highlight the next (`by=1`) or previous field, round the end."""
        count = self.option_count
        if count:
            self.highlighted = ((self.highlighted or 0) + by) % count

    def show_points(self, evaluation: Evaluation) -> None:
        """Update only the rows whose points or bundle mark changed."""
        if not self.catalog.has_bundle:
            return
        bundle = evaluation.bundle
        rows = []
        for f in self.catalog.fields:
            is_bundle = bundle is not None and bundle.field == f.id and (bundle.pinned or bundle.points > 0)
            mark = words.bundle_field_mark(bundle) if is_bundle and bundle is not None else ""
            rows.append((evaluation.field_points.get(f.id, 0), mark))
        self._redraw(rows)
