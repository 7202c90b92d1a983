"""The credentials of one field, or the matches of a search across every field."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...core.model import Catalog, Credential, Plan
from ..rows import credential_row

MAX_MATCHES = 200
"""A search shows at most this many matches, so each keystroke stays cheap on a
10,000-credential catalog; a last line says how many more there are."""


class CredentialList(OptionList):
    """`space` or `enter` toggles the highlighted credential."""

    BINDINGS = [
        Binding("space", "select", "Toggle", key_display="space"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, catalog: Catalog, **kwargs) -> None:
        self.catalog = catalog
        self.field_id: str | None = None
        """The field shown, or None while showing search results."""
        self._credentials: list[Credential] = []
        super().__init__(markup=False, **kwargs)

    def show_field(self, field_id: str, plan: Plan) -> None:
        self.field_id = field_id
        self._fill(list(self.catalog.by_field.get(field_id, ())), plan)
        self.border_title = Content(f"Credentials: {self.catalog.field_name(field_id)}")

    def show_matches(self, text: str, matches: list[Credential], total: int, plan: Plan) -> None:
        self.field_id = None
        self._fill(matches, plan)
        if total > len(matches):
            self.add_option(Option(f"... {total - len(matches)} more matches: keep typing to narrow", disabled=True))
        if not matches:
            self.add_option(Option(f"No credential matches {text!r}", disabled=True))
        self.border_title = f"Search: {total} match{'es' if total != 1 else ''} in every field"

    def _fill(self, credentials: list[Credential], plan: Plan) -> None:
        self._credentials = credentials
        field_id = self.field_id
        self.set_options(
            Option(credential_row(self.catalog, c, field_id, plan), id=c.id) for c in credentials
        )
        if credentials:
            self.highlighted = 0

    def refresh_marks(self, plan: Plan, changed: set[str]) -> None:
        """Redraw the rows of credentials whose selection changed."""
        for index, credential in enumerate(self._credentials):
            if credential.id in changed:
                self.replace_option_prompt_at_index(
                    index, credential_row(self.catalog, credential, self.field_id, plan)
                )

    @property
    def credential_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None and not option.disabled else None
