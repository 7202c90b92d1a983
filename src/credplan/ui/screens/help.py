"""`?`: the keys, what the marks mean, and where the catalog came from."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ...core.model import Catalog
from ...core.words.requirements import MARK_MEANINGS

KEYS = [
    ("up/down, j/k", "move in a list"),
    ("tab, shift+tab", "move between panes and score inputs"),
    ("space, enter", "select or unselect the highlighted credential"),
    ("/", "search credentials in every field by name, issuer or id"),
    ("enter (in search)", "go to the first result"),
    ("escape", "clear the search; leave a score input for the list"),
    ("p", "pin or unpin the highlighted field as the bundle field"),
    ("w", "jump to the score inputs"),
    ("m", "mark the highlighted selection earned (or planned again)"),
    ("e", "export a report for a counselor (Markdown, text, JSON) or a page for the family (HTML)"),
    ("o", "plans: open, create, rename or delete a student's plan"),
    ("R", "roster: every student's plan, status and points in one table"),
    ("s", "suggestions: quickest ways to finish the bundle"),
    ("n", "nearest fields: every field ranked by how close you are"),
    ("c", "what-if: compare under another field, class or catalog"),
    ("ctrl+p", "command palette: pin a field, switch catalog or plan, theme"),
    ("?", "this help"),
    ("q", "quit (your plan is already saved)"),
]

MARKS = [
    ("[x]", "selected credential"),
    ("12?", "points not confirmed against the official list"),
    *MARK_MEANINGS,
    ("[pinned] / [bundle]", "the bundle field, pinned by you or chosen as the field with most points"),
    ("…", "a name cut short; the line under the panes shows the highlighted credential whole"),
]


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
        Binding("escape,q,question_mark", "dismiss", "Close", id="credplan.help-close"),
    ]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog

    def compose(self) -> ComposeResult:
        width = max(len(k) for k, _ in KEYS + MARKS) + 2
        lines: list[Content] = [Content.styled("Keys", "bold")]
        lines += [Content.assemble((f"  {k:<{width}}", "bold"), v) for k, v in KEYS]
        lines += [Content(""), Content.styled("Marks", "bold")]
        lines += [Content.assemble((f"  {k:<{width}}", "bold"), v) for k, v in MARKS]
        info = self.catalog.info
        lines += [
            Content(""),
            Content.styled("This catalog", "bold"),
            Content(f"  {info.title} ({info.region})"),
            Content(f"  Source: {info.source}"),
            Content(f"  Checked: {info.checked.isoformat()}"),
        ]
        if info.notes:
            lines += [Content(""), Content(info.notes)]
        lines += [Content(""), Content.styled("Press escape to close.", "$text-muted")]
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Help"
            yield Static(Content("\n").join(lines), markup=False)
