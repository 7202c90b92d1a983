"""`credplan shell`: the planner as a conversation, one command per line.

Made for screen readers and scripts: plain text only (marks are words such as
`[selected]` and `[not met]`; colour only on a terminal, never with NO_COLOR), no
prompt and no echo when input is not a terminal, and every change saved at once.
Everything it knows comes from the same core as the full-screen planner; nothing here
imports Textual.

`PlanShell` is the engine: `execute(line)` runs one command and writes to the given
streams; `completions(line, text)` is what tab completion offers. `run_shell` wires it
to stdin/stdout, with readline history and completion when stdin is a terminal.
"""

from __future__ import annotations

import difflib
import importlib
import importlib.util
import os
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, TextIO

from .core.model import BELOW, Assessment, Catalog, Credential, Field, Plan, ScoreValue
from .core.plans import CLASS_RANGE
from .core.rules import Evaluation, evaluate, plural, score_label
from .core.search import CredentialIndex

SaveFunc = Callable[[Plan, Catalog], None]

UNVERIFIED_HELP = '"?" marks a credential whose listing or points are not yet confirmed against the official list.'
HISTORY_FILE = "shell_history"
HISTORY_LENGTH = 1000
FIND_LIMIT = 40

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SCORE_ARGS = re.compile(r"^(?P<part>.+?)\s+(?P<value><\s*\d*|\S+)$")


def plain(text: object, *, one_line: bool = True) -> str:
    """Catalog and plan text as plain characters: no escape codes, one line by default."""
    s = _CONTROL.sub("", str(text))
    return " ".join(s.split()) if one_line else s


def _norm(text: str) -> str:
    """For matching what is typed: case, spaces, `-` and `_` do not matter."""
    return " ".join(re.sub(r"[-_]+", " ", text.casefold()).split())


