"""The words of the suggestions: the quickest ways to finish a bundle
(`core.completions`), the nearest fields (`core.nearest`) and what would meet an unmet
competency (`core.competency_options`).

Those modules return numbers, ids and names; everything here turns them into the
sentences the planner's screens, `credplan suggest`, `credplan fields`, `credplan shell`
and the `--json` "sentence" keys show, so they read the same everywhere. A student may
be 15: say "combination", not "completion"; "2 points more than needed", not "+2 over".
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from collections.abc import Iterable

from ..report import UNVERIFIED, UNVERIFIED_WORDS
from .requirements import option_text, plural

if TYPE_CHECKING:  # the data modules import this one for their JSON forms
    from ..competency_options import CompetencySuggestion, CredentialOption, PartScore, ScoreTarget
    from ..completions import Completion, CompletionResult
    from ..nearest import FieldDistance

MEASURE_WORDS = {
    "count": "fewest credentials (then lowest cost)",
    "cost": "lowest cost (then fewest credentials)",
    "hours": "fewest preparation hours (then fewest credentials)",
    "overshoot": "fewest points more than needed (then fewest credentials)",
}
"""What a ranking puts first, with its first tie-break: "Ranked by ..."."""

MEASURE_NAMES = {
    "count": "fewest credentials",
    "cost": "lowest cost",
    "hours": "fewest preparation hours",
    "overshoot": "fewest points more than needed",
}
"""The same, short: "the 5 with the ...", "... first"."""

UNVERIFIED_NOTE = f"{UNVERIFIED} = {UNVERIFIED_WORDS}"
ALL_COMPETENCIES_MET = "Every competency that applies is met."


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """A phrase as a sentence of its own: capital first letter, full stop."""
    return capital(text) + "."


# -- amounts -------------------------------------------------------------------------------------
def money(value: float) -> str:
    cents = round(value * 100)
    if cents % 100 == 0:
        return f"${cents // 100:,}"
    return f"${cents / 100:,.2f}"


def hours_text(value: float) -> str:
    return f"{value:g} {'hour' if value == 1 else 'hours'} to prepare"


def points_label(points: int, verified: bool) -> str:
    """"12", or "12?" when the value is not confirmed."""
    return f"{points}{'' if verified else UNVERIFIED}"


def cost_words(cost: float, missing: int, members: int) -> str:
    """The listed cost of `members` credentials, `missing` of which list none."""
    if missing == 0:
        return money(cost)
    if missing == members:
        return "no listed cost"
    return f"{money(cost)} plus {missing} with no listed cost"


def hours_words(hours: float, missing: int, members: int) -> str:
    if missing == 0:
        return hours_text(hours)
    if missing == members:
        return "no listed hours"
    return f"{hours_text(hours)} plus {missing} with no listed hours"


def more_than_needed(points: int) -> str:
    return f"{plural(points, 'point')} more than needed"


def combinations(n: int) -> str:
    return f"{n:,} {'combination' if n == 1 else 'combinations'}"


# -- completions ---------------------------------------------------------------------------------
def completion_text(c: Completion) -> str:
    """One line: "+ OSHA 10-Hour (2) + CompTIA A+ (11?) reaches 12 (1 point more than
    needed), $531.50"; hours too when ranked by hours or when any are listed."""
    members = len(c.picks)
    text = " ".join(f"+ {p.name} ({points_label(p.points, p.verified)})" for p in c.picks)
    text += f" reaches {c.reaches - c.overshoot}"
    if c.overshoot:
        text += f" ({more_than_needed(c.overshoot)})"
    text += ", " + cost_words(c.cost, sum(1 for p in c.picks if p.cost is None), members)
    missing_hours = sum(1 for p in c.picks if p.hours is None)
    if c.by == "hours" or missing_hours < members:
        text += ", " + hours_words(c.hours, missing_hours, members)
    return text


def cannot_reach(field_name: str, have: int, need: int, candidates: int, available: int) -> str:
    return (
        f"cannot reach {need} points in {field_name} with this catalog ({have} of {need}; "
        f"the {plural(candidates, 'credential')} not yet selected there add {available})"
    )


def _needed(r: CompletionResult) -> str:
    return f"{plural(r.shortfall, 'more point')} needed in {r.field_name} ({r.current} of {r.required})"


def _would_finish(total: int) -> str:
    return f"{combinations(total)} would finish it"


