"""One plan reads the same everywhere: `check`'s text, the txt and md exports,
`credplan shell`'s status and the planner's plan panel show the same requirement
lines with the same marks, the same selection reasons and the same status line.

One Ohio plan (a bundle met with earned and planned points, a selection from another
field, one the catalog no longer has, WorkKeys not met, two WorkKeys rules for other
classes) and one Colorado plan (competencies met by a planned certificate and a
score). The expected words come from `core.words`, so this checks every front-end
draws them rather than writing its own."""

from __future__ import annotations

import io
import re

import pytest

from credplan.core.export import export_report
from credplan.core.model import EARNED, Plan
from credplan.core.report import evaluation_text
from credplan.core.rules import evaluate
from credplan.core.session import PlanSession
from credplan.core.words import requirements as words
from credplan.shell import PlanShell
from uihelp import make_app, plan_pane_text


def ohio_plan(ohio) -> Plan:
    it12 = next(c for c in ohio.credentials if c.fields == ("it",) and c.points_in("it") == 12)
    hosp = next(c for c in ohio.credentials if c.fields == ("hospitality",))
    return (
        Plan(student="Ana", class_of=2024, pinned_field="it")
        .with_selection(it12.id, EARNED)
        .with_selection(hosp.id)
        .with_selection("ohio-driver-license")
        .with_selection("retired-cert-2019")
        .with_score("workkeys", "Applied Math", 5)
        .with_score("workkeys", "Graphic Literacy", 4)
    )


def colorado_plan(colorado) -> Plan:
    both = next(c for c in colorado.credentials if {"english", "math"} <= c.meets)
    return Plan(student="Jordan", class_of=2027).with_selection(both.id).with_score("act", "English", 20)


def flat(text: str) -> str:
    """Whitespace runs as one space: columns and padding differ, words must not."""
    return " ".join(text.split())


def md_plain(text: str) -> str:
    """Markdown as read: escapes and bold gone."""
    return flat(re.sub(r"\\(.)", r"\1", text).replace("**", ""))


async def planner_text(catalog, plan) -> tuple[str, str]:
    """The plan panel's text (each Static unwrapped) and the status line."""
    app = make_app(catalog, plan)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = plan_pane_text(app)
        status = app.screen.query_one("#status").content.plain
    return text, status


def shell_status(catalog, plan) -> str:
    out = io.StringIO()
    shell = PlanShell(PlanSession.start(catalog, plan), out=out, err=io.StringIO())  # kept in memory
    assert shell.execute("status")
    return out.getvalue()


@pytest.mark.parametrize("which", ["ohio", "colorado"])
async def test_every_front_end_says_the_same(request, which):
    catalog = request.getfixturevalue(which)
    plan = ohio_plan(catalog) if which == "ohio" else colorado_plan(catalog)
    ev = evaluate(catalog, plan)

    requirement_lines = [f"{words.mark(r.state)} {words.requirement_line(r)}" for r in ev.requirements]
    requirement_lines += [f"{words.mark(n.state)} {words.not_checked_line(n)}" for n in ev.not_checked]
    reasons = [words.selection_reason(s, catalog) for s in ev.selections]
    tagged = [f"{words.selection_mark(s)} {s.name}" for s in ev.selections if words.selection_mark(s)]
    status = words.status_line(ev)
    if which == "ohio":  # the plan is chosen to show every mark
        assert {words.MET, words.NOT_MET, words.NOT_CHECKED} <= {line.split("]")[0] + "]" for line in requirement_lines}
        assert {words.OTHER_FIELD, words.NOT_IN_CATALOG} <= {t.split("]")[0] + "]" for t in tagged}

    panel, planner_status = await planner_text(catalog, plan)
    outputs = {
        "check": flat(evaluation_text(catalog, plan, ev)),
        "export txt": flat(export_report(catalog, plan, "txt")),
        "shell status": flat(shell_status(catalog, plan)),
        "planner": flat(panel),
    }
    for where, text in outputs.items():
        for line in requirement_lines:
            assert flat(line) in text, (where, line)

    md = export_report(catalog, plan, "md")
    rows = [md_plain(row) for row in md.splitlines() if row.startswith("| ")]
    for r in ev.requirements:
        assert any(f"| {r.name} |" in row and f"| {words.mark(r.state)} | {words.requirement_detail(r)} |" in row
                   for row in rows), r.name
    for n in ev.not_checked:
        assert any(f"| {n.name} |" in row and f"| {words.mark(n.state)} | {words.not_checked_detail(n)} |" in row
                   for row in rows), n.name

    outputs["export md"] = md_plain(md)
    for where in ("check", "export txt", "export md", "shell status"):
        for reason in reasons:
            assert reason in outputs[where], (where, reason)
        assert status in outputs[where], (where, status)
    for tag in tagged:  # the planner says why a selection does not count, with the same mark
        assert tag in outputs["planner"], tag
    for s, reason in zip(ev.selections, reasons):
        if not s.counts or not catalog.has_bundle:
            assert reason in outputs["planner"], reason
    assert flat(planner_status) == f"Status: {status}"
