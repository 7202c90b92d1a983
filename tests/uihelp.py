"""Helpers for the TUI tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path


from credplan.core.model import Catalog, Plan
from credplan.core.session import PlanSession
from credplan.ui.app import CredplanApp

TODAY = dt.date(2026, 11, 23)


def make_app(catalog: Catalog, plan: Plan | None = None, path: Path | None = None, *, demo: bool = False, **kwargs) -> CredplanApp:
    """An app on a planning session, as the real launcher makes it: saving to `path`
    (locked, atomic) when given, else a plan kept in memory."""
    session = PlanSession.start(catalog, plan, path=path, demo=demo, today=TODAY)
    return CredplanApp(session, today=TODAY, **kwargs)


def plan_pane_text(app) -> str:
    """The plan pane's text, unwrapped: the plan in words (`PlanView.content`), then
    each label of the score boxes (`Static`), one per line."""
    from textual.widgets import Static

    from credplan.ui.widgets.plan_view import PlanView

    panel = app.screen.query_one("#plan")
    out = [panel.query_one(PlanView).content.plain]
    for static in panel.query(Static):
        content = static.content
        out.append(getattr(content, "plain", str(content)))
    return "\n".join(out)


HOSTILE_CATALOG = """
format = 1
[catalog]
id = "hostile"
title = "Hostile [b]names[/b]"
region = "Test [red]"
source = "https://example.org"
checked = 2026-11-01

[[field]]
id = "health"
name = "Health [Health]"

[[field]]
id = "it"
name = "[/foo] IT"

[[credential]]
id = "pharm"
name = "Pharmacy Tech [Health] Pathway"
issuer = "[bold red]X[/]"
fields = ["health"]
points = 6

[[credential]]
id = "link"
name = "[link=http://evil]click[/link] me"
fields = ["it"]
points = 12

[[requirement]]
id = "bundle"
kind = "bundle"
name = "Bundle [i]12[/i]"
points = 12
"""