def _is_tty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def use_color(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return _is_tty(stream)


@dataclass(frozen=True)
class Command:
    name: str
    usage: str
    summary: str
    run: Callable[["PlanShell", str], None]
    complete: str = ""
    """What its first argument completes to: "add", "selected", "field", "pin", "score", "command"."""


class Refused(Exception):
    """A command that cannot be done as typed; the message says why and what to type."""


class PlanShell:
    def __init__(
        self,
        catalog: Catalog,
        plan: Plan,
        *,
        save: SaveFunc,
        plan_name: str = "",
        out: TextIO | None = None,
        err: TextIO | None = None,
        color: bool = False,
    ) -> None:
        self.catalog = catalog
        self.plan = plan
        self._save_func = save
        self.plan_name = plan_name
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.color = color
        self.unsaved = False
        self.refusals = 0
        self.stopped = False
        self.broken_pipe = False
        self._index: CredentialIndex | None = None

    # -- output -----------------------------------------------------------------------------
    def say(self, *lines: str) -> None:
        """Each line on its own; empty ones (a bundle line where there is no bundle) are skipped."""
        for line in lines:
            if line:
                self.out.write(line + "\n")

    def refuse(self, message: str) -> None:
        self.refusals += 1
        self.err.write(message + "\n")

    def mark(self, met: bool) -> str:
        word = "[met]" if met else "[not met]"
        if not self.color:
            return word
        return f"\x1b[32m{word}\x1b[0m" if met else f"\x1b[31m{word}\x1b[0m"

    # -- running commands ---------------------------------------------------------------------
    def execute(self, line: str) -> bool:
        """Run one command line; False once the shell should stop. Never raises."""
        text = line.strip()
        if not text or text.startswith("#"):
            return True
        name, *more = text.split(None, 1)
        rest = _unquote(more[0].strip()) if more else ""
        command = COMMANDS.get(name.casefold()) or COMMANDS.get(ALIASES.get(name.casefold(), ""))
        try:
            try:
                if command is None:
                    close = difflib.get_close_matches(name.casefold(), list(COMMANDS), n=1)
                    hint = f" (did you mean `{close[0]}`?)" if close else ""
                    raise Refused(f"Unknown command `{plain(name)}`{hint}. Type help for the list.")
                command.run(self, rest)
            except Refused as exc:
                self.refuse(str(exc))
            except BrokenPipeError:
                raise
            except Exception as exc:  # noqa: BLE001 - a shell must never end in a traceback
                self.refuse(f"Could not run `{plain(name)}`: {plain(exc) or type(exc).__name__}")
            self.out.flush()
            self.err.flush()
        except BrokenPipeError:  # the reader went away (`credplan shell < cmds | head`)
            self.broken_pipe = True
            self.stopped = True
        return not self.stopped

    def finish(self) -> bool:
        """At the end: save what is not saved yet. True when nothing is lost."""
        if self.unsaved:
            return self.save_now()
        return True

    # -- changing the plan ------------------------------------------------------------------------
    def save_now(self) -> bool:
        try:
            self._save_func(self.plan, self.catalog)
        except Exception as exc:  # noqa: BLE001
            self.unsaved = True
            why = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            self.refuse(f"Could not save the plan: {plain(why).rstrip('.')}. Your changes are kept until you quit; type save to try again.")
            return False
        self.unsaved = False
        return True

    def change(self, plan: Plan) -> None:
        if plan == self.plan:
            return
        self.plan = plan
        self.save_now()

    def evaluation(self) -> Evaluation:
        return evaluate(self.catalog, self.plan)

    def search(self, text: str, limit: int | None = None) -> tuple[list[Credential], int]:
        if self._index is None:
            self._index = CredentialIndex(self.catalog)
        return self._index.find(text, limit)

    # -- looking things up ----------------------------------------------------------------------------
    def field(self, text: str) -> Field:
        if not text:
            raise Refused("Which field? Type fields to see them.")
        want = _norm(text)
        fields = self.catalog.fields
        for test in (
            lambda f: _norm(f.id) == want or _norm(f.name) == want,
            lambda f: _norm(f.id).startswith(want) or _norm(f.name).startswith(want),
            lambda f: want in _norm(f.name),
        ):
            found = [f for f in fields if test(f)]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                names = "; ".join(f"{f.id} ({plain(f.name)})" for f in found[:8])
                raise Refused(f"`{plain(text)}` matches several fields: {names}. Type more of it.")
        hint = difflib.get_close_matches(text.casefold(), [f.id for f in fields], n=1)
        more = f" Did you mean `{hint[0]}`?" if hint else ""
        raise Refused(f"No field `{plain(text)}` in this catalog.{more} Type fields to see them.")

    def credential(self, text: str, *, among: Iterable[str] | None = None) -> Credential:
        """By id (any case), by exact name, or the only search match; `among` limits the choice."""
        if not text:
            raise Refused("Which credential? Give its id; find TEXT searches.")
        allowed = None if among is None else set(among)
        pool = [c for c in self.catalog.credentials if allowed is None or c.id in allowed]
        want = text.casefold()
        for test in (
            lambda c: c.id == text,
            lambda c: c.id.casefold() == want,
            lambda c: _norm(c.name) == _norm(text),
        ):
            found = [c for c in pool if test(c)]
            if len(found) == 1:
                return found[0]
        matches, _ = self.search(text)
        matches = [c for c in matches if allowed is None or c.id in allowed]
        if len(matches) == 1:
            return matches[0]
        where = "selected " if allowed is not None else ""
        if matches:
            shown = "; ".join(f"{c.id} ({plain(c.name)})" for c in matches[:8])
            more = f" and {len(matches) - 8} more" if len(matches) > 8 else ""
            raise Refused(f"`{plain(text)}` matches {len(matches)} {where}credentials: {shown}{more}. Give the id.")
        hint = difflib.get_close_matches(text, [c.id for c in pool], n=1)
        more = f" Did you mean `{hint[0]}`?" if hint else ""
        raise Refused(f"No {where}credential `{plain(text)}`.{more} find TEXT searches every field.")

    def part(self, text: str) -> tuple[Assessment, str]:
        assessments = self.catalog.assessments
        if not assessments:
            raise Refused("This catalog has no assessments to score.")
        pairs = [(a, p) for a in assessments for p in a.parts]
        if ":" in text:
            left, _, right = text.partition(":")
            chosen = [a for a in assessments if _norm(a.id) == _norm(left) or _norm(a.name) == _norm(left)]
            if not chosen:
                chosen = [a for a in assessments if _norm(a.id).startswith(_norm(left)) or _norm(a.name).startswith(_norm(left))]
            if len(chosen) == 1:
                pairs = [(chosen[0], p) for p in chosen[0].parts]
                text = right
                if not text.strip() and len(chosen[0].parts) == 1:
                    return chosen[0], chosen[0].parts[0]
        want = _norm(text)
        if not want:
            raise Refused("Which part? For example: score applied math 5, or score workkeys:applied-math 5.")
        for a in assessments:  # an assessment with one part can be named by itself
            if len(a.parts) == 1 and (want == _norm(a.id) or want == _norm(a.name)):
                return a, a.parts[0]
        for test in (
            lambda p: _norm(p) == want,
            lambda p: _norm(p).startswith(want),
            lambda p: f" {want}" in f" {_norm(p)}",  # a word of it: "math" for Applied Math
        ):
            found = [(a, p) for a, p in pairs if test(p)]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                names = ", ".join(f"{a.id}:{_token(p)}" for a, p in found[:8])
                raise Refused(f"`{plain(text)}` is more than one part: {names}. Use assessment:part.")
        names = ", ".join(f"{a.id}:{_token(p)}" for a, p in pairs[:12])
        raise Refused(f"No part `{plain(text)}`. Parts: {names}.")

    # -- text pieces ---------------------------------------------------------------------------------
    def points_text(self, cred: Credential, field_id: str) -> str:
        points = cred.points_in(field_id)
        if points is None or not self.catalog.has_bundle:
            return ""
        return plural(points, "point") + (" ?" if not cred.verified else "")

    def selected_mark(self, cred_id: str) -> str:
        sel = self.plan.selection(cred_id)
        if sel is None:
            return ""
        return " [selected]" if sel.status == "planned" else " [selected, earned]"

    def bundle_line(self, evaluation: Evaluation | None = None) -> str:
        ev = evaluation or self.evaluation()
        b = ev.bundle
        if b is None:
            return ""
        how = "pinned" if b.pinned else "most points"
        earned = f" ({b.earned_points} earned)" if 0 < b.earned_points < b.points else ""
        return f"Bundle field: {plain(b.field_name)} ({how}): {b.points}/{b.required} points{earned}."


# -- commands -------------------------------------------------------------------------------------------
def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1].strip()
    return text


