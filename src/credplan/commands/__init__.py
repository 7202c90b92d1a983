"""One module per subcommand. Each defines `ORDER` (its place in `--help`) and
`register(subparsers)`, which adds its parser and sets `func`.

`COMMANDS` lists every subcommand with its module and help line, in `--help` order,
so the command line imports only the module of the command that runs (`Subcommands`):
scripts call `credplan check --json` in loops, and importing every subcommand (the
suggestions search, CSV import, the web server's options...) cost more than the check
itself. `credplan --help` is drawn from the table alone. A test keeps the table and the
modules in step (help lines, order, no module left out). Modules import their heavy
dependencies inside the command function, so `credplan validate` stays fast and
never loads Textual."""

from __future__ import annotations

import argparse
import importlib
import sys

TYPE_CHECKING = False  # typing itself costs a few ms at every start
if TYPE_CHECKING:
    from types import ModuleType

    from ..core.problems import FileProblems

EXIT_OK, EXIT_NOT_MET, EXIT_BAD_INPUT = 0, 1, 2
DEFAULT_CATALOG = "ohio"

COMMANDS: dict[str, tuple[str, str]] = {
    # name: (module in this package, its line in `credplan --help`: the one it registers)
    "validate": ("validate", "check catalog files; print every problem as FILE:LINE: message"),
    "check": ("check", "evaluate a plan; exit 0 when met, 1 when not yet, 2 on bad input"),
    "export": ("export", "write a plan report for a counselor (Markdown, plain text, JSON) or a page for the family (HTML)"),
    "suggest": (
        "suggest",
        "the best sets of credentials to add to finish the bundle (and unmet competencies); exit 0, 2 on bad input",
    ),
    "fields": ("fields", "rank career fields by how close the plan is to a bundle there"),
    "catalogs": ("catalogs", "list the bundled catalogs"),
    "plans": ("plans", "list the saved plans, one per student"),
    "roster": ("roster", "every student's plan in one table, each judged by its own catalog"),
    "import-csv": ("import_csv", "turn a state credential list exported as CSV into a catalog"),
    "import": ("import_list", "turn a state credential list (Excel workbook or CSV) into a catalog, columns guessed"),
    "diff": (
        "diff",
        "compare two catalogs: credentials added, removed, renamed, points changed; and the plans it moves",
    ),
    "shell": ("shell", "plan line by line: plain text for screen readers and scripts"),
    "serve": ("serve", "serve the planner to a web browser (loopback and a token by default)"),
}


def command_module(name: str) -> ModuleType:
    """The module of the subcommand `name` (a key of `COMMANDS`), imported now."""
    return importlib.import_module(f"{__name__}.{COMMANDS[name][0]}")


class Subcommands(argparse._SubParsersAction):
    """The subcommands of the command line, every one listed (in `--help` and in the
    choices an unknown command is told about) from `COMMANDS`, but each module
    imported, and its parser built, only when the command line names it. Pass it as
    `add_subparsers(action=Subcommands)`; `load_all()` builds every parser at once."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, (_, help_line) in COMMANDS.items():
            self._name_parser_map[name] = None  # filled when named
            self._choices_actions.append(self._ChoicesPseudoAction(name, (), help_line))

    def add_parser(self, name: str, **kwargs):
        if name not in COMMANDS or self._name_parser_map.get(name) is not None:
            return super().add_parser(name, **kwargs)  # says "conflicting subparser" for a second one
        kwargs.pop("help", None)  # listed already, in the table's order
        kwargs.setdefault("prog", f"{self._prog_prefix} {name}")
        parser = self._parser_class(**kwargs)
        self._name_parser_map[name] = parser  # in place: the choices keep their order
        return parser

    def load(self, name: str) -> None:
        if self._name_parser_map.get(name) is None:
            command_module(name).register(self)

    def load_all(self) -> None:
        for name in COMMANDS:
            self.load(name)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        self.load(values[0])
        super().__call__(parser, namespace, values, option_string)


def print_problems(exc: FileProblems) -> None:
    for problem in exc.problems:
        print(problem, file=sys.stderr)
