"""The credentials of one field, or the matches of a search across every field.

A line-API widget (a `ScrollView` with `render_line`, as toolong's `LogLines`): one
line per credential, rows wider than the pane cropped with an ellipsis. Only the
visible rows are built and rendered, each once per (index, width, style) until the
list or the plan changes, so showing a field of 800 credentials or a search result
costs the same as showing 20. No row is measured or wrapped: the full name, issuer and
fields of the highlighted row are shown under the list (`CredentialDetail`), so a name
cut short at 80 columns can still be read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import OptionDoesNotExist

from ...core.model import Catalog, Credential, Plan
from ...core.words import keys
from ...core.words import screen as say
from ..rows import credential_row

CURSOR_FOCUSED = "▶"
CURSOR_BLURRED = "▷"

MAX_MATCHES = 200
"""A search shows at most this many matches, so each keystroke stays cheap on a
10,000-credential catalog; a last line says how many more there are."""


@dataclass(frozen=True)
class CredentialOption:
    """One row, shaped like `OptionList`'s `Option` (`id`, `prompt`, `disabled`) so
    `OptionList.OptionSelected` handlers and tests read it the same way."""

    prompt: Content
    id: str | None = None
    disabled: bool = False


class CredentialList(ScrollView, can_focus=True):
    """`space` or `enter` toggles the highlighted credential."""

    ALLOW_SELECT = False

    DEFAULT_CSS = """
    CredentialList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        /* Always there, one column wide: a scrollbar coming or going as a search
           narrows would lay out the whole screen in the middle of a keystroke. */
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
        border: tall $border-blurred;
        padding: 0;
        background: $surface;
        & > .credential-list--option-disabled {
            color: $text-disabled;
        }
        & > .credential-list--option-hover {
            background: $block-hover-background;
        }
        & > .credential-list--option-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: bold;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .credential-list--option-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: bold;
            }
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "credential-list--option",
        "credential-list--option-disabled",
        "credential-list--option-highlighted",
        "credential-list--option-hover",
    }
    """
    | Class | Description |
    | :- | :- |
    | `credential-list--option` | Every row. |
    | `credential-list--option-disabled` | The last line of a search ("N more", "No credential matches"). |
    | `credential-list--option-highlighted` | The highlighted row (bold as well as coloured, for monochrome terminals). |
    | `credential-list--option-hover` | The row under the mouse. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "select", keys.TOGGLE, key_display="space"),
        Binding("enter", "select", keys.SELECT, show=False),
        Binding("down", "cursor_down", keys.DOWN, show=False),
        Binding("up", "cursor_up", keys.UP, show=False),
        Binding("j", "cursor_down", keys.DOWN, show=False),
        Binding("k", "cursor_up", keys.UP, show=False),
        Binding("home", "first", keys.FIRST, show=False),
        Binding("end", "last", keys.LAST, show=False),
        Binding("pageup", "page_up", keys.PAGE_UP, show=False),
        Binding("pagedown", "page_down", keys.PAGE_DOWN, show=False),
        Binding("left", "screen.step_field(-1)", keys.PREVIOUS_FIELD, show=False),
        Binding("right", "screen.step_field(1)", keys.NEXT_FIELD, show=False),
    ]

    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """The index of the highlighted row, or None; clamped to the rows there are. A move
    redraws the two rows concerned (`watch_highlighted`), not the whole list."""

    def __init__(self, catalog: Catalog, **kwargs) -> None:
        self.catalog = catalog
        self.field_id: str | None = None
        """The field shown, or None while showing search results."""
        self._credentials: list[Credential] = []
        self._plan: Plan | None = None
        self._footer: str | None = None
        """The last, disabled line of a search ("N more" / "No credential matches")."""
        self._prompts: dict[int, Content] = {}
        self._index_of: dict[str, int] | None = None
        self._strips: LRUCache[tuple, Strip] = LRUCache(4096)
        self._hover: int | None = None
        super().__init__(**kwargs)

    # -- what is shown ---------------------------------------------------------------------
    def show_field(self, field_id: str, plan: Plan) -> None:
        self.field_id = field_id
        self._fill(list(self.catalog.by_field.get(field_id, ())), plan, None)
        self.border_title = Content(say.credentials_title(self.catalog.field_name(field_id)))

    def show_matches(self, text: str, matches: list[Credential], total: int, plan: Plan) -> None:
        self.field_id = None
        footer = None
        if total > len(matches):
            footer = say.more_matches(total - len(matches))
        elif not matches:
            footer = say.no_match(text)
        self._fill(matches, plan, footer)
        self.border_title = say.search_title(total)

    def _fill(self, credentials: list[Credential], plan: Plan, footer: str | None) -> None:
        self._credentials = credentials
        self._plan = plan
        self._footer = footer
        self._prompts.clear()
        self._index_of = None
        self._hover = None
        self._update_virtual_size()
        # a new list starts at its top, highlighted on its first row (without the
        # watcher: one scroll and one repaint below are enough)
        self.set_reactive(CredentialList.highlighted, 0 if credentials else None)
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()
        self.mutate_reactive(CredentialList.highlighted)  # watchers: a new row is highlighted

    def refresh_marks(self, plan: Plan, changed: set[str]) -> None:
        """Redraw the rows of credentials whose selection changed."""
        self._plan = plan
        index_of = self._ids()
        rows = [index_of[c] for c in changed if c in index_of]
        for index in rows:  # their drawn lines are keyed by the new status: drawn anew
            self._prompts.pop(index, None)
            self._refresh_row(index)

    def _update_virtual_size(self) -> None:
        """A new number of rows changes only what scrolls: `virtual_size` is a layout
        reactive, and a layout of the whole screen per search keystroke cost more than
        everything else the keystroke does. The scrollbars are updated directly; one
        appearing or going still lays out (its reactive asks for that)."""
        size = Size(self.scrollable_content_region.width, self.option_count)
        if size != self.virtual_size:
            self.set_reactive(ScrollView.virtual_size, size)
            self._scroll_update(size)

    # -- rows, shaped like OptionList's options ------------------------------------------------
    @property
    def option_count(self) -> int:
        return len(self._credentials) + (self._footer is not None)

    def get_option_at_index(self, index: int) -> CredentialOption:
        if index < 0:
            index += self.option_count
        if 0 <= index < len(self._credentials):
            return CredentialOption(self._prompt(index), self._credentials[index].id)
        if index == len(self._credentials) and self._footer is not None:
            return CredentialOption(self._prompt(index), None, disabled=True)
        raise OptionDoesNotExist(f"There is no option with an index of {index}")

    def get_option_index(self, option_id: str) -> int:
        try:
            return self._ids()[option_id]
        except KeyError:
            raise OptionDoesNotExist(f"There is no option with an ID of {option_id!r}") from None

    @property
    def highlighted_option(self) -> CredentialOption | None:
        return None if self.highlighted is None else self.get_option_at_index(self.highlighted)

    @property
    def credential(self) -> Credential | None:
        """The highlighted credential, or None (no rows, or the search's last line)."""
        index = self.highlighted
        if index is None or not 0 <= index < len(self._credentials):
            return None
        return self._credentials[index]

    @property
    def credential_id(self) -> str | None:
        credential = self.credential
        return credential.id if credential is not None else None

    def _ids(self) -> dict[str, int]:
        if self._index_of is None:
            self._index_of = {c.id: i for i, c in enumerate(self._credentials)}
        return self._index_of

    def _prompt(self, index: int) -> Content:
        """The row's Content, built the first time it is needed."""
        prompt = self._prompts.get(index)
        if prompt is None:
            if index < len(self._credentials):
                assert self._plan is not None
                prompt = credential_row(self.catalog, self._credentials[index], self.field_id, self._plan)
            else:
                prompt = Content(self._footer or "")
            self._prompts[index] = prompt
        return prompt

    # -- drawing -------------------------------------------------------------------------------
    def notify_style_update(self) -> None:
        self._strips.clear()
        super().notify_style_update()

    def _on_resize(self) -> None:
        self._strips.clear()
        self._update_virtual_size()
        self.scroll_to_highlight()

    def on_show(self) -> None:
        self.scroll_to_highlight()

    # (Textual calls the handler of each class in the MRO: Widget's runs as well.)
    def on_focus(self) -> None:
        self._refresh_row(self.highlighted)

    def on_blur(self) -> None:
        self._refresh_row(self.highlighted)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if not 0 <= index < self.option_count:
            return Strip.blank(width, self.get_visual_style("credential-list--option").rich_style)
        if index >= len(self._credentials):
            state = "credential-list--option-disabled"
        elif index == self.highlighted:
            state = "credential-list--option-highlighted"
        elif index == self._hover:
            state = "credential-list--option-hover"
        else:
            state = ""
        if state:
            style = self.get_visual_style("credential-list--option", state)
        else:
            style = self.get_visual_style("credential-list--option")
        cursor = CURSOR_FOCUSED if self.has_focus else CURSOR_BLURRED
        marker = cursor if state == "credential-list--option-highlighted" else " "
        key = self._line_key(index, width, state, style) + (marker,)
        strip = self._strips.get(key)
        if strip is None:
            # The first column marks the cursor, filled while the list has the focus and
            # hollow when not: the highlighted row reads without colour too (NO_COLOR).
            prompt = Content.assemble(marker, self._prompt(index))
            if prompt.cell_length > width:
                prompt = prompt.truncate(width, ellipsis=True)
            segments = [
                Segment(text, text_style.rich_style)
                for text, text_style in prompt.render(style, end="", parse_style=self._get_style)
            ]
            strip = Strip(segments, prompt.cell_length).extend_cell_length(width, style.rich_style)
            self._strips[key] = strip
        return strip

    def _line_key(self, index: int, width: int, state: str, style: object) -> tuple:
        """What a drawn row depends on. Keyed by credential, not by position, so the
        rows a search shows again as the student types on are not drawn again; the
        selection status is in the key, so a toggle draws its row anew."""
        if index < len(self._credentials):
            credential = self._credentials[index]
            assert self._plan is not None
            selection = self._plan.selection(credential.id)
            status = selection.status if selection is not None else None
            return (credential.id, self.field_id, status, width, state, style)
        return (None, self._footer, width, state, style)

    def _refresh_row(self, index: int | None) -> None:
        if index is not None:
            self.refresh_line(index)

    # -- the highlight -------------------------------------------------------------------------
    def validate_highlighted(self, highlighted: int | None) -> int | None:
        count = self.option_count
        if highlighted is None or not count:
            return None
        return max(0, min(highlighted, count - 1))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self.scroll_to_highlight()

    def scroll_to_highlight(self, top: bool = False) -> None:
        highlighted = self.highlighted
        if highlighted is None or not self.is_mounted:
            return
        self.scroll_to_region(
            Region(0, highlighted, max(1, self.scrollable_content_region.width), 1),
            force=True,
            animate=False,
            top=top,
            immediate=True,
        )

    def _enabled_count(self) -> int:
        return len(self._credentials)

    def action_cursor_down(self) -> None:
        count = self._enabled_count()
        if count:
            self.highlighted = 0 if self.highlighted is None else (self.highlighted + 1) % count

    def action_cursor_up(self) -> None:
        count = self._enabled_count()
        if count:
            self.highlighted = count - 1 if self.highlighted is None else (self.highlighted - 1) % count

    def action_first(self) -> None:
        if self._enabled_count():
            self.highlighted = 0

    def action_last(self) -> None:
        if count := self._enabled_count():
            self.highlighted = count - 1
            # show the search's last line ("N more matches") under the last match too
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def _move_page(self, direction: int) -> None:
        count = self._enabled_count()
        if not count:
            return
        page = max(1, self.scrollable_content_region.height)
        start = self.highlighted if self.highlighted is not None else (0 if direction > 0 else count - 1)
        self.highlighted = max(0, min(count - 1, start + direction * page))

    def action_page_down(self) -> None:
        self._move_page(1)

    def action_page_up(self) -> None:
        self._move_page(-1)

    def action_select(self) -> None:
        """Post `OptionList.OptionSelected` for the highlighted credential (main.py
        handles it with `@on(OptionList.OptionSelected, "#credentials")`)."""
        index = self.highlighted
        if index is None or not 0 <= index < len(self._credentials):
            return
        option = self.get_option_at_index(index)
        self.post_message(OptionList.OptionSelected(self, option, index))  # type: ignore[arg-type]

    # -- mouse ---------------------------------------------------------------------------------
    def _row_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        index = self.scroll_offset.y + offset.y
        return index if 0 <= index < self.option_count else None

    async def _on_click(self, event: events.Click) -> None:
        index = self._row_at(event)
        if index is not None and index < len(self._credentials):
            self.highlighted = index
            self.action_select()

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._row_at(event)
        if index != self._hover:
            old, self._hover = self._hover, index
            self._refresh_row(old)
            self._refresh_row(index)

    def _on_leave(self, _: events.Leave) -> None:
        if self._hover is not None:
            old, self._hover = self._hover, None
            self._refresh_row(old)
