"""`c`: the plan beside the same plan under another pinned field, graduating class or
catalog. Nothing here changes `app.plan`: the what-if is built with `core.whatif` from
copies (plans are immutable) and never saved."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from ...core.bundled import bundled_paths
from ...core.catalog import load_catalog
from ...core.model import Catalog, Plan
from ...core.plans import CLASS_RANGE
from ...core.problems import FileProblems
from ...core.rules import Evaluation
from ...core.whatif import Comparison, WhatIf, WhatIfError, apply_what_if, compare
from ...core.words import requirements as words
from ...core.words.plan import NO_DIFFERENCES
from ...core.words.requirements import CLASS_NOT_SET_HINT
from ...core.words import keys
from ...core.words import screen as say
from ..rows import selection_row
from ..widgets.plan_view import requirement_blocks as requirement_lines
from ..widgets.key_bar import KeyBar
from ..widgets.title_bar import TitleBar

FIRST, LAST = CLASS_RANGE


@dataclass
class YearRefused(Message):
    """A keystroke in the class box was refused (not a digit, or a fifth digit)."""


class YearInput(Input):
    def restricted(self) -> None:
        self.post_message(YearRefused())


def plan_column(catalog: Catalog, plan: Plan, evaluation: Evaluation) -> Content:
    """One side of the comparison: bundle, requirements, selections, in the planner's words."""
    lines: list[Content] = [Content.styled(catalog.info.title, "$text-muted")]
    lines.append(Content(words.class_text(plan.class_of).capitalize()))
    bundle = evaluation.bundle
    if bundle is not None:
        before, name, after = words.bundle_field_parts(bundle)
        lines.append(Content.assemble(before, (name, "bold"), after))
        lines.append(Content.styled(words.bundle_points(bundle), "bold"))
    else:
        lines.append(Content(words.no_bundle_line(catalog)))
    lines.append(Content(""))
    lines.append(Content.styled(say.REQUIREMENTS, "bold underline"))
    lines += requirement_lines(evaluation)
    lines.append(Content(""))
    lines.append(Content.styled(say.SELECTIONS, "bold underline"))
    if not evaluation.selections:
        lines.append(Content.styled(say.NONE_YET, "$text-muted"))
    lines += [selection_row(s, catalog) for s in evaluation.selections]
    if evaluation.warnings:
        lines.append(Content(""))
        lines += [Content.styled(say.warning(words.warning_text(w)), "$warning") for w in evaluation.warnings]
    lines.append(Content(""))
    lines.append(Content.styled(words.status_line(evaluation), "bold"))
    return Content("\n").join(lines)


