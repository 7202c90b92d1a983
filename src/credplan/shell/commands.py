"""Every shell command: `cmd_*(sh, arg)` functions and the `COMMANDS` table (its
order is the order of `help`), with `ALIASES`. A command reads the plan and catalog
from the shell (`sh.plan`, `sh.catalog`), changes the plan only through `sh.change`,
says things with `sh.say` and refuses with `raise Refused(...)`; it writes no escape
code and cleans nothing itself (the shell's writer does). Sentences about a plan come
from `core.words`."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from pathlib import Path
from collections.abc import Callable

from ..core.competency_options import competency_suggestions
from ..core.completions import MEASURES, SuggestError
from ..core.completions import completions as best_completions  # `completions` in the shell is tab completion
from ..core.model import Credential
from ..core.plans import CLASS_RANGE
from ..core.scores import ScoreRefused, parse_score
from ..core.plan_errors import StorageError
from ..core.students import name_problem
from ..core.words import notices
from ..core.words import requirements as words
from ..core.words import shell as said
from ..core.words.requirements import UNVERIFIED_HELP, plural, score_label
from ..core.words.suggestions import ALL_COMPETENCIES_MET, any_unverified, competency_lines, completion_lines
from . import lookup
from .engine import PlanShell, Refused

FIND_LIMIT = 40

_SCORE_ARGS = re.compile(r"^(?P<part>.+?)\s+(?P<value><\s*\d*|\S+)$")


@dataclass(frozen=True)
class Command:
    name: str
    usage: str
    summary: str
    run: Callable[[PlanShell, str], None]
    complete: str = ""
    """What its first argument completes to: "add", "selected", "field", "pin", "score", "command"."""


def find_command(name: str) -> Command | None:
    key = name.casefold()
    return COMMANDS.get(key) or COMMANDS.get(ALIASES.get(key, ""))


def unknown_command(name: str) -> str:
    close = difflib.get_close_matches(name.casefold(), list(COMMANDS), n=1)
    return said.unknown_command(name, close[0] if close else None)


# -- reading the catalog ---------------------------------------------------------------------------------
def cmd_help(sh: PlanShell, arg: str) -> None:
    if arg:
        command = find_command(arg)
        if command is None:
            raise Refused(said.no_command(arg))
        sh.say(said.help_one(command.usage, command.summary))
        return
    sh.say(said.HELP_HEADING)
    width = max(len(c.usage) for c in COMMANDS.values())
    for c in COMMANDS.values():
        sh.say(said.help_row(c.usage, c.summary, width))
    sh.say(
        said.help_marks(words.MARK_MEANINGS),
        UNVERIFIED_HELP,
        notices.SHELL_HELP_SAVING,
        said.HELP_TAB,
    )


def cmd_fields(sh: PlanShell, arg: str) -> None:
    ev = sh.evaluation()
    bundle = ev.bundle
    sh.say(said.fields_heading(len(sh.catalog.fields)))
    for f in sh.catalog.fields:
        count = len(sh.catalog.by_field.get(f.id, ()))
        bits = [plural(count, "credential")]
        if sh.catalog.has_bundle:
            bits.append(said.your_points(ev.field_points.get(f.id, 0)))
        mark = f" {words.bundle_field_mark(bundle)}" if bundle is not None and bundle.field == f.id else ""
        sh.say(said.field_row(f.id, f.name, bits, mark))


def cmd_list(sh: PlanShell, arg: str) -> None:
    f = lookup.field(sh.catalog, arg)
    creds = sh.catalog.by_field.get(f.id, ())
    sh.say(said.list_heading(f.name, f.id, plural(len(creds), "credential")))
    for c in creds:
        sh.say("  " + _credential_line(sh, c, f.id))
    if any(not c.verified for c in creds):
        sh.say(UNVERIFIED_HELP)


def _credential_line(sh: PlanShell, c: Credential, field_id: str | None) -> str:
    issuer = said.issuer(c.issuer)
    bits = []
    if field_id is not None:
        pts = sh.points_text(c, field_id)
        if pts:
            bits.append(pts)
    elif sh.catalog.has_bundle:
        if c.universal:
            bits.append(said.every_field_points(sh.points_text(c, sh.catalog.fields[0].id)))
        else:
            bits.append(", ".join(f"{sh.catalog.field_name(fid)} {sh.points_text(c, fid)}" for fid in c.fields))
    else:
        home = said.EVERY_FIELD if c.universal else ", ".join(sh.catalog.field_name(fid) for fid in c.fields)
        bits.append(home)
    if c.universal and field_id is not None:
        bits.append(said.EVERY_FIELD)
    if not sh.catalog.has_bundle:
        meets = said.meets(words.competency_names(sh.catalog, sorted(c.meets))) if c.meets else said.MEETS_NONE
        bits.append(meets + (said.UNVERIFIED_TAIL if not c.verified else ""))
    tail = ", ".join(b for b in bits if b)
    return f"{c.id}: {c.name}{issuer}" + (f", {tail}" if tail else "") + sh.selected_mark(c.id)


def cmd_find(sh: PlanShell, arg: str) -> None:
    if not arg:
        raise Refused(said.FIND_WHAT)
    matches, total = sh.search(arg, FIND_LIMIT)
    if not total:
        sh.say(said.no_match(arg))
        return
    sh.say(said.matches_heading(total, arg))
    for c in matches:
        sh.say("  " + _credential_line(sh, c, None))
    if total > len(matches):
        sh.say(said.more_matches(total - len(matches)))
    if any(not c.verified for c in matches):
        sh.say(UNVERIFIED_HELP)


def cmd_about(sh: PlanShell, arg: str) -> None:
    info = sh.catalog.info
    counts = f"{plural(len(sh.catalog.fields), 'field')}, {plural(len(sh.catalog.credentials), 'credential')}"
    sh.say(*said.about(info.title, info.region, info.id, info.source, info.checked.isoformat(), counts))
    if info.notes:
        sh.say_text(info.notes)
    if sh.session.path is not None:
        sh.say(said.plan_file(sh.session.path))


# -- changing the plan -------------------------------------------------------------------------------------
def _effect(sh: PlanShell, cred_id: str) -> str:
    """What a selection does now, in one sentence."""
    ev = sh.evaluation()
    sel = ev.selection(cred_id)
    if sel is None:
        return sh.bundle_line(ev)
    tag = words.selection_mark(sel)
    sentence = f"{tag} {words.selection_sentence(sel, sh.catalog)}" if tag else words.selection_sentence(sel, sh.catalog)
    return f"{sentence} {sh.bundle_line(ev)}".rstrip()


def cmd_add(sh: PlanShell, arg: str) -> None:
    cred = lookup.credential(sh.catalog, sh.index, arg)
    if sh.plan.selection(cred.id) is not None:
        sh.say(said.already_selected(cred.name, cred.id))
        return
    sh.change(sh.plan.with_selection(cred.id))
    sh.say(said.added(cred.name, cred.id), _effect(sh, cred.id))


def cmd_remove(sh: PlanShell, arg: str) -> None:
    selected = [s.id for s in sh.plan.selections]
    if not selected:
        raise Refused(said.NOTHING_SELECTED)
    if arg in selected and arg not in sh.catalog.credential_by_id:  # gone from the catalog
        sh.change(sh.plan.without(arg))
        sh.say(said.removed(arg), sh.bundle_line())
        return
    cred = lookup.credential(sh.catalog, sh.index, arg, among=selected)
    sh.change(sh.plan.without(cred.id))
    sh.say(said.removed(cred.name, cred.id), sh.bundle_line())


def _set_status(sh: PlanShell, arg: str, status: str) -> None:
    selected = [s.id for s in sh.plan.selections]
    if not selected:
        raise Refused(said.NOTHING_SELECTED_ADD)
    cred = lookup.credential(sh.catalog, sh.index, arg, among=selected)
    sh.change(sh.plan.with_status(cred.id, status))  # type: ignore[arg-type]
    sh.say(said.now_status(cred.name, cred.id, status))


def cmd_earned(sh: PlanShell, arg: str) -> None:
    _set_status(sh, arg, "earned")


def cmd_planned(sh: PlanShell, arg: str) -> None:
    _set_status(sh, arg, "planned")


def cmd_score(sh: PlanShell, arg: str) -> None:
    m = _SCORE_ARGS.match(arg)
    if m is None:
        raise Refused(said.SCORE_USAGE)
    assessment, part = lookup.part(sh.catalog, m.group("part"))
    try:
        value = parse_score(m.group("value"), assessment, part)
    except ScoreRefused as exc:
        raise Refused(str(exc)) from None
    sh.change(sh.plan.with_score(assessment.id, part, value))
    shown = said.CLEARED if value is None else score_label(value, assessment)
    sh.say(said.score_set(assessment.name, part, shown))
    ev = sh.evaluation()
    for r in ev.requirements:
        req = next((q for q in sh.catalog.requirements if q.id == r.id), None)
        if req is None:
            continue
        if req.assessment == assessment.id or any(o.assessment == assessment.id for o in req.scores):
            sh.say_marked(r.state, words.requirement_line(r))


def cmd_pin(sh: PlanShell, arg: str) -> None:
    if not sh.catalog.has_bundle:
        raise Refused(said.NO_BUNDLE_TO_PIN)
    if arg.casefold() in ("none", "off", "-"):
        sh.change(sh.plan.pinned(None))
        sh.say(said.UNPINNED, sh.bundle_line())
        return
    f = lookup.field(sh.catalog, arg)
    sh.change(sh.plan.pinned(f.id))
    sh.say(said.pinned(f.name), sh.bundle_line())


def cmd_class(sh: PlanShell, arg: str) -> None:
    if arg.casefold() in ("none", "-", ""):
        if not arg:
            sh.say(said.class_now(sh.plan.class_of))
            return
        sh.change(replace(sh.plan, class_of=None))
        sh.say(said.CLASS_CLEARED)
        _say_score_rules(sh)
        return
    low, high = CLASS_RANGE
    if not arg.isdigit() or not low <= int(arg) <= high:
        raise Refused(said.class_refused(low, high, arg))
    sh.change(replace(sh.plan, class_of=int(arg)))
    sh.say(said.class_set(arg))
    _say_score_rules(sh)


def _say_score_rules(sh: PlanShell) -> None:
    """Which score rule the class now holds the plan to, and why (as the planner does)."""
    for assessment in sh.catalog.assessments:
        line = words.score_rule_line(sh.catalog, assessment, sh.plan.class_of)
        if line:
            sh.say(line)


def cmd_student(sh: PlanShell, arg: str) -> None:
    if not arg:
        sh.say(said.student_now(sh.plan.student))
        return
    name = " ".join(arg.split())  # stored as typed, spaces evened; cleaned only where shown
    problem = name_problem(name)  # not UTF-8 (a lone surrogate), blank or too long: no save could write it
    if problem:
        raise Refused(notices.name_not_changed(problem))
    sh.change(replace(sh.plan, student=name))
    sh.say(said.student_set(name))


# -- what the plan comes to ------------------------------------------------------------------------------
def cmd_status(sh: PlanShell, arg: str) -> None:
    ev = sh.evaluation()
    plan, catalog = sh.plan, sh.catalog
    sh.say(said.status_heading(plan.student, words.class_text(plan.class_of), catalog.info.title))
    if sh.session.unsaved:
        sh.say(notices.not_saved_yet(sh.session.save_problem))
    if ev.bundle is not None:
        sh.say(sh.bundle_line(ev))
    sh.say(said.REQUIREMENTS)
    if not ev.requirements:
        sh.say(said.NO_REQUIREMENTS)
    for r in ev.requirements:
        sh.say_marked(r.state, words.requirement_line(r))
    for n in ev.not_checked:
        sh.say_marked(n.state, words.not_checked_line(n))
    sh.say(said.SELECTIONS)
    if not ev.selections:
        sh.say(said.NO_SELECTIONS)
    for s in ev.selections:
        q = f" {words.UNVERIFIED}" if not s.verified else ""
        tag = words.selection_mark(s)
        who = said.selection_who(s.name, s.id, known=s.known)
        row = said.selection_row(who, s.status, words.selection_reason(s, catalog), q)
        sh.say(f"  {tag} {row}" if tag else f"  {row}")
    if plan.scores:
        sh.say(said.SCORES)
        for a in catalog.assessments:
            if a.id in plan.scores:
                parts = ", ".join(f"{p} {score_label(plan.score(a.id, p), a)}" for p in a.parts)
                sh.say(f"  {a.name}: {parts}")
    if ev.warnings:
        sh.say(said.WARNINGS)
        for w in ev.warnings:
            sh.say(f"  {words.warning_text(w)}")
    if any(not s.verified for s in ev.selections):
        sh.say(UNVERIFIED_HELP)
    sh.say(words.earned_line(ev), words.status_line(ev))


def cmd_suggest(sh: PlanShell, arg: str) -> None:
    by, field_id = "count", None
    for word in arg.split():
        if word.casefold() in MEASURES:
            by = word.casefold()
        elif field_id is None:
            field_id = lookup.field(sh.catalog, word).id
        else:
            raise Refused(said.suggest_usage(MEASURES))
    lines: list[str] = []
    result = None
    try:
        if sh.catalog.has_bundle:
            result = best_completions(sh.catalog, sh.plan, field_id, by, 5)
            lines += completion_lines(result)
        competencies = competency_suggestions(sh.catalog, sh.plan)
    except SuggestError as exc:
        raise Refused(str(exc)) from None
    if competencies:
        lines += competency_lines(competencies, 5)
    elif result is None:
        lines.append(ALL_COMPETENCIES_MET)
    if any_unverified(result, competencies=competencies, limit=5):
        lines.append(UNVERIFIED_HELP)
    for line in lines:
        sh.say_text(line)


# -- saving, and changes that could not be saved ---------------------------------------------------------
def _not_in_demo(sh: PlanShell) -> None:
    if sh.session.is_demo:
        raise Refused(notices.DEMO)


def cmd_save(sh: PlanShell, arg: str) -> None:
    _not_in_demo(sh)
    session = sh.session
    if session.read_only:
        raise Refused(notices.read_only_not_changed(session.reason))
    if session.retry_save():
        sh.say(notices.saved_to(session.path))
    else:
        sh.refuse_unsaved()


def cmd_save_copy(sh: PlanShell, arg: str) -> None:
    _not_in_demo(sh)
    target = Path(arg).expanduser() if arg else None
    if target is not None and target.exists():
        raise Refused(notices.copy_exists(target))
    plan = sh.plan
    try:
        where = sh.session.save_copy(target)
    except StorageError as exc:
        raise Refused(str(exc)) from None
    sh.copied(plan, where)
    sh.say(notices.saved_copy(where))


def cmd_discard(sh: PlanShell, arg: str) -> None:
    if not sh.session.unsaved:
        sh.say(notices.NOTHING_TO_DISCARD)
        return
    sh.session.discard()
    sh.discarded()
    sh.say(notices.DISCARDED, sh.bundle_line())


def cmd_reload(sh: PlanShell, arg: str) -> None:
    _not_in_demo(sh)
    if sh.session.path is None:
        raise Refused(notices.NOTHING_TO_RELOAD)
    reply = sh.session.reload()
    sh.discarded()
    sh.say(reply or notices.RELOADED, sh.bundle_line())


def cmd_keep_mine(sh: PlanShell, arg: str) -> None:
    _not_in_demo(sh)
    session = sh.session
    if session.read_only:
        raise Refused(notices.read_only_not_changed(session.reason))
    if not session.unsaved and not session.changed_elsewhere:
        sh.say(notices.NOTHING_TO_KEEP)
        return
    try:
        reply = session.keep_mine()
    except StorageError as exc:
        sh.refuse_unsaved(str(exc))
        return
    sh.say(reply)


def cmd_quit(sh: PlanShell, arg: str) -> None:
    sh.quit()


COMMANDS: dict[str, Command] = {
    c.name: c
    for c in [
        Command("fields", *said.COMMANDS["fields"], cmd_fields),
        Command("list", *said.COMMANDS["list"], cmd_list, "field"),
        Command("find", *said.COMMANDS["find"], cmd_find),
        Command("add", *said.COMMANDS["add"], cmd_add, "add"),
        Command("remove", *said.COMMANDS["remove"], cmd_remove, "selected"),
        Command("earned", *said.COMMANDS["earned"], cmd_earned, "selected"),
        Command("planned", *said.COMMANDS["planned"], cmd_planned, "selected"),
        Command("score", *said.COMMANDS["score"], cmd_score, "score"),
        Command("pin", *said.COMMANDS["pin"], cmd_pin, "pin"),
        Command("class", *said.COMMANDS["class"], cmd_class),
        Command("student", *said.COMMANDS["student"], cmd_student),
        Command("status", *said.COMMANDS["status"], cmd_status),
        Command("suggest", *said.COMMANDS["suggest"], cmd_suggest, "field"),
        Command("about", *said.COMMANDS["about"], cmd_about),
        Command("save", *said.COMMANDS["save"], cmd_save),
        Command("save-copy", *said.COMMANDS["save-copy"], cmd_save_copy),
        Command("discard", *said.COMMANDS["discard"], cmd_discard),
        Command("reload", *said.COMMANDS["reload"], cmd_reload),
        Command("keep-mine", *said.COMMANDS["keep-mine"], cmd_keep_mine),
        Command("help", *said.COMMANDS["help"], cmd_help, "command"),
        Command("quit", *said.COMMANDS["quit"], cmd_quit),
    ]
}
ALIASES = {
    "exit": "quit", "q": "quit", "?": "help", "ls": "list", "rm": "remove", "search": "find",
    "save_copy": "save-copy", "copy": "save-copy", "keep_mine": "keep-mine",
}
