"""Every sentence about a plan's requirements, selections and status.

The planner, `credplan shell`, `credplan check` (text and JSON) and the exports all
draw these, so one plan reads the same everywhere. Results come from `core.rules`
(`evaluate`) and `core.requirements` (one result type per kind); nothing here
computes a rule.

Written for a 15-year-old, with the README's terms: bundle field, planned, earned,
other field, pinned. A bundle is never called met without saying how much of it is
only planned; names, not ids, wherever a name exists.

Catalog and plan text comes out as it went in: each front-end still passes what it
shows through `core.text.clean` (or builds Textual `Content` from it).
"""

from __future__ import annotations


from ..model import BELOW, Assessment, Catalog, Requirement, ScoreOption, ScoreValue
from ..requirements import (
    BundleResult,
    CompetencyResult,
    NotChecked,
    NotCheckedWhy,
    OptionResult,
    RequirementResult,
    ScoreResult,
    State,
)
from ..requirements.competency import competency_name
from ..rules import (
    AssessmentUnknown,
    ClassNotSet,
    Evaluation,
    PartUnknown,
    PinnedFieldUnknown,
    PlanWarning,
    ScoreOutOfRange,
    SelectedTwice,
    SelectionResult,
    Why,
)

TYPE_CHECKING = False  # typing costs milliseconds at every start; annotations here are never evaluated
if TYPE_CHECKING:
    from collections.abc import Iterable

# -- marks: every state also in words, so it reads without colour ------------------------------
MET = "[met]"
NOT_MET = "[not met]"
NOT_CHECKED = "[not checked]"
OTHER_FIELD = "[other field]"
NOT_IN_CATALOG = "[not in catalog]"
MARK_WIDTH = max(len(MET), len(NOT_MET), len(NOT_CHECKED))
"""Pad requirement marks to this width to line the names up."""

UNVERIFIED = "?"
UNVERIFIED_WORDS = "value not confirmed against the official list"
LEGEND = f"{UNVERIFIED} = {UNVERIFIED_WORDS}"
UNVERIFIED_HELP = '"?" marks a credential whose listing or points are not yet confirmed against the official list.'

MARK_MEANINGS: tuple[tuple[str, str], ...] = (
    (MET, "a requirement the plan meets (the line says how much is only planned)"),
    (NOT_MET, "a requirement still missing something; the line says what"),
    (NOT_CHECKED, "a requirement for other graduating classes (or your class is not set)"),
    (OTHER_FIELD, "a selection listed outside the bundle field, so it does not count there"),
    (NOT_IN_CATALOG, "a selection this catalog no longer has, so it counts nowhere"),
)
"""Every plan mark and what it means, for help screens."""

_STATE_MARKS = {State.MET: MET, State.NOT_MET: NOT_MET, State.NOT_CHECKED: NOT_CHECKED}


def mark(state: State | bool) -> str:
    """`[met]`, `[not met]` or `[not checked]`."""
    if isinstance(state, bool):
        return MET if state else NOT_MET
    return _STATE_MARKS[state]


def selection_mark(s: SelectionResult) -> str:
    """`[other field]`, `[not in catalog]`, or "" for a selection that counts or
    (in a competency catalog) simply meets nothing."""
    if s.why is Why.NOT_IN_CATALOG:
        return NOT_IN_CATALOG
    if s.why is Why.OTHER_FIELD:
        return OTHER_FIELD
    return ""


# -- small pieces -----------------------------------------------------------------------------------
def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def join_and(words: Iterable[str], conjunction: str = "and") -> str:
    """`a`, `a and b`, `a, b and c`."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def classes_text(from_class: int | None, to_class: int | None) -> str:
    """Which graduating classes a requirement applies to."""
    if from_class and to_class:
        if from_class == to_class:
            return f"class of {from_class}"
        return f"classes {from_class}-{to_class}"
    if from_class:
        return f"class of {from_class} on"
    if to_class:
        return f"classes up to {to_class}"
    return "every class"


CLASS_NOT_SET_HINT = "Not set: class rules are not checked"
"""Beside an empty graduating-class box."""


def class_text(class_of: int | None) -> str:
    """The plan's graduating class: `class of 2027` or `class not set`."""
    return f"class of {class_of}" if class_of else "class not set"


def score_label(value: ScoreValue | None, assessment: Assessment) -> str:
    """A score as the report prints it: `5`, `<3`, or `not taken`."""
    return _score_words(value, assessment.min)


def _score_words(value: ScoreValue | None, minimum: int) -> str:
    if value is None:
        return "not taken"
    if value is BELOW:
        return f"<{minimum}"
    return str(value)


def option_text(option: ScoreOption, assessment: Assessment | None) -> str:
    """One score option: `ACT English at least 18`, `ACT WorkKeys every part at least 3`."""
    return _option_words(option, assessment.name if assessment else option.assessment)


