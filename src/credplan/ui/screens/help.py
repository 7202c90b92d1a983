"""`?`: the keys, what the marks mean, and where the catalog came from, for the kind of
catalog open (a points bundle, or competencies) and in a demo its reset key. The words
are `core.words.screen`'s, which the README's key table follows."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ...core.model import Catalog
from ...core.requirements.competency import competency_name
from ...core.words import screen as say


class HelpScreen(ModalScreen[None]):
    # Here, like every other screen's styles, so the planner does not parse it at start-up.
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen .help-row { height: auto; }
    HelpScreen .help-key { width: 22; padding: 0 1 0 2; text-style: bold; }
    HelpScreen .help-text { width: 1fr; }
    HelpScreen .help-title { text-style: bold; margin-top: 1; }
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
        Binding("escape,q,question_mark", "dismiss", "Close", id="credplan.help-close"),
    ]

    def __init__(self, catalog: Catalog, *, demo: bool = False) -> None:
        super().__init__()
        self.catalog = catalog
        self.demo = demo

    def compose(self) -> ComposeResult:
        competencies = sorted({c for credential in self.catalog.credentials for c in credential.meets})
        letters = [(c[:1].upper(), competency_name(self.catalog, c)) for c in competencies]
        sections = [
            (say.HELP_KEYS_TITLE, say.help_keys(bundle=self.catalog.has_bundle, demo=self.demo)),
            (say.HELP_MARKS_TITLE, say.help_marks(bundle=self.catalog.has_bundle, competencies=letters)),
        ]
        info = self.catalog.info
        about = [
            Content(f"  {info.title} ({info.region})"),
            Content(f"  Source: {info.source}"),
            Content(f"  Checked: {info.checked.isoformat()}"),
        ]
        if info.notes:
            about += [Content(""), Content(info.notes)]
        about += [Content(""), Content.styled(say.HELP_CLOSE, "$text-muted")]
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Help"
            for title, rows in sections:
                yield Static(title, classes="help-title", markup=False)
                for key, text in rows:  # two columns: a long text wraps under itself
                    with Horizontal(classes="help-row"):
                        yield Static(key, classes="help-key", markup=False)
                        yield Static(text, classes="help-text", markup=False)
            yield Static(say.HELP_CATALOG_TITLE, classes="help-title", markup=False)
            yield Static(Content("\n").join(about), markup=False)
