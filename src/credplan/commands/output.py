"""Every subcommand writes through here: the one text policy (`core.text.clean`) on
everything that may reach a terminal, so no catalog or plan text arrives raw."""

from __future__ import annotations

import json
import sys

from ..core.text import clean, clean_data

TYPE_CHECKING = False  # typing costs milliseconds at every start of a command
if TYPE_CHECKING:
    from typing import Any, TextIO
    from collections.abc import Iterable


def emit(text: str, stream: TextIO | None = None) -> None:
    """Write `text` as it may reach a terminal: through `clean`, line breaks kept."""
    (stream or sys.stdout).write(clean(text, lines=True))


def emit_json(data: Any, stream: TextIO | None = None) -> None:
    """JSON whose strings are cleaned too: what a script decodes is as safe to print."""
    emit(json.dumps(clean_data(data), indent=2, ensure_ascii=False) + "\n", stream)


def report_problems(problems: Iterable[object]) -> None:
    """Problems (`FILE:LINE: message`) and notices, one a line, on standard error."""
    for problem in problems:
        emit(f"{problem}\n", sys.stderr)