def _option_words(option: ScoreOption, name: str) -> str:
    terms = []
    if option.part is not None and option.at_least is not None:
        terms.append(f"{name} {option.part} at least {option.at_least}")
    if option.each is not None:
        terms.append(f"{name} every part at least {option.each}")
    if option.total is not None:
        terms.append(f"{name} total at least {option.total}")
    return " and ".join(terms)


# -- the bundle ---------------------------------------------------------------------------------------
def bundle_how(bundle: BundleResult) -> str:
    """Why this is the bundle field: `pinned` or `most points`."""
    return "pinned" if bundle.pinned else "most points"


def _planned_earned(points: int, planned: int, earned: int) -> str:
    """How much of some points is only planned: never a bare `12/12`."""
    if points == 0:
        return ""
    if planned == 0:
        return ", all earned"
    if earned == 0:
        return ", all planned"
    return f": {earned} earned, {planned} planned"


def bundle_points(bundle: BundleResult) -> str:
    """`0/12 points`, `12/12 points, all planned`, `14/12 points: 4 earned, 10 planned`."""
    head = f"{bundle.points}/{bundle.required} points"
    return head + _planned_earned(bundle.points, bundle.planned_points, bundle.earned_points)


def bundle_field_parts(bundle: BundleResult) -> tuple[str, str, str]:
    """The bundle field line in three parts (before, the field's name, after), for a
    screen that shows the name in bold."""
    return "Bundle field: ", bundle.field_name, f" ({bundle_how(bundle)})"


def bundle_field_line(bundle: BundleResult) -> str:
    """`Bundle field: Information Technology (most points)`."""
    return "".join(bundle_field_parts(bundle))


def bundle_field_mark(bundle: BundleResult) -> str:
    """Beside the bundle field in a list of fields: `[bundle field, pinned]` or `[bundle field]`."""
    return bundle_field_mark_words(pinned=bundle.pinned)


def bundle_field_mark_words(*, pinned: bool) -> str:
    return "[bundle field, pinned]" if pinned else "[bundle field]"


def bundle_line(bundle: BundleResult) -> str:
    """`Bundle field: Information Technology (most points): 14/12 points (10 planned, 4 earned)`."""
    return f"{bundle_field_line(bundle)}: {bundle_points(bundle)}"


def no_bundle_line(catalog: Catalog) -> str:
    """What stands where the bundle line would, when there is none."""
    if catalog.has_bundle:
        return "No bundle requirement applies to this graduating class."
    return "No points bundle in this catalog: it counts competencies."


# -- requirements ---------------------------------------------------------------------------------------
def requirement_detail(result: RequirementResult) -> str:
    """How a requirement is met, or exactly what is missing (without its name)."""
    if isinstance(result, BundleResult):
        return _bundle_detail(result)
    if isinstance(result, ScoreResult):
        return _score_detail(result)
    if isinstance(result, CompetencyResult):
        return _competency_detail(result)
    raise TypeError(f"no words for requirement kind {getattr(result, 'kind', result)!r}")


def requirement_line(result: RequirementResult) -> str:
    """`Name: detail`: the line every screen and report shows after the mark."""
    return f"{result.name}: {requirement_detail(result)}"


def requirement_short(result: RequirementResult) -> str:
    """What is missing, short enough for a status line ("" when met)."""
    if result.met:
        return ""
    if isinstance(result, BundleResult):
        if result.points == 0 and not result.pinned:
            return f"credentials worth {result.required} points in one career field (none selected yet)"
        return f"{plural(result.missing, 'more point')} in {result.field_name}"
    if isinstance(result, ScoreResult):
        short = []
        if not result.total_met:
            short.append(f"{result.total_missing} more in total")
        low = result.low
        if low:
            verb = "needs" if len(low) == 1 else "need"
            short.append(f"{join_and(low)} {verb} at least {result.each}")
        return f"{result.name}: " + "; ".join(short)
    if isinstance(result, CompetencyResult):
        return f"{result.name}: a certificate that meets it, or a qualifying score"
    raise TypeError(f"no words for requirement kind {getattr(result, 'kind', result)!r}")


def _bundle_detail(b: BundleResult) -> str:
    where = f"{b.points}/{b.required} points in {b.field_name}"
    if not b.met:
        return f"{where}; {plural(b.missing, 'more point')} needed"
    return where + _planned_earned(b.points, b.planned_points, b.earned_points)


def _part_words(result: ScoreResult, part: str, value: ScoreValue | None) -> str:
    now = "not taken yet" if value is None else f"now {_score_words(value, result.minimum)}"
    return f"{part} needs at least {result.each} ({now})"


