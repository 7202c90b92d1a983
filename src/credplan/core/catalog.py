"""Load and validate a catalog (format 1, see docs/catalog-format.md).

`load_catalog(path)` returns a `Catalog` or raises `FileProblems` listing every
problem in the file as `FILE:LINE: message`. The happy path is tomllib plus one pass
over the data; line numbers are only computed when something is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path as FsPath
from types import MappingProxyType

from .model import (
    EVERY_FIELD,
    Assessment,
    Catalog,
    CatalogInfo,
    Credential,
    Field,
    Requirement,
    ScoreOption,
)
from .requirements import COMMON_KEYS, KINDS, Parsed
from .requirements import competency as competency_kind
from .tomlpos import Path
from .problems import Checker, FileProblems, Problem, did_you_mean, parse_toml, read_text, type_name

TYPE_CHECKING = False  # typing costs milliseconds at every start; annotations here are never evaluated
if TYPE_CHECKING:
    from typing import Any

FORMAT = 1

TOP_KEYS = ("format", "catalog", "field", "credential", "assessment", "requirement")
CATALOG_KEYS = ("id", "title", "region", "source", "checked", "notes")
CATALOG_REQUIRED = ("id", "title", "region", "source", "checked")
FIELD_KEYS = ("id", "name")
CREDENTIAL_KEYS = ("id", "name", "issuer", "fields", "points", "verified", "meets", "url", "cost", "hours", "tags")
ASSESSMENT_KEYS = ("id", "name", "parts", "min", "max")
# Requirement keys are owned by each kind's module in `core.requirements`.
REQUIREMENT_COMMON = COMMON_KEYS
REQUIREMENT_KEYS = {kind: module.KEYS for kind, module in KINDS.items()}
REQUIREMENT_REQUIRED = {kind: module.REQUIRED for kind, module in KINDS.items()}
SCORE_OPTION_KEYS = competency_kind.SCORE_OPTION_KEYS

_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


def load_catalog(path: str | FsPath, display: str | None = None) -> Catalog:
    display = display or str(path)
    text = read_text(path, display)
    return parse_catalog(text, display, path=str(path))


def parse_catalog(text: str, display: str = "<catalog>", path: str = "") -> Catalog:
    doc = parse_toml(text, display)
    return _Loader(doc, Checker(display, text), path or display).load()


def _label(kind: str, table: dict[str, Any], index: int) -> str:
    ident = table.get("id")
    if isinstance(ident, str) and ident:
        return f"{kind} `{ident}`"
    return f"{kind} #{index + 1}"


class _Loader:
    def __init__(self, doc: dict[str, Any], check: Checker, path: str) -> None:
        self.doc = doc
        self.c = check
        self.path = path
        # Ids declared in the file, valid or not: a reference to an entry that has its
        # own problem is not reported again as naming something that does not exist.
        self.declared_fields: set[str] = set()
        self.declared_assessments: set[str] = set()
        self.assessment_map: dict[str, Assessment] = {}

    def load(self) -> Catalog:
        doc, c = self.doc, self.c
        c.keys(doc, (), "the catalog file", TOP_KEYS, ("format",))
        fmt = doc.get("format")
        if "format" in doc:
            if isinstance(fmt, bool) or not isinstance(fmt, int):
                c.wrong_type((), "format", "the catalog file", "a whole number", fmt)
            elif fmt != FORMAT:
                c.add(("format",), f"unsupported `format = {fmt}`: this credplan reads format {FORMAT}")
                c.raise_if_any()  # another format: nothing else can be judged
        info = self.info()
        fields = self.fields()
        assessments = self.assessments()
        requirements = self.requirements({a.id: a for a in assessments})
        bundle_max = max((r.points for r in requirements if r.kind == "bundle" and r.points), default=None)
        competencies = {r.competency for r in requirements if r.kind == "competency" and r.competency}
        credentials = self.credentials({f.id for f in fields}, [f.id for f in fields], bundle_max, competencies)
        if not doc.get("field"):
            c.add((), "empty catalog: no [[field]] entries")
        if not doc.get("credential"):
            c.add((), "empty catalog: no [[credential]] entries")
        c.raise_if_any()
        assert info is not None
        return Catalog.build(info, tuple(fields), tuple(credentials), tuple(assessments), tuple(requirements), self.path)

    # -- [catalog] -----------------------------------------------------------------
    def info(self) -> CatalogInfo | None:
        c = self.c
        table = self.doc.get("catalog")
        if table is None:
            c.add((), "missing table [catalog]")
            return None
        if not isinstance(table, dict):
            c.add(("catalog",), f"`catalog` must be a table ([catalog]), not {type_name(table)}")
            return None
        path = ("catalog",)
        c.keys(table, path, "[catalog]", CATALOG_KEYS, CATALOG_REQUIRED)
        ident = c.string(table, "id", path, "[catalog]")
        if ident is not None and not _ID.match(ident):
            c.add(path + ("id",), f"catalog id `{ident}` must be short and lowercase (letters, digits, -)")
        title = c.string(table, "title", path, "[catalog]")
        region = c.string(table, "region", path, "[catalog]")
        source = c.string(table, "source", path, "[catalog]")
        notes = c.string(table, "notes", path, "[catalog]", empty_ok=True)
        checked = table.get("checked")
        if "checked" in table and (not isinstance(checked, dt.date) or isinstance(checked, dt.datetime)):
            c.wrong_type(path, "checked", "[catalog]", "a TOML date such as 2026-11-01", checked)
            checked = None
        if None in (ident, title, region, source, checked):
            return None
        return CatalogInfo(ident, title, region, source, checked, notes or "")  # type: ignore[arg-type]

    # -- shared helpers ---------------------------------------------------------------
    def ident(self, table: dict[str, Any], path: Path, what: str, seen: dict[str, int], kind: str) -> str | None:
        ident = self.c.string(table, "id", path, what)
        if ident is None:
            return None
        if ident in seen:
            self.c.add(path + ("id",), f"duplicate {kind} id `{ident}` (first used in {kind} #{seen[ident] + 1})")
            return None
        seen[ident] = path[-1]  # type: ignore[assignment]
        return ident

    def class_limits(self, table: dict[str, Any], path: Path, what: str) -> tuple[int | None, int | None]:
        first = self.c.integer(table, "from_class", path, what)
        last = self.c.integer(table, "to_class", path, what)
        if first is not None and last is not None and first > last:
            self.c.add(path + ("from_class",), f"`from_class = {first}` is after `to_class = {last}` in {what}")
        return first, last

    # -- [[field]] ------------------------------------------------------------------
    def fields(self) -> list[Field]:
        out: list[Field] = []
        seen: dict[str, int] = {}
        for i, table in self.c.array_of_tables(self.doc, "field", (), "[[field]]"):
            path = ("field", i)
            what = _label("field", table, i)
            self.c.keys(table, path, what, FIELD_KEYS, FIELD_KEYS)
            ident = self.ident(table, path, what, seen, "field")
            if ident is not None:
                self.declared_fields.add(ident)
            name = self.c.string(table, "name", path, what)
            if ident is not None and ident != EVERY_FIELD and name is not None:
                out.append(Field(ident, name))
            elif ident == EVERY_FIELD:
                self.c.add(path + ("id",), "a field may not be called `*` (it means every field)")
        return out

    # -- [[assessment]] ---------------------------------------------------------------
    def assessments(self) -> list[Assessment]:
        out: list[Assessment] = []
        seen: dict[str, int] = {}
        c = self.c
        for i, table in c.array_of_tables(self.doc, "assessment", (), "[[assessment]]"):
            path = ("assessment", i)
            what = _label("assessment", table, i)
            c.keys(table, path, what, ASSESSMENT_KEYS, ASSESSMENT_KEYS)
            ident = self.ident(table, path, what, seen, "assessment")
            if ident is not None:
                self.declared_assessments.add(ident)
            name = c.string(table, "name", path, what)
            parts = c.strings(table, "parts", path, what)
            if parts is not None:
                if not parts:
                    c.add(path + ("parts",), f"`parts` in {what} is empty")
                    parts = None
                else:
                    for j, part in enumerate(parts):
                        if parts.index(part) != j:
                            c.add(path + ("parts", j), f"part `{part}` is listed twice in {what}")
            low = c.integer(table, "min", path, what)
            high = c.integer(table, "max", path, what)
            if low is not None and high is not None and low >= high:
                c.add(path + ("min",), f"`min = {low}` must be below `max = {high}` in {what}")
                low = None
            if None not in (ident, name, parts, low, high):
                out.append(Assessment(ident, name, tuple(dict.fromkeys(parts)), low, high))  # type: ignore[arg-type]
        return out

    # -- [[requirement]] -----------------------------------------------------------------
    def requirements(self, assessments: dict[str, Assessment]) -> list[Requirement]:
        """The keys every requirement has; each kind's module checks the rest."""
        out: list[Requirement] = []
        seen: dict[str, int] = {}
        c = self.c
        self.assessment_map = assessments
        *others, last_kind = KINDS
        kinds = f"{', '.join(others)} or {last_kind}" if others else last_kind
        for i, table in c.array_of_tables(self.doc, "requirement", (), "[[requirement]]"):
            path = ("requirement", i)
            what = _label("requirement", table, i)
            kind = c.string(table, "kind", path, what)
            if kind is not None and kind not in KINDS:
                c.add(
                    path + ("kind",),
                    f"unknown kind `{kind}` in {what}: use {kinds}{did_you_mean(kind, KINDS)}",
                )
                kind = None
            if kind is None:
                c.keys(table, path, what, set().union(*REQUIREMENT_KEYS.values()), ("id", "kind", "name"))
            else:
                c.keys(table, path, what, REQUIREMENT_KEYS[kind], REQUIREMENT_REQUIRED[kind])
            ident = self.ident(table, path, what, seen, "requirement")
            name = c.string(table, "name", path, what)
            first, last = self.class_limits(table, path, what)
            if kind is None or ident is None or name is None:
                continue
            requirement = KINDS[kind].parse(self, table, path, what, Parsed(ident, name, first, last))
            if requirement is not None:
                out.append(requirement)
        return out

    def score_terms(
        self,
        table: dict[str, Any],
        path: Path,
        what: str,
        *,
        allow_part: bool,
    ) -> ScoreOption | None:
        """An assessment and the levels asked of it (a score requirement, or a score
        option of a competency), checked against what the assessment can reach."""
        c = self.c
        assessments = self.assessment_map
        ident = c.string(table, "assessment", path, what)
        total = c.integer(table, "total", path, what)
        each = c.integer(table, "each", path, what)
        part = c.string(table, "part", path, what) if allow_part else None
        at_least = c.integer(table, "at_least", path, what) if allow_part else None
        if ident is None:
            return None
        assessment = assessments.get(ident)
        if assessment is None:
            if ident not in self.declared_assessments:
                c.add(path + ("assessment",), f"unknown assessment `{ident}` in {what}{did_you_mean(ident, assessments)}")
            return None
        ok = True
        if each is not None and not assessment.min <= each <= assessment.max:
            c.add(path + ("each",), f"`each = {each}` in {what} is outside {assessment.name}'s {assessment.min}..{assessment.max}")
            ok = False
        if total is not None:
            reach = assessment.max * len(assessment.parts)
            if not 1 <= total <= reach:
                c.add(path + ("total",), f"`total = {total}` in {what} is outside what {assessment.name} can reach (1..{reach})")
                ok = False
        if allow_part:
            if (part is None) != (at_least is None) and ("part" in table) != ("at_least" in table):
                missing = "at_least" if "part" in table else "part"
                c.add(path, f"{what} has `{'part' if missing == 'at_least' else 'at_least'}` without `{missing}`")
                ok = False
            if part is not None and part not in assessment.parts:
                c.add(path + ("part",), f"unknown part `{part}` of {assessment.name} in {what}{did_you_mean(part, assessment.parts)}")
                ok = False
            if at_least is not None and not assessment.min <= at_least <= assessment.max:
                c.add(path + ("at_least",), f"`at_least = {at_least}` in {what} is outside {assessment.name}'s {assessment.min}..{assessment.max}")
                ok = False
        if not ok:
            return None
        return ScoreOption(ident, part, at_least, each, total)

    # -- [[credential]] ------------------------------------------------------------------
    def credentials(
        self,
        field_ids: set[str],
        field_order: list[str],
        bundle_max: int | None,
        competencies: set[str],
    ) -> list[Credential]:
        out: list[Credential] = []
        seen: dict[str, int] = {}
        c = self.c
        required = ("id", "name", "fields") + (("points",) if bundle_max is not None else ())
        order = {f: k for k, f in enumerate(field_order)}
        allowed = frozenset(CREDENTIAL_KEYS)
        for i, table in c.array_of_tables(self.doc, "credential", (), "[[credential]]"):
            plain = _plain_credential(table, allowed, required, seen, field_ids, competencies, bundle_max, order)
            if plain is not None:
                seen[plain.id] = i
                out.append(plain)
                continue
            path = ("credential", i)
            what = _label("credential", table, i)
            c.keys(table, path, what, CREDENTIAL_KEYS, required)
            ident = self.ident(table, path, what, seen, "credential")
            name = c.string(table, "name", path, what)
            issuer = c.string(table, "issuer", path, what, empty_ok=True) or ""
            url = c.string(table, "url", path, what, empty_ok=True) or ""
            verified = c.boolean(table, "verified", path, what)
            cost = c.number(table, "cost", path, what)
            hours = c.number(table, "hours", path, what)
            tags = c.strings(table, "tags", path, what) or []
            meets = c.strings(table, "meets", path, what) or []
            for j, competency in enumerate(meets):
                if competency not in competencies:
                    hint = did_you_mean(competency, competencies)
                    known = ", ".join(sorted(competencies)) or "none"
                    c.add(
                        path + ("meets", j),
                        f"`meets` in {what} names `{competency}`, which no competency requirement uses{hint} (known: {known})",
                    )
            fields = c.strings(table, "fields", path, what)
            universal = False
            if fields is not None:
                if not fields:
                    c.add(path + ("fields",), f"`fields` in {what} is empty: list its field ids, or [\"*\"] for every field")
                    fields = None
                elif EVERY_FIELD in fields:
                    if len(fields) > 1:
                        c.add(path + ("fields",), f"`fields` in {what} mixes \"*\" (every field) with field ids")
                        fields = None
                    else:
                        universal = True
                        fields = []
                else:
                    for j, fid in enumerate(fields):
                        if fid not in field_ids:
                            if fid not in self.declared_fields:
                                c.add(path + ("fields", j), f"{what} names field `{fid}`, which does not exist{did_you_mean(fid, field_ids)}")
                            fields = None
                            break
                        if fields.index(fid) != j:
                            c.add(path + ("fields", j), f"{what} lists field `{fid}` twice")
            points_by_field, universal_points, points_ok = self.points(table, path, what, fields, universal, bundle_max)
            if None in (ident, name, fields) or not points_ok:
                continue
            listed = tuple(sorted(fields, key=order.__getitem__))  # type: ignore[arg-type]
            out.append(
                Credential(
                    id=ident,  # type: ignore[arg-type]
                    name=name,  # type: ignore[arg-type]
                    fields=listed,
                    universal=universal,
                    points=MappingProxyType(points_by_field),
                    universal_points=universal_points,
                    issuer=issuer,
                    verified=True if verified is None else verified,
                    meets=frozenset(meets),
                    url=url,
                    cost=cost,
                    hours=hours,
                    tags=tuple(tags),
                )
            )
        return out

    def points(
        self,
        table: dict[str, Any],
        path: Path,
        what: str,
        fields: list[str] | None,
        universal: bool,
        bundle_max: int | None,
    ) -> tuple[dict[str, int], int | None, bool]:
        """(points by field, points if universal, ok)."""
        c = self.c
        if "points" not in table:
            return {}, None, True  # required-ness is reported by `keys`
        value = table["points"]
        top = bundle_max if bundle_max is not None else None

        def in_range(v: object, vpath: tuple[object, ...], where: str) -> bool:
            if isinstance(v, bool) or not isinstance(v, int):
                c.add(vpath, f"points{where} in {what} must be a whole number, not {type_name(v)}")
                return False
            if v < 1 or (top is not None and v > top):
                limit = f"1..{top}" if top is not None else "at least 1"
                c.add(vpath, f"points{where} in {what} is {v}, outside {limit}")
                return False
            return True

        if isinstance(value, dict):
            if universal:
                c.add(path + ("points",), f"{what} is listed in every field (\"*\"), so `points` must be one whole number")
                return {}, None, False
            if fields is None:
                return {}, None, False
            ok = True
            out: dict[str, int] = {}
            for fid, v in value.items():
                if fid not in fields:
                    c.add(path + ("points", fid), f"points table of {what} names field `{fid}`, which is not in its `fields`")
                    ok = False
                elif in_range(v, path + ("points", fid), f" for `{fid}`"):
                    out[fid] = v
                else:
                    ok = False
            for fid in fields:
                if fid not in value:
                    c.add(path + ("points",), f"points table of {what} is missing field `{fid}`")
                    ok = False
            return out, None, ok
        if isinstance(value, bool) or not isinstance(value, int):
            c.wrong_type(path, "points", what, "a whole number or a table by field", value)
            return {}, None, False
        if not in_range(value, path + ("points",), ""):
            return {}, None, False
        if universal:
            return {}, value, True
        return {fid: value for fid in (fields or [])}, None, True


