"""From command-line arguments to a running planner.

The planning session (`core.session`) opens the plan and the catalog; problems with the
catalog are reported as `FILE:LINE` messages on stderr with exit status 2, before
Textual draws anything. Exit status 3 when the student left with changes that were not
saved (they chose to discard them).

Without a terminal (`ssh host credplan` without `-t`, or output sent to a file) the
planner would write escape codes into a pipe and wait forever for keys that cannot
come: it says what to do instead and exits with status 2, as on a dumb terminal. The
web mode (`credplan serve`, Textual's web driver) talks through pipes on purpose.

The theme: `--theme NAME` for this session, else the one last chosen in the palette
(`core.settings`), else Textual's default.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace

from .ask_student import open_or_ask
from .commands.output import report_problems
from .core.access import WebAccess
from .core.session import OpenRequest, SessionError, check_request
from .core.words import web as web_words

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .ui.app import CredplanApp

EXIT_BAD_INPUT = 2


DUMB_TERMINALS = ("dumb", "unknown")


def launch(args: argparse.Namespace) -> int:
    try:  # arguments first: a name that can never be saved is said before anything else
        check_request(OpenRequest.from_args(args))
    except SessionError as exc:
        report_problems(exc.problems)
        return EXIT_BAD_INPUT
    term = os.environ.get("TERM", "")
    if term in DUMB_TERMINALS and not os.environ.get("TEXTUAL_DRIVER"):  # a browser tab has no TERM of its own
        print(
            f"credplan: this terminal (TERM={term}) cannot show the full-screen planner.\n"
            "Plan line by line with `credplan shell` (same plans, plain text), "
            "or set TERM to your terminal's type (for example TERM=xterm-256color).",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    missing = no_terminal()
    if missing:
        from .core.words.screen import no_terminal as no_terminal_words

        print(no_terminal_words(missing), file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        web = WebAccess.from_environ()  # set by `credplan serve` for each browser tab
    except ValueError as exc:
        print(f"credplan: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        session = open_or_ask(replace(OpenRequest.from_args(args), web=web))
    except SessionError as exc:
        report_problems(exc.problems)
        return EXIT_BAD_INPUT
    report_problems(session.problems)
    from .ui.app import CredplanApp

    label = web_words.signed_in_as(web.user, web.role) if web is not None and web.user else ""
    app = CredplanApp(session, mode_label=label)
    if not choose_theme(app, getattr(args, "theme", None)):
        session.close()
        return EXIT_BAD_INPUT
    try:
        app.run()
    finally:
        session.close()
    if app.exit_message:
        report_problems([app.exit_message])
    return app.return_code or 0


def no_terminal() -> list[str]:
    """What is not a terminal (empty when both ends are): the planner needs to read
    keys from one and draw on one."""
    if os.environ.get("TEXTUAL_DRIVER"):  # the web mode: pipes to textual-serve
        return []
    return [name for name, stream in (("standard input", sys.stdin), ("standard output", sys.stdout)) if not _is_tty(stream)]


def _is_tty(stream: object) -> bool:
    try:
        return bool(stream is not None and stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def choose_theme(app: CredplanApp, asked: str | None) -> bool:
    """Apply `--theme`, else the remembered theme; False (and said why) when `--theme`
    names no theme."""
    themes = app.available_themes
    if asked:
        if asked not in themes:
            from .core.words.screen import UNKNOWN_THEME

            print(UNKNOWN_THEME.format(name=asked, names=", ".join(sorted(themes))), file=sys.stderr)
            return False
        app.theme = asked
        return True
    from .core.settings import load_settings

    remembered = load_settings().get("theme")
    if isinstance(remembered, str) and remembered in themes:
        app.theme = remembered
    return True