def _score_detail(r: ScoreResult) -> str:
    if r.met:
        good = []
        if r.total_needed is not None:
            good.append(f"total {r.total} of {r.total_needed}")
        if r.each is not None:
            good.append(f"every part at least {r.each}")
        return ", ".join(good)
    missing = []
    if not r.total_met:
        missing.append(f"total {r.total} of {r.total_needed} ({r.total_missing} more)")
    missing.extend(_part_words(r, p.part, p.value) for p in r.parts if p.low)
    return "; ".join(missing)


def _evidence(option: OptionResult) -> str:
    o = option.option
    if o.part is not None and o.at_least is not None and o.each is None and o.total is None:
        return f"{option.assessment_name} {o.part} {option.part_value} (needs {o.at_least})"
    bits = []
    if o.part is not None and o.at_least is not None:
        bits.append(f"{o.part} {option.part_value} (needs {o.at_least})")
    if o.each is not None:
        bits.append(f"every part at least {o.each}")
    if o.total is not None:
        bits.append(f"total {option.total} (needs {o.total})")
    return f"{option.assessment_name} " + " and ".join(bits)


def competency_met_by(result: CompetencyResult) -> list[str]:
    """What meets a competency: `Certified Nurse Aide (planned)`, `ACT English 20 (needs 18)`."""
    return [f"{c.name} ({c.status})" for c in result.credentials] + [_evidence(o) for o in result.scores]


def _competency_detail(r: CompetencyResult) -> str:
    if r.met:
        return "met by " + "; ".join(competency_met_by(r))
    ways = [f"a certificate that meets {r.name}"] + [_option_words(o.option, o.assessment_name) for o in r.options]
    return "not met yet; any one of: " + "; ".join(ways)


def not_checked_detail(nc: NotChecked) -> str:
    """Why a requirement is not checked: its classes, and the plan's."""
    applies = f"for {classes_text(nc.from_class, nc.to_class)}"
    if nc.why is NotCheckedWhy.CLASS_NOT_SET:
        return f"{applies}; set your graduating class to check it"
    return f"{applies}, not the class of {nc.class_of}"


def not_checked_line(nc: NotChecked) -> str:
    return f"{nc.name}: {not_checked_detail(nc)}"


# -- selections -------------------------------------------------------------------------------------------------
def _names(catalog: Catalog, field_ids: Iterable[str]) -> str:
    return join_and(catalog.field_name(f) for f in field_ids)


def competency_names(catalog: Catalog, competencies: Iterable[str]) -> str:
    """`English competency and Math competency`: the requirements' names, not the ids."""
    return join_and(competency_name(catalog, c) for c in competencies)


def selection_reason(s: SelectionResult, catalog: Catalog) -> str:
    """Why a selection counts or not, as a clause: `counts 3 points in Information Technology`."""
    if s.why is Why.NOT_IN_CATALOG:
        return "no longer in this catalog, so it counts nowhere"
    if s.why is Why.COMPETENCY:
        if s.meets:
            return f"meets {competency_names(catalog, s.meets)}"
        return "meets no competency in this catalog, so it does not count"
    field = catalog.field_name(s.field or "")
    if s.why is Why.EVERY_FIELD:
        return f"counts {plural(s.points, 'point')} in {field} (listed in every field)"
    if s.why is Why.IN_FIELD:
        return f"counts {plural(s.points, 'point')} in {field}"
    return f"listed in {_names(catalog, s.fields)}, not in {field}, so it does not count there"


def selection_sentence(s: SelectionResult, catalog: Catalog) -> str:
    """The reason as a sentence: `It is listed in Health, not in Information Technology, so
    it does not count there.`"""
    reason = selection_reason(s, catalog)
    if s.why is Why.OTHER_FIELD or s.why is Why.NOT_IN_CATALOG:
        return f"It is {reason}."
    return f"It {reason}."


def selection_status(s: SelectionResult) -> str:
    return "earned" if s.status == "earned" else "planned"


# -- the plan as a whole ---------------------------------------------------------------------------------------
def status_line(ev: Evaluation) -> str:
    """One line: whether the plan meets every requirement, or exactly what is missing."""
    if not ev.met:
        return "Still missing: " + "; ".join(requirement_short(r) for r in ev.missing)
    if not ev.requirements:
        return "No requirement applies to this plan yet; set the graduating class."
    rest = ev.class_of is None and bool(ev.not_checked)
    if not ev.earned_met:
        tail = "; set the graduating class to check the rest" if rest else ""
        return f"Meets every requirement once the planned credentials are earned{tail}."
    if rest:
        return "Meets every requirement checked so far; set the graduating class to check the rest."
    return "Meets every requirement."


def verdict(ev: Evaluation) -> str:
    """A report's headline: `Meets every requirement`, `Meets every requirement, with
    planned credentials` or `Not met yet`."""
    if not ev.met:
        return "Not met yet"
    return "Meets every requirement" if ev.earned_met else "Meets every requirement, with planned credentials"