def _is_str_list(value: object) -> bool:
    return type(value) is list and all(type(v) is str for v in value)


def _is_amount(value: object) -> bool:
    return (type(value) is int or type(value) is float) and value >= 0  # type: ignore[operator]


def _plain_credential(
    table: dict[str, Any],
    allowed: frozenset[str],
    required: tuple[str, ...],
    seen: dict[str, int],
    field_ids: set[str],
    competencies: set[str],
    bundle_max: int | None,
    order: dict[str, int],
) -> Credential | None:
    """The common case, fast: a credential with nothing wrong in it, or None.

    Every test here is one the full check makes too, so this path only ever accepts
    what the full check would accept; anything unusual goes the slow way, which
    reports problems with their lines."""
    if not allowed.issuperset(table) or any(k not in table for k in required):
        return None
    ident, name = table.get("id"), table.get("name")
    if type(ident) is not str or not ident.strip() or ident in seen:
        return None
    if type(name) is not str or not name.strip():
        return None
    issuer, url, verified = table.get("issuer", ""), table.get("url", ""), table.get("verified", True)
    if type(issuer) is not str or type(url) is not str or type(verified) is not bool:
        return None
    cost, hours = table.get("cost"), table.get("hours")
    if (cost is not None and not _is_amount(cost)) or (hours is not None and not _is_amount(hours)):
        return None
    tags, meets, fields = table.get("tags", []), table.get("meets", []), table.get("fields")
    if not (_is_str_list(tags) and _is_str_list(meets) and _is_str_list(fields)) or not fields:
        return None
    if not competencies.issuperset(meets):
        return None
    top = bundle_max if bundle_max is not None else 1 << 62
    value = table.get("points")
    universal = fields == [EVERY_FIELD]
    if universal:
        if "points" in table and (type(value) is not int or not 1 <= value <= top):
            return None
        by_field: dict[str, int] = {}
        universal_points = value
        listed: tuple[str, ...] = ()
    else:
        if not field_ids.issuperset(fields) or len(set(fields)) != len(fields):
            return None
        if value is None:
            by_field = {}
        elif type(value) is int:
            if not 1 <= value <= top:
                return None
            by_field = dict.fromkeys(fields, value)
        elif type(value) is dict:
            if value.keys() != set(fields) or not all(type(v) is int and 1 <= v <= top for v in value.values()):
                return None
            by_field = dict(value)
        else:
            return None
        universal_points = None
        listed = tuple(sorted(fields, key=order.__getitem__))
    return Credential(
        id=ident,
        name=name,
        fields=listed,
        universal=universal,
        points=MappingProxyType(by_field),
        universal_points=universal_points,
        issuer=issuer,
        verified=verified,
        meets=frozenset(meets),
        url=url,
        cost=cost,
        hours=hours,
        tags=tuple(tags),
    )


def catalog_summary(catalog: Catalog) -> str:
    return (
        f"ok, {len(catalog.fields)} fields, {len(catalog.credentials)} credentials, "
        f"{len(catalog.requirements)} requirements"
    )


__all__ = ["FileProblems", "Problem", "load_catalog", "parse_catalog", "catalog_summary", "FORMAT"]
