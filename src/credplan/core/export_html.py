"""A one-page summary of a plan for the student's family: one self-contained HTML page.

`html_report(catalog, plan)` is pure and deterministic (a date only when passed). The
page has no script, loads nothing (a Content-Security-Policy says so to the browser
too), and carries a print stylesheet so it prints on one or two sheets. It shows the
student, class, catalog and when it was checked, the bundle field with a text bar
(it reads and prints without colour), every requirement in words, every credential
with its points and whether it is planned or earned, other-field picks and why they
do not count, unconfirmed values marked `?`, and what is left with the quickest ways
to finish (`core.completions`; competency catalogs: the certificates and
scores that would meet each competency). The plan's private notes are left out.

Every catalog and plan string passes `core.text.clean` (controls, bidi and invisible
characters made visible or replaced) and then `html.escape` (with quotes), so a
catalog full of `<script>` or quotes is shown as text. A link is made only of an
http(s) source URL.
"""

from __future__ import annotations

from collections.abc import Sequence

import datetime as dt
import html
import re

from .model import Catalog, Plan
from .roster import overall_status
from .rules import Evaluation, SelectionResult, evaluate
from .competency_options import competency_suggestions
from .completions import SuggestError, completions
from .text import clean
from .words import family as words

COMPLETIONS_SHOWN = 3
CHOICES_SHOWN = 3
BAR_CELLS = 24

STYLE = """
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #111;
  background: #fff; margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 2rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.15rem; margin: 1.4rem 0 .4rem; border-bottom: 1px solid #999; padding-bottom: .15rem; }
.verdict { font-weight: 600; font-size: 1.05rem; margin: .3rem 0 .8rem; padding: .35rem .6rem;
  border: 2px solid #555; border-radius: 4px; }
.verdict.met { border-color: #1a7f37; } .verdict.not-on-track { border-color: #b35900; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
.bar { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 1.2rem;
  letter-spacing: -.05em; white-space: nowrap; }
.legend, .note, footer { color: #444; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0; }
th, td { text-align: left; vertical-align: top; padding: .25rem .4rem; border-bottom: 1px solid #ccc; }
th { border-bottom: 2px solid #777; }
td.num { text-align: right; white-space: nowrap; }
.tag { font-weight: 600; white-space: nowrap; }
.tag.not-met { color: #b35900; } .tag.met { color: #1a7f37; }
ul.reqs { list-style: none; padding-left: 0; } ul.reqs li { margin: .25rem 0; }
.unverified { font-weight: 700; }
footer { margin-top: 2rem; border-top: 1px solid #999; padding-top: .4rem; }
@media print {
  @page { margin: 1.4cm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  table, li, .verdict, dl.facts { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .85em; word-break: break-all; }
}
""".strip()

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'"
_LINK = re.compile(r"https?://[^\s\"'<>\\`]+")


def h(text: object) -> str:
    """Catalog or plan text made safe for the page: the one text policy, then HTML escaping."""
    return html.escape(clean(text), quote=True)


def _link(url: str) -> str:
    shown = h(url)
    if _LINK.fullmatch(clean(url)):
        return f'<a href="{shown}" rel="noopener noreferrer">{shown}</a>'
    return shown


def _tag(state: str) -> str:
    return f'<span class="tag {state}">[{h(words.STATE_WORDS[state])}]</span>'


def _mark(verified: bool) -> str:
    return "" if verified else f' <span class="unverified" title="{h(words.UNVERIFIED_WORDS)}">{words.UNVERIFIED_MARK}</span>'


def text_bar(earned: int, planned: int, required: int, cells: int = BAR_CELLS) -> str:
    """`█` earned, `▒` planned, `░` still to go, over `cells` characters."""
    if required <= 0:
        return ""
    e = min(cells, round(cells * min(earned, required) / required))
    p = min(cells - e, round(cells * min(earned + planned, required) / required) - e)
    return "█" * e + "▒" * p + "░" * (cells - e - p)