def _token(part: str) -> str:
    return "-".join(part.casefold().split())


def cmd_help(sh: PlanShell, arg: str) -> None:
    if arg:
        command = COMMANDS.get(arg.casefold()) or COMMANDS.get(ALIASES.get(arg.casefold(), ""))
        if command is None:
            raise Refused(f"No command `{plain(arg)}`. Type help for the list.")
        sh.say(f"{command.usage}: {command.summary}")
        return
    sh.say("Commands:")
    width = max(len(c.usage) for c in COMMANDS.values())
    for c in COMMANDS.values():
        sh.say(f"  {c.usage:<{width}}  {c.summary}")
    sh.say(
        "Marks: [selected] is in your plan; [met] and [not met] are requirements; "
        "[other field] is selected but listed outside the bundle field, so it does not count there.",
        UNVERIFIED_HELP,
        "Every change is saved at once. Tab completes commands, ids and fields.",
    )


def cmd_fields(sh: PlanShell, arg: str) -> None:
    ev = sh.evaluation()
    bundle = ev.bundle
    sh.say(f"{len(sh.catalog.fields)} career fields:")
    for f in sh.catalog.fields:
        count = len(sh.catalog.by_field.get(f.id, ()))
        bits = [plural(count, "credential")]
        if sh.catalog.has_bundle:
            bits.append(f"your points: {ev.field_points.get(f.id, 0)}")
        mark = ""
        if bundle is not None and bundle.field == f.id:
            mark = " [bundle field, pinned]" if bundle.pinned else " [bundle field]"
        sh.say(f"  {f.id}: {plain(f.name)}, {', '.join(bits)}{mark}")


