"""Line numbers for the keys and values of a TOML document.

`tomllib` parses fast but keeps no positions. Errors in a catalog or plan must name a
line, so when (and only when) validation finds a problem we scan the source once more
with this small scanner, which follows TOML's structure without building values and
records the line of every table header, key and array element.

Paths look like the data: ``("credential", 3, "points", "health")``,
``("requirement", 1, "scores", 0, "at_least")``. The text must already have parsed
with tomllib; on anything unexpected the scanner stops and keeps what it found.
"""

from __future__ import annotations

import re

Path = tuple[object, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_WS = " \t"


class _Stop(Exception):
    pass


class _Scanner:
    def __init__(self, text: str) -> None:
        self.s = text
        self.n = len(text)
        self.i = 0
        self.line = 1
        self.lines: dict[Path, int] = {}
        self.aot_last: dict[Path, int] = {}

    # -- low level -----------------------------------------------------------
    def peek(self, k: int = 0) -> str:
        j = self.i + k
        return self.s[j] if j < self.n else ""

    def advance(self, k: int = 1) -> None:
        end = min(self.i + k, self.n)
        self.line += self.s.count("\n", self.i, end)
        self.i = end

    def skip_ws(self) -> None:
        while self.i < self.n and self.s[self.i] in _WS:
            self.i += 1

    def skip_comment(self) -> None:
        if self.peek() == "#":
            j = self.s.find("\n", self.i)
            self.i = self.n if j < 0 else j

    def skip_blank(self) -> None:
        """Whitespace, newlines and comments (inside arrays, between statements)."""
        while self.i < self.n:
            c = self.s[self.i]
            if c in _WS or c == "\r":
                self.i += 1
            elif c == "\n":
                self.advance()
            elif c == "#":
                self.skip_comment()
            else:
                break

    def record(self, path: Path, line: int) -> None:
        self.lines.setdefault(path, line)

    # -- keys and strings ------------------------------------------------------
    def key(self) -> list[str]:
        parts: list[str] = []
        while True:
            self.skip_ws()
            c = self.peek()
            if c == '"' or c == "'":
                parts.append(self.string())
            else:
                m = _BARE_KEY.match(self.s, self.i)
                if not m:
                    raise _Stop
                parts.append(m.group())
                self.i = m.end()
            self.skip_ws()
            if self.peek() == ".":
                self.i += 1
                continue
            return parts

    def string(self) -> str:
        q = self.peek()
        if self.s.startswith(q * 3, self.i):
            end = self.s.find(q * 3, self.i + 3)
            while q == '"' and end > 0 and _escaped(self.s, end):
                end = self.s.find(q * 3, end + 1)
            if end < 0:
                raise _Stop
            # A closing run may be up to five quotes long ("""a"""" is legal).
            stop = end + 3
            while stop < self.n and self.s[stop] == q and stop - end < 5:
                stop += 1
            raw = self.s[self.i + 3 : stop - 3]
            self.advance(stop - self.i)
            return raw
        j = self.i + 1
        while j < self.n:
            c = self.s[j]
            if c == "\\" and q == '"':
                j += 2
                continue
            if c == q:
                raw = self.s[self.i + 1 : j]
                self.i = j + 1
                return _unescape(raw) if q == '"' else raw
            if c == "\n":
                raise _Stop
            j += 1
        raise _Stop

    # -- values ------------------------------------------------------------------
    def value(self, path: Path) -> None:
        self.record(path, self.line)
        c = self.peek()
        if c == '"' or c == "'":
            self.string()
        elif c == "[":
            self.advance()
            index = 0
            while True:
                self.skip_blank()
                if self.peek() == "]":
                    self.advance()
                    return
                self.value(path + (index,))
                index += 1
                self.skip_blank()
                if self.peek() == ",":
                    self.advance()
                elif self.peek() != "]":
                    raise _Stop
        elif c == "{":
            self.advance()
            while True:
                self.skip_ws()
                if self.peek() == "}":
                    self.advance()
                    return
                line = self.line
                parts = self.key()
                self.record(path + tuple(parts), line)
                self.skip_ws()
                if self.peek() != "=":
                    raise _Stop
                self.advance()
                self.skip_ws()
                self.value(path + tuple(parts))
                self.skip_ws()
                if self.peek() == ",":
                    self.advance()
        else:
            # number, bool, date or time: up to a delimiter
            j = self.i
            while j < self.n and self.s[j] not in ",]}\n#":
                j += 1
            if j == self.i:
                raise _Stop
            self.i = j

    # -- document ------------------------------------------------------------------
    def resolve(self, parts: list[str]) -> Path:
        path: Path = ()
        for part in parts:
            path = path + (part,)
            if path in self.aot_last:
                path = path + (self.aot_last[path],)
        return path

    def document(self) -> None:
        table: Path = ()
        while True:
            self.skip_blank()
            if self.i >= self.n:
                return
            line = self.line
            if self.s.startswith("[[", self.i):
                self.i += 2
                parts = self.key()
                if not self.s.startswith("]]", self.i):
                    raise _Stop
                self.i += 2
                parent = self.resolve(parts[:-1])
                base = parent + (parts[-1],)
                index = self.aot_last.get(base, -1) + 1
                self.aot_last[base] = index
                # A new element hides the nested arrays of the previous one.
                for known in [k for k in self.aot_last if len(k) > len(base) and k[: len(base)] == base]:
                    del self.aot_last[known]
                self.record(base, line)
                table = base + (index,)
                self.record(table, line)
            elif self.peek() == "[":
                self.i += 1
                parts = self.key()
                if self.peek() != "]":
                    raise _Stop
                self.i += 1
                table = self.resolve(parts)
                self.record(table, line)
            else:
                parts = self.key()
                path = table + tuple(parts)
                self.record(path, line)
                self.skip_ws()
                if self.peek() != "=":
                    raise _Stop
                self.i += 1
                self.skip_ws()
                self.value(path)
            self.skip_ws()
            self.skip_comment()


def _escaped(s: str, j: int) -> bool:
    backslashes = 0
    k = j - 1
    while k >= 0 and s[k] == "\\":
        backslashes += 1
        k -= 1
    return backslashes % 2 == 1


def _unescape(raw: str) -> str:
    if "\\" not in raw:
        return raw
    try:
        import tomllib

        return tomllib.loads(f'x = "{raw}"')["x"]
    except Exception:
        return raw


def key_lines(text: str) -> dict[Path, int]:
    """Map every path in `text` to the line (1-based) where it starts."""
    scanner = _Scanner(text)
    try:
        scanner.document()
    except (_Stop, IndexError, RecursionError):  # parse_toml refuses deep files; be safe anyway
        pass
    return scanner.lines


def line_of(lines: dict[Path, int], path: Path) -> int:
    """The line of `path`, or of its nearest recorded ancestor (a missing key: its table)."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return 1
