"""The shell's engine: `PlanShell` runs one command line at a time on a `PlanSession`.

Everything the shell writes goes through `_write`: each line passes the one text
policy (`core.text.clean`) before colour, if any, is added around a mark. Every change
goes through the session (`change`), which saves it; a change that cannot be saved
stays in the session, and leaving then asks first (see `quit` and `finish`).

The commands live in `shell/commands.py` and import this module; `execute` finds
them there when it runs, so neither module imports the other at load time.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from ..core.model import Catalog, Credential, Plan
from ..core.requirements import State
from ..core.rules import Evaluation
from ..core.search import CredentialIndex
from ..core.session import PlanSession
from ..core.plan_errors import PlanReadOnly, StorageError
from ..core.text import clean
from ..core.words import notices
from ..core.words import requirements as words
from ..core.words import shell as said

COLOURS = {State.MET: "32", State.NOT_MET: "31"}
"""ANSI colours of the marks, on a colour terminal only; the mark is always in words."""


class Refused(Exception):
    """A command that cannot be done as typed; the message says why and what to type."""


def unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1].strip()
    return text


class PlanShell:
    """One conversation about one session's plan.

        sh = PlanShell(session, out=sys.stdout, err=sys.stderr, color=False)
        sh.execute("add comptia-a-plus")   # False once the shell should stop
        saved = sh.finish()                 # at the end: one last save if one is due
    """

    def __init__(
        self,
        session: PlanSession,
        *,
        out: TextIO | None = None,
        err: TextIO | None = None,
        color: bool = False,
    ) -> None:
        self.session = session
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.color = color
        self.refusals = 0
        self.stopped = False
        self.broken_pipe = False
        self.left_unsaved = False
        """`quit` was typed twice with a change not saved: leave without saving."""
        self._asked_to_quit = False
        self._copied: Plan | None = None
        self._copy_path: Path | None = None
        self._index: tuple[Catalog, CredentialIndex] | None = None

    # -- what it works on ---------------------------------------------------------------------
    @property
    def plan(self) -> Plan:
        return self.session.plan

    @property
    def catalog(self) -> Catalog:
        return self.session.catalog

    @property
    def unsaved(self) -> bool:
        """A change is in neither the plan file nor a copy the student asked for."""
        return self.session.unsaved and self.session.plan != self._copied

    def evaluation(self) -> Evaluation:
        return self.session.evaluation()

    @property
    def index(self) -> CredentialIndex:
        if self._index is None or self._index[0] is not self.catalog:
            self._index = (self.catalog, CredentialIndex(self.catalog))
        return self._index[1]

    def search(self, text: str, limit: int | None = None) -> tuple[list[Credential], int]:
        return self.index.find(text, limit)

    # -- output: every line through one writer ------------------------------------------------
    def _write(self, stream: TextIO, text: str, *, mark: State | bool | None = None, indent: str = "") -> None:
        """One line: `text` through the text policy (one line, controls made visible,
        bidi and invisible characters replaced), then the mark, coloured if asked."""
        line = clean(text)
        if mark is not None:
            state = mark if isinstance(mark, State) else (State.MET if mark else State.NOT_MET)
            word = words.mark(state)
            colour = COLOURS.get(state) if self.color else None
            line = (f"\x1b[{colour}m{word}\x1b[0m" if colour else word) + " " + line
        stream.write(indent + line + "\n")

    def say(self, *lines: str) -> None:
        """Each line on its own; empty ones (a bundle line where there is no bundle) are skipped."""
        for line in lines:
            if line:
                self._write(self.out, line)

    def say_text(self, text: str) -> None:
        """Text of several lines (catalog notes), each said as a line."""
        for line in clean(text, lines=True).split("\n"):
            self.say(line)

    def say_marked(self, state: State | bool, text: str, indent: str = "  ") -> None:
        """A requirement line led by its mark (`[met]`, `[not met]`, `[not checked]`)."""
        self._write(self.out, text, mark=state, indent=indent)

    def refuse(self, message: str) -> None:
        """On standard error; counted, so a script learns that something was refused."""
        self.refusals += 1
        self._write(self.err, message)

    def tell(self, message: str) -> None:
        """On standard error, not counted: what is said on leaving."""
        if message:
            self._write(self.err, message)

    # -- running commands ---------------------------------------------------------------------
    def execute(self, line: str) -> bool:
        """Run one command line; False once the shell should stop. Never raises."""
        from .commands import find_command, unknown_command

        text = line.strip()
        if not text or text.startswith("#"):
            return True
        name, *more = text.split(None, 1)
        rest = unquote(more[0].strip()) if more else ""
        command = find_command(name)
        try:
            try:
                if command is None:
                    raise Refused(unknown_command(name))
                command.run(self, rest)
            except Refused as exc:
                self.refuse(str(exc))
            except BrokenPipeError:
                raise
            except Exception as exc:
                self.refuse(said.could_not_run(name, str(exc or type(exc).__name__)))
            self.out.flush()
            self.err.flush()
        except BrokenPipeError:  # the reader went away (`credplan shell < cmds | head`)
            self.broken_pipe = True
            self.stopped = True
        return not self.stopped

    # -- changing the plan -----------------------------------------------------------------------
    def change(self, plan: Plan) -> bool:
        """Make `plan` the session's plan; the session saves it at once. Refused, with
        nothing changed, in a read-only session. False when the change is kept but could
        not be saved (said on standard error, with what to type)."""
        if plan == self.plan:
            return True
        try:
            saved = self.session.change(plan)
        except PlanReadOnly as exc:
            raise Refused(notices.read_only_not_changed(str(exc) or self.session.reason)) from None
        self._asked_to_quit = False  # a new change: quit asks again
        if not saved:
            self.refuse_unsaved()
        return saved

    def refuse_unsaved(self, problem: str | None = None) -> None:
        """Why the plan is not saved, and the commands that settle it."""
        what = notices.SHELL_CHANGED_ELSEWHERE if self.session.changed_elsewhere else notices.SHELL_UNSAVED
        self.refuse(f"{problem or self.session.save_problem} {what}")

    def copied(self, plan: Plan, where: Path) -> None:
        """The student saved `plan` as a copy at `where`: leaving no longer loses it."""
        self._copied, self._copy_path = plan, where

    def discarded(self) -> None:
        self._asked_to_quit = False

    # -- leaving -------------------------------------------------------------------------------
    def quit(self) -> None:
        """Leave. With a change not saved: try once more; when that fails, refuse once
        and say the choices; `quit` again leaves without saving."""
        if self.unsaved and not self.session.retry_save():
            if not self._asked_to_quit:
                self._asked_to_quit = True
                raise Refused(notices.shell_quit_unsaved(self.session.save_problem))
            self.left_unsaved = True
        self.stopped = True

    def finish(self) -> bool:
        """At the end: one last save of what is not saved. True when the plan file (or
        a copy the student asked for) holds every change. When it fails, the change is
        kept as a copy rather than lost, and the copy's place is said."""
        if self.left_unsaved:
            self.tell(notices.LEFT_UNSAVED)
            return False
        if not self.session.unsaved or self.session.retry_save():
            return True
        if not self.unsaved and self._copy_path is not None:
            self.tell(notices.changes_in_copy(self._copy_path))
            return True
        said = [notices.not_saved_on_exit(self.session.save_problem)]
        try:
            said.append(notices.saved_copy(self.session.save_copy()))
        except StorageError as exc:
            said.append(str(exc))
        self.tell(" ".join(said))
        return False

    # -- text pieces ---------------------------------------------------------------------------------
    def points_text(self, cred: Credential, field_id: str) -> str:
        points = cred.points_in(field_id)
        if points is None or not self.catalog.has_bundle:
            return ""
        return words.plural(points, "point") + (said.UNVERIFIED_TAIL if not cred.verified else "")

    def selected_mark(self, cred_id: str) -> str:
        sel = self.plan.selection(cred_id)
        if sel is None:
            return ""
        return said.SELECTED if sel.status == "planned" else said.SELECTED_EARNED

    def bundle_line(self, evaluation: Evaluation | None = None) -> str:
        ev = evaluation or self.evaluation()
        if ev.bundle is None:
            return ""
        return words.bundle_line(ev.bundle) + "."
