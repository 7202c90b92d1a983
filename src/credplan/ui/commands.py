"""Command palette entries that depend on the planner's state."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from ..core.bundled import bundled_paths

if TYPE_CHECKING:
    from .app import CredplanApp


class PlannerCommands(Provider):
    """Pin a field, switch catalog, switch plan."""

    def _commands(self) -> list[tuple[str, object, str]]:
        app: CredplanApp = self.app  # type: ignore[assignment]
        out: list[tuple[str, object, str]] = []
        pinned = app.plan.pinned_field
        if pinned:
            out.append(("Unpin the bundle field", partial(app.pin_field, None), "Let the field with the most points be the bundle field"))
        for f in app.catalog.fields:
            if f.id != pinned:
                out.append((f"Pin field: {f.name}", partial(app.pin_field, f.id), "Count the bundle in this field"))
        for path in bundled_paths():
            if path.stem != app.catalog.id:
                out.append((f"Switch catalog: {path.stem}", partial(app.switch_catalog, path), f"Open the bundled catalog {path.name}"))
        if app.session.can_list_plans:
            out.append(("Plans: open, create, rename or delete", app.open_plan_picker, "Students' plans on this machine (o)"))
            out.append(("Roster: every student's plan", app.open_roster, "Status, points and class of every student, each by its own catalog (R)"))
        out.append(("Export a report", app.open_export, "Markdown, text or JSON for a counselor (e)"))
        if app.session.path is not None and not app.session.is_demo:
            out.append(("Reload plan from disk", app.reload_from_disk, "Drop unsaved changes and read the plan file again"))
            out.append(("Keep my version", app.keep_my_version, "Save over a plan changed elsewhere; the other version is kept as a copy"))
        out.append(("Suggestions: quickest ways to finish", app.open_suggestions, "Ranked sets of credentials that complete the bundle (s)"))
        if app.catalog.has_bundle:
            out.append(("Nearest fields", app.open_nearest_fields, "Every field ranked by how close the plan is to a bundle there (n)"))
        out.append(("What-if: compare", app.open_compare, "The plan under another field, class or catalog, side by side (c)"))
        out.append(("Help: keys and marks", app.action_help, "Show every key and what the marks mean"))
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
