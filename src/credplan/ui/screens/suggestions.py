"""`s`: the quickest ways to finish the bundle (or, in a competency catalog, what
would meet each unmet competency); `enter` adds the highlighted one as planned.

All catalog text goes to widgets as `Content` (or with markup=False): credential and
field names are data, never markup."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...core.competency_options import CompetencySuggestion, competency_suggestions
from ...core.completions import MEASURES, CompletionResult, completions
from ...core.model import Catalog, Plan
from ...core.rules import Evaluation
from ...core.words.requirements import plural
from ...core.words import keys
from ...core.words.suggestions import (
    MEASURE_NAMES,
    MEASURE_WORDS,
    UNVERIFIED_NOTE,
    also_meets,
    bundle_heading,
    competency_heading,
    competency_sentence,
    completion_text,
    option_cost,
    result_notes,
    score_now,
    score_text,
    sentence,
    shown_of_total,
)
from ...core.words import screen as say
from ..widgets.key_bar import KeyBar
from ..widgets.title_bar import TitleBar

LIMIT = 10
"""Completions listed per field and measure."""
CREDENTIALS_PER_COMPETENCY = 20


class SuggestionList(OptionList):
    """The completions (or competency options); enter adds the highlighted one."""

    BINDINGS = [
        Binding("enter", "select", keys.SUGGEST_ADD, tooltip=keys.SUGGEST_ADD_TIP,
                id="credplan.suggest-add"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "select":
            option = self.highlighted_option
            return None if option is None or option.disabled else True  # greyed out: nothing to add
        return super().check_action(action, parameters)


class SuggestionsScreen(Screen[None]):
    """Ranked completions for one field; the measure and the field can be switched."""

    DEFAULT_CSS = """
    SuggestionsScreen #suggest-heading {
        height: auto;
        padding: 0 1;
        text-style: bold;
    }
    SuggestionsScreen #suggest-measure {
        height: auto;
        padding: 0 1;
        color: $text-muted;
    }
    SuggestionsScreen SuggestionList {
        height: 1fr;
        min-width: 20;
        border: round $primary-darken-2;
    }
    SuggestionsScreen SuggestionList:focus {
        border: round $accent;
    }
    SuggestionsScreen #suggest-notes {
        height: auto;
        max-height: 6;
        padding: 0 1;
        color: $text-muted;
    }
    """

    BINDING_GROUP_TITLE = keys.GROUP_SUGGESTIONS
    SUB_TITLE = say.PLACE_SUGGESTIONS
    BINDINGS = [
        Binding("escape", "close", keys.SUGGEST_CLOSE, tooltip=keys.SUGGEST_CLOSE_TIP, id="credplan.suggest-close"),
        Binding("m", "measure", keys.SUGGEST_MEASURE, tooltip=keys.SUGGEST_MEASURE_TIP,
                id="credplan.suggest-measure"),
        Binding("f", "field(1)", keys.SUGGEST_NEXT_FIELD, tooltip=keys.SUGGEST_NEXT_FIELD_TIP, id="credplan.suggest-next-field"),
        # priority: the list would otherwise take left/right for horizontal scrolling
        Binding("right", "field(1)", keys.SUGGEST_NEXT_FIELD_ARROW, show=False, priority=True, tooltip=keys.SUGGEST_NEXT_FIELD_ARROW_TIP,
                id="credplan.suggest-next-field-arrow"),
        Binding("left", "field(-1)", keys.SUGGEST_PREVIOUS_FIELD, priority=True, tooltip=keys.SUGGEST_PREVIOUS_FIELD_TIP,
                id="credplan.suggest-previous-field"),
    ]

    def __init__(self, catalog: Catalog, field_id: str | None = None) -> None:
        super().__init__()
        self.catalog = catalog
        self.field_id = field_id
        """The field shown; None until the first listing picks the bundle field."""
        self.by = "count"
        self.result: CompletionResult | None = None
        self.competencies: list[CompetencySuggestion] = []
        self._adds: dict[str, tuple[str, ...]] = {}
        """Option id -> credential ids that enter adds."""

    def compose(self) -> ComposeResult:
        yield TitleBar(replace(self.app.titles(), place=self.SUB_TITLE))  # type: ignore[attr-defined]
        yield Static("", id="suggest-heading", markup=False)
        yield Static("", id="suggest-measure", markup=False)
        yield SuggestionList(id="suggestions", markup=False)
        yield Static("", id="suggest-notes", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.show()
        self.query_one(SuggestionList).focus()
        self.watch(self.app, "evaluation", self._evaluation_changed, init=False)

    def _evaluation_changed(self, evaluation: Evaluation) -> None:
        self.show()

    # -- listing -------------------------------------------------------------------------------
    @property
    def plan(self) -> Plan:
        return self.app.plan  # type: ignore[attr-defined]

    def show(self) -> None:
        """List suggestions for the current plan, field and measure."""
        plan = self.plan
        options: list[Option | None] = []
        self._adds = {}
        heading: Content
        measure = Content("")
        notes: list[str] = []
        self.result = None
        if self.catalog.has_bundle:
            result = completions(self.catalog, plan, self.field_id, self.by, LIMIT)
            self.result = result
            self.field_id = result.field
            heading = self._bundle_heading(result)
            fields = [f.id for f in self.catalog.fields]
            measure = Content.assemble(
                say.RANKED_BY, (MEASURE_WORDS[self.by], "bold"),
                say.field_of(fields.index(result.field) + 1, len(fields)),
            )
            for n, c in enumerate(result.completions, 1):
                option_id = f"completion-{n}"
                self._adds[option_id] = c.credentials
                options.append(Option(Content.assemble((f"{n:>2}. ", "bold"), completion_text(c)), id=option_id))
            notes += [say.note(sentence(note)) for note in result_notes(result)]
            if shown_of_total(result):
                notes.append(shown_of_total(result))
            if any(c.unverified for c in result.completions):
                notes.append(UNVERIFIED_NOTE)
        self.competencies = competency_suggestions(self.catalog, plan)
        if not self.catalog.has_bundle:
            heading = self._competency_heading()
        if self.competencies:
            if options:
                options.append(None)
            options += self._competency_options()
            if any(not o.verified for s in self.competencies for o in s.credentials[:CREDENTIALS_PER_COMPETENCY]) \
                    and UNVERIFIED_NOTE not in notes:
                notes.append(UNVERIFIED_NOTE)
        if self._adds:
            notes.append(say.SUGGEST_KEYS)
        self.query_one("#suggest-heading", Static).update(heading)
        self.query_one("#suggest-measure", Static).update(measure)
        self.query_one("#suggest-measure", Static).display = bool(measure.plain)
        self.query_one("#suggest-notes", Static).update(Content("\n".join(notes)))
        listing = self.query_one(SuggestionList)
        listing.set_options(options)
        first = next((i for i in range(listing.option_count) if not listing.get_option_at_index(i).disabled), None)
        listing.highlighted = first
        self.refresh_bindings()

    def _bundle_heading(self, result: CompletionResult) -> Content:
        bundle = self.app.evaluation.bundle  # type: ignore[attr-defined]
        if bundle is not None and bundle.field == result.field:
            role = say.BUNDLE_FIELD_PINNED_ROLE if bundle.pinned else say.BUNDLE_FIELD_ROLE
        else:
            role = say.NOT_BUNDLE_FIELD_ROLE
        return Content(bundle_heading(result, role))

    def _competency_heading(self) -> Content:
        return Content(competency_heading(len(self.competencies)))

    def _competency_options(self) -> list[Option | None]:
        out: list[Option | None] = []
        for k, s in enumerate(self.competencies):
            if k:
                out.append(None)
            out.append(Option(Content.styled(competency_sentence(s), "bold"), id=f"heading-{s.requirement_id}", disabled=True))
            for o in s.credentials[:CREDENTIALS_PER_COMPETENCY]:
                option_id = f"credential-{s.requirement_id}-{o.id}"
                self._adds[option_id] = (o.id,)
                parts = [Content("  + "), Content(o.name)]
                if not o.verified:
                    parts.append(Content(" ?"))
                parts.append(Content.styled(f", {option_cost(o)}", "$text-muted"))
                also = also_meets(o, s.competency)
                if also:
                    parts.append(Content.styled(also, "$text-muted"))
                out.append(Option(Content("").join(parts), id=option_id))
            if len(s.credentials) > CREDENTIALS_PER_COMPETENCY:
                more = len(s.credentials) - CREDENTIALS_PER_COMPETENCY
                out.append(Option(Content(say.more_credentials(more)), disabled=True))
            if s.scores:
                out.append(Option(Content(say.OR_A_SCORE), disabled=True))
                for t in s.scores:
                    now = score_now(t)
                    out.append(Option(Content(f"    {score_text(t)}{f' ({now})' if now else ''}"), disabled=True))
        return out

    # -- keys ----------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("measure", "field") and not self.catalog.has_bundle:
            return False  # a competency catalog has no points to rank or fields to switch
        return True

    def action_close(self) -> None:
        self.dismiss()

    def action_measure(self) -> None:
        self.by = MEASURES[(MEASURES.index(self.by) + 1) % len(MEASURES)]
        self.show()
        self.notify(say.ranked_by(MEASURE_NAMES[self.by]), markup=False, timeout=2)

    def action_field(self, step: int) -> None:
        fields = [f.id for f in self.catalog.fields]
        if not fields:
            return
        here = fields.index(self.field_id) if self.field_id in fields else 0
        self.field_id = fields[(here + step) % len(fields)]
        self.show()

    @on(OptionList.OptionSelected, "#suggestions")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        ids = self._adds.get(event.option.id or "")
        if not ids:
            return
        names = [self.catalog.credential_by_id[i].name for i in ids if i in self.catalog.credential_by_id]
        self.app.add_planned(list(ids))  # type: ignore[attr-defined]
        self.app.notify(
            say.added_planned(plural(len(ids), "credential"), ", ".join(names)), markup=False
        )
        self.dismiss()