def cmd_list(sh: PlanShell, arg: str) -> None:
    f = sh.field(arg)
    creds = sh.catalog.by_field.get(f.id, ())
    sh.say(f"{plain(f.name)} ({f.id}): {plural(len(creds), 'credential')}")
    for c in creds:
        sh.say("  " + _credential_line(sh, c, f.id))
    if any(not c.verified for c in creds):
        sh.say(UNVERIFIED_HELP)


def _credential_line(sh: PlanShell, c: Credential, field_id: str | None) -> str:
    issuer = f" ({plain(c.issuer)})" if c.issuer else ""
    bits = []
    if field_id is not None:
        pts = sh.points_text(c, field_id)
        if pts:
            bits.append(pts)
    elif sh.catalog.has_bundle:
        if c.universal:
            bits.append(f"every field {sh.points_text(c, sh.catalog.fields[0].id)}")
        else:
            bits.append(", ".join(f"{plain(sh.catalog.field_name(fid))} {sh.points_text(c, fid)}" for fid in c.fields))
    else:
        home = "every field" if c.universal else ", ".join(plain(sh.catalog.field_name(fid)) for fid in c.fields)
        bits.append(home)
    if c.universal and field_id is not None:
        bits.append("every field")
    if not sh.catalog.has_bundle:
        meets = f"meets {' and '.join(sorted(c.meets))}" if c.meets else "meets no competency"
        bits.append(meets + (" ?" if not c.verified else ""))
    tail = ", ".join(b for b in bits if b)
    return f"{c.id}: {plain(c.name)}{issuer}" + (f", {tail}" if tail else "") + sh.selected_mark(c.id)


def cmd_find(sh: PlanShell, arg: str) -> None:
    if not arg:
        raise Refused("Find what? For example: find comptia")
    matches, total = sh.search(arg, FIND_LIMIT)
    if not total:
        sh.say(f"No credential matches `{plain(arg)}`.")
        return
    sh.say(f"{total} {'match' if total == 1 else 'matches'} for `{plain(arg)}`:")
    for c in matches:
        sh.say("  " + _credential_line(sh, c, None))
    if total > len(matches):
        sh.say(f"  ... and {total - len(matches)} more; type more of the name.")
    if any(not c.verified for c in matches):
        sh.say(UNVERIFIED_HELP)


def _effect(sh: PlanShell, cred_id: str) -> str:
    """What a selection does now, in one sentence."""
    ev = sh.evaluation()
    sel = ev.selection(cred_id)
    if sel is None:
        return sh.bundle_line(ev)
    if ev.bundle is None:
        return f"It {plain(sel.reason)}."
    if sel.counts:
        return f"It counts {plural(sel.points, 'point')} in {plain(ev.bundle.field_name)}. {sh.bundle_line(ev)}"
    others = ", ".join(plain(sh.catalog.field_name(f)) for f in sel.fields)
    return (
        f"[other field] It is listed in {others}, not in {plain(ev.bundle.field_name)}, "
        f"so it does not count there. {sh.bundle_line(ev)}"
    )


