"""Problems found in a hand-edited file, each pointing at a line, and the checks that
find them in parsed TOML. Shared by the catalog loader and the plan reader."""

from __future__ import annotations

import math

import datetime as dt
import os
import re
import stat as st
try:  # tomllib's upstream, compiled: parses a 10k-credential catalog about 3x faster
    import tomli as tomllib
except ImportError:  # pragma: no cover - the stdlib parser gives the same results
    import tomllib  # type: ignore[no-redef]
from pathlib import Path as FsPath

from .records import record
from .tomlpos import Path, key_lines, line_of

TYPE_CHECKING = False  # typing costs milliseconds at every start; annotations here are never evaluated
if TYPE_CHECKING:
    from typing import Any
    from collections.abc import Iterable


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


MAX_HINT_WORD = 64
"""`did_you_mean` skips words longer than this (no key or id is that long, and difflib
is quadratic in the length of what it compares)..."""
MAX_HINT_CHOICES = 1000
"""...and looks among the first this many choices only, so each hint costs at most a
fixed amount and a file full of wrong names is still checked in linear time."""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    if len(word) > MAX_HINT_WORD:
        return ""
    import difflib  # only when a key is wrong
    from itertools import islice

    candidates = [c for c in islice(choices, MAX_HINT_CHOICES) if len(c) <= MAX_HINT_WORD]
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f" (did you mean `{close[0]}`?)" if close else ""


def shown(value: str, limit: int = 60) -> str:
    """A value as quoted in a problem: cut after `limit` characters, so a 50 MB name
    makes a short message."""
    return value if len(value) <= limit else value[:limit] + f"… ({len(value)} characters)"


_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")


MiB = 1 << 20
MAX_CATALOG_BYTES = 16 * MiB
"""Largest catalog read. The bundled Ohio catalog is 55 KB and a generated catalog of
10,000 credentials (`benchmarks/gen_catalog.py`, more than any state lists) is 1.2 MB;
16 MiB leaves room for any real list with long notes, and stops a wrong file (a disk
image, `/dev/zero`, a log) from filling memory."""
MAX_PLAN_BYTES = 1 * MiB
"""Largest plan read. A plan holds one student's choices: a few KB, about 100 bytes per
selection even with a thousand of them; anything over 1 MiB is not a plan."""
MAX_DEPTH = 16
"""Deepest nesting of arrays and tables taken. A catalog needs 4 levels
(`[[requirement]]` > `[[requirement.scores]]`), a plan 2; past this the file is not a
catalog or a plan, and nothing that walks it can run out of stack."""

_KINDS = (
    (st.S_ISFIFO, "a named pipe (FIFO)"),
    (st.S_ISCHR, "a device"),
    (st.S_ISBLK, "a disk device"),
    (st.S_ISSOCK, "a socket"),
)


class UnreadableFile(FileProblems):
    """A file that cannot be read at all; `reason` is `missing`, `directory`, `special`
    (not a regular file: a FIFO, a device, a socket), `too_large` or `error`."""

    def __init__(self, display: str, reason: str, message: str) -> None:
        super().__init__([Problem(display, 0, message)])
        self.reason = reason


def _size(n: int) -> str:
    if n >= 1 << 30:
        return f"{n / (1 << 30):.1f} GiB"
    if n >= MiB:
        return f"{n / MiB:.1f} MiB"
    return f"{n} bytes"


def _not_regular(display: str, mode: int) -> UnreadableFile:
    if st.S_ISDIR(mode):
        return UnreadableFile(display, "directory", "is a directory, not a file")
    kind = next((name for test, name in _KINDS if test(mode)), "not a file")
    return UnreadableFile(display, "special", f"is {kind}, not a regular file; credplan reads only regular files")


