"""Problems found in a hand-edited file, each pointing at a line, and the checks that
find them in parsed TOML. Shared by the catalog loader and the plan reader."""

from __future__ import annotations

import datetime as dt
import re
try:  # tomllib's upstream, compiled: parses a 10k-credential catalog about 3x faster
    import tomli as tomllib
except ImportError:  # pragma: no cover - the stdlib parser gives the same results
    import tomllib
from pathlib import Path as FsPath

from .records import record
from .tomlpos import Path, key_lines, line_of

TYPE_CHECKING = False  # typing costs milliseconds at every start; annotations here are never evaluated
if TYPE_CHECKING:
    from typing import Any, Iterable


@record
class Problem:
    """One problem in a file, at a line (0: the whole file)."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        if self.line > 0:
            return f"{self.file}:{self.line}: {self.message}"
        return f"{self.file}: {self.message}"


class FileProblems(Exception):
    """A file that cannot be used, with every problem found in it."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def type_name(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, dt.time):
        return "a time"
    return type(value).__name__


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    import difflib  # only when a key is wrong

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean `{close[0]}`?)" if close else ""


_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")


def read_bytes(path: str | FsPath, display: str) -> bytes:
    """A file's bytes; every failure becomes a FileProblems naming the file."""
    try:
        return FsPath(path).read_bytes()
    except FileNotFoundError:
        raise FileProblems([Problem(display, 0, "no such file")]) from None
    except IsADirectoryError:
        raise FileProblems([Problem(display, 0, "is a directory, not a file")]) from None
    except OSError as exc:
        raise FileProblems([Problem(display, 0, f"cannot read: {exc.strerror or exc}")]) from None


def decode_utf8(data: bytes, display: str) -> str:
    """UTF-8 text (a byte-order mark is dropped); anything else names the line."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise FileProblems(
            [Problem(display, line, f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8")]
        ) from None


def read_text(path: str | FsPath, display: str) -> str:
    """Read a UTF-8 TOML file; every failure becomes a FileProblems naming the file."""
    return decode_utf8(read_bytes(path, display), display)


def parse_toml(text: str, display: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = _TOML_POS.search(message)
        line = text.count("\n") + 1
        if m and m.group(1):
            line = int(m.group(1))
        detail = _TOML_POS.sub("", message).strip()
        raise FileProblems([Problem(display, line, f"TOML syntax: {detail}")]) from None


class Checker:
    """Collects problems by path while walking parsed TOML; lines are looked up once,
    at the end, and only when something was wrong."""

    def __init__(self, display: str, text: str) -> None:
        self.display = display
        self.text = text
        self.found: list[tuple[Path, str]] = []

    def add(self, path: Path, message: str) -> None:
        self.found.append((path, message))

    def problems(self) -> list[Problem]:
        if not self.found:
            return []
        lines = key_lines(self.text)
        located = [Problem(self.display, line_of(lines, path), msg) for path, msg in self.found]
        return sorted(located, key=lambda p: p.line)

    def raise_if_any(self) -> None:
        problems = self.problems()
        if problems:
            raise FileProblems(problems)

    # -- shape checks ----------------------------------------------------------
    def keys(
        self,
        table: dict[str, Any],
        path: Path,
        what: str,
        allowed: Iterable[str],
        required: Iterable[str] = (),
    ) -> None:
        allowed = list(allowed)
        for key in table:
            if key not in allowed:
                self.add(path + (key,), f"unknown key `{key}` in {what}{did_you_mean(key, allowed)}")
        for key in required:
            if key not in table:
                self.add(path, f"missing key `{key}` in {what}")

    def wrong_type(self, path: Path, key: str, what: str, wanted: str, value: object) -> None:
        self.add(path + (key,), f"`{key}` in {what} must be {wanted}, not {type_name(value)}")

    def string(self, table: dict[str, Any], key: str, path: Path, what: str, *, empty_ok: bool = False) -> str | None:
        if key not in table:
            return None
        value = table[key]
        if not isinstance(value, str):
            self.wrong_type(path, key, what, "a string", value)
            return None
        if not empty_ok and not value.strip():
            self.add(path + (key,), f"`{key}` in {what} is empty")
            return None
        return value

    def integer(self, table: dict[str, Any], key: str, path: Path, what: str) -> int | None:
        if key not in table:
            return None
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.wrong_type(path, key, what, "a whole number", value)
            return None
        return value

    def number(self, table: dict[str, Any], key: str, path: Path, what: str) -> float | None:
        if key not in table:
            return None
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.wrong_type(path, key, what, "a number", value)
            return None
        if value < 0 or value != value:
            self.add(path + (key,), f"`{key}` in {what} must not be negative")
            return None
        return value

    def boolean(self, table: dict[str, Any], key: str, path: Path, what: str) -> bool | None:
        if key not in table:
            return None
        value = table[key]
        if not isinstance(value, bool):
            self.wrong_type(path, key, what, "true or false", value)
            return None
        return value

    def strings(self, table: dict[str, Any], key: str, path: Path, what: str) -> list[str] | None:
        if key not in table:
            return None
        value = table[key]
        if not isinstance(value, list):
            self.wrong_type(path, key, what, "an array of strings", value)
            return None
        ok = True
        for i, item in enumerate(value):
            if not isinstance(item, str):
                self.add(path + (key, i), f"`{key}` in {what} must hold strings, not {type_name(item)}")
                ok = False
        return value if ok else None

    def array_of_tables(
        self, doc: dict[str, Any], key: str, path: Path, what: str
    ) -> list[tuple[int, dict[str, Any]]]:
        """The tables of `[[key]]` with their indexes; anything else is reported."""
        if key not in doc:
            return []
        value = doc[key]
        if not isinstance(value, list):
            self.add(path + (key,), f"`{key}` must be an array of tables ([[{key}]]), not {type_name(value)}")
            return []
        tables = []
        for i, item in enumerate(value):
            if isinstance(item, dict):
                tables.append((i, item))
            else:
                self.add(path + (key, i), f"each {what} must be a table, not {type_name(item)}")
        return tables
