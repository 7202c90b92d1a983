"""Kind `competency`: met by ANY selected credential whose `meets` names the
competency, or by any one of its score options (`[[requirement.scores]]`).

Owns the catalog keys of a competency requirement and its score options, and the
result: what meets it (selected credentials with their status, score options that
hold, with the values) and every option that would.
"""

from __future__ import annotations


from ..model import EARNED, Catalog, Requirement, ScoreOption
from . import score as _score
from .common import COMMON_KEYS, COMMON_REQUIRED, Context, Parsed, State, state_of
from ..records import record

TYPE_CHECKING = False  # typing costs milliseconds at every start; annotations here are never evaluated
if TYPE_CHECKING:
    from typing import Any, Final


KIND: Final = "competency"
KEYS = COMMON_KEYS + ("competency", "scores")
REQUIRED = COMMON_REQUIRED + ("competency",)
SCORE_OPTION_KEYS = ("assessment", "part", "at_least", "each", "total")


# -- catalog ----------------------------------------------------------------------------
def parse(loader: Any, table: dict[str, Any], path: tuple, what: str, common: Parsed) -> Requirement | None:
    c = loader.c
    competency = c.string(table, "competency", path, what)
    options: list[ScoreOption] = []
    for j, entry in c.array_of_tables(table, "scores", path, "score option"):
        opath = path + ("scores", j)
        owhat = f"score option #{j + 1} of {what}"
        c.keys(entry, opath, owhat, SCORE_OPTION_KEYS, ("assessment",))
        option = loader.score_terms(entry, opath, owhat, allow_part=True)
        if option is None:
            continue
        if option.at_least is None and option.each is None and option.total is None:
            c.add(opath, f"{owhat} needs `part` with `at_least`, `each` or `total`")
            continue
        options.append(option)
    if competency is None:
        return None
    return Requirement(
        common.id, KIND, common.name, common.from_class, common.to_class, competency=competency, scores=tuple(options)
    )


def competency_name(catalog: Catalog, competency: str) -> str:
    """The name a competency goes by: that of the first requirement for it (the
    catalog names requirements, not competencies), else its id."""
    for r in catalog.requirements:
        if r.kind == KIND and r.competency == competency:
            return r.name
    return competency


# -- result -------------------------------------------------------------------------------
@record
class CredentialEvidence:
    """A selected credential whose `meets` names the competency."""

    id: str
    name: str
    status: str
    verified: bool


@record
class OptionResult:
    """One score option of the requirement, and the plan's scores it looks at."""

    option: ScoreOption
    assessment_name: str
    holds: bool
    part_value: int | None = None
    """The counted value of `option.part` (when the option names a part)."""
    total: int | None = None
    """The counted total of the assessment (when the option has a `total`)."""


@record
class CompetencyResult:
    """A competency requirement: the credentials and score options that meet it, or could."""

    kind = KIND  # a class attribute, not a field
    id: str
    name: str
    state: State
    competency: str
    credentials: tuple[CredentialEvidence, ...]
    """Selected credentials that meet it, in plan order."""
    options: tuple[OptionResult, ...]
    """Every score option, in catalog order, with whether it holds."""
    from_class: int | None = None
    to_class: int | None = None

    @property
    def met(self) -> bool:
        return self.state is State.MET

    @property
    def scores(self) -> tuple[OptionResult, ...]:
        """The score options that hold."""
        return tuple(o for o in self.options if o.holds)

    @property
    def earned_met(self) -> bool:
        """Met without counting planned credentials."""
        return any(o.holds for o in self.options) or any(c.status == EARNED for c in self.credentials)


def _option(ctx: Context, option: ScoreOption) -> OptionResult:
    """One score option judged as `score.option_holds` judges it, from the scores read
    once per evaluation."""
    assessment = ctx.catalog.assessment_by_id.get(option.assessment)
    if assessment is None:
        return OptionResult(option, option.assessment, False)
    values = _score.part_values(ctx, assessment)
    value = values.get(option.part) if option.part is not None else None
    holds = True
    if option.part is not None and option.at_least is not None:
        holds = value is not None and value >= option.at_least
    if holds and option.each is not None:
        holds = all((v or 0) >= option.each for v in values.values())
    got = sum(v or 0 for v in values.values()) if option.total is not None else None
    if holds and got is not None and option.total is not None:
        holds = got >= option.total
    return OptionResult(option, assessment.name, holds, value, got)


def evaluate(req: Requirement, ctx: Context) -> CompetencyResult:
    competency = req.competency or ""
    credentials = tuple(
        CredentialEvidence(cred.id, cred.name, sel.status, cred.verified)
        for sel, cred in ctx.chosen
        if cred is not None and competency in cred.meets
    )
    options = tuple(_option(ctx, o) for o in req.scores)
    met = bool(credentials) or any(o.holds for o in options)
    return CompetencyResult(
        req.id, req.name, state_of(met), competency, credentials, options, req.from_class, req.to_class
    )


__all__ = [
    "KIND", "KEYS", "REQUIRED", "SCORE_OPTION_KEYS", "CompetencyResult", "CredentialEvidence", "OptionResult",
    "competency_name", "evaluate", "parse",
]
