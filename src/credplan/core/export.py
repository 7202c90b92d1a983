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
import unicodedata
from dataclasses import replace
from typing import Any

from .changes import catalog_changes
from .model import EARNED, Catalog, Plan
from .plans import plan_to_dict
from .report import UNVERIFIED, UNVERIFIED_WORDS, evaluation_dict
from .rules import Evaluation, evaluate, score_label

FORMATS = ("md", "txt", "json", "html")
EXPORT_FORMAT = 1
LEGEND = f"{UNVERIFIED} = {UNVERIFIED_WORDS}"


# -- shared pieces ----------------------------------------------------------------------------
_BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}


def clean(text: str) -> str:
    """Text safe to print: line breaks and tabs become spaces; other control and
    direction-override characters (terminal escapes, reordering tricks) become U+FFFD."""
    out = []
    for ch in text:
        if ch in "\n\r\t":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cs") or ord(ch) in _BIDI:
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    m = re.search(r"(?<=[.!?])\s(?=[A-Z0-9\"'(])", text)
    return text[: m.start()] if m else text


def earned_only_evaluation(catalog: Catalog, plan: Plan, evaluation: Evaluation) -> Evaluation:
    """The plan counting only earned selections, judged in the same bundle field."""
    earned = tuple(s for s in plan.selections if s.status == EARNED)
    pinned = evaluation.bundle.field if evaluation.bundle is not None else plan.pinned_field
    return evaluate(catalog, replace(plan, selections=earned, pinned_field=pinned))


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
def export_dict(catalog: Catalog, plan: Plan, generated: dt.date | None = None) -> dict[str, Any]:
    evaluation = evaluate(catalog, plan)
    earned = earned_only_evaluation(catalog, plan, evaluation)
    out = evaluation_dict(catalog, evaluation)
    for entry, result in zip(out["requirements"], evaluation.requirements):
        entry["classes"] = result.classes
        entry["missing"] = result.short
        if result.earned_met is not None:
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
            "status": evaluation.status,
            "earned_only": {
                "met": earned.met,
                "status": earned.status,
                "bundle_points": bundle.earned_points if bundle else None,
                "bundle_met": bundle.earned_met if bundle else None,
            },
            "requirements_not_checked": [
                {"id": r.id, "name": r.name, "classes": r.class_label()} for r in evaluation.not_applying
            ],
            "scores": [{"assessment": a, "part": p, "score": s} for a, p, s in _scores(catalog, plan)],
            "catalog_changes": catalog_changes(catalog, plan).messages(),
            "legend": {UNVERIFIED: UNVERIFIED_WORDS},
            "plan": _plan_dict(catalog, plan),
        }
    )
    return out


# -- text and Markdown ---------------------------------------------------------------------------
class _Report:
    """Everything the md and txt layouts show, already in words."""

    def __init__(self, catalog: Catalog, plan: Plan, generated: dt.date | None) -> None:
        self.catalog = catalog
        self.plan = plan
        self.generated = generated
        self.evaluation = evaluate(catalog, plan)
        self.earned = earned_only_evaluation(catalog, plan, self.evaluation)
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
        return "Meets every requirement" if self.evaluation.met else "Not met yet"

    def status_lines(self) -> list[str]:
        ev, bundle = self.evaluation, self.evaluation.bundle
        lines = [f"Planned and earned together: {ev.status}"]
        if bundle is not None:
            how = "pinned" if bundle.pinned else "the field with the most points"
            lines.append(f"Bundle field: {bundle.field_name} ({how})")
            lines.append(f"Points planned and earned: {bundle.points} of {bundle.required}")
            alone = "enough for the bundle" if bundle.earned_met else "not enough for the bundle yet"
            lines.append(f"Points earned so far: {bundle.earned_points} of {bundle.required} ({alone})")
        lines.append(f"Earned credentials alone: {self.earned.status}")
        return lines

    def points_text(self, s: Any) -> str:
        if not self.has_points:
            return ""
        text = str(s.points) if s.counts else "-"
        return text + (f" {UNVERIFIED}" if s.known and not s.verified else "")

    def name_text(self, s: Any) -> str:
        if not self.has_points and s.known and not s.verified:
            return f"{s.name} {UNVERIFIED}"
        return s.name


def _without_name(req: Any) -> str:
    """A requirement's detail without the "Name: " some details start with."""
    prefix = f"{req.name}: "
    return req.detail[len(prefix):] if req.detail.startswith(prefix) else req.detail


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
        state = "met" if req.met else "**not met**"
        out.append(f"| {_md(req.name)} | {_md(req.classes)} | {state} | {_md(_without_name(req))} |")
    if ev.not_applying:
        out += ["", "Not checked for this graduating class:", ""]
        out += [f"- {_md(q.name)} (applies to {_md(q.class_label())})" for q in ev.not_applying]

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
            cells += ["yes" if s.counts else "no", _md(s.reason)]
            out.append("| " + " | ".join(cells) + " |")

    scores = _scores(r.catalog, r.plan)
    if scores:
        out += ["", "## Scores", "", "| Assessment | Part | Score |", "|---|---|---|"]
        out += [f"| {_md(a)} | {_md(p)} | {_md(v)} |" for a, p, v in scores]
    for title, items in (("Catalog changes since this plan was saved", r.changes), ("Warnings", list(ev.warnings))):
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
        detail = f"{req.name}: {_without_name(req)}"
        out.append(f"  {'[met]    ' if req.met else '[not met]'} {clean(detail)} ({clean(req.classes)})")
    for q in ev.not_applying:
        out.append(f"  [skipped] {clean(q.name)}: applies to {clean(q.class_label())}, not checked")

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
            row += ["yes" if s.counts else "no", clean(s.reason)]
            rows.append(row)
        out += _table(rows)

    scores = _scores(r.catalog, r.plan)
    if scores:
        out += ["", "SCORES"]
        out += _table([["Assessment", "Part", "Score"]] + [[clean(a), clean(p), clean(v)] for a, p, v in scores])
    for title, items in (("CATALOG CHANGES SINCE THIS PLAN WAS SAVED", r.changes), ("WARNINGS", list(ev.warnings))):
        if items:
            out += ["", title]
            out += [f"  - {clean(item)}" for item in items]
    if r.plan.notes.strip():
        out += ["", "NOTES", f"  {clean(r.plan.notes.strip())}"]
    if r.any_unverified:
        out += ["", LEGEND]
    return "\n".join(out) + "\n"


def export_report(catalog: Catalog, plan: Plan, fmt: str, *, generated: dt.date | None = None) -> str:
    """The report in `fmt` ("md", "txt", "json" or "html"); ends with a newline."""
    if fmt == "html":  # the one-page summary for families
        from .export_html import html_report

        return html_report(catalog, plan, generated=generated)
    if fmt == "json":
        return json.dumps(export_dict(catalog, plan, generated), indent=2, ensure_ascii=False) + "\n"
    report = _Report(catalog, plan, generated)
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
