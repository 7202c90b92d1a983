"""Leave when the terminal is gone.

A counselor's SSH session that drops, or a tmux server that is killed, hangs up the
terminal. Usually the planner gets SIGHUP and ends; but run under a parent that does
not pass the hang-up on (`make run` does not), it did not, and Textual's input thread
then read end-of-file in a loop: an orphaned planner using 70-80% of a CPU on a
two-core lab machine, found after killing a tmux server in testing. The plan is saved
on every change, so nothing is lost by leaving: once a second the app asks whether its
terminal is still there, and exits when it is not.
"""

from __future__ import annotations

import os
import sys


def terminal_fd() -> int | None:
    """The terminal the app reads keys from, or None (headless, piped, served)."""
    try:
        fd = sys.__stdin__.fileno()  # type: ignore[union-attr]  # None: AttributeError, caught
    except (AttributeError, ValueError, OSError):
        return None
    return fd if os.isatty(fd) else None


def terminal_gone(fd: int) -> bool:
    """True once the terminal has hung up: it no longer answers as a terminal (EIO).
    Asking for its process group instead would also say "gone" for a terminal that is
    simply not the controlling one (a process started with setsid)."""
    return not os.isatty(fd)