def cmd_add(sh: PlanShell, arg: str) -> None:
    cred = sh.credential(arg)
    if sh.plan.selection(cred.id) is not None:
        sh.say(f"{plain(cred.name)} ({cred.id}) is already in your plan.")
        return
    sh.change(sh.plan.with_selection(cred.id))
    sh.say(f"Added {plain(cred.name)} ({cred.id}).", _effect(sh, cred.id))


def cmd_remove(sh: PlanShell, arg: str) -> None:
    selected = [s.id for s in sh.plan.selections]
    if not selected:
        raise Refused("Nothing is selected yet.")
    if arg in selected and arg not in sh.catalog.credential_by_id:  # gone from the catalog
        sh.change(sh.plan.without(arg))
        sh.say(f"Removed {plain(arg)}.", sh.bundle_line())
        return
    cred = sh.credential(arg, among=selected)
    sh.change(sh.plan.without(cred.id))
    sh.say(f"Removed {plain(cred.name)} ({cred.id}).", sh.bundle_line())


def _set_status(sh: PlanShell, arg: str, status: str) -> None:
    selected = [s.id for s in sh.plan.selections]
    if not selected:
        raise Refused("Nothing is selected yet; add ID first.")
    cred = sh.credential(arg, among=selected)
    sh.change(sh.plan.with_status(cred.id, status))  # type: ignore[arg-type]
    sh.say(f"{plain(cred.name)} ({cred.id}) is now {status}.")


def cmd_earned(sh: PlanShell, arg: str) -> None:
    _set_status(sh, arg, "earned")


def cmd_planned(sh: PlanShell, arg: str) -> None:
    _set_status(sh, arg, "planned")


def parse_score(text: str, assessment: Assessment, part: str) -> ScoreValue | None:
    """"5" -> 5, "<3" -> BELOW, "none" -> None (clear); anything else is refused."""
    t = text.strip().casefold()
    low, high = assessment.min, assessment.max
    allowed = f"{plain(assessment.name)} {plain(part)} takes {low} to {high}, or <{low} for below {low}"
    if t in ("none", "clear", "-"):
        return None
    if t.startswith("<"):
        rest = t[1:].strip()
        if rest in ("", str(low)):
            return BELOW
        raise Refused(f"{allowed}; `{plain(text)}` was not saved.")
    if t.lstrip("+").isdigit():
        value = int(t)
        if low <= value <= high:
            return value
        raise Refused(f"{allowed}; {value} is out of range and was not saved.")
    raise Refused(f"{allowed}, or none to clear; `{plain(text)}` is not a score.")


def cmd_score(sh: PlanShell, arg: str) -> None:
    m = _SCORE_ARGS.match(arg)
    if m is None:
        raise Refused("Usage: score PART VALUE, for example: score applied math 5, score graphic <3, score workkeys:applied-math none")
    assessment, part = sh.part(m.group("part"))
    value = parse_score(m.group("value"), assessment, part)
    sh.change(sh.plan.with_score(assessment.id, part, value))
    said = "cleared" if value is None else score_label(value, assessment)
    sh.say(f"{plain(assessment.name)}, {plain(part)}: {said}.")
    ev = sh.evaluation()
    for r in ev.requirements:
        req = next((q for q in sh.catalog.requirements if q.id == r.id), None)
        if req is None:
            continue
        uses = req.assessment == assessment.id or any(o.assessment == assessment.id for o in req.scores)
        if uses:
            sh.say(f"  {sh.mark(r.met)} {plain(r.detail)}")


def cmd_pin(sh: PlanShell, arg: str) -> None:
    if not sh.catalog.has_bundle:
        raise Refused("This catalog has no points bundle, so there is no field to pin.")
    if arg.casefold() in ("none", "off", "-"):
        sh.change(sh.plan.pinned(None))
        sh.say("No field pinned: the bundle field is the one with the most points.", sh.bundle_line())
        return
    f = sh.field(arg)
    sh.change(sh.plan.pinned(f.id))
    sh.say(f"Pinned {plain(f.name)}.", sh.bundle_line())


