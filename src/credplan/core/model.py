"""The catalog and plan as plain, immutable data. No I/O, no TOML, no UI."""

from __future__ import annotations

import datetime as dt
from dataclasses import field, replace
from types import MappingProxyType

from .records import record

TYPE_CHECKING = False  # typing costs milliseconds at every start; annotations here are never evaluated
if TYPE_CHECKING:
    from typing import Final, Literal
    from collections.abc import Mapping

    Status = Literal["planned", "earned"]

EVERY_FIELD = "*"

PLANNED: Final = "planned"
EARNED: Final = "earned"
STATUSES: tuple[str, ...] = (PLANNED, EARNED)


class Below:
    """A part reported below the assessment's lowest level (WorkKeys prints "<3")."""

    _instance: Below | None = None

    def __new__(cls) -> Below:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "BELOW"

    def __reduce__(self) -> str:
        return "BELOW"


BELOW = Below()
ScoreValue = int | Below


@record
class CatalogInfo:
    """What a catalog is: its id, title, region, where its list comes from and when it
    was last checked against it."""

    id: str
    title: str
    region: str
    source: str
    checked: dt.date
    notes: str = ""


@record
class Field:
    """A career field."""

    id: str
    name: str


@record
class Credential:
    """An industry-recognized credential and its points in each field it is listed in."""

    id: str
    name: str
    fields: tuple[str, ...]
    """Field ids it is listed in, in catalog field order; empty when `universal`."""
    universal: bool = False
    """Listed in every field (`fields = ["*"]`)."""
    points: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    """Points by field id (for a universal credential: see `universal_points`)."""
    universal_points: int | None = None
    issuer: str = ""
    verified: bool = True
    meets: frozenset[str] = frozenset()
    url: str = ""
    cost: float | None = None
    hours: float | None = None
    tags: tuple[str, ...] = ()

    def points_in(self, field_id: str) -> int | None:
        """Points in `field_id`, or None when not listed there."""
        if self.universal:
            return self.universal_points
        return self.points.get(field_id)

    def listed_in(self, field_id: str) -> bool:
        return self.universal or field_id in self.points or field_id in self.fields


@record
class Assessment:
    """A scored test (WorkKeys, ACT...): its parts and the range of a part's score."""

    id: str
    name: str
    parts: tuple[str, ...]
    min: int
    max: int

    def below_label(self) -> str:
        return f"<{self.min}"


@record
class ScoreOption:
    """One way of meeting a competency by scores; all its conditions must hold."""

    assessment: str
    part: str | None = None
    at_least: int | None = None
    each: int | None = None
    total: int | None = None


@record
class Requirement:
    """One thing a plan must meet: a points bundle, a score, or a competency."""

    id: str
    kind: Literal["bundle", "score", "competency"]
    name: str
    from_class: int | None = None
    to_class: int | None = None
    # bundle
    points: int | None = None
    # score
    assessment: str | None = None
    total: int | None = None
    each: int | None = None
    # competency
    competency: str | None = None
    scores: tuple[ScoreOption, ...] = ()

    @property
    def class_limited(self) -> bool:
        return self.from_class is not None or self.to_class is not None

    def applies_to(self, class_of: int | None) -> bool:
        if class_of is None:
            return not self.class_limited
        if self.from_class is not None and class_of < self.from_class:
            return False
        if self.to_class is not None and class_of > self.to_class:
            return False
        return True

    def class_label(self) -> str:
        """Which classes it applies to, in words (`core.words` owns the wording)."""
        from .words.requirements import classes_text

        return classes_text(self.from_class, self.to_class)


