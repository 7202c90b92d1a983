"""The planner screen: career fields, their credentials, and the plan."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual._time import get_time as message_clock  # the clock of `Message.time` (Textual pinned to 8.2.8)
from textual.widgets import Input, OptionList, Static

from ...core.model import Catalog, Plan
from ...core.rules import Evaluation
from ...core.search import CredentialIndex
from ...core.words import requirements as words
from ...core.words import screen as say
from ...core.words import keys
from ..messages import ToggleCredential
from ..widgets.credential_detail import CredentialDetail
from ..widgets.credential_list import MAX_MATCHES, CredentialList
from ..widgets.field_list import FieldList
from ..widgets.fitted_text import FittedText
from ..widgets.key_bar import KeyBar
from ..widgets.pane_tabs import PaneTabs
from ..widgets.plan_panel import PlanPanel
from ..widgets.plan_view import PlanView
from ..widgets.score_inputs import ScoreInputs
from ..widgets.search_box import SearchBox
from ..widgets.title_bar import TitleBar

NARROW = 80
"""Below this many columns the planner shows one pane at a time (`-narrow`)."""
WIDE = 120
"""From this many columns the career fields are a column of their own (`-wide`)."""
TALL = 36
"""From this many lines the score boxes stay open under the plan (`-tall`)."""
SHORT = 20
"""Below this many lines the detail and status lines take fewer lines (`-short`)."""
MIN_WIDTH, MIN_HEIGHT = 36, 10
"""Below this the planner says the terminal is too small (`-too-small`)."""


class MainScreen(Screen):
    BINDING_GROUP_TITLE = keys.GROUP_PLANNER
    AUTO_FOCUS = "#credentials"
    """Keys work at once (`/`, `q`, `?`), and the folded field line is not opened (and
    closed again) before the first frame."""
    BINDINGS = [
        Binding("slash", "search", keys.SEARCH, tooltip=keys.SEARCH_TIP, id="credplan.search"),
        Binding("p", "pin", keys.PIN, tooltip=keys.PIN_TIP, id="credplan.pin"),
        Binding("w", "scores", keys.SCORES, tooltip=keys.SCORES_TIP, id="credplan.scores"),
        Binding("m", "earned", keys.EARNED, show=False, tooltip=keys.EARNED_TIP, id="credplan.earned"),
        Binding("e", "export", keys.EXPORT, show=False, tooltip=keys.EXPORT_TIP, id="credplan.export"),
        Binding("o", "plans", keys.PLANS, show=False, tooltip=keys.PLANS_TIP, id="credplan.plans"),
        Binding("R", "roster", keys.ROSTER, show=False, tooltip=keys.ROSTER_TIP, id="credplan.roster"),
        Binding("s", "suggest", keys.SUGGEST, show=False, tooltip=keys.SUGGEST_TIP, id="credplan.suggest"),
        Binding("n", "nearest", keys.NEAREST, show=False, tooltip=keys.NEAREST_TIP, id="credplan.nearest"),
        Binding("c", "compare", keys.COMPARE, show=False, tooltip=keys.COMPARE_TIP, id="credplan.compare"),
        Binding("r", "reset_demo", keys.RESET_DEMO, tooltip=keys.RESET_DEMO_TIP, id="credplan.reset-demo"),
        Binding("escape", "clear_search", keys.CLEAR_SEARCH, show=False, id="credplan.clear-search"),
        Binding("tab", "next_focus(1)", keys.NEXT_FOCUS, show=False, id="credplan.next-focus"),
        Binding("shift+tab", "next_focus(-1)", keys.PREVIOUS_FOCUS, show=False, id="credplan.previous-focus"),
    ]

    def __init__(self, catalog: Catalog, banner: str = "") -> None:
        super().__init__()
        self.catalog = catalog
        self.index = CredentialIndex(catalog)
        self.banner = banner

    # -- layout ----------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        plan: Plan = self.app.plan  # type: ignore[attr-defined]
        self._size_classes(*self.app.size)  # styled for its size from the first frame
        yield TitleBar(self.app.titles())  # type: ignore[attr-defined]
        yield Static(self.banner, id="banner", markup=False, classes="-shown" if self.banner else "")
        yield PaneTabs(id="pane-tabs")
        with Horizontal(id="panes"):
            with Horizontal(id="browse"):
                with Horizontal(id="field-row"):
                    yield Static(Content.assemble((say.FIELD_LABEL, "bold"), " ", (say.FIELD_KEYS, "$text-muted")), id="field-label")
                    yield FieldList(self.catalog, id="fields")
                with Vertical(id="middle"):
                    search = SearchBox(placeholder=say.SEARCH_PLACEHOLDER, id="search")
                    search.display = False  # shown by `/`
                    yield search
                    yield CredentialList(self.catalog, id="credentials")
            yield PlanPanel(self.catalog, plan, id="plan")
        yield CredentialDetail(self.catalog, id="detail")
        yield FittedText("", id="status")
        yield KeyBar()
        yield Static("", id="too-small", markup=False)

    def on_mount(self) -> None:
        fields = self.query_one(FieldList)
        bundle = self.app.evaluation.bundle  # type: ignore[attr-defined]
        start = bundle.field if bundle is not None and bundle.points else self.catalog.fields[0].id
        fields.highlighted = fields.get_option_index(start)
        self.query_one(CredentialList).show_field(start, self.app.plan)  # type: ignore[attr-defined]
        self.show(self.app.plan, self.app.evaluation)  # type: ignore[attr-defined]
        self.watch(self.app, "evaluation", self._evaluation_changed, init=False)
        self.watch(self.query_one(CredentialList), "highlighted", self._credential_highlighted)
        self.watch(self.query_one("#search", Input), "value", self._search_changed, init=False)
        self.query_one(SearchBox).results = self.query_one(CredentialList)
        self.query_one(CredentialList).focus()
        self.set_read_only(self.app.read_only)  # type: ignore[attr-defined]
        self._layout_for(self.size.width)
        self.call_after_refresh(self.query_one(PlanPanel).mount_form)

    def on_resize(self) -> None:
        self._layout_for(self.size.width)

    def _layout_for(self, width: int) -> None:
        """One layout per size: 80x24 is the home layout (the field on one line above a
        credential list wide enough for real names, the plan beside it); wider, the
        fields get their own column; narrower, one pane at a time; too small, a
        sentence saying so."""
        height = self.size.height
        narrow = width < NARROW
        small = self._size_classes(width, height)
        if small:
            self.query_one("#too-small", Static).update(say.too_small(width, height, MIN_WIDTH, MIN_HEIGHT))
        self.query_one(PaneTabs).display = narrow
        self.query_one(FieldList).set_column(width >= WIDE)
        search = self.query_one("#search", Input)
        self.query_one("#field-row").display = width >= WIDE or not search.display
        self.query_one(PlanPanel).relight()
        if narrow:
            self._show_pane(self._pane)
        # The folded field line shows the highlighted field once laid out again.
        self.call_after_refresh(self._fields_to_highlight)

    def _size_classes(self, width: int, height: int) -> bool:
        """Set the layout's classes for this size; True when it is too small."""
        self.set_class(width < NARROW, "-narrow")
        self.set_class(width >= WIDE, "-wide")
        self.set_class(height >= TALL, "-tall")
        self.set_class(height < SHORT, "-short")
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        self.set_class(small, "-too-small")
        if width < NARROW:
            self.set_class(self._pane == "plan", "-pane-plan")
            self.set_class(self._pane != "plan", "-pane-credentials")
        return small

    def _fields_to_highlight(self) -> None:
        fields = self.query_one(FieldList)
        if fields.highlighted is not None:
            fields.scroll_to_highlight()

    # -- one pane at a time (below 80 columns) ----------------------------------------------
    _pane = "credentials"

    def _show_pane(self, pane: str) -> None:
        self._pane = pane
        self.set_class(pane == "plan", "-pane-plan")
        self.set_class(pane != "plan", "-pane-credentials")
        self.query_one(PaneTabs).show(pane)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Below 80 columns the pane holding the focus is the one on show (`w` and tab
        can move the focus into the other pane)."""
        if self.has_class("-narrow"):
            widget = event.widget
            pane = "plan" if self.query_one(PlanPanel) in widget.ancestors_with_self else "credentials"
            if pane != self._pane:
                self._show_pane(pane)

    @on(PaneTabs.Chosen)
    def _pane_chosen(self, message: PaneTabs.Chosen) -> None:
        self._go_to_pane(message.pane)

    def _go_to_pane(self, pane: str) -> None:
        self._show_pane(pane)
        target = self.query_one(PlanView) if pane == "plan" else self.query_one(CredentialList)
        self.set_focus(target)

    def action_next_focus(self, step: int) -> None:
        """tab / shift+tab. Below 80 columns, past the last box of the pane on show,
        the next pane comes on screen with the focus in it."""
        if not self.has_class("-narrow"):
            if step > 0:
                self.focus_next()
            else:
                self.focus_previous()
            return
        chain = self.focus_chain
        focused = self.focused
        at = chain.index(focused) if focused in chain else -1
        nxt = at + step
        if at >= 0 and 0 <= nxt < len(chain):
            self.set_focus(chain[nxt])
            return
        self._go_to_pane("plan" if self._pane == "credentials" else "credentials")

    # -- showing the plan ---------------------------------------------------------------
    def _evaluation_changed(self, evaluation: Evaluation) -> None:
        self.show(self.app.plan, evaluation)  # type: ignore[attr-defined]

    def show(self, plan: Plan, evaluation: Evaluation) -> None:
        previous: Plan | None = getattr(self, "_shown_plan", None)
        self._shown_plan = plan
        self.query_one(FieldList).show_points(evaluation)
        if previous is not None:
            changed = {s.id for s in previous.selections} ^ {s.id for s in plan.selections}
            changed |= {
                s.id for s in plan.selections if (p := previous.selection(s.id)) is not None and p.status != s.status
            }
            if changed:
                self.query_one(CredentialList).refresh_marks(plan, changed)
        # The detail says what the plan makes of the highlighted credential: a pick from
        # another field is flagged there, under the cursor, the moment it is made (and a
        # change of bundle field can flag a selection that was not picked just now).
        self._credential_highlighted()
        self.query_one(PlanPanel).show(plan, evaluation)
        status = self.query_one("#status", FittedText)
        # The status line says when the plan meets everything only with planned
        # credentials; the bundle line above says how many points are earned.
        status.update(Content.assemble(("Status: ", "bold"), words.status_line(evaluation)))  # a fixed size: no layout
        status.set_class(evaluation.met, "-met")

    def set_read_only(self, read_only: bool) -> None:
        """A plan open in another session: inputs are disabled, keys say why."""
        for box in self.query(Input):
            if box.id != "search":
                box.disabled = read_only
        self.set_class(read_only, "-read-only")

    def set_banner(self, text: str) -> None:
        self.banner = text
        banner = self.query_one("#banner", Static)
        banner.update(text)
        banner.set_class(bool(text), "-shown")

    # -- fields and credentials -----------------------------------------------------------
    @on(OptionList.OptionHighlighted, "#fields")
    def _field_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is None:
            return
        search = self.query_one("#search", Input)
        if search.value:
            self._show_search(False)
            search.value = ""  # its watcher shows the highlighted field's credentials
        else:
            self.query_one(CredentialList).show_field(event.option.id, self.app.plan)  # type: ignore[attr-defined]

    def _credential_highlighted(self) -> None:
        """A watcher, not a message: the detail line is drawn in the same frame as the
        cursor, so moving costs one frame instead of two."""
        self.query_one(CredentialDetail).show(
            self.query_one(CredentialList).credential, self.app.plan, self.app.evaluation  # type: ignore[attr-defined]
        )

    @on(OptionList.OptionSelected, "#credentials")
    def _credential_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None and not event.option.disabled:
            self.post_message(ToggleCredential(event.option.id))

    @on(OptionList.OptionSelected, "#fields")
    def _field_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one(CredentialList).focus()

    # -- search -------------------------------------------------------------------------------
    _pending: Input | None = None
    """The box a key (`/`, `w`) sent the focus to: keys typed after that key in the same
    burst, made before the focus moved, are still on their way up from the widget it
    left, and belong in this box."""
    _pending_focused = False
    _focused_at = 0.0
    """When the focus reached `_pending` (Textual's message clock): a key made later
    went to the box itself, so it is not one of the burst."""

    def _send_focus(self, box: Input) -> None:
        self._pending, self._pending_focused = box, False
        # Keys typed before this one may still wait at the app for their bindings
        # (space, down: the list's); the focus moves after them.
        self.app.call_later(self._focus_pending)

    def _focus_pending(self) -> None:
        if self._pending is not None:
            self.set_focus(self._pending)
            self._pending_focused = True
            # Not "after the next refresh": under load, keys the list had queued before
            # the focus moved bubbled up here after that refresh and were lost
            # (`/comptia-a-plus` searched for `plus`, seen in tmux under CI load).
            self._focused_at = message_clock()

    def _show_search(self, shown: bool) -> None:
        """The search box takes the field line's place (results come from every field):
        the list below does not move, so opening and closing the search redraws two
        lines and the list's border, not the whole list shifted by one row."""
        search = self.query_one("#search", Input)
        search.set_class(shown, "-shown")
        search.display = shown
        if not self.has_class("-wide"):
            self.query_one("#field-row").display = not shown

    async def action_search(self) -> None:
        search = self.query_one("#search", Input)
        self._show_search(True)
        self._send_focus(search)

    async def on_key(self, event: events.Key) -> None:
        """Over SSH, `/comptia` or `w5` can arrive as one burst: every key is queued for
        the list before `/` or `w` is handled. Keys bubble through the screen in order,
        so the screen takes `/` and `w` itself and hands the keys after them to the box
        they opened (a printable key is typed into it, tab and shift+tab move on to the
        next box, enter in the search goes to the results) instead of letting `c` or `p`
        run their bindings or a digit fall on the list."""
        pending = self._pending
        if pending is not None and self._pending_focused and event.time >= self._focused_at:
            self._pending = pending = None  # made after the focus moved: not the burst's
        if pending is None:
            if isinstance(self.focused, Input):
                return
            action = {"slash": self.action_search, "w": self.action_scores}.get(event.key)
            if action is not None:
                event.stop()
                event.prevent_default()
                # `w`: the keys after it queue up behind this handler, in order, until
                # the boxes they belong in exist (they are mounted after the first frame).
                await action()
            return
        if event.is_printable and event.character:
            pending.insert_text_at_cursor(event.character)
        elif event.key in ("tab", "shift+tab") and pending.id != "search":
            chain = self.focus_chain
            step = 1 if event.key == "tab" else -1
            moved = chain[(chain.index(pending) + step) % len(chain)] if pending in chain else None
            self._pending = moved if isinstance(moved, Input) else None
            if moved is not None and self._pending_focused:
                self.set_focus(moved)
        elif event.key == "enter" and pending.id == "search":
            self._pending = None
            self.set_focus(self.query_one(CredentialList))  # the keys after it are the list's
        else:
            return
        event.stop()
        event.prevent_default()

    def _search_changed(self, text: str) -> None:
        """Watches the search box's value, so the list is refilled in the frame that
        shows the typed character; `Input.Changed` would arrive after that frame has
        been drawn and cost a second one per keystroke."""
        credentials = self.query_one(CredentialList)
        if not text.strip():
            field_id = self.query_one(FieldList).field_id or self.catalog.fields[0].id
            credentials.show_field(field_id, self.app.plan)  # type: ignore[attr-defined]
            return
        matches, total = self.index.find(text, MAX_MATCHES)
        credentials.show_matches(text, matches, total, self.app.plan)  # type: ignore[attr-defined]

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        had_search = bool(search.value) or search.has_class("-shown")
        if search.value:
            search.value = ""  # Input.Changed puts the field's credentials back
        self._show_search(False)
        if had_search or isinstance(self.focused, (Input, FieldList, PlanView)):
            self.set_focus(self.query_one(CredentialList))  # now: keys after escape go to the list

    def action_step_field(self, by: int) -> None:
        """left / right in the credential list: the previous or next career field."""
        self.query_one(FieldList).step(by)

    # -- pin, scores ------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("pin", "nearest") and not self.catalog.has_bundle:
            return False  # no points bundle in a competency catalog: hide the key
        if action == "reset_demo" and not self.app.session.is_demo:  # type: ignore[attr-defined]
            return False
        return True

    def action_reset_demo(self) -> None:
        self.app.reset_demo()  # type: ignore[attr-defined]

    def action_earned(self) -> None:
        credential_id = self.query_one(CredentialList).credential_id
        if credential_id is not None:
            self.app.toggle_earned(credential_id)  # type: ignore[attr-defined]

    def action_export(self) -> None:
        self.app.open_export()  # type: ignore[attr-defined]

    def action_plans(self) -> None:
        self.app.open_plan_picker()  # type: ignore[attr-defined]

    def action_roster(self) -> None:
        self.app.open_roster()  # type: ignore[attr-defined]

    def action_suggest(self) -> None:
        self.app.open_suggestions()  # type: ignore[attr-defined]

    def action_nearest(self) -> None:
        self.app.open_nearest_fields()  # type: ignore[attr-defined]

    def action_compare(self) -> None:
        self.app.open_compare()  # type: ignore[attr-defined]

    def pin_target(self) -> str | None:
        """The field `p` pins: the field on show; while a search shows credentials from
        every field, the highlighted result's own field (where it has the most points),
        not the field the search was started from."""
        credentials = self.query_one(CredentialList)
        credential = credentials.credential
        shown = self.query_one(FieldList).field_id
        if credentials.field_id is None and credential is not None and not credential.universal and credential.fields:
            if shown in credential.fields:
                return shown
            return max(credential.fields, key=lambda f: (credential.points_in(f) or 0, -credential.fields.index(f)))
        return shown

    def action_pin(self) -> None:
        field_id = self.pin_target()
        if field_id is None:
            return
        self.app.pin_field(field_id, toggle=True)  # type: ignore[attr-defined]

    async def action_scores(self) -> None:
        """`w`: the graduating class first while it is not set (a year typed into a
        score box would be stored as a score), else the first score box."""
        await self.query_one(PlanPanel).mount_form()
        plan: Plan = self.app.plan  # type: ignore[attr-defined]
        inputs = self.query_one(ScoreInputs).inputs if self.catalog.assessments else []
        target: Input
        if plan.class_of is None or not inputs:
            target = self.query_one("#class-of", Input)
        else:
            target = inputs[0]
        if self.has_class("-narrow"):
            self._show_pane("plan")
        self._send_focus(target)
        self.call_after_refresh(target.scroll_visible, animate=False)
