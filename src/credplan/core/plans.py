"""The plan file format (TOML), read and written without touching the disk, and
`read_plan`, which reads a plan file and never changes one (saving is `core.store`, through the session).

    format = 1
    student = "Ana Lopez"
    class_of = 2027                # optional
    pinned_field = "it"            # optional
    notes = "..."                  # optional

    [catalog]                      # the catalog the plan was last saved with
    id = "ohio"
    checked = 2026-11-23

    [[selection]]
    id = "comptia-a-plus"
    status = "planned"             # or "earned"

    [scores.workkeys]              # assessment id -> part -> level, or "<3" (below min)
    "Applied Math" = 5
    "Graphic Literacy" = "<3"

    [known_points.comptia-a-plus]  # points as last seen, to point out catalog changes
    it = 12
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from types import MappingProxyType

from .bundled import is_bundled
from .model import BELOW, STATUSES, Catalog, CatalogStamp, Plan, Selection, ScoreValue, freeze_scores
from .problems import MAX_PLAN_BYTES, Checker, FileProblems, parse_toml, read_text, type_name

TYPE_CHECKING = False  # typing costs milliseconds at every start; annotations here are never evaluated
if TYPE_CHECKING:
    from typing import Any

PLAN_FORMAT = 1
PLAN_KEYS = ("format", "student", "class_of", "pinned_field", "notes", "catalog", "selection", "scores", "known_points")
_BELOW = re.compile(r"^\s*<\s*\d*\s*$")
CLASS_RANGE = (1950, 2100)
MAX_PATH = 4096
"""The longest catalog path a plan may remember (Linux's PATH_MAX)."""
MAX_TEXT = 1000
"""The longest name or id a plan may hold. Far above anything real (names are entered at
most 200 characters long, ids are at most 64 since the id rule, older catalogs' ids were
shorter still), so no plan a person made is refused; a plan edited to hold a million
characters is, before that text reaches the terminal's title or a screen line."""


def read_plan(path: Path) -> Plan:
    """Read a plan without changing anything on disk (for `check`, `export`)."""
    display = str(path)
    return parse_plan(read_text(path, display, limit=MAX_PLAN_BYTES, what="plan"), display)


def parse_plan(text: str, display: str = "<plan>") -> Plan:
    doc = parse_toml(text, display)
    c = Checker(display, text)
    c.keys(doc, (), "the plan file", PLAN_KEYS)
    fmt = doc.get("format", PLAN_FORMAT)
    if isinstance(fmt, bool) or not isinstance(fmt, int):
        c.wrong_type((), "format", "the plan file", "a whole number", fmt)
    elif fmt != PLAN_FORMAT:
        c.add(("format",), f"unsupported plan `format = {fmt}`: this credplan reads format {PLAN_FORMAT}")
        c.raise_if_any()
    student = c.string(doc, "student", (), "the plan", empty_ok=True, limit=MAX_TEXT) or ""
    notes = c.string(doc, "notes", (), "the plan", empty_ok=True) or ""  # exports only; the file cap bounds it
    pinned = c.string(doc, "pinned_field", (), "the plan", limit=MAX_TEXT)
    class_of = c.integer(doc, "class_of", (), "the plan")
    if class_of is not None and not CLASS_RANGE[0] <= class_of <= CLASS_RANGE[1]:
        c.add(("class_of",), f"graduating class {class_of} is not a year between {CLASS_RANGE[0]} and {CLASS_RANGE[1]}")
        class_of = None

    stamp = None
    table = doc.get("catalog")
    if table is not None:
        if not isinstance(table, dict):
            c.add(("catalog",), f"`catalog` must be a table, not {type_name(table)}")
        else:
            c.keys(table, ("catalog",), "[catalog] of the plan", ("id", "checked", "path"), ("id",))
            cid = c.string(table, "id", ("catalog",), "[catalog] of the plan", limit=MAX_TEXT)
            where = c.string(table, "path", ("catalog",), "[catalog] of the plan", limit=MAX_PATH) if "path" in table else ""
            checked = table.get("checked")
            if checked is not None and (not isinstance(checked, dt.date) or isinstance(checked, dt.datetime)):
                c.wrong_type(("catalog",), "checked", "[catalog] of the plan", "a date", checked)
                checked = None
            if cid:
                stamp = CatalogStamp(cid, checked, where or "")

    selections: list[Selection] = []
    for i, entry in c.array_of_tables(doc, "selection", (), "[[selection]]"):
        path = ("selection", i)
        c.keys(entry, path, f"selection #{i + 1}", ("id", "status"), ("id",))
        sid = c.string(entry, "id", path, f"selection #{i + 1}", limit=MAX_TEXT)
        status = c.string(entry, "status", path, f"selection #{i + 1}") or "planned"
        if status not in STATUSES:
            c.add(path + ("status",), f"status `{status}` of selection #{i + 1} must be planned or earned")
            continue
        if sid:
            selections.append(Selection(sid, status))  # type: ignore[arg-type]

    scores: dict[str, dict[str, ScoreValue]] = {}
    raw_scores = doc.get("scores", {})
    if not isinstance(raw_scores, dict):
        c.add(("scores",), f"`scores` must be a table, not {type_name(raw_scores)}")
        raw_scores = {}
    for aid, parts in raw_scores.items():
        if len(aid) > MAX_TEXT or any(len(part) > MAX_TEXT for part in (parts if isinstance(parts, dict) else ())):
            c.add(("scores", aid), f"scores for an assessment or part whose name is over {MAX_TEXT} characters long")
            continue
        if not isinstance(parts, dict):
            c.add(("scores", aid), f"scores for `{aid}` must be a table of part = level, not {type_name(parts)}")
            continue
        for part, value in parts.items():
            try:
                parsed = parse_score_text(value) if isinstance(value, str) else value
            except ValueError:  # "five": reported below, like any other bad score
                parsed = None
            if isinstance(parsed, bool) or not (isinstance(parsed, int) or parsed is BELOW):
                c.add(("scores", aid, part), f"score for {aid} `{part}` must be a whole number or \"<3\"-style, not {value!r}")
                continue
            scores.setdefault(aid, {})[part] = parsed

    known: dict[str, dict[str, int]] = {}
    raw_known = doc.get("known_points", {})
    if isinstance(raw_known, dict):
        for cid, by_field in raw_known.items():
            if isinstance(by_field, dict):
                clean = {f: v for f, v in by_field.items() if isinstance(v, int) and not isinstance(v, bool)}
                known[cid] = clean
    else:
        c.add(("known_points",), f"`known_points` must be a table, not {type_name(raw_known)}")

    c.raise_if_any()
    return Plan(
        student=student,
        class_of=class_of,
        pinned_field=pinned,
        selections=tuple(selections),
        scores=freeze_scores(scores),
        notes=notes,
        catalog=stamp,
        known_points=MappingProxyType({k: MappingProxyType(v) for k, v in known.items()}),
    )


def parse_score_text(text: str) -> ScoreValue | None:
    """'5' -> 5, '<3' or '<' -> BELOW, '' -> None; anything else raises ValueError."""
    text = text.strip()
    if not text:
        return None
    if _BELOW.match(text):
        return BELOW
    if text.lstrip("+").isdigit():
        return int(text)
    raise ValueError(text)


def plan_to_dict(plan: Plan, catalog: Catalog | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"format": PLAN_FORMAT, "student": plan.student}
    if plan.class_of is not None:
        out["class_of"] = plan.class_of
    if plan.pinned_field:
        out["pinned_field"] = plan.pinned_field
    if plan.notes:
        out["notes"] = plan.notes
    stamp = plan.catalog
    if catalog is not None:
        where = "" if not catalog.path or is_bundled(catalog.path) else os.path.abspath(catalog.path)
        stamp = CatalogStamp(catalog.id, catalog.info.checked, where)
    if stamp is not None:
        out["catalog"] = {"id": stamp.id} | ({"checked": stamp.checked} if stamp.checked else {})
        if stamp.path:
            out["catalog"]["path"] = stamp.path
    if plan.selections:
        out["selection"] = [{"id": s.id, "status": s.status} for s in plan.selections]
    if plan.scores:
        scores: dict[str, dict[str, Any]] = {}
        for aid, parts in plan.scores.items():
            assessment = catalog.assessment_by_id.get(aid) if catalog else None
            below = assessment.below_label() if assessment else "<"
            scores[aid] = {p: (below if v is BELOW else v) for p, v in parts.items()}
        out["scores"] = scores
    if plan.known_points:
        out["known_points"] = {k: dict(v) for k, v in plan.known_points.items()}
    return out


def dump_plan(plan: Plan, catalog: Catalog | None = None) -> str:
    import tomli_w  # only for saving: reading a plan (check, export) needs none of it

    return tomli_w.dumps(plan_to_dict(plan, catalog))


__all__ = ["read_plan", "parse_plan", "dump_plan", "plan_to_dict", "parse_score_text", "FileProblems", "PLAN_FORMAT"]