def result_sentence(r: CompletionResult) -> str:
    """"already complete in X (12 of 12 points)", "cannot reach 12 points in X with this
    catalog (...)", or the shortfall and how many combinations would finish it."""
    if r.complete:
        return f"already complete in {r.field_name} ({r.current} of {r.required} points)"
    if not r.reachable:
        return cannot_reach(r.field_name, r.current, r.required, r.candidates, r.available)
    return f"{_needed(r)}; {_would_finish(r.total)}"


def listing_intro(r: CompletionResult) -> str:
    """What the list below shows: "209 combinations would finish it; the 5 with the
    fewest credentials"."""
    shown, name = len(r.completions), MEASURE_NAMES[r.by]
    if shown == r.total == 1:
        return _would_finish(1)
    if shown == r.total:
        return f"{_would_finish(r.total)}, {name} first"
    which = "the one" if shown == 1 else f"the {shown}"
    return f"{_would_finish(r.total)}; {which} with the {name}"


def result_notes(r: CompletionResult) -> list[str]:
    """What the listed costs (hours, when ranked by hours) leave out: a note or none."""
    what = "hours" if r.by == "hours" else "cost"
    shown, missing = len(r.completions), r.shown_missing
    if r.by in ("cost", "hours") and r.total_missing and missing == 0:
        n = r.total_missing
        return [
            f"{n:,} more {'combination includes' if n == 1 else 'combinations include'} a credential with no "
            f"listed {what}; {'it comes' if n == 1 else 'they come'} after these"
        ]
    if not missing:
        return []
    if missing == shown:
        these = "this one includes" if shown == 1 else f"all {shown} include"
    else:
        these = f"{missing} of these {shown} {'includes' if missing == 1 else 'include'}"
    if r.by in ("cost", "hours") and missing < shown:  # ranked last, so the listed ones come first
        listed = "hours are" if what == "hours" else "costs are"
        return [
            f"{these} a credential with no listed {what}; {'it comes' if missing == 1 else 'they come'} last, "
            f"after every combination whose {listed} all listed"
        ]
    return [f"{these} a credential with no listed {what}, so the total {what} may be higher than shown"]


def completion_lines(r: CompletionResult) -> list[str]:
    """`credplan suggest` and the shell's `suggest`: the field, then the list."""
    how = {"pinned": "pinned", "most points": "most points", "chosen": "as asked"}[r.how]
    lines = [f"Bundle field: {r.field_name} ({how}): {r.current} of {r.required} points"]
    if r.complete or not r.reachable:
        lines.append(sentence(result_sentence(r)))
        return lines
    lines.append(sentence(_needed(r)))
    lines.append(capital(listing_intro(r)) + ":")
    for n, c in enumerate(r.completions, 1):
        lines.append(f"  {n}. {completion_text(c)}")
    for note in result_notes(r):
        lines.append(f"Note: {sentence(note)}")
    return lines


def bundle_heading(r: CompletionResult, role: str) -> str:
    """The suggestions screen's first line; `role` says whose field it is, e.g.
    " (your bundle field)"."""
    head = f"{r.field_name}{role}: {r.current} of {r.required} points"
    if r.complete:
        return f"{head}: already complete. Nothing to add here."
    if not r.reachable:
        return f"{head}, {r.shortfall} more needed. {sentence(result_sentence(r))}"
    return f"{head}, {r.shortfall} more needed; {sentence(_would_finish(r.total))}"


def shown_of_total(r: CompletionResult) -> str:
    """"Showing 10 of the 41 combinations.", or "" when every one is shown."""
    if r.total <= len(r.completions):
        return ""
    return f"Showing {len(r.completions)} of the {r.total:,} combinations."


# -- nearest fields --------------------------------------------------------------------------------
def distance_sentence(d: FieldDistance) -> str:
    """"3 points from Health (9 of 12); fewest: 1 more credential ($40)", "complete in
    Health (12 of 12 points)", or why it cannot be reached."""
    name, have, need = d.field_name, d.points, d.required
    if d.complete:
        return f"complete in {name} ({have} of {need} points)"
    if not d.reachable:
        return cannot_reach(name, have, need, d.candidates, d.available)
    text = f"{plural(d.shortfall, 'point')} from {name} ({have} of {need})"
    fewest, cheapest = d.fewest, d.cheapest
    if fewest is not None:
        miss = sum(1 for p in fewest.picks if p.cost is None)
        text += f"; fewest: {plural(fewest.count, 'more credential')} ({cost_words(fewest.cost, miss, fewest.count)})"
    if cheapest is not None and not cheapest.missing_cost and (fewest is None or cheapest.credentials != fewest.credentials):
        text += f"; cheapest: {money(cheapest.cost)} for {plural(cheapest.count, 'credential')}"
    return text