def cmd_class(sh: PlanShell, arg: str) -> None:
    if arg.casefold() in ("none", "-", ""):
        if not arg:
            now = f"class of {sh.plan.class_of}" if sh.plan.class_of else "not set"
            sh.say(f"Graduating class: {now}. Type class YEAR to set it.")
            return
        sh.change(replace(sh.plan, class_of=None))
        sh.say("Graduating class cleared.")
        return
    low, high = CLASS_RANGE
    if not arg.isdigit() or not low <= int(arg) <= high:
        raise Refused(f"The graduating class is a year from {low} to {high}, such as 2027; `{plain(arg)}` was not saved.")
    sh.change(replace(sh.plan, class_of=int(arg)))
    sh.say(f"Graduating class: {arg}.")


def cmd_student(sh: PlanShell, arg: str) -> None:
    if not arg:
        sh.say(f"Student: {plain(sh.plan.student) or '(no name)'}. Type student NAME to set it.")
        return
    from .core.students import name_problem

    problem = name_problem(arg)  # not UTF-8 (a lone surrogate): no save could ever write it
    if problem:
        raise Refused(f"Not changed: {problem}.")
    sh.change(replace(sh.plan, student=plain(arg)))
    sh.say(f"Student: {plain(arg)}.")


def cmd_status(sh: PlanShell, arg: str) -> None:
    ev = sh.evaluation()
    plan, catalog = sh.plan, sh.catalog
    who = plain(plan.student) or "(no name)"
    klass = f"class of {plan.class_of}" if plan.class_of else "class not set"
    sh.say(f"{who}, {klass}. Catalog: {plain(catalog.info.title)}.")
    if ev.bundle is not None:
        sh.say(sh.bundle_line(ev))
    sh.say("Requirements:")
    if not ev.requirements:
        sh.say("  (none apply yet)")
    for r in ev.requirements:
        sh.say(f"  {sh.mark(r.met)} {plain(r.detail)}")
    for req in ev.not_applying:
        sh.say(f"  [not checked] {plain(req.name)}: applies to {req.class_label()}")
    sh.say("Selections:")
    if not ev.selections:
        sh.say("  (none yet)")
    for s in ev.selections:
        q = " ?" if not s.verified else ""
        if not s.known:
            sh.say(f"  [not in catalog] {plain(s.id)}, {s.status}: no longer in this catalog, so it counts nowhere")
        elif ev.bundle is not None and not s.counts:
            others = ", ".join(plain(catalog.field_name(f)) for f in s.fields)
            sh.say(
                f"  [other field] {plain(s.name)} ({s.id}), {s.status}: listed in {others}, "
                f"not {plain(ev.bundle.field_name)}; it does not count"
            )
        else:
            sh.say(f"  {plain(s.name)} ({s.id}), {s.status}: {plain(s.reason)}{q}")
    if plan.scores:
        sh.say("Scores:")
        for a in catalog.assessments:
            if a.id in plan.scores:
                parts = ", ".join(f"{plain(p)} {score_label(plan.score(a.id, p), a)}" for p in a.parts)
                sh.say(f"  {plain(a.name)}: {parts}")
    if ev.warnings:
        sh.say("Warnings:")
        for w in ev.warnings:
            sh.say(f"  {plain(w)}")
    if any(not s.verified for s in ev.selections):
        sh.say(UNVERIFIED_HELP)
    sh.say(plain(ev.status))


