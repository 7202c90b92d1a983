"""The one-page summary for families (`credplan export --format html`), in words a
parent reads without a counselor beside them. Built from data (the evaluation's
numbers and states, the catalog, the plan's scores), never from another sentence.
Text returned here is plain: `core.export_html` cleans and escapes it."""

from __future__ import annotations

from ..model import BELOW, Assessment, Catalog, Plan, Requirement, ScoreOption
from ..roster import MET, NOT_ON_TRACK, ON_TRACK
from .requirements import score_rule_asks

UNVERIFIED_MARK = "?"
UNVERIFIED_WORDS = "point value not yet confirmed against the state's official list"

VERDICT = {
    MET: "Meets every requirement with credentials already earned.",
    ON_TRACK: "On track: meets every requirement once the planned credentials are earned.",
    NOT_ON_TRACK: "Not on track yet: see what is left below.",
}
VERDICT_CLASS_NOT_SET = (
    "The graduating class is not set, so the requirements that depend on it are not checked yet."
)
STATE_WORDS = {"met": "met", "not-met": "not met", "not-checked": "not checked"}
BAR_LEGEND = "█ earned · ▒ planned · ░ still to go"
NOTHING_LEFT = "Nothing is left: every requirement is met with the credentials planned and earned."
EARN_PLANNED = "What is left is to earn the planned credentials."
NO_SELECTIONS = "No credentials chosen yet."
FOOTER = (
    "Made with credplan from the catalog named above. It shows the plan as it was when this page "
    "was made; ask the school counselor about anything here."
)


def points(n: int) -> str:
    return f"{n} point" if n == 1 else f"{n} points"


def join(words: list[str], last: str = "and") -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {last} " + words[-1]


def money(value: float) -> str:
    cents = round(value * 100)
    return f"${cents // 100:,}" if cents % 100 == 0 else f"${cents / 100:,.2f}"


def klass(class_of: int | None) -> str:
    return str(class_of) if class_of else "not set"


def title(student: str) -> str:
    return f"Credential plan: {student.strip() or '(no name)'}"


# -- the bundle ----------------------------------------------------------------------------------
def bundle_heading(field_name: str, pinned: bool) -> str:
    how = "chosen by the student" if pinned else "the field with the most points"
    return f"Career field: {field_name} ({how})"


def bundle_line(have: int, earned: int, required: int, field_name: str) -> str:
    planned = have - earned
    bits = [f"{have} of {required} points in {field_name}"]
    bits.append(f"{earned} earned" + (f", {planned} planned" if planned else ""))
    line = f"{bits[0]} ({bits[1]})."
    if have < required:
        line += f" {points(required - have)} still to plan."
    return line


# -- requirements ----------------------------------------------------------------------------------
def _score(plan: Plan, assessment: Assessment, part: str) -> str:
    value = plan.score(assessment.id, part)
    if value is None:
        return "not taken"
    if value is BELOW:
        return assessment.below_label()
    return str(value)


def _value(plan: Plan, assessment: Assessment, part: str) -> int:
    value = plan.score(assessment.id, part)
    if isinstance(value, int) and not isinstance(value, bool) and assessment.min <= value <= assessment.max:
        return value
    return 0


def score_requirement(catalog: Catalog, plan: Plan, req: Requirement) -> str:
    """`Needs at least 4 on every part. Scores: Applied Math 5, ... (total 13).`"""
    assessment = catalog.assessment_by_id[req.assessment or ""]
    entered = ", ".join(f"{part} {_score(plan, assessment, part)}" for part in assessment.parts)
    total = sum(_value(plan, assessment, p) for p in assessment.parts)
    return f"Needs {score_rule_asks(req)}. Scores: {entered} (total {total})."


def score_left(catalog: Catalog, plan: Plan, req: Requirement) -> list[str]:
    """What is still missing, one line each."""
    assessment = catalog.assessment_by_id[req.assessment or ""]
    out = []
    if req.each is not None:
        for part in assessment.parts:
            if _value(plan, assessment, part) < req.each:
                out.append(f"{assessment.name} {part}: at least {req.each} (now {_score(plan, assessment, part)})")
    if req.total is not None:
        total = sum(_value(plan, assessment, p) for p in assessment.parts)
        if total < req.total:
            out.append(f"{assessment.name}: {req.total - total} more in total (now {total} of {req.total})")
    return out


def option(catalog: Catalog, opt: ScoreOption) -> str:
    assessment = catalog.assessment_by_id.get(opt.assessment)
    name = assessment.name if assessment else opt.assessment
    terms = []
    if opt.part is not None and opt.at_least is not None:
        terms.append(f"{name} {opt.part} at least {opt.at_least}")
    if opt.each is not None:
        terms.append(f"{name} at least {opt.each} on every part")
    if opt.total is not None:
        terms.append(f"{name} at least {opt.total} in total")
    return " and ".join(terms)


def competency_met(credentials: list[str]) -> str:
    if credentials:
        return f"Met by {join(credentials)}."
    return "Met by a test score."


def competency_missing(competency: str) -> str:
    return f"Not met yet: a certificate that shows {competency}, or a test score (see what is left, below)."


def other_classes(class_of: int, names: list[str]) -> str:
    return f"For other graduating classes, not checked for {class_of}: {'; '.join(names)}."


def not_checked(req: Requirement) -> str:
    return f"Not checked for this class: it applies to {req.class_label()}."


# -- selections -----------------------------------------------------------------------------------
def counts_in(points_: int, field_name: str, universal: bool) -> str:
    where = f"in {field_name}" + (" (listed in every field)" if universal else "")
    return f"counts {points(points_)} {where}"


def other_field(listed_in: list[str], bundle_field: str) -> str:
    return f"listed in {join(listed_in)}, not {bundle_field}: it does not count toward this bundle"


WHY_OTHER_FIELD = (
    "A bundle must come from one career field. These choices are from another field, so they "
    "do not add points here; they still count if the student's field changes."
)
NOT_IN_CATALOG = "no longer in this catalog: it does not count"


def meets(competencies: list[str]) -> str:
    return f"shows {join(competencies)}" if competencies else "shows no competency in this catalog"


# -- what is left ----------------------------------------------------------------------------------
def completions_heading(shortfall: int, field_name: str, total: int) -> str:
    ways = "one way" if total == 1 else f"{total:,} ways"
    return f"{points(shortfall)} still to plan in {field_name}. Quickest ways to finish ({ways} in all):"


ADD = "Add"


def completion_tail(reaches: int, required: int, cost: float, missing_cost: bool) -> str:
    """What follows `Add A and B`: `: reaches 12 of 12; listed cost $358.`"""
    line = f": reaches {reaches} of {required}"
    if cost and missing_cost:
        line += f"; listed cost {money(cost)} plus one or more without a listed cost"
    elif cost:
        line += f"; listed cost {money(cost)}"
    elif missing_cost:
        line += "; no listed cost"
    return line + "."


def cannot_finish(field_name: str) -> str:
    return f"This catalog does not have enough credentials in {field_name} to finish a bundle there."


def credential_choice(name: str, cost: float | None) -> str:
    return f"{name} ({money(cost)})" if cost is not None else name


def competency_left(req_name: str, credentials: list[str], more: int, options: list[str]) -> str:
    parts = []
    if credentials:
        extra = f" and {more} more" if more else ""
        parts.append(f"a certificate such as {join(credentials, 'or')}{extra}")
    if options:
        parts.append("a score: " + "; or ".join(options))
    if not parts:
        return f"{req_name}: this catalog offers no way to meet it."
    return f"{req_name}: " + "; or ".join(parts) + "."