def _earned_gap(r: RequirementResult) -> str:
    if isinstance(r, BundleResult):
        return f"{plural(r.required - r.earned_points, 'more point')} in {r.field_name}"
    if isinstance(r, CompetencyResult) and r.met:
        return f"{r.name} (its certificate is still planned)"
    return requirement_short(r)


def earned_line(ev: Evaluation) -> str:
    """What the earned credentials alone are worth ("" when nothing is selected)."""
    if not ev.selections:
        return ""
    gaps = [_earned_gap(r) for r in ev.requirements if not r.earned_met]
    if not gaps:
        return "Earned credentials alone meet every requirement."
    return "Earned credentials alone: still missing " + "; ".join(gaps) + "."


def warning_text(w: PlanWarning) -> str:
    if isinstance(w, PinnedFieldUnknown):
        return f"The pinned field `{w.field}` is not in this catalog, so the field with the most points is used."
    if isinstance(w, SelectedTwice):
        return f"{w.name} is selected twice; it is counted once."
    if isinstance(w, AssessmentUnknown):
        return f"Scores for `{w.assessment}` were ignored: this catalog has no such assessment."
    if isinstance(w, PartUnknown):
        return f"{w.assessment_name} has no part `{w.part}`, so its score was ignored."
    if isinstance(w, ScoreOutOfRange):
        return f"{w.assessment_name} {w.part} score {w.value} was ignored: scores go from {w.min} to {w.max}."
    if isinstance(w, ClassNotSet):
        verb = "is" if len(w.names) == 1 else "are"
        return f"Graduating class not set: {join_and(w.names)} {verb} not checked."
    raise TypeError(f"no words for warning {w!r}")


def score_rule_asks(requirement: Requirement) -> str:
    """What a score rule asks, without the assessment's name: `at least 4 on every part`,
    `a total of at least 14 and at least 3 on every part`."""
    asks = []
    if requirement.total is not None:
        asks.append(f"a total of at least {requirement.total}")
    if requirement.each is not None:
        asks.append(f"at least {requirement.each} on every part")
    return join_and(asks)


def score_rule_line(catalog: Catalog, assessment: Assessment, class_of: int | None) -> str:
    """Which of the catalog's rules for `assessment` this plan is held to, and why (its
    graduating class and the classes the rule covers); "" when the catalog has none.
    `For the class of 2027: WorkKeys Silver NCRC (class 2025 on), at least 4 on every
    part.` The classes a rule covers are added when its name does not say them."""
    rules = [r for r in catalog.requirements if r.kind == "score" and r.assessment == assessment.id]
    if not rules:
        return ""
    applying = [r for r in rules if r.applies_to(class_of)]
    limited = [r for r in rules if r.class_limited]
    if class_of is None and limited:
        if len(rules) > 1:
            return f"The {len(rules)} {assessment.name} rules depend on the graduating class: set yours to see which one is yours."
        return f"The {assessment.name} rule depends on the graduating class: set yours to see if it is yours."
    if not applying:
        return f"No {assessment.name} rule applies to the class of {class_of}."
    said = []
    for r in applying:
        named = str(r.from_class or r.to_class) in r.name  # Ohio's names carry their classes
        why = "" if named or not r.class_limited else f" ({classes_text(r.from_class, r.to_class)})"
        said.append(f"{r.name}{why}, {score_rule_asks(r)}")
    who = f"For the class of {class_of}" if class_of is not None else "For every class"
    return f"{who}: " + "; ".join(said) + "."


def part_status(part: str, need: int | None) -> str:
    """What one score input says beside it: "" when fine, else what it needs."""
    return "" if need is None else f"{part} needs at least {need}"


__all__ = [
    "CLASS_NOT_SET_HINT", "LEGEND", "MARK_MEANINGS", "MARK_WIDTH", "MET", "NOT_CHECKED", "NOT_IN_CATALOG", "NOT_MET", "OTHER_FIELD", "UNVERIFIED",
    "UNVERIFIED_HELP", "UNVERIFIED_WORDS",
    "bundle_field_line", "bundle_field_mark", "bundle_field_mark_words", "bundle_field_parts", "bundle_how", "bundle_line", "bundle_points", "class_text", "classes_text",
    "competency_met_by", "competency_names", "earned_line", "join_and", "mark", "no_bundle_line",
    "not_checked_detail", "not_checked_line", "option_text", "part_status", "plural", "requirement_detail",
    "requirement_line", "requirement_short", "score_label", "score_rule_asks", "score_rule_line", "selection_mark", "selection_reason",
    "selection_sentence", "selection_status", "status_line", "verdict", "warning_text",
]
