"""Load and validate a catalog (format 1, see docs/catalog-format.md).

`load_catalog(path)` returns a `Catalog` or raises `FileProblems` listing every
problem in the file as `FILE:LINE: message`. The happy path is tomllib plus one pass
over the data; line numbers are only computed when something is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
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
from .problems import Checker, FileProblems, Problem, did_you_mean, parse_toml, read_text, shown, too_long, type_name

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

MAX_ID = 64
ID_PATTERN = r"[a-z0-9][a-z0-9._-]{0,63}"
"""Every id (catalog, field, credential, assessment, requirement): lowercase ASCII
letters, digits, `.`, `_` and `-`, starting with a letter or digit, at most 64
characters. Ids go into plan files, command lines (`--field it`) and file names, so no
`/`, space, capital, accent or control character; every bundled id already fits."""
_ID = re.compile(ID_PATTERN + r"\Z")

# Longest text taken, in characters. Real values are far shorter (the longest Ohio
# credential name is under 120); a cap keeps a pasted log or a 50 MB value from making
# every screen, search and key press slow.
MAX_NAME = 200
"""Names, titles, regions, issuers, assessment parts and tags."""
MAX_URL = 2000
"""`source` and `url`: the length browsers and servers reliably take."""
MAX_NOTES = 10_000
"""The catalog's `notes` (shown on the About screen): a few pages."""
MAX_COST = 100_000
"""`cost`, US dollars. The dearest industry exams cost a few thousand dollars; a value
above this is a typo (or `inf`), and sums of such values overflowed the suggestions."""
MAX_HOURS = 10_000
"""`hours` of preparation: a registered apprenticeship is about 8,000 hours."""


def id_problem(kind: str, ident: str) -> str:
    """Why `ident` is not a valid id (empty when it is)."""
    if _ID.match(ident):
        return ""
    return (
        f"{kind} id `{shown(ident)}` must be short and lowercase: letters a-z, digits, `.`, `_` or `-`, "
        f"starting with a letter or digit, at most {MAX_ID} characters"
    )


