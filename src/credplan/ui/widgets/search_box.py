"""The search box above the credential list.

`enter` goes to the results. Over a slow SSH link the keys typed after it (down, space)
arrive in the same burst, and Textual hands each queued key to the widget that has focus
when the app reads it, before the box has handled `enter`: they used to land in the box
(a space typed into the query) instead of the list. On `enter` the box moves the focus
at once, and sends any key already handed to it back to the app, which gives it to the
list, in the order typed."""

from __future__ import annotations

from textual import events
from textual.widget import Widget

from .steady_input import SteadyInput


class SearchBox(SteadyInput):
    results: Widget | None = None
    """Where `enter` sends the focus."""

    _handing_over = False

    async def action_submit(self) -> None:
        if self.results is not None:
            self.screen.set_focus(self.results)
            self._handing_over = True
            self.call_after_refresh(self._handed_over)
        await super().action_submit()

    def _handed_over(self) -> None:
        self._handing_over = False

    # Textual calls the `_on_key` of each class in the MRO in turn (Input's after this
    # one) until one prevents the default: this one only steps in for the two cases.
    async def _on_key(self, event: events.Key) -> None:
        if self._handing_over:
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
            return
        if event.key == "enter":
            # Here rather than through the binding: a binding runs only after the key
            # has bubbled up to the app, by which time the keys behind it are typed in.
            event.stop()
            event.prevent_default()
            await self.action_submit()