def cmd_suggest(sh: PlanShell, arg: str) -> None:
    if importlib.util.find_spec("credplan.core.suggest") is None:
        sh.say("Suggestions are not available in this version.")
        return
    suggest = importlib.import_module("credplan.core.suggest")
    measures = getattr(suggest, "MEASURES", ("count",))
    by, field_id = "count", None
    for word in arg.split():
        if word.casefold() in measures:
            by = word.casefold()
        elif field_id is None:
            field_id = sh.field(word).id
        else:
            raise Refused(f"Usage: suggest [FIELD] [{'|'.join(measures)}]")
    lines: list[str] = []
    result = None
    try:
        if sh.catalog.has_bundle:
            result = suggest.completions(sh.catalog, sh.plan, field_id, by, 5)
            lines += suggest.completion_lines(result)
        competencies = suggest.competency_suggestions(sh.catalog, sh.plan)
    except getattr(suggest, "SuggestError", ValueError) as exc:
        raise Refused(plain(exc)) from None
    if competencies:
        lines += suggest.competency_lines(competencies, 5)
    elif result is None:
        lines.append("Every competency that applies is met.")
    if suggest.any_unverified(result, competencies=competencies, limit=5):
        lines.append(UNVERIFIED_HELP)
    sh.say(*(plain(line, one_line=False) for line in lines))


def cmd_about(sh: PlanShell, arg: str) -> None:
    info = sh.catalog.info
    sh.say(
        f"{plain(info.title)} ({plain(info.region)}), catalog id {info.id}.",
        f"Source: {plain(info.source)}, last checked {info.checked.isoformat()}.",
        f"{plural(len(sh.catalog.fields), 'field')}, {plural(len(sh.catalog.credentials), 'credential')}.",
    )
    if info.notes:
        sh.say(plain(info.notes, one_line=False))
    if sh.plan_name:
        sh.say(f"Plan file: {plain(sh.plan_name)}")


def cmd_save(sh: PlanShell, arg: str) -> None:
    if sh.save_now():
        where = f" to {plain(sh.plan_name)}" if sh.plan_name else ""
        sh.say(f"Saved{where}.")


def cmd_quit(sh: PlanShell, arg: str) -> None:
    sh.stopped = True


COMMANDS: dict[str, Command] = {
    c.name: c
    for c in [
        Command("fields", "fields", "the career fields, with your points in each", cmd_fields),
        Command("list", "list FIELD", "the credentials in a field, with points; [selected] marks yours", cmd_list, "field"),
        Command("find", "find TEXT", "search every field by name, issuer or id", cmd_find),
        Command("add", "add ID", "add a credential to your plan (as planned)", cmd_add, "add"),
        Command("remove", "remove ID", "take a credential out of your plan", cmd_remove, "selected"),
        Command("earned", "earned ID", "mark a selected credential as earned", cmd_earned, "selected"),
        Command("planned", "planned ID", "mark a selected credential as planned again", cmd_planned, "selected"),
        Command("score", "score PART VALUE", "enter a score: score applied math 5, score workkeys:graphic-literacy <3, VALUE none clears", cmd_score, "score"),
        Command("pin", "pin FIELD | pin none", "make FIELD the bundle field, or go back to the field with the most points", cmd_pin, "pin"),
        Command("class", "class YEAR | class none", "set the graduating class (requirements depend on it)", cmd_class),
        Command("student", "student NAME", "set the student's name", cmd_student),
        Command("status", "status", "what the plan meets, what is still missing, and why", cmd_status),
        Command("suggest", "suggest [FIELD] [count|cost|hours]", "the best ways to finish the plan", cmd_suggest, "field"),
        Command("about", "about", "the catalog: source, date checked, notes", cmd_about),
        Command("save", "save", "save now (every change is already saved)", cmd_save),
        Command("help", "help [COMMAND]", "this list, or one command", cmd_help, "command"),
        Command("quit", "quit", "save and leave (end of input does the same)", cmd_quit),
    ]
}
ALIASES = {"exit": "quit", "q": "quit", "?": "help", "ls": "list", "rm": "remove", "search": "find"}