def read_file(path: str | FsPath, display: str, *, limit: int = MAX_CATALOG_BYTES, what: str = "catalog") -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file of at most `limit` bytes, and the stat of that very
    file. The one way credplan reads a catalog, a plan or a CSV: a FIFO, a device
    (`/dev/zero`, `/dev/urandom`), a socket or a file larger than `limit` is refused
    (`UnreadableFile`) without waiting or reading it whole. The file is checked with
    `stat` before it is opened (opening some devices does something), opened with
    O_NONBLOCK (a FIFO planted since then cannot block) and checked again with `fstat`."""
    try:
        before = os.stat(path)
    except FileNotFoundError:
        raise UnreadableFile(display, "missing", "no such file") from None
    except OSError as exc:
        raise UnreadableFile(display, "error", f"cannot read: {exc.strerror or exc}") from None
    if not st.S_ISREG(before.st_mode):
        raise _not_regular(display, before.st_mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise UnreadableFile(display, "missing", "no such file") from None
    except OSError as exc:
        raise UnreadableFile(display, "error", f"cannot read: {exc.strerror or exc}") from None
    try:
        stat = os.fstat(fd)
        if not st.S_ISREG(stat.st_mode):
            raise _not_regular(display, stat.st_mode)
        too_large = UnreadableFile(
            display, "too_large", f"is {_size(stat.st_size)}; a {what} file is at most {_size(limit)}, so this is not one"
        )
        if stat.st_size > limit:
            raise too_large
        chunks, total = [], 0
        while True:  # the file may grow while it is read: never past the limit
            chunk = os.read(fd, min(limit + 1 - total, MiB))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise too_large
        return b"".join(chunks), stat
    except OSError as exc:
        raise UnreadableFile(display, "error", f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def read_bytes(path: str | FsPath, display: str, *, limit: int = MAX_CATALOG_BYTES, what: str = "catalog") -> bytes:
    """A file's bytes (see `read_file`); every failure becomes a FileProblems naming the file."""
    return read_file(path, display, limit=limit, what=what)[0]


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


def read_text(path: str | FsPath, display: str, *, limit: int = MAX_CATALOG_BYTES, what: str = "catalog") -> str:
    """Read a UTF-8 TOML file; every failure becomes a FileProblems naming the file."""
    return decode_utf8(read_bytes(path, display, limit=limit, what=what), display)


def _depth_over(doc: dict[str, Any], limit: int) -> bool:
    """Whether any array or table is nested deeper than `limit`: level by level, no
    recursion (it must not run out of stack on what it looks for); about 25 ms on a
    10,000-credential catalog."""
    level: list[Any] = [doc]
    for _ in range(limit + 1):
        below: list[Any] = []
        for node in level:
            below += [v for v in (node.values() if type(node) is dict else node) if type(v) is dict or type(v) is list]
        if not below:
            return False
        level = below
    return True


def _too_deep(doc: dict[str, Any], limit: int) -> Path | None:
    """The path of the first array or table nested deeper than `limit`, or None."""
    if not _depth_over(doc, limit):
        return None
    stack: list[tuple[Any, Path]] = [(doc, ())]
    while stack:
        node, path = stack.pop()
        if len(path) > limit:
            return path
        items = node.items() if type(node) is dict else enumerate(node)
        for key, value in items:
            if type(value) is dict or type(value) is list:
                stack.append((value, path + (key,)))
    return None  # pragma: no cover - _depth_over said there is one


def _nesting_line(text: str, limit: int) -> int:
    """The line where brackets or a dotted key first go deeper than `limit` (strings
    and comments skipped), for a file the parser gave up on; 1 when none is found."""
    depth, line, i, n, dots = 0, 1, 0, len(text), 0
    while i < n:
        c = text[i]
        if c == "\n":
            line, dots = line + 1, 0
        elif c == "#":
            j = text.find("\n", i)
            if j < 0:
                break
            i = j
            continue
        elif c == '"' or c == "'":
            if text.startswith(c * 3, i):
                end = text.find(c * 3, i + 3)
                if end < 0:
                    break
                line += text.count("\n", i, end)
                i = end + 3
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if c == '"' and text[j] == "\\" else 1
            i = j + 1 if j < n and text[j] == c else j
            continue
        elif c == "[" or c == "{":
            depth += 1
            if depth > limit:
                return line
        elif c == "]" or c == "}":
            depth = max(0, depth - 1)
        elif c == ".":
            dots += 1
            if dots >= limit:
                return line
        i += 1
    return 1


