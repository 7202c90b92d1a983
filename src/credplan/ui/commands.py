"""Command palette entries that depend on the planner's state."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from ..core.bundled import bundled_paths
from ..core.words import keys

if TYPE_CHECKING:
    from .app import CredplanApp


class PlannerCommands(Provider):
    """Pin a field, switch catalog, switch plan."""

    def _commands(self) -> list[tuple[str, object, str]]:
        app: CredplanApp = self.app  # type: ignore[assignment]
        out: list[tuple[str, object, str]] = []
        pinned = app.plan.pinned_field
        if pinned:
            out.append((keys.UNPIN[0], partial(app.pin_field, None), keys.UNPIN[1]))
        for f in app.catalog.fields:
            if f.id != pinned:
                out.append((keys.pin_field(f.name), partial(app.pin_field, f.id), keys.PIN_FIELD_HELP))
        for path in bundled_paths():
            if path.stem != app.catalog.id:
                out.append((keys.switch_catalog(path.stem), partial(app.switch_catalog, path), keys.open_bundled(path.name)))
        if app.session.can_list_plans:
            out.append((keys.PLANS_ENTRY[0], app.open_plan_picker, keys.PLANS_ENTRY[1]))
            out.append((keys.ROSTER_ENTRY[0], app.open_roster, keys.ROSTER_ENTRY[1]))
        out.append((keys.EXPORT_ENTRY[0], app.open_export, keys.EXPORT_ENTRY[1]))
        if app.session.path is not None and not app.session.is_demo:
            out.append((keys.RELOAD_ENTRY[0], app.reload_from_disk, keys.RELOAD_ENTRY[1]))
            out.append((keys.KEEP_MINE_ENTRY[0], app.keep_my_version, keys.KEEP_MINE_ENTRY[1]))
        out.append((keys.SUGGEST_ENTRY[0], app.open_suggestions, keys.SUGGEST_ENTRY[1]))
        if app.catalog.has_bundle:
            out.append((keys.NEAREST_ENTRY[0], app.open_nearest_fields, keys.NEAREST_ENTRY[1]))
        out.append((keys.COMPARE_ENTRY[0], app.open_compare, keys.COMPARE_ENTRY[1]))
        out.append((keys.HELP_ENTRY[0], app.action_help, keys.HELP_ENTRY[1]))
        return out

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(Content(title), callback, text=title, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, highlight(matcher, title), callback, text=title, help=help_text)  # type: ignore[arg-type]


def highlight(matcher: Matcher, title: str) -> Content:
    """`Matcher.highlight` without reading `title` as markup (it holds catalog names)."""
    content = Content(title)
    score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    if score:
        for offset in offsets:
            if not title[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