# -- completion ---------------------------------------------------------------------------------------------
def completions(sh: PlanShell, line: str, text: str) -> list[str]:
    """What tab offers for `text`, the word being typed at the end of `line`."""
    before = line[: len(line) - len(text)] if line.endswith(text) else line
    words = before.split()
    if not words:
        return sorted(n for n in COMMANDS if n.startswith(text.casefold()))
    name = words[0].casefold()
    command = COMMANDS.get(name) or COMMANDS.get(ALIASES.get(name, ""))
    if command is None or len(words) > 1:
        return []
    kind = command.complete
    selected = [s.id for s in sh.plan.selections]
    if kind == "add":
        chosen = set(selected)
        options = [c.id for c in sh.catalog.credentials if c.id not in chosen]
    elif kind == "selected":
        options = selected
    elif kind in ("field", "pin"):
        options = [f.id for f in sh.catalog.fields] + (["none"] if kind == "pin" else [])
    elif kind == "score":
        options = [f"{a.id}:{_token(p)}" for a in sh.catalog.assessments for p in a.parts]
    elif kind == "command":
        options = list(COMMANDS)
    else:
        options = []
    return sorted(o for o in options if o.startswith(text))


# -- the loop -------------------------------------------------------------------------------------------------
def _setup_readline(sh: PlanShell, history: Path | None) -> Callable[[], None]:
    """Tab completion and history on a terminal; returns what to call at the end."""
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows without pyreadline
        return lambda: None
    matches: list[str] = []

    def complete(text: str, state: int) -> str | None:
        nonlocal matches
        if state == 0:
            buffer = readline.get_line_buffer()[: readline.get_endidx()]
            try:
                matches = completions(sh, buffer, text)
            except Exception:  # noqa: BLE001 - completion must never break typing
                matches = []
        return matches[state] if state < len(matches) else None

    readline.set_completer(complete)
    readline.set_completer_delims(" \t\n")
    if "libedit" in (readline.__doc__ or ""):
        readline.parse_and_bind("bind ^I rl_complete")
    else:
        readline.parse_and_bind("tab: complete")
    if history is not None:
        try:
            readline.read_history_file(history)
        except (FileNotFoundError, OSError):
            pass
        readline.set_history_length(HISTORY_LENGTH)

    def done() -> None:
        if history is not None:
            try:
                history.parent.mkdir(parents=True, exist_ok=True)
                readline.write_history_file(history)
            except OSError:
                pass

    return done


def run_shell(
    sh: PlanShell,
    stdin: TextIO | None = None,
    *,
    interactive: bool | None = None,
    history: Path | None = None,
    intro: Iterable[str] = (),
) -> int:
    """Read commands until quit or end of input. Exit status: 0, or 1 when input was not
    a terminal and a command was refused, or when the plan could not be saved."""
    stdin = stdin or sys.stdin
    if interactive is None:
        interactive = _is_tty(stdin)
    done = _setup_readline(sh, history) if interactive else (lambda: None)
    prompt = "credplan> " if _is_tty(sh.out) else ""
    if interactive:
        sh.say(*intro)
    try:
        while True:
            if interactive:
                try:
                    line = input(prompt)
                except EOFError:
                    sh.out.write("\n")
                    break
                except KeyboardInterrupt:
                    sh.out.write("\n")
                    sh.say("(Type quit to leave; your plan is saved.)")
                    continue
            else:
                line = stdin.readline()
                if not line:
                    break
                if not line.endswith("\n"):  # cut off? `add a-pl` must not add what it matches
                    if line.strip() and not line.lstrip().startswith("#"):
                        sh.refuse(
                            f"The input ended in the middle of a line: `{plain(line.strip())}` has no newline "
                            "after it, so it was not run (it may have been cut off). End every command with a newline."
                        )
                    break
            if not sh.execute(line):
                break
    finally:
        saved = sh.finish()
        done()
    if not saved:
        return 1
    if not interactive and sh.refusals:
        return 1
    return 0


__all__ = ["PlanShell", "COMMANDS", "completions", "run_shell", "parse_score", "plain", "use_color", "UNVERIFIED_HELP"]