class _Page:
    def __init__(self, catalog: Catalog, plan: Plan, generated: dt.date | None, notices: Sequence[str] = ()) -> None:
        self.notices = list(notices)
        self.catalog = catalog
        self.plan = plan
        self.generated = generated
        self.ev: Evaluation = evaluate(catalog, plan)
        self.status = overall_status(catalog, plan, self.ev)
        self.out: list[str] = []

    def add(self, *lines: str) -> None:
        self.out.extend(lines)

    # -- parts of the page ------------------------------------------------------------------
    def head(self) -> None:
        info = self.catalog.info
        self.add(
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="credplan">',
            f"<title>{h(words.title(self.plan.student))}</title>",
            f"<style>\n{STYLE}\n</style>",
            "</head>",
            "<body>",
            "<main>",
            "<header>",
            f"<h1>{h(words.title(self.plan.student))}</h1>",
            f'<p class="verdict {self.status}">{h(words.VERDICT[self.status])}</p>',
        )
        if self.plan.class_of is None and self.ev.not_checked:
            self.add(f'<p class="note">{h(words.VERDICT_CLASS_NOT_SET)}</p>')
        facts = [
            ("Student", h(self.plan.student.strip() or "(no name)")),
            ("Graduating class", h(words.klass(self.plan.class_of))),
            ("Catalog", f"{h(info.title)} ({h(info.region)})"),
            ("Catalog checked", h(info.checked.isoformat())),
            ("Source", _link(info.source)),
        ]
        if self.generated is not None:
            facts.append(("Made on", h(self.generated.isoformat())))
        self.add('<dl class="facts">')
        self.add(*(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts))
        self.add("</dl>")
        self.add(*(f'<p class="note">{h(n)}</p>' for n in self.notices))
        self.add("</header>")

    def bundle(self) -> None:
        b = self.ev.bundle
        if b is None:
            return
        planned = b.points - b.earned_points
        label = words.bundle_line(b.points, b.earned_points, b.required, b.field_name)
        self.add(
            '<section class="bundle">',
            f"<h2>{h(words.bundle_heading(b.field_name, b.pinned))}</h2>",
            f'<p><span class="bar" role="img" aria-label="{h(label)}">{text_bar(b.earned_points, planned, b.required)}</span></p>',
            f"<p>{h(label)}</p>",
            f'<p class="legend">{h(words.BAR_LEGEND)}</p>',
            "</section>",
        )

    def requirements(self) -> None:
        self.add('<section class="requirements">', "<h2>Requirements</h2>", '<ul class="reqs">')
        results = {r.id: r for r in self.ev.requirements}
        other_classes = []
        for req in self.catalog.requirements:
            result = results.get(req.id)
            if result is None and self.plan.class_of is not None:
                other_classes.append(req.name)  # another class's rule: one line below, not a line each
                continue
            if result is None:
                self.add(f"<li>{_tag('not-checked')} <strong>{h(req.name)}</strong>: {h(words.not_checked(req))}</li>")
                continue
            state = "met" if result.met else "not-met"
            if req.kind == "bundle" and self.ev.bundle is not None:
                b = self.ev.bundle
                text = words.bundle_line(b.points, b.earned_points, b.required, b.field_name)
            elif req.kind == "score":
                text = words.score_requirement(self.catalog, self.plan, req)
            elif result.met:
                names = [
                    s.name for s in self.ev.selections
                    if s.known and req.competency in self.catalog.credential_by_id[s.id].meets
                ]
                text = words.competency_met(names)
            else:
                text = words.competency_missing(req.competency or "")
            self.add(f"<li>{_tag(state)} <strong>{h(req.name)}</strong>: {h(text)}</li>")
        self.add("</ul>")
        if other_classes:
            self.add(f'<p class="note">{h(words.other_classes(self.plan.class_of or 0, other_classes))}</p>')
        self.add("</section>")

    def _why(self, s: SelectionResult) -> str:
        b = self.ev.bundle
        if not s.known:
            return words.NOT_IN_CATALOG
        if b is None:
            return words.meets(sorted(self.catalog.credential_by_id[s.id].meets))
        if s.counts:
            return words.counts_in(s.points, b.field_name, s.universal)
        return words.other_field([self.catalog.field_name(f) for f in s.fields], b.field_name)

    def credentials(self) -> None:
        self.add('<section class="credentials">', "<h2>Credentials</h2>")
        if not self.ev.selections:
            self.add(f"<p>{h(words.NO_SELECTIONS)}</p>", "</section>")
            return
        bundle = self.ev.bundle is not None
        head = "<tr><th>Credential</th><th>Issuer</th><th>Status</th>"
        head += '<th class="num">Points</th>' if bundle else ""
        self.add("<table>", f"<thead>{head}<th>Why</th></tr></thead>", "<tbody>")
        for s in self.ev.selections:
            cred = self.catalog.credential_by_id.get(s.id)
            issuer = h(cred.issuer) if cred is not None else ""
            cells = [f"<td>{h(s.name)}{'' if bundle else _mark(s.verified or not s.known)}</td>", f"<td>{issuer}</td>",
                     f"<td>{h(s.status)}</td>"]
            if bundle:
                pts = f"{s.points}{_mark(s.verified or not s.known)}" if s.counts else "-"
                cells.append(f'<td class="num">{pts}</td>')
            cells.append(f"<td>{h(self._why(s))}</td>")
            self.add("<tr>" + "".join(cells) + "</tr>")
        self.add("</tbody>", "</table>")
        others = [s for s in self.ev.selections if bundle and s.known and not s.counts]
        if others:
            self.add("<h3>Other-field picks</h3>", f"<p>{h(words.WHY_OTHER_FIELD)}</p>", "<ul>")
            self.add(*(f"<li>{h(s.name)}: {h(self._why(s))}</li>" for s in others))
            self.add("</ul>")
        if any(s.known and not s.verified for s in self.ev.selections):
            self.add(f'<p class="legend"><span class="unverified">{words.UNVERIFIED_MARK}</span> = {h(words.UNVERIFIED_WORDS)}</p>')
        self.add("</section>")

    def left(self) -> None:
        self.add('<section class="left">', "<h2>What is left</h2>")
        items: list[str] = []
        b = self.ev.bundle
        results = {r.id: r for r in self.ev.requirements}
        if b is not None and b.points < b.required:
            items.append(self._completions())
        for req in self.catalog.requirements:
            result = results.get(req.id)
            if result is None or result.met:
                continue
            if req.kind == "score":
                items += [f"<li>{h(line)}</li>" for line in words.score_left(self.catalog, self.plan, req)]
        for s in self._competencies():
            items.append(f"<li>{h(s)}</li>")
        if not items:
            text = words.NOTHING_LEFT if self.ev.met else ""
            if self.status == "on-track" and b is not None and not b.earned_met:
                text += " " + words.EARN_PLANNED
            self.add(f"<p>{h(text.strip() or words.NOTHING_LEFT)}</p>")
        else:
            self.add("<ul>", *items, "</ul>")
        self.add("</section>")

    def _completions(self) -> str:
        try:
            result = completions(self.catalog, self.plan, limit=COMPLETIONS_SHOWN)
        except SuggestError:
            return ""
        if not result.total:
            return f"<li>{h(words.cannot_finish(result.field_name))}</li>"
        lines = [f"<li>{h(words.completions_heading(result.shortfall, result.field_name, result.total))}", "<ol>"]
        for c in result.completions:
            names = [f"{h(p.name)} ({p.points}{_mark(p.verified)})" for p in c.picks]  # each escaped
            tail = words.completion_tail(c.reaches, result.required, c.cost, c.missing_cost)
            lines.append(f"<li>{h(words.ADD)} {words.join(names)}{h(tail)}</li>")
        lines += ["</ol>", "</li>"]
        return "\n".join(lines)

    def _competencies(self) -> list[str]:
        out = []
        for s in competency_suggestions(self.catalog, self.plan):
            req = next((r for r in self.catalog.requirements if r.id == s.requirement_id), None)
            options = [words.option(self.catalog, o) for o in req.scores] if req is not None else []
            choices = [words.credential_choice(o.name, o.cost) for o in s.credentials[:CHOICES_SHOWN]]
            more = max(0, len(s.credentials) - CHOICES_SHOWN)
            out.append(words.competency_left(s.name, choices, more, options))
        return out

    def footer(self) -> None:
        self.add(f"<footer><p>{h(words.FOOTER)}</p></footer>", "</main>", "</body>", "</html>")

    def render(self) -> str:
        self.head()
        self.bundle()
        self.requirements()
        self.credentials()
        self.left()
        self.footer()
        return "\n".join(self.out) + "\n"


def html_report(catalog: Catalog, plan: Plan, *, generated: dt.date | None = None, notices: Sequence[str] = ()) -> str:
    """The family summary page; ends with a newline. `notices`: what the session says
    about the catalog (stale, not the plan's own)."""
    return _Page(catalog, plan, generated, notices).render()


__all__ = ["html_report", "text_bar"]
