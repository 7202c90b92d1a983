"""Catalog and plan data turned into `Content` for widgets.

Catalog and student text is data, never markup: everything here builds `Content`
objects directly (Textual 8.2.8's `escape()` does not protect names like `[Health]`).
Every mark is a word or a symbol that reads without colour.
"""

from __future__ import annotations

from textual.content import Content

from ..core.model import Catalog, Credential, Plan
from ..core.requirements import State
from ..core.rules import Evaluation, SelectionResult, Why
from ..core.words import requirements as words
from ..core.words import screen as say
from ..core.words.requirements import UNVERIFIED

SELECTED = "[x]"
NOT_SELECTED = "[ ]"


def points_text(points: int | None, verified: bool) -> str:
    if points is None:
        return " -"
    return f"{points:>2}{UNVERIFIED if not verified else ' '}"


def credential_row(catalog: Catalog, credential: Credential, field_id: str | None, plan: Plan) -> Content:
    """One line of the credential list: mark, points in the field, name, issuer."""
    selection = plan.selection(credential.id)
    if selection is None:
        mark = Content(NOT_SELECTED)
    else:
        mark = Content.styled(SELECTED, "bold $success")
    if not catalog.has_bundle:
        # competency catalogs: what it demonstrates, not points
        pts = Content(f"{meets_text(credential)}{UNVERIFIED if not credential.verified else ' '}")
        where = Content.styled(f"  ({_fields_label(catalog, credential)})", "$text-muted") if field_id is None else Content("")
    elif field_id is not None:
        pts = Content(points_text(credential.points_in(field_id), credential.verified))
        where = Content("")
    else:
        # search results across fields: say where it is listed
        pts = Content(points_text(_best_points(credential), credential.verified))
        where = Content.styled(f"  ({_fields_label(catalog, credential)})", "$text-muted")
    parts = [mark, Content(" "), pts, Content(" "), Content.styled(credential.name, "bold" if selection else "")]
    if selection is not None and selection.status == "earned":
        parts.append(Content.styled(" earned", "$success"))
    if credential.issuer:
        parts.append(Content.styled(f" · {credential.issuer}", "$text-muted"))
    parts.append(where)
    return Content("").join(parts)


def meets_text(credential: Credential) -> str:
    """`E+M`, `E`, `M` or `--`: the competencies a credential demonstrates."""
    letters = "+".join(c[:1].upper() for c in sorted(credential.meets))
    return f"{letters or '--':>3}"


def _best_points(credential: Credential) -> int | None:
    if credential.universal:
        return credential.universal_points
    return max(credential.points.values(), default=None)


def _fields_label(catalog: Catalog, credential: Credential) -> str:
    if credential.universal:
        return say.EVERY_FIELD
    return ", ".join(catalog.field_name(f) for f in credential.fields)


def field_row(name: str, points: int | None, mark: str = "", *, short: bool = False) -> Content:
    """A career field in the field list: the plan's points there (`3 pts`, or `3` in a
    column whose title explains it), its name, and `[bundle field]` (or `[bundle field,
    pinned]`) beside the bundle field."""
    if points is None:  # a catalog without a bundle: fields are only for browsing
        return Content(name)
    return Content.assemble(
        (f"{points:>2} " if short else say.field_points(points) + " ", "bold" if points else "$text-muted"),
        name,
        (f" {mark}" if mark else "", "bold $accent"),
    )


def selection_row(result: SelectionResult, catalog: Catalog) -> Content:
    """A selection in the plan panel: the points it counts, or its mark and why not."""
    status = words.selection_status(result)
    unverified = UNVERIFIED if not result.verified else " "
    tag = words.selection_mark(result)
    if tag:  # another field, or gone from the catalog
        style = "$error" if result.why is Why.NOT_IN_CATALOG else "$warning"
        return Content.assemble(
            (f"{tag} ", f"bold {style}"), result.name,
            (f" ({status}): {words.selection_reason(result, catalog)}", style),
        )
    if result.why is Why.COMPETENCY:
        head = Content.styled(" ok  " if result.counts else " --  ", "bold $success" if result.counts else "bold $warning")
        reason = words.selection_reason(result, catalog)
        return Content.assemble(head, result.name, (f" ({status}): {reason}", "$text-muted"))
    head = Content.styled(f"{result.points:>3}{unverified} ", "bold $success")
    return Content.assemble(head, result.name, (f" ({status})", "$text-muted"))


_MARK_STYLES = {State.MET: "bold $success", State.NOT_MET: "bold $error", State.NOT_CHECKED: "bold $warning"}


def requirement_mark(state: State | bool) -> Content:
    """`[met] `, `[not met] ` or `[not checked] `, in words and in colour."""
    if isinstance(state, bool):
        state = State.MET if state else State.NOT_MET
    return Content.styled(words.mark(state) + " ", _MARK_STYLES[state])


def credential_detail(catalog: Catalog, credential: Credential, plan: Plan, evaluation: Evaluation | None = None) -> Content:
    """The highlighted credential in full, under the list (its row may be cut short):
    its name and issuer, then what the plan makes of it (for a selection from another
    field: `[other field] ... so it does not count there`, the moment it is picked),
    then where it counts and what it costs."""
    head = [Content.styled(credential.name, "bold")]
    if credential.issuer:
        head.append(Content.styled(say.issuer_tail(credential.issuer), "$text-muted"))
    unverified = say.NOT_VERIFIED if not credential.verified else ""
    if not catalog.has_bundle:
        meets = words.competency_names(catalog, sorted(credential.meets)) or say.NO_COMPETENCY
        facts = [say.meets_fact(meets, unverified), say.listed_in(_fields_label(catalog, credential))]
    elif credential.universal:
        facts = [say.points_everywhere(_points_words(credential.universal_points), unverified)]
    else:
        listed = ", ".join(f"{catalog.field_name(f)} {credential.points_in(f)}" for f in credential.fields)
        facts = [say.points_fact(listed, unverified)]
    if credential.cost is not None:
        facts.append(say.cost_fact(credential.cost))
    if credential.hours is not None:
        facts.append(say.hours_fact(credential.hours))
    result = evaluation.selection(credential.id) if evaluation is not None else None
    selection = plan.selection(credential.id)
    lines = head + [Content("\n")]
    if result is not None:
        sentence = say.selection_detail(result, catalog)
        facts_line = Content.styled("; ".join(facts), "$text-muted")
        if say.why_it_counts(result):
            lines += [Content.styled(sentence, "$success"), Content("\n"), facts_line]
            return Content("").join(lines)
        # A selection that does not count: the flag comes first, so it is what shows
        # when the box has room for little else (40x12), then the name and the facts.
        mark = words.selection_mark(result)
        style = "$error" if result.why is Why.NOT_IN_CATALOG else "$warning"
        flag = Content.assemble((mark, f"bold reverse {style}"), (sentence[len(mark):], f"bold {style}"))
        return Content("").join([flag, Content("\n"), *head, Content("\n"), facts_line])
    if selection is not None:  # no evaluation given: say only that it is held
        facts.append(say.in_plan(selection.status))
    else:
        facts.append(say.NOT_IN_PLAN)
        bundle = evaluation.bundle if evaluation is not None else None
        if (
            bundle is not None and (bundle.pinned or bundle.points) and not credential.universal
            and bundle.field not in credential.fields
        ):
            facts.append(say.would_not_count(credential, catalog, bundle.field))
    lines.append(Content.styled("; ".join(facts), "$text-muted"))
    return Content("").join(lines)


def _points_words(points: int | None) -> str:
    if points is None:
        return say.NO_POINTS
    return say.points_words(points)