def field_lines(distances: Iterable[FieldDistance]) -> list[str]:
    lines = []
    for n, d in enumerate(distances, 1):
        mark = "  [bundle field]" if d.is_bundle_field else ""
        lines.append(f"{n:>3}. {distance_sentence(d)}{mark}")
    return lines


# -- competencies ----------------------------------------------------------------------------------
def competency_sentence(s: CompetencySuggestion) -> str:
    """"English competency: not met; any one of 3 credentials that meet english
    (cheapest: X, $15) or 4 score options"."""
    ways = []
    options = s.credentials
    if options:
        first = options[0]
        cheapest = f" (cheapest: {first.name}, {money(first.cost)})" if first.cost is not None else ""
        meet = "meets" if len(options) == 1 else "meet"
        ways.append(f"{plural(len(options), 'credential')} that {meet} {s.competency}{cheapest}")
    if s.scores:
        ways.append(plural(len(s.scores), "score option"))
    if not ways:
        return f"{s.name}: not met, and this catalog offers no way to meet it"
    return f"{s.name}: not met; any one of " + " or ".join(ways)


def option_cost(o: CredentialOption) -> str:
    return money(o.cost) if o.cost is not None else "no listed cost"


def also_meets(o: CredentialOption, competency: str) -> str:
    """" (also meets math)", or ""."""
    also = [c for c in o.covers if c != competency]
    return f" (also meets {', '.join(also)})" if also else ""


def score_text(t: ScoreTarget) -> str:
    """"ACT English at least 18"."""
    return option_text(t.option, t.definition)


def part_score_words(p: PartScore) -> str:
    """Where the plan stands on one part: "not taken yet", "now 15", "now <3"."""
    raw = p.score
    if raw is None:
        return "not taken yet"
    if isinstance(raw, int) and not isinstance(raw, bool):
        return f"now {raw}" if p.lowest <= raw <= p.highest else f"{raw} is out of range"
    return f"now <{p.lowest}"


def score_now(t: ScoreTarget) -> str:
    """Where the plan stands on a score option: "now 15, 3 more", "below: Graphic
    Literacy now <3, ...", "total now 9, 3 more"; "" when the catalog lacks the assessment."""
    bits: list[str] = []
    if t.at_part is not None:
        now = part_score_words(t.at_part)
        if t.gap:
            now += f", {t.gap} more"
        bits.append(now)
    if t.below_each:
        bits.append("below: " + ", ".join(f"{p.part} {part_score_words(p)}" for p in t.below_each))
    wanted = t.option.total
    if t.total is not None and wanted is not None and t.total < wanted:
        bits.append(f"total now {t.total}, {wanted - t.total} more")
    return "; ".join(bits)


def competency_lines(suggestions: Iterable[CompetencySuggestion], limit: int = 5) -> list[str]:
    lines: list[str] = []
    for s in suggestions:
        lines.append(f"{s.name}: not met. Any one of:")
        if s.credentials:
            lines.append(f"  credentials that meet {s.competency} ({len(s.credentials)}; listed cost first, cheapest first):")
            for o in s.credentials[:limit]:
                mark = f" {UNVERIFIED}" if not o.verified else ""
                lines.append(f"    - {o.name}{mark}, {option_cost(o)}{also_meets(o, s.competency)}")
            if len(s.credentials) > limit:
                lines.append(f"    ... and {len(s.credentials) - limit} more")
        if s.scores:
            lines.append("  or a score:")
            for t in s.scores:
                now = score_now(t)
                lines.append(f"    - {score_text(t)}{f' ({now})' if now else ''}")
    return lines


def competency_heading(unmet: int) -> str:
    """The suggestions screen's first line in a competency catalog."""
    if not unmet:
        return "Every competency that applies is met: nothing to add."
    what = "1 competency" if unmet == 1 else f"{unmet} competencies"
    return f"{what} not met yet: add a credential (enter) or reach one of the scores listed."


# -- the "?" note --------------------------------------------------------------------------------------
def any_unverified(result: CompletionResult | None = None, distances: Iterable[FieldDistance] = (),
                   competencies: Iterable[CompetencySuggestion] = (), limit: int = 5) -> bool:
    """Whether a listing shows a "?" (so it should say once what "?" means)."""
    if result is not None and any(c.unverified for c in result.completions):
        return True
    for d in distances:
        if any(c is not None and c.unverified for c in (d.fewest, d.cheapest)):
            return True
    return any(not o.verified for s in competencies for o in s.credentials[:limit])