class CompareScreen(Screen[None]):
    """Your plan (left) and the what-if (right), with the differences in words below."""

    DEFAULT_CSS = """
    CompareScreen #whatif-controls {
        height: auto;
        max-height: 5;
        padding: 0 1;
    }
    CompareScreen #whatif-settings {
        height: auto;
    }
    CompareScreen #whatif-class-row {
        height: 1;
    }
    CompareScreen #whatif-class-label {
        width: auto;
    }
    CompareScreen #whatif-class {
        width: 8;
        height: 1;
        border: none;
        padding: 0 1;
        background: $boost;
    }
    CompareScreen #whatif-class:focus {
        background: $accent 40%;
        text-style: bold;
    }
    CompareScreen #whatif-class-status {
        width: 1fr;
        padding: 0 1;
        color: $text-muted;
    }
    CompareScreen #whatif-class-status.-refused {
        color: $error;
        text-style: bold;
    }
    CompareScreen #columns {
        height: 1fr;
    }
    CompareScreen .column {
        width: 1fr;
        min-width: 20;
        height: 1fr;
        border: round $primary-darken-2;
        padding: 0 1;
    }
    CompareScreen .column:focus {
        border: round $accent;
    }
    CompareScreen #differences {
        height: auto;
        max-height: 9;
        border: round $primary-darken-2;
        padding: 0 1;
    }
    CompareScreen #differences:focus {
        border: round $accent;
    }
    """

    BINDING_GROUP_TITLE = keys.GROUP_COMPARE
    SUB_TITLE = say.PLACE_COMPARE
    BINDINGS = [
        Binding("escape", "close", keys.COMPARE_CLOSE, tooltip=keys.COMPARE_CLOSE_TIP,
                id="credplan.compare-close"),
        Binding("f", "cycle_field", keys.COMPARE_FIELD, tooltip=keys.COMPARE_FIELD_TIP,
                id="credplan.compare-field"),
        Binding("y", "class_year", keys.COMPARE_CLASS, tooltip=keys.COMPARE_CLASS_TIP, id="credplan.compare-class"),
        Binding("k", "cycle_catalog", keys.COMPARE_CATALOG, tooltip=keys.COMPARE_CATALOG_TIP,
                id="credplan.compare-catalog"),
        Binding("r", "reset", keys.COMPARE_RESET, tooltip=keys.COMPARE_RESET_TIP, id="credplan.compare-reset"),
    ]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
        self._catalogs: list[tuple[str, Path | None]] = [(catalog.id, None)]
        """(label, path) of the catalogs `k` cycles through; None: the app's catalog."""
        for path in bundled_paths():
            if path.stem != catalog.id:
                self._catalogs.append((path.stem, path))
        self._loaded: dict[str, Catalog] = {}
        self._catalog_index = 0
        self.what_if = WhatIf()
        self.comparison: Comparison | None = None

    # -- layout ---------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield TitleBar(replace(self.app.titles(), place=self.SUB_TITLE))  # type: ignore[attr-defined]
        with VerticalScroll(id="whatif-controls") as controls:
            controls.can_focus = False
            yield Static("", id="whatif-settings", markup=False)
            with Horizontal(id="whatif-class-row"):
                yield Static(say.WHATIF_CLASS_LABEL, id="whatif-class-label", markup=False)
                yield YearInput(
                    value=str(self.app.plan.class_of or ""),  # type: ignore[attr-defined]
                    placeholder=say.CLASS_PLACEHOLDER,
                    restrict=r"[0-9]{0,4}",
                    max_length=4,
                    id="whatif-class",
                    tooltip=say.whatif_class_tooltip(FIRST, LAST),
                )
                yield Static("", id="whatif-class-status", markup=False)
        with Horizontal(id="columns"):
            with VerticalScroll(id="left", classes="column") as left:
                left.border_title = say.WHATIF_YOUR_PLAN
                yield Static("", id="left-body", markup=False)
            with VerticalScroll(id="right", classes="column") as right:
                right.border_title = say.WHATIF_TITLE
                yield Static("", id="right-body", markup=False)
        with VerticalScroll(id="differences") as diffs:
            diffs.border_title = say.WHATIF_DIFFERENCES
            yield Static("", id="differences-body", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.show()
        self.query_one("#right").focus()
        self.watch(self.app, "evaluation", self._evaluation_changed, init=False)

    def _evaluation_changed(self, evaluation: Evaluation) -> None:
        self.show()

    # -- the what-if -------------------------------------------------------------------------------
    @property
    def plan(self) -> Plan:
        return self.app.plan  # type: ignore[attr-defined]

    def _load(self, ref: str) -> Catalog:
        for label, path in self._catalogs:
            if label == ref and path is None:
                return self.catalog
            if label == ref and path is not None:
                if ref not in self._loaded:
                    self._loaded[ref] = load_catalog(path, display=path.name)
                return self._loaded[ref]
        raise WhatIfError(say.no_catalog(ref))

    def other(self) -> tuple[Catalog, Plan]:
        """The what-if catalog and plan (copies; the app's plan is untouched)."""
        return apply_what_if(self.catalog, self.plan, self.what_if, load_catalog=self._load)

    def show(self) -> None:
        try:
            catalog2, plan2 = self.other()
        except WhatIfError as exc:  # e.g. the pinned field is gone from a switched catalog
            self.notify(str(exc), severity="error", markup=False)
            self.what_if = WhatIf()
            catalog2, plan2 = self.other()
        comparison = compare(self.catalog, self.plan, catalog2, plan2)
        self.comparison = comparison
        field = plan2.pinned_field
        field_words = say.field_pinned(catalog2.field_name(field)) if field else say.NOT_PINNED
        if not catalog2.has_bundle:
            field_words = say.NO_BUNDLE
        settings = Content.assemble(
            (say.WHATIF_HEAD, "bold"),
            ("f", "bold $accent"), say.WHATIF_FIELD, (field_words, "bold"), "    ",
            ("k", "bold $accent"), say.WHATIF_CATALOG, (catalog2.info.title, "bold"),
        )
        self.query_one("#whatif-settings", Static).update(settings)
        self.query_one("#left-body", Static).update(plan_column(self.catalog, self.plan, comparison.evaluation))
        self.query_one("#right-body", Static).update(plan_column(catalog2, plan2, comparison.other))
        self.query_one("#right").border_title = Content(say.whatif_title(comparison.description))
        if comparison.same:
            diffs = Content.styled(NO_DIFFERENCES, "$text-muted")
        else:
            diffs = Content("\n").join(Content(f"- {d}") for d in comparison.differences)
        self.query_one("#differences-body", Static).update(diffs)
        self.refresh_bindings()

    def _current_catalog(self) -> Catalog:
        label, _ = self._catalogs[self._catalog_index]
        return self._load(label)

    def _set(self, **changes: object) -> None:
        fields: dict[str, object] = dict(field=self.what_if.field, class_of=self.what_if.class_of, catalog=self.what_if.catalog)
        fields.update(changes)
        self.what_if = WhatIf(**fields)  # type: ignore[arg-type]
        self.show()

    # -- keys -------------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cycle_field":
            try:
                has_bundle = self._current_catalog().has_bundle
            except (FileProblems, WhatIfError):
                has_bundle = False
            return True if has_bundle else None  # greyed out: nothing to pin
        if action == "cycle_catalog" and len(self._catalogs) < 2:
            return None
        return True

    def action_close(self) -> None:
        if isinstance(self.focused, Input):
            self.query_one("#right").focus()
            return
        self.dismiss()

    def action_cycle_field(self) -> None:
        catalog2, plan2 = self.other()
        if not catalog2.has_bundle:
            return
        choices: list[str | None] = [None] + [f.id for f in catalog2.fields]
        here = choices.index(plan2.pinned_field) if plan2.pinned_field in choices else 0
        following = choices[(here + 1) % len(choices)]
        self._set(field=following or "")

    def action_class_year(self) -> None:
        box = self.query_one("#whatif-class", Input)
        box.focus()
        box.action_end()

    def action_cycle_catalog(self) -> None:
        for _ in range(len(self._catalogs)):
            self._catalog_index = (self._catalog_index + 1) % len(self._catalogs)
            label, path = self._catalogs[self._catalog_index]
            try:
                catalog2 = self._load(label)
            except FileProblems as exc:
                self.notify(say.could_not_open(label, str(exc)), severity="error", markup=False)
                continue
            field = self.what_if.field
            if (field and field not in catalog2.field_by_id) or not catalog2.has_bundle:
                field = None
            self._set(catalog=None if path is None else label, field=field)
            return

    def action_reset(self) -> None:
        self._catalog_index = 0
        box = self.query_one("#whatif-class", Input)
        with box.prevent(Input.Changed):
            box.value = str(self.plan.class_of or "")
        self._say("")
        self._set(field=None, class_of=None, catalog=None)

    # -- the class box ----------------------------------------------------------------------------
    def _say(self, text: str, refused: bool = False) -> None:
        status = self.query_one("#whatif-class-status", Static)
        status.update(Content(text))
        status.set_class(refused, "-refused")

    @on(YearRefused)
    def _refused(self, event: YearRefused) -> None:
        event.stop()
        self._say(say.DIGITS_ONLY, refused=True)
        self.app.bell()

    @on(Input.Changed, "#whatif-class")
    def _class_changed(self, event: Input.Changed) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self._say(CLASS_NOT_SET_HINT)
            self._set(class_of=0)
            return
        if len(text) < 4:
            self._say(say.KEEP_TYPING_YEAR)
            return
        year = int(text)
        if not FIRST <= year <= LAST:
            self._say(say.year_refused(year, FIRST, LAST), refused=True)
            return
        self._say("")
        self._set(class_of=year)

    @on(Input.Submitted, "#whatif-class")
    def _class_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#right").focus()
