"""One module per subcommand. Each defines `ORDER` (its place in `--help`) and
`register(subparsers)`, which adds its parser and sets `func`. Modules import their
heavy dependencies inside the command function, so `credplan validate` stays fast and
never loads Textual."""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

from ..core.problems import FileProblems

EXIT_OK, EXIT_NOT_MET, EXIT_BAD_INPUT = 0, 1, 2


def command_modules() -> list[ModuleType]:
    import pkgutil  # only the full parser lists the commands

    modules = [importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)]
    return sorted((m for m in modules if hasattr(m, "register")), key=lambda m: getattr(m, "ORDER", 100))


def print_problems(exc: FileProblems) -> None:
    for problem in exc.problems:
        print(problem, file=sys.stderr)