def _id_key(ident: str) -> str:
    """What two ids must not share: the id itself, case folded and NFKC-normalized, so
    `A-Plus` or a decomposed `café` would be duplicates even if the id rule allowed them."""
    if ident.isascii() and ident == ident.lower():
        return ident
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", ident).casefold())


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
        requirements = self.long_names(self.requirements({a.id: a for a in assessments}))
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
        if ident is not None and id_problem("catalog", ident):
            c.add(path + ("id",), id_problem("catalog", ident))
            ident = None
        title = c.string(table, "title", path, "[catalog]", limit=MAX_NAME)
        region = c.string(table, "region", path, "[catalog]", limit=MAX_NAME)
        source = c.string(table, "source", path, "[catalog]", limit=MAX_URL)
        notes = c.string(table, "notes", path, "[catalog]", empty_ok=True, limit=MAX_NOTES)
        checked = table.get("checked")
        if "checked" in table and (not isinstance(checked, dt.date) or isinstance(checked, dt.datetime)):
            c.wrong_type(path, "checked", "[catalog]", "a TOML date such as 2026-11-01", checked)
            checked = None
        if None in (ident, title, region, source, checked):
            return None
        return CatalogInfo(ident, title, region, source, checked, notes or "")  # type: ignore[arg-type]

    def long_names(self, requirements: list[Requirement]) -> list[Requirement]:
        """Requirement names are capped at MAX_NAME like every other name; checked here,
        on the raw tables, so the requirement section stays as it is."""
        raw = self.doc.get("requirement")
        if not isinstance(raw, list):
            return requirements
        dropped: set[str] = set()
        for i, table in enumerate(raw):
            name = table.get("name") if isinstance(table, dict) else None
            if isinstance(name, str) and len(name) > MAX_NAME:
                self.c.add(("requirement", i, "name"), too_long("name", _label("requirement", table, i), len(name), MAX_NAME))
                dropped.add(table.get("id"))
        return [r for r in requirements if r.id not in dropped] if dropped else requirements

    # -- shared helpers ---------------------------------------------------------------
    def ident(
        self, table: dict[str, Any], path: Path, what: str, seen: dict[str, int], kind: str, declared: set[str] | None = None
    ) -> str | None:
        """The entry's id when it is valid and new; otherwise the problem is reported
        and None returned. Ids are compared by `_id_key`. Every id given, valid or not,
        goes into `declared` (references to it are then not reported again)."""
        ident = self.c.string(table, "id", path, what)
        if ident is None:
            return None
        if declared is not None:
            declared.add(ident)
        if kind == "field" and ident == EVERY_FIELD:
            return ident  # the caller says why a field may not be called that
        problem = id_problem(kind, ident)
        if problem:
            self.c.add(path + ("id",), problem)
            return None
        key = _id_key(ident)
        if key in seen:
            self.c.add(path + ("id",), f"duplicate {kind} id `{shown(ident)}` (first used in {kind} #{seen[key] + 1})")
            return None
        seen[key] = path[-1]  # type: ignore[assignment]
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
            ident = self.ident(table, path, what, seen, "field", self.declared_fields)
            name = self.c.string(table, "name", path, what, limit=MAX_NAME)
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
            ident = self.ident(table, path, what, seen, "assessment", self.declared_assessments)
            name = c.string(table, "name", path, what, limit=MAX_NAME)
            parts = c.strings(table, "parts", path, what, limit=MAX_NAME)
            if parts is not None:
                if not parts:
                    c.add(path + ("parts",), f"`parts` in {what} is empty")
                    parts = None
                else:
                    listed: set[str] = set()
                    for j, part in enumerate(parts):
                        if part in listed:
                            c.add(path + ("parts", j), f"part `{shown(part)}` is listed twice in {what}")
                        listed.add(part)
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
                seen[_id_key(plain.id)] = i
                out.append(plain)
                continue
            path = ("credential", i)
            what = _label("credential", table, i)
            c.keys(table, path, what, CREDENTIAL_KEYS, required)
            ident = self.ident(table, path, what, seen, "credential")
            name = c.string(table, "name", path, what, limit=MAX_NAME)
            issuer = c.string(table, "issuer", path, what, empty_ok=True, limit=MAX_NAME)
            url = c.string(table, "url", path, what, empty_ok=True, limit=MAX_URL)
            verified = c.boolean(table, "verified", path, what)
            cost = c.number(table, "cost", path, what, high=MAX_COST, unit=" (US dollars)")
            hours = c.number(table, "hours", path, what, high=MAX_HOURS, unit=" (hours)")
            tags = c.strings(table, "tags", path, what, limit=MAX_NAME)
            meets = c.strings(table, "meets", path, what) or []
            refused = any(  # given, but too long (or of the wrong type): reported above
                key in table and v is None for key, v in (("name", name), ("issuer", issuer), ("url", url), ("tags", tags))
            )
            issuer, url, tags = issuer or "", url or "", tags or []
            for j, competency in enumerate(meets):
                if competency not in competencies:
                    hint = c.hint(competency, competencies)
                    known = ", ".join(sorted(competencies)) or "none"
                    c.add(
                        path + ("meets", j),
                        f"`meets` in {what} names `{shown(competency)}`, which no competency requirement uses{hint} (known: {known})",
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
                    listed: set[str] = set()
                    for j, fid in enumerate(fields):
                        if fid not in field_ids:
                            if fid not in self.declared_fields:
                                c.add(path + ("fields", j), f"{what} names field `{shown(fid)}`, which does not exist{c.hint(fid, field_ids)}")
                            fields = None
                            break
                        if fid in listed:
                            c.add(path + ("fields", j), f"{what} lists field `{fid}` twice")
                        listed.add(fid)
            points_by_field, universal_points, points_ok = self.points(table, path, what, fields, universal, bundle_max)
            if None in (ident, name, fields) or not points_ok or refused:
                continue
            in_order = tuple(sorted(fields, key=order.__getitem__))  # type: ignore[arg-type]
            out.append(
                Credential(
                    id=ident,  # type: ignore[arg-type]
                    name=name,  # type: ignore[arg-type]
                    fields=in_order,
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
            listed = set(fields)
            for fid, v in value.items():
                if fid not in listed:
                    c.add(path + ("points", fid), f"points table of {what} names field `{shown(fid)}`, which is not in its `fields`")
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


def _is_amount(value: object, high: float) -> bool:
    return (type(value) is int or type(value) is float) and 0 <= value <= high  # nan fails


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
    if type(ident) is not str or not _ID.match(ident) or _id_key(ident) in seen:
        return None
    if type(name) is not str or not name.strip() or len(name) > MAX_NAME:
        return None
    issuer, url, verified = table.get("issuer", ""), table.get("url", ""), table.get("verified", True)
    if type(issuer) is not str or type(url) is not str or type(verified) is not bool:
        return None
    if len(issuer) > MAX_NAME or len(url) > MAX_URL:
        return None
    cost, hours = table.get("cost"), table.get("hours")
    if (cost is not None and not _is_amount(cost, MAX_COST)) or (hours is not None and not _is_amount(hours, MAX_HOURS)):
        return None
    tags, meets, fields = table.get("tags", []), table.get("meets", []), table.get("fields")
    if not (_is_str_list(tags) and _is_str_list(meets) and _is_str_list(fields)) or not fields:
        return None
    if tags and max(map(len, tags)) > MAX_NAME:
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