@record
class Catalog:
    """A whole catalog, with indexes by id and by field (`Catalog.build` makes them)."""

    info: CatalogInfo
    fields: tuple[Field, ...]
    credentials: tuple[Credential, ...]
    assessments: tuple[Assessment, ...]
    requirements: tuple[Requirement, ...]
    path: str = ""
    # Indexes, built by `Catalog.build`.
    field_by_id: Mapping[str, Field] = field(default_factory=dict, compare=False)
    credential_by_id: Mapping[str, Credential] = field(default_factory=dict, compare=False)
    assessment_by_id: Mapping[str, Assessment] = field(default_factory=dict, compare=False)
    by_field: Mapping[str, tuple[Credential, ...]] = field(default_factory=dict, compare=False)

    @classmethod
    def build(
        cls,
        info: CatalogInfo,
        fields: tuple[Field, ...],
        credentials: tuple[Credential, ...],
        assessments: tuple[Assessment, ...],
        requirements: tuple[Requirement, ...],
        path: str = "",
    ) -> Catalog:
        by_field: dict[str, list[Credential]] = {f.id: [] for f in fields}
        for credential in credentials:
            if credential.universal:
                for listing in by_field.values():
                    listing.append(credential)
            else:
                for field_id in credential.fields:
                    by_field[field_id].append(credential)
        return cls(
            info=info,
            fields=fields,
            credentials=credentials,
            assessments=assessments,
            requirements=requirements,
            path=path,
            field_by_id=MappingProxyType({f.id: f for f in fields}),
            credential_by_id=MappingProxyType({c.id: c for c in credentials}),
            assessment_by_id=MappingProxyType({a.id: a for a in assessments}),
            by_field=MappingProxyType({k: tuple(v) for k, v in by_field.items()}),
        )

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def bundle_requirements(self) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if r.kind == "bundle")

    @property
    def has_bundle(self) -> bool:
        return any(r.kind == "bundle" for r in self.requirements)

    @property
    def competencies(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for r in self.requirements:
            if r.kind == "competency" and r.competency:
                seen[r.competency] = None
        return tuple(seen)

    def field_name(self, field_id: str) -> str:
        f = self.field_by_id.get(field_id)
        return f.name if f else field_id

    def home_fields(self, credential: Credential) -> tuple[str, ...]:
        """The fields a credential is listed in, in catalog order."""
        if credential.universal:
            return tuple(f.id for f in self.fields)
        return credential.fields


@record
class Selection:
    """A credential in a plan, planned or earned."""

    id: str
    status: Status = PLANNED


@record
class CatalogStamp:
    """Which catalog a plan was last saved against."""

    id: str
    checked: dt.date | None = None
    path: str = ""
    """Where the catalog file was, when it is not one of the bundled catalogs."""


@record
class Plan:
    """A student's plan: selections, scores, pinned field, class; changed only by
    making a new one (`with_selection`, `with_score`...)."""

    student: str = ""
    class_of: int | None = None
    pinned_field: str | None = None
    selections: tuple[Selection, ...] = ()
    scores: Mapping[str, Mapping[str, ScoreValue]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    """Assessment id -> part name -> score; a part that is absent was not taken."""
    notes: str = ""
    catalog: CatalogStamp | None = None
    known_points: Mapping[str, Mapping[str, int]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    """Credential id -> field id -> points, as last seen; used to point out changes."""

    # -- queries -------------------------------------------------------------
    def selected_ids(self) -> frozenset[str]:
        return frozenset(s.id for s in self.selections)

    def selection(self, credential_id: str) -> Selection | None:
        for s in self.selections:
            if s.id == credential_id:
                return s
        return None

    def score(self, assessment_id: str, part: str) -> ScoreValue | None:
        return self.scores.get(assessment_id, {}).get(part)

    # -- edits: each returns a new plan ----------------------------------------
    def toggled(self, credential_id: str, status: Status = PLANNED) -> Plan:
        if self.selection(credential_id) is not None:
            return self.without(credential_id)
        return self.with_selection(credential_id, status)

    def with_selection(self, credential_id: str, status: Status = PLANNED) -> Plan:
        kept = tuple(s for s in self.selections if s.id != credential_id)
        return replace(self, selections=kept + (Selection(credential_id, status),))

    def without(self, credential_id: str) -> Plan:
        return replace(
            self, selections=tuple(s for s in self.selections if s.id != credential_id)
        )

    def with_status(self, credential_id: str, status: Status) -> Plan:
        return replace(
            self,
            selections=tuple(
                Selection(s.id, status) if s.id == credential_id else s
                for s in self.selections
            ),
        )

    def with_score(self, assessment_id: str, part: str, value: ScoreValue | None) -> Plan:
        scores = {a: dict(parts) for a, parts in self.scores.items()}
        parts = scores.setdefault(assessment_id, {})
        if value is None:
            parts.pop(part, None)
            if not parts:
                del scores[assessment_id]
        else:
            parts[part] = value
        return replace(self, scores=_freeze_scores(scores))

    def with_class(self, class_of: int | None) -> Plan:
        return replace(self, class_of=class_of)

    def pinned(self, field_id: str | None) -> Plan:
        return replace(self, pinned_field=field_id)


def _freeze_scores(scores: dict[str, dict[str, ScoreValue]]) -> Mapping[str, Mapping[str, ScoreValue]]:
    return MappingProxyType({a: MappingProxyType(dict(p)) for a, p in scores.items()})


def freeze_scores(scores: dict[str, dict[str, ScoreValue]]) -> Mapping[str, Mapping[str, ScoreValue]]:
    return _freeze_scores(scores)
