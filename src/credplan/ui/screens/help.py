"""`?`: the keys, what the marks mean, and where the catalog came from, for the kind of
catalog open (a points bundle, or competencies) and in a demo its reset key. The words
are `core.words.screen`'s, which the README's key table follows."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.widget import Widget
from textual.content import Content
from textual.screen import ModalScreen

from ...core.model import Catalog
from ...core.requirements.competency import competency_name
from ...core.words import screen as say
from ...core.words import keys


class HelpScreen(ModalScreen[None]):
    # Here, like every other screen's styles, so the planner does not parse it at start-up.
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }

    #help-body {
        width: 90%;
        max-width: 100;
        height: 90%;
        border: round $accent;
        padding: 0 1;
        background: $surface;
    }
    """

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", keys.HELP_CLOSE, id="credplan.help-close"),
    ]

    def __init__(self, catalog: Catalog, *, demo: bool = False) -> None:
        super().__init__()
        self.catalog = catalog
        self.demo = demo

    def compose(self) -> ComposeResult:
        competencies = sorted({c for credential in self.catalog.credentials for c in credential.meets})
        letters = [(c[:1].upper(), competency_name(self.catalog, c)) for c in competencies]
        rows: list[tuple[str, str] | Content] = [Content.styled(say.HELP_KEYS_TITLE, "bold")]
        rows += say.help_keys(bundle=self.catalog.has_bundle, demo=self.demo)
        rows += [Content(""), Content.styled(say.HELP_MARKS_TITLE, "bold")]
        rows += say.help_marks(bundle=self.catalog.has_bundle, competencies=letters)
        info = self.catalog.info
        rows += [
            Content(""),
            Content.styled(say.HELP_CATALOG_TITLE, "bold"),
            Content(f"  {info.title} ({info.region})"),
            Content(f"  Source: {info.source}"),
            Content(f"  Checked: {info.checked.isoformat()}"),
        ]
        if info.notes:
            rows += [Content(""), Content(info.notes)]
        rows += [Content(""), Content.styled(say.HELP_CLOSE, "$text-muted")]
        with VerticalScroll(id="help-body") as body:
            body.border_title = say.HELP_TITLE
            yield HelpText(rows)


class HelpText(Widget):
    """Two columns in one widget: a key (or mark) and what it does, a long line wrapping
    under its own column. (A pair of Statics per line was ~60 widgets: 380 ms to open.)"""

    DEFAULT_CSS = """
    HelpText { height: auto; }
    """
    KEY_WIDTH = 22

    def __init__(self, rows: list[tuple[str, str] | Content]) -> None:
        super().__init__()
        self.rows = rows

    def _lines(self, width: int) -> list[Content]:
        lines: list[Content] = []
        key_width = min(self.KEY_WIDTH, max(8, width // 3))
        for row in self.rows:
            if isinstance(row, Content):
                lines += row.wrap(width) if row.plain else [row]
                continue
            key, text = row
            head = Content.styled(f"  {key}".ljust(key_width), "bold")
            if head.cell_length > key_width:  # a long key: its text on the next line
                lines.append(head)
                head = Content(" " * key_width)
            body = Content(text).wrap(max(8, width - key_width))
            lines.append(head + body[0])
            lines += [Content(" " * key_width) + more for more in body[1:]]
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.content_region.width))
