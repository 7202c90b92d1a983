"""`credplan shell`: the planner as a conversation, one command per line.

Made for screen readers and scripts: plain text only (marks are words such as
`[selected]` and `[not met]`; colour only on a terminal, never with NO_COLOR), no
prompt and no echo when input is not a terminal, and every change saved at once
through the same `PlanSession` as the full-screen planner. Nothing here imports
Textual. Where to look:

- `engine.py`: `PlanShell(session, out=, err=, color=)`: `execute(line)` runs one
  command; every line it writes goes through one writer and the text policy
  (`core.text.clean`); changes go through the session; leaving (`quit`, `finish`).
- `commands.py`: the `cmd_*` functions and the `COMMANDS` / `ALIASES` table.
- `lookup.py`: the field, credential or assessment part meant by what was typed.
- `loop.py`: `run_shell` (prompt, readline history and completion, exit status),
  `completions`, `use_color`.

Exit statuses of `run_shell`: 0; 1 when input was not a terminal and a command was
refused; 3 when the shell left with a change not saved in the plan file.
"""

from __future__ import annotations

from ..core.words.requirements import UNVERIFIED_HELP
from .commands import ALIASES, COMMANDS, Command
from .engine import PlanShell, Refused
from .loop import (
    EXIT_NOT_SAVED,
    EXIT_OK,
    EXIT_REFUSED,
    HISTORY_FILE,
    completions,
    intro_lines,
    run_shell,
    use_color,
)

__all__ = [
    "ALIASES",
    "COMMANDS",
    "Command",
    "EXIT_NOT_SAVED",
    "EXIT_OK",
    "EXIT_REFUSED",
    "HISTORY_FILE",
    "PlanShell",
    "Refused",
    "UNVERIFIED_HELP",
    "completions",
    "intro_lines",
    "run_shell",
    "use_color",
]
