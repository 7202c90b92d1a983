"""A plan as a report a counselor can read or print: Markdown, plain text or JSON.

`export_report(catalog, plan, fmt)` is pure and deterministic (no clock unless a date
is passed), so the same plan always gives the same bytes. The report names the
student, the class and the catalog (with its source and checked date), gives every
requirement with its status and what is missing, every selection with its status
(planned or earned), points and reason, says whether the earned credentials alone
are enough, and marks unconfirmed catalog values with "?" (explained in a legend).

The JSON is the `credplan check --json` object (`report.evaluation_dict`) with more
keys added (`student`, `catalog_info`, `plan`, `earned_only`, ...), so anything that
reads `check --json` reads an export too.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any
from collections.abc import Sequence

from .changes import catalog_changes
from .model import Catalog, Plan
from .plans import plan_to_dict
from .report import evaluation_dict
from .rules import SelectionResult, evaluate
from .text import clean, clean_data
from .words import requirements as words
from .words.requirements import LEGEND, UNVERIFIED, UNVERIFIED_WORDS, score_label

FORMATS = ("md", "txt", "json", "html")
EXPORT_FORMAT = 1


# -- shared pieces ----------------------------------------------------------------------------


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    m = re.search(r"(?<=[.!?])\s(?=[A-Z0-9\"'(])", text)
    return text[: m.start()] if m else text


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _plan_dict(catalog: Catalog, plan: Plan) -> dict[str, Any]:
    """The plan as stored (its own catalog stamp), scores below min written like "<3"."""
    out = plan_to_dict(plan, catalog)  # (its stamp is the catalog's; put the plan's back)
    if plan.catalog is None:
        out.pop("catalog", None)
    else:
        stamp = {"id": plan.catalog.id} | ({"checked": plan.catalog.checked} if plan.catalog.checked else {})
        out["catalog"] = stamp
    return _jsonable(out)


def _scores(catalog: Catalog, plan: Plan) -> list[tuple[str, str, str]]:
    """(assessment name, part, score) for every assessment of the catalog with a score."""
    rows = []
    for assessment in catalog.assessments:
        entered = plan.scores.get(assessment.id)
        if not entered:
            continue
        for part in assessment.parts:
            rows.append((assessment.name, part, score_label(entered.get(part), assessment)))
    return rows


# -- JSON ---------------------------------------------------------------------------------------
def export_dict(
    catalog: Catalog, plan: Plan, generated: dt.date | None = None, notices: Sequence[str] = ()
) -> dict[str, Any]:
    evaluation = evaluate(catalog, plan)
    out = evaluation_dict(catalog, evaluation)
    for entry, result in zip(out["requirements"], evaluation.requirements):
        entry["classes"] = words.classes_text(result.from_class, result.to_class)
        entry["missing"] = words.requirement_short(result)
        if result.kind == "bundle":
            entry["earned_met"] = result.earned_met
    info = catalog.info
    bundle = evaluation.bundle
    out.update(
        {
            "export_format": EXPORT_FORMAT,
            "generated": generated.isoformat() if generated else None,
            "student": plan.student,
            "catalog_info": {
                "id": info.id,
                "title": info.title,
                "region": info.region,
                "source": info.source,
                "checked": info.checked.isoformat(),
                "about": first_sentence(info.notes),
            },
            "status": words.status_line(evaluation),
            "earned_only": {
                "met": evaluation.earned_met,
                "status": words.earned_line(evaluation),
                "bundle_points": bundle.earned_points if bundle else None,
                "bundle_met": bundle.earned_met if bundle else None,
            },
            "requirements_not_checked": [
                {"id": n.id, "name": n.name, "classes": words.classes_text(n.from_class, n.to_class)}
                for n in evaluation.not_checked
            ],
            "scores": [{"assessment": a, "part": p, "score": s} for a, p, s in _scores(catalog, plan)],
            "catalog_changes": catalog_changes(catalog, plan).messages(),
            "catalog_notices": list(notices),
            "legend": {UNVERIFIED: UNVERIFIED_WORDS},
            "plan": _plan_dict(catalog, plan),
        }
    )
    return clean_data(out)  # type: ignore[return-value]


# -- text and Markdown ---------------------------------------------------------------------------
class _Report:
    """Everything the md and txt layouts show, in the words of `core.words`."""

    def __init__(self, catalog: Catalog, plan: Plan, generated: dt.date | None, notices: Sequence[str] = ()) -> None:
        self.notices = list(notices)
        self.catalog = catalog
        self.plan = plan
        self.generated = generated
        self.evaluation = evaluate(catalog, plan)
        self.changes = catalog_changes(catalog, plan).messages()
        self.has_points = catalog.has_bundle
        self.any_unverified = any(s.known and not s.verified for s in self.evaluation.selections)

    @property
    def student(self) -> str:
        return self.plan.student.strip() or "(no name)"

    @property
    def klass(self) -> str:
        return str(self.plan.class_of) if self.plan.class_of else "not set"

    def facts(self) -> list[tuple[str, str]]:
        info = self.catalog.info
        rows = [
            ("Student", self.student),
            ("Graduating class", self.klass),
            ("Catalog", f"{info.title} ({info.id}), {info.region}"),
            ("Source", info.source),
            ("Catalog checked", info.checked.isoformat()),
        ]
        about = first_sentence(info.notes)
        if about:
            rows.append(("About this catalog", about))
        if self.generated:
            rows.append(("Report date", self.generated.isoformat()))
        return rows

    def verdict(self) -> str:
        return words.verdict(self.evaluation)

    def status_lines(self) -> list[str]:
        ev = self.evaluation
        lines = [words.status_line(ev)]
        if ev.bundle is not None:
            lines.append(words.bundle_line(ev.bundle))
        earned = words.earned_line(ev)
        if earned:
            lines.append(earned)
        return lines

    def points_text(self, s: SelectionResult) -> str:
        if not self.has_points:
            return ""
        text = str(s.points) if s.counts else "-"
        return text + (f" {UNVERIFIED}" if s.known and not s.verified else "")

    def name_text(self, s: SelectionResult) -> str:
        if not self.has_points and s.known and not s.verified:
            return f"{s.name} {UNVERIFIED}"
        return s.name

    def reason(self, s: SelectionResult) -> str:
        tag = words.selection_mark(s)
        reason = words.selection_reason(s, self.catalog)
        return f"{tag} {reason}" if tag else reason


def _md(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<|~&#])", r"\\\1", clean(text))


def _md_link(url: str) -> str:
    if re.fullmatch(r"https?://[^\s<>\\`]+", url):
        return f"<{url}>"
    return _md(url)


def _markdown(r: _Report) -> str:
    ev = r.evaluation
    out: list[str] = [f"# Credential plan: {_md(r.student)}", ""]
    for key, value in r.facts():
        shown = _md_link(value) if key == "Source" else _md(value)
        out.append(f"- **{key}:** {shown}")
    out += ["", "## Status", "", f"**{r.verdict()}.**", ""]
    out += [f"- {_md(line)}" for line in r.status_lines()]

    out += ["", "## Requirements", "", "| Requirement | Applies to | Status | What is met or missing |", "|---|---|---|---|"]
    for req in ev.requirements:
        state = _md(words.mark(req.state)) if req.met else f"**{_md(words.mark(req.state))}**"
        classes = words.classes_text(req.from_class, req.to_class)
        out.append(f"| {_md(req.name)} | {_md(classes)} | {state} | {_md(words.requirement_detail(req))} |")
    for n in ev.not_checked:
        classes = words.classes_text(n.from_class, n.to_class)
        out.append(f"| {_md(n.name)} | {_md(classes)} | {_md(words.mark(n.state))} | {_md(words.not_checked_detail(n))} |")

    out += ["", "## Selections", ""]
    if not ev.selections:
        out.append("No credentials selected yet.")
    else:
        if r.has_points:
            out += ["| Credential | Status | Points | Counts | Reason |", "|---|---|---|---|---|"]
        else:
            out += ["| Credential | Status | Counts | Reason |", "|---|---|---|---|"]
        for s in ev.selections:
            cells = [_md(r.name_text(s)), s.status]
            if r.has_points:
                cells.append(_md(r.points_text(s)))
            cells += ["yes" if s.counts else "no", _md(r.reason(s))]
            out.append("| " + " | ".join(cells) + " |")

    scores = _scores(r.catalog, r.plan)
    if scores:
        out += ["", "## Scores", "", "| Assessment | Part | Score |", "|---|---|---|"]
        out += [f"| {_md(a)} | {_md(p)} | {_md(v)} |" for a, p, v in scores]
    warnings = [words.warning_text(w) for w in ev.warnings]
    sections = (("About the catalog", r.notices), ("Catalog changes since this plan was saved", r.changes), ("Warnings", warnings))
    for title, items in sections:
        if items:
            out += ["", f"## {title}", ""]
            out += [f"- {_md(item)}" for item in items]
    if r.plan.notes.strip():
        out += ["", "## Notes", "", _md(r.plan.notes.strip())]
    if r.any_unverified:
        out += ["", "---", "", _md(LEGEND)]
    return "\n".join(out) + "\n"


def _table(rows: list[list[str]], indent: str = "  ") -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])] + [row[-1]]
        lines.append((indent + "  ".join(cells)).rstrip())
    return lines


def _text(r: _Report) -> str:
    ev = r.evaluation
    title = f"Credential plan: {clean(r.student)}"
    out = [title, "=" * len(title), ""]
    width = max(len(k) for k, _ in r.facts())
    out += [f"{k + ':':<{width + 1}} {clean(v)}" for k, v in r.facts()]
    out += ["", f"STATUS: {r.verdict().upper()}"]
    out += [f"  {clean(line)}" for line in r.status_lines()]

    out += ["", "REQUIREMENTS"]
    for req in ev.requirements:
        classes = words.classes_text(req.from_class, req.to_class)
        out.append(f"  {words.mark(req.state):<{words.MARK_WIDTH}} {clean(words.requirement_line(req))} ({clean(classes)})")
    for n in ev.not_checked:
        out.append(f"  {words.mark(n.state):<{words.MARK_WIDTH}} {clean(words.not_checked_line(n))}")

    out += ["", "SELECTIONS"]
    if not ev.selections:
        out.append("  (none yet)")
    else:
        header = ["Credential", "Status"] + (["Points"] if r.has_points else []) + ["Counts", "Reason"]
        rows = [header]
        for s in ev.selections:
            row = [clean(r.name_text(s)), s.status]
            if r.has_points:
                row.append(clean(r.points_text(s)))
            row += ["yes" if s.counts else "no", clean(r.reason(s))]
            rows.append(row)
        out += _table(rows)

    scores = _scores(r.catalog, r.plan)
    if scores:
        out += ["", "SCORES"]
        out += _table([["Assessment", "Part", "Score"]] + [[clean(a), clean(p), clean(v)] for a, p, v in scores])
    warnings = [words.warning_text(w) for w in ev.warnings]
    sections = (("ABOUT THE CATALOG", r.notices), ("CATALOG CHANGES SINCE THIS PLAN WAS SAVED", r.changes), ("WARNINGS", warnings))
    for title, items in sections:
        if items:
            out += ["", title]
            out += [f"  - {clean(item)}" for item in items]
    if r.plan.notes.strip():
        out += ["", "NOTES", f"  {clean(r.plan.notes.strip())}"]
    if r.any_unverified:
        out += ["", LEGEND]
    return "\n".join(out) + "\n"


def export_report(
    catalog: Catalog, plan: Plan, fmt: str, *, generated: dt.date | None = None, notices: Sequence[str] = ()
) -> str:
    """The report in `fmt` ("md", "txt", "json" or "html"); ends with a newline. `notices`
    are what the session says about the catalog (stale, not the plan's own)."""
    if fmt == "html":  # the one-page summary for families
        from .export_html import html_report

        return html_report(catalog, plan, generated=generated, notices=notices)
    if fmt == "json":
        return json.dumps(export_dict(catalog, plan, generated, notices), indent=2, ensure_ascii=False) + "\n"
    report = _Report(catalog, plan, generated, notices)
    if fmt == "md":
        return _markdown(report)
    if fmt == "txt":
        return _text(report)
    raise ValueError(f"unknown export format {fmt!r} (use one of: {', '.join(FORMATS)})")


def format_for_path(path: str) -> str | None:
    """The format a file name asks for (`.md`, `.markdown`, `.json`, `.txt`, `.html`), if any."""
    lower = path.lower()
    for suffix, fmt in ((".md", "md"), (".markdown", "md"), (".json", "json"), (".txt", "txt"), (".html", "html"), (".htm", "html")):
        if lower.endswith(suffix):
            return fmt
    return None


__all__ = ["FORMATS", "LEGEND", "clean", "export_dict", "export_report", "first_sentence", "format_for_path"]
