"""Reading commands: a prompt, tab completion and history on a terminal; no prompt and
no echo when standard input is not one (a script, a screen reader's pipe). Also what
decides colour and the exit status."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO
from collections.abc import Callable, Iterable

from ..core.session import PlanSession
from ..core.words import notices
from .commands import ALIASES, COMMANDS
from .engine import PlanShell
from .lookup import token

HISTORY_FILE = "shell_history"
HISTORY_LENGTH = 1000
PROMPT = "credplan> "

EXIT_OK = 0
EXIT_REFUSED = 1
"""Input was not a terminal and a command was refused (a script learns it failed)."""
EXIT_NOT_SAVED = 3
"""The shell left with a change that is not in the plan file (as the planner's discard)."""


def _is_tty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def use_color(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return _is_tty(stream)


def intro_lines(session: PlanSession) -> list[str]:
    """What the shell says first on a terminal."""
    saved = not session.read_only and not session.is_demo and session.path is not None
    return [
        notices.shell_opened(session.catalog.info.title, session.path),
        notices.SHELL_HOW if saved else notices.SHELL_HOW_NOT_SAVED,
    ]


# -- completion ---------------------------------------------------------------------------------------------
def completions(sh: PlanShell, line: str, text: str) -> list[str]:
    """What tab offers for `text`, the word being typed at the end of `line`."""
    before = line[: len(line) - len(text)] if line.endswith(text) else line
    typed = before.split()
    if not typed:
        return sorted(n for n in COMMANDS if n.startswith(text.casefold()))
    name = typed[0].casefold()
    command = COMMANDS.get(name) or COMMANDS.get(ALIASES.get(name, ""))
    if command is None or len(typed) > 1:
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
        options = [f"{a.id}:{token(p)}" for a in sh.catalog.assessments for p in a.parts]
    elif kind == "command":
        options = list(COMMANDS)
    else:
        options = []
    return sorted(o for o in options if o.startswith(text))


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
            except Exception:
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


# -- the loop -------------------------------------------------------------------------------------------------
def run_shell(
    sh: PlanShell,
    stdin: TextIO | None = None,
    *,
    interactive: bool | None = None,
    history: Path | None = None,
    intro: Iterable[str] = (),
) -> int:
    """Read commands until quit or end of input, then save what is not saved yet.

    On a terminal, end of input (ctrl-D) is `quit`. Exit status: `EXIT_NOT_SAVED` (3)
    when leaving with a change not saved in the plan file; else `EXIT_REFUSED` (1) when
    input was not a terminal and a command was refused; else 0."""
    stdin = stdin or sys.stdin
    if interactive is None:
        interactive = _is_tty(stdin)
    done = _setup_readline(sh, history) if interactive else (lambda: None)
    prompt = PROMPT if _is_tty(sh.out) else ""
    if interactive:
        sh.say(*intro)
    try:
        while True:
            if interactive:
                try:
                    line = input(prompt)
                except EOFError:
                    sh.out.write("\n")
                    line = "quit"
                except KeyboardInterrupt:
                    sh.out.write("\n")
                    sh.say(notices.shell_interrupted(saved=not sh.session.unsaved))
                    continue
            else:
                line = stdin.readline()
                if not line:
                    break
                if not line.endswith("\n"):  # cut off? `add a-pl` must not add what it matches
                    if line.strip() and not line.lstrip().startswith("#"):
                        sh.refuse(notices.cut_off_input(line.strip()))
                    break
            if not sh.execute(line):
                break
    finally:
        saved = sh.finish()
        done()
    if not saved:
        return EXIT_NOT_SAVED
    if not interactive and sh.refusals:
        return EXIT_REFUSED
    return EXIT_OK