def _deep_message(limit: int) -> str:
    return f"nested more than {limit} levels deep (arrays, tables or dotted keys); credplan files need a few levels at most"


def parse_toml(text: str, display: str) -> dict[str, Any]:
    """Parse TOML; any syntax error, and nesting deeper than `MAX_DEPTH`, becomes a
    FileProblems with a line. What it returns is at most `MAX_DEPTH` levels deep, so
    every walk over it (the checks, the line scanner, JSON and TOML writers) is safe."""
    try:
        doc = tomllib.loads(text)
    except RecursionError:  # tomli: > 400 nested levels or > 1000 key parts; the stdlib parser: the stack
        raise FileProblems([Problem(display, _nesting_line(text, MAX_DEPTH), _deep_message(MAX_DEPTH))]) from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = _TOML_POS.search(message)
        line = text.count("\n") + 1
        if m and m.group(1):
            line = int(m.group(1))
        detail = _TOML_POS.sub("", message).strip()
        raise FileProblems([Problem(display, line, f"TOML syntax: {detail}")]) from None
    deep = _too_deep(doc, MAX_DEPTH)
    if deep is not None:
        line = line_of(key_lines(text), deep[: MAX_DEPTH + 1])
        if line <= 1:
            line = _nesting_line(text, MAX_DEPTH)
        raise FileProblems([Problem(display, line, _deep_message(MAX_DEPTH))])
    return doc


def too_long(key: str, what: str, length: int, limit: int) -> str:
    return f"`{key}` in {what} is {length} characters long; at most {limit} are allowed"


class Checker:
    """Collects problems by path while walking parsed TOML; lines are looked up once,
    at the end, and only when something was wrong."""

    HINTS = 20
    """Suggestions (`did you mean`) computed per file: each costs a pass over the
    choices, so a file with thousands of wrong names stays linear; later ones go without."""

    def __init__(self, display: str, text: str) -> None:
        self.display = display
        self.text = text
        self.found: list[tuple[Path, str]] = []
        self.hints_left = self.HINTS

    def hint(self, word: str, choices: Iterable[str]) -> str:
        """`did_you_mean`, within the file's budget of hints."""
        if self.hints_left <= 0:
            return ""
        self.hints_left -= 1
        return did_you_mean(word, choices)

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
                self.add(path + (key,), f"unknown key `{shown(key)}` in {what}{self.hint(key, allowed)}")
        for key in required:
            if key not in table:
                self.add(path, f"missing key `{key}` in {what}")

    def wrong_type(self, path: Path, key: str, what: str, wanted: str, value: object) -> None:
        self.add(path + (key,), f"`{key}` in {what} must be {wanted}, not {type_name(value)}")

    def string(
        self, table: dict[str, Any], key: str, path: Path, what: str, *, empty_ok: bool = False, limit: int | None = None
    ) -> str | None:
        if key not in table:
            return None
        value = table[key]
        if not isinstance(value, str):
            self.wrong_type(path, key, what, "a string", value)
            return None
        if not empty_ok and not value.strip():
            self.add(path + (key,), f"`{key}` in {what} is empty")
            return None
        if limit is not None and len(value) > limit:
            self.add(path + (key,), too_long(key, what, len(value), limit))
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

    def number(
        self, table: dict[str, Any], key: str, path: Path, what: str, *, high: float | None = None, unit: str = ""
    ) -> float | None:
        """A number from 0 to `high` (inclusive); nan and infinities are refused."""
        if key not in table:
            return None
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.wrong_type(path, key, what, "a number", value)
            return None
        if math.isnan(value):
            self.add(path + (key,), f"`{key}` in {what} must be a number, not nan")
            return None
        if high is not None and not 0 <= value <= high:
            self.add(path + (key,), f"`{key}` in {what} is {value}, outside 0..{high:g}{unit}")
            return None
        if value < 0:
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

    def strings(
        self, table: dict[str, Any], key: str, path: Path, what: str, *, limit: int | None = None
    ) -> list[str] | None:
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
            elif limit is not None and len(item) > limit:
                self.add(path + (key, i), too_long(f"{key}` entry `{shown(item, 20)}", what, len(item), limit))
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
