"""The career fields, in catalog order, each with the points the plan has in it."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...core.model import Catalog
from ...core.rules import Evaluation
from ..rows import field_row


class FieldList(OptionList):
    """Highlighting a field shows its credentials; `p` pins it as the bundle field."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, catalog: Catalog, **kwargs) -> None:
        self.catalog = catalog
        self._shown: list[tuple[int, bool, bool]] = []
        super().__init__(
            *(Option(field_row(f.name, 0 if catalog.has_bundle else None, False, False), id=f.id) for f in catalog.fields),
            markup=False,
            **kwargs,
        )
        self.border_title = "Career fields"

    @property
    def field_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def show_points(self, evaluation: Evaluation) -> None:
        """Update only the rows whose points or bundle mark changed."""
        if not self.catalog.has_bundle:
            return
        bundle = evaluation.bundle
        rows = []
        for f in self.catalog.fields:
            is_bundle = bundle is not None and bundle.field == f.id and (bundle.pinned or bundle.points > 0)
            rows.append((evaluation.field_points.get(f.id, 0), is_bundle, is_bundle and bundle.pinned))
        for index, (f, row) in enumerate(zip(self.catalog.fields, rows)):
            if index >= len(self._shown) or self._shown[index] != row:
                self.replace_option_prompt_at_index(index, field_row(f.name, *row))
        self._shown = rows
