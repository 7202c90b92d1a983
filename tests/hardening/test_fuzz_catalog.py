"""Fuzz the catalog loader: whatever the file holds, `load_catalog` either returns a
catalog or raises `FileProblems` whose every problem names a line. Nothing else.

Three sources of cases, about 1500 in all (700 mutations, 200 + 200 + 75 + 200 + 40 +
100 + 60 hypothesis examples, about 110 targeted):

- a corpus of mutated real catalogs (catalogs/*.toml): deleted, duplicated and swapped
  lines, values of the wrong type, truncated files, random bytes, a BOM, non-UTF-8
  bytes, CRLF, NUL, mangled table headers, and combinations; deterministic (fixed seed);
- hypothesis: arbitrary bytes, arbitrary text, and well-formed TOML whose catalog
  structure has been edited (values replaced by any TOML value, keys removed or added);
- hypothesis, hostile shapes: nesting up to 1200 levels (arrays, inline tables, dotted
  keys, table headers), files that are not files (FIFOs, devices, directories, a sparse
  oversized file) for every reader, non-finite and huge costs and hours (a loaded
  catalog must still suggest), and strings up to 3 million characters.

A catalog that loads must also be usable: `evaluate` and the search index run on it.
"""

from __future__ import annotations

import copy
import os
import random
import re
import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from credplan.core.catalog import load_catalog, parse_catalog
from credplan.core.model import Catalog, Plan
from credplan.core.problems import FileProblems
from credplan.core.rules import evaluate
from credplan.core.search import CredentialIndex

REPO = Path(__file__).resolve().parents[2]
CORPUS = sorted((REPO / "catalogs").glob("*.toml"))
SEED = 20261123
MUTATIONS = 700
KEEP_CREDENTIALS = 12
"""Most mutations start from a catalog cut after this many credentials (every section
is still there), so each case parses quickly; one in twenty uses the whole file."""

FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


# -- the property ----------------------------------------------------------------------------
def outcome(catalog_or_exc: Catalog | FileProblems, display: str) -> str:
    """Check one result; 'loaded' or 'problems'."""
    if isinstance(catalog_or_exc, FileProblems):
        exc = catalog_or_exc
        assert exc.problems, "FileProblems without a problem"
        for problem in exc.problems:
            assert problem.line >= 1, f"problem without a line: {problem}"
            assert str(problem).startswith(f"{display}:{problem.line}: "), str(problem)
            assert problem.message.strip(), f"empty message: {problem!r}"
        return "problems"
    catalog = catalog_or_exc
    assert isinstance(catalog, Catalog)
    assert catalog.fields and catalog.credentials
    evaluate(catalog, Plan())
    first = catalog.credentials[0]
    evaluate(catalog, Plan(pinned_field=catalog.fields[0].id).with_selection(first.id))
    CredentialIndex(catalog).find(first.name[:3])
    return "loaded"


def load_bytes(data: bytes, tmp_path: Path, name: str = "fuzz.toml") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    try:
        result: Catalog | FileProblems = load_catalog(path, display=name)
    except FileProblems as exc:
        result = exc
    return outcome(result, name)


def load_text(text: str, name: str = "fuzz.toml") -> str:
    try:
        result: Catalog | FileProblems = parse_catalog(text, name)
    except FileProblems as exc:
        result = exc
    return outcome(result, name)


# -- deterministic mutations of the real catalogs -------------------------------------------------
WRONG_VALUES = [
    '"text"', '""', '"   "', '"*"', '"[bold]x[/]"', '"\\u001b[31mred"', "0", "-1", "12", "13", "99999999999999999999999",
    "3.5", "-0.0", "nan", "inf", "1e400", "true", "false", "2026-01-01", "2026-01-01T10:00:00", "10:00:00",
    "[]", '["a", 1]', "[1, 2]", '["*", "it"]', '["nope"]', "[[1], [2]]", "{}", "{ a = 1 }", '{ it = "x" }',
    '{ it = 0 }', '{ nowhere = 3 }',
]
ASSIGNMENT = re.compile(rb"^(\s*[A-Za-z0-9_\"'.-]+\s*=\s*)(.*)$")


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def delete_lines(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    for _ in range(rng.randint(1, 4)):
        if lines:
            del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def duplicate_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    lines.insert(rng.randrange(len(lines) + 1), lines[i])
    return b"\n".join(lines)


def swap_lines(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def swap_type(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    candidates = [i for i, line in enumerate(lines) if ASSIGNMENT.match(line) and not line.lstrip().startswith(b"#")]
    if not candidates:
        return data
    for _ in range(rng.randint(1, 3)):
        i = rng.choice(candidates)
        m = ASSIGNMENT.match(lines[i])
        assert m is not None
        lines[i] = m.group(1) + rng.choice(WRONG_VALUES).encode()
    return b"\n".join(lines)


def copy_id(rng: random.Random, data: bytes) -> bytes:
    """Give an entry another entry's id, or an id that is not lowercase."""
    lines = _lines(data)
    ids = [i for i, line in enumerate(lines) if re.match(rb"^\s*id\s*=", line)]
    if not ids:
        return data
    i, j = rng.choice(ids), rng.choice(ids)
    lines[i] = lines[j] if rng.random() < 0.7 else lines[i].upper()
    return b"\n".join(lines)


def mangle_header(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    headers = [i for i, line in enumerate(lines) if line.startswith(b"[")]
    if not headers:
        return data
    i = rng.choice(headers)
    lines[i] = rng.choice(
        [b"[credential]", b"[[field]]", b"[[credential]]", b"[[requirement.scores]]", b"[catalog]", b"[[catalog]]",
         b"[[credential", b"[field]", b"[[assessment]]", b"[[nope]]", b"[[credential.points]]"]
    )
    return b"\n".join(lines)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data))]


def random_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def insert_bytes(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 16))) + data[at:]


def bom(rng: random.Random, data: bytes) -> bytes:
    return b"\xef\xbb\xbf" + data


def non_utf8(rng: random.Random, data: bytes) -> bytes:
    choice = rng.randrange(4)
    if choice == 0:  # Latin-1 accents inside a string value
        lines = _lines(data)
        named = [i for i, line in enumerate(lines) if line.lstrip().startswith(b"name")]
        if not named:
            return data + b"\xe9"
        i = rng.choice(named)
        lines[i] = lines[i].replace(b'"', b'"Caf\xe9 ', 1)
        return b"\n".join(lines)
    if choice == 1:
        return data.decode("utf-8", errors="replace").encode("utf-16")
    if choice == 2:  # a lone continuation byte, an overlong sequence, a surrogate
        at = rng.randrange(len(data) + 1)
        return data[:at] + rng.choice([b"\x80", b"\xc0\xaf", b"\xed\xa0\x80", b"\xff\xfe", b"\xf8\x88\x80\x80\x80"]) + data[at:]
    return b"\xef\xbb\xbf" + data[: len(data) // 2] + b"\xc3" + data[len(data) // 2 :]


def line_endings(rng: random.Random, data: bytes) -> bytes:
    return rng.choice([data.replace(b"\n", b"\r\n"), data.replace(b"\n", b"\r"), data.replace(b"\n", b"\n\x00", 1)])


def control_characters(rng: random.Random, data: bytes) -> bytes:
    """Escape sequences and control characters inside string values (TOML escapes)."""
    lines = _lines(data)
    named = [i for i, line in enumerate(lines) if re.match(rb'^\s*(name|title|region|issuer|source|notes)\s*=\s*"', line)]
    if not named:
        return data
    i = rng.choice(named)
    junk = rng.choice([b"\\u001b[31m", b"\\u0007", b"\\r", b"\\u0000", b"\\t", b"[/foo]", b"[link=x]y[/link]", b"\\u202e"])
    lines[i] = lines[i].replace(b'"', b'"' + junk, 1)
    return b"\n".join(lines)


MUTATORS = [
    delete_lines, duplicate_line, swap_lines, swap_type, copy_id, mangle_header, truncate, random_bytes,
    insert_bytes, bom, non_utf8, line_endings, control_characters,
]


def cut_after(data: bytes, credentials: int) -> bytes:
    """The file with only its first `credentials` [[credential]] tables; every other
    table stays, in place."""
    blocks: list[list[bytes]] = [[]]
    for line in data.split(b"\n"):
        if line.startswith(b"["):
            blocks.append([])
        blocks[-1].append(line)
    kept, seen = [], 0
    for block in blocks:
        if block and block[0].strip() == b"[[credential]]":
            seen += 1
            if seen > credentials:
                continue
        kept.append(b"\n".join(block))
    return b"\n".join(kept)


def corpus_bases() -> list[tuple[str, bytes, bytes]]:
    """(name, whole file, the file cut short) for each real catalog."""
    return [(p.stem, p.read_bytes(), cut_after(p.read_bytes(), KEEP_CREDENTIALS)) for p in CORPUS]


def mutated_corpus() -> list[tuple[str, bytes]]:
    rng = random.Random(SEED)
    bases = corpus_bases()
    cases = []
    for n in range(MUTATIONS):
        name, whole, short = bases[n % len(bases)]
        data = whole if n % 20 == 0 else short
        steps = [rng.choice(MUTATORS) for _ in range(1 if n % 3 else rng.randint(2, 3))]
        out = data
        for step in steps:
            if out:
                out = step(rng, out)
        cases.append((f"{name}{'' if data is whole else '-cut'}-{n}-{'+'.join(s.__name__ for s in steps)}", out))
    return cases


def test_the_corpus_is_the_real_catalogs():
    assert {p.stem for p in CORPUS} >= {"ohio", "colorado-example"}
    for path in CORPUS:
        assert isinstance(load_catalog(path), Catalog)
    for name, whole, short in corpus_bases():  # cut short, every catalog still loads
        assert len(short) < len(whole) or name != "ohio"
        assert isinstance(parse_catalog(short.decode("utf-8"), name), Catalog)


def test_mutated_real_catalogs_load_or_report_a_line(tmp_path):
    counts = {"loaded": 0, "problems": 0}
    for name, data in mutated_corpus():
        try:
            counts[load_bytes(data, tmp_path)] += 1
        except AssertionError as exc:
            raise AssertionError(f"case {name}: {exc}") from None
        except Exception as exc:
            raise AssertionError(f"case {name}: {type(exc).__name__}: {exc}") from exc
    assert sum(counts.values()) == MUTATIONS >= 700
    # the corpus is worth having: it hits both outcomes, mostly problems
    assert counts["loaded"] > 20 and counts["problems"] > 400, counts


@pytest.mark.parametrize("mutator", MUTATORS, ids=lambda m: m.__name__)
def test_every_kind_of_mutation_is_handled(mutator, tmp_path):
    rng = random.Random(SEED)
    for _, whole, short in corpus_bases():
        for data in (whole, short, short, short):
            load_bytes(mutator(rng, data), tmp_path)


def test_bom_and_crlf_still_load(tmp_path):
    for path in CORPUS:
        data = path.read_bytes()
        assert load_bytes(b"\xef\xbb\xbf" + data, tmp_path) == "loaded"
        assert load_bytes(data.replace(b"\n", b"\r\n"), tmp_path) == "loaded"


def test_non_utf8_names_the_line(tmp_path):
    data = b'format = 1\n[catalog]\nid = "x"\ntitle = "Caf\xe9"\n'
    with pytest.raises(FileProblems) as info:
        load_catalog(_write(tmp_path, data), display="x.toml")
    assert str(info.value).startswith("x.toml:4: not UTF-8")


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "x.toml"
    path.write_bytes(data)
    return path


# -- hypothesis -------------------------------------------------------------------------------------
@FUZZ
@given(st.binary(max_size=3000))
def test_any_bytes(tmp_path_factory, data):
    load_bytes(data, tmp_path_factory.getbasetemp())


@FUZZ
@given(st.text(max_size=2000))
def test_any_text(text):
    load_text(text)


TOML_KEYS = st.sampled_from(
    ["id", "name", "title", "region", "source", "checked", "notes", "fields", "points", "issuer", "verified", "meets",
     "url", "cost", "hours", "tags", "parts", "min", "max", "kind", "assessment", "total", "each", "competency",
     "scores", "part", "at_least", "from_class", "to_class", "format", "field", "credential", "requirement"]
) | st.text(min_size=1, max_size=8)
TOML_SCALARS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["*", "it", "health", "bundle", "workkeys", "english", "math", "[b]x[/b]", "[/foo]", "\x1b[31m", "\r"]),
    st.integers(),
    st.integers(min_value=-2, max_value=14),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
)
TOML_VALUES = st.recursive(
    TOML_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TOML_KEYS, inner, max_size=4),
    max_leaves=10,
)


def _base_docs() -> list[dict]:
    docs = []
    for path in CORPUS:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        doc["credential"] = doc.get("credential", [])[:5]  # small, so each example is quick
        docs.append(doc)
    return docs


BASE_DOCS = _base_docs()


def _edit(doc: dict, data) -> None:  # type: ignore[no-untyped-def]
    """One structural edit: replace, remove or add a value somewhere in the catalog."""
    node = doc
    for _ in range(3):
        if isinstance(node, dict) and node:
            key = data.draw(st.sampled_from(sorted(node)))
            child = node[key]
        elif isinstance(node, list) and node:
            key = data.draw(st.integers(0, len(node) - 1))
            child = node[key]
        else:
            break
        if not isinstance(child, (dict, list)) or data.draw(st.booleans()):
            break
        node = child
    action = data.draw(st.sampled_from(["replace", "remove", "add"]))
    if isinstance(node, dict):
        if action == "add" or not node:
            node[data.draw(TOML_KEYS)] = data.draw(TOML_VALUES)
        else:
            key = data.draw(st.sampled_from(sorted(node)))
            if action == "remove":
                del node[key]
            else:
                node[key] = data.draw(TOML_VALUES)
    elif isinstance(node, list):
        if action == "add" or not node:
            node.append(data.draw(TOML_VALUES | st.dictionaries(TOML_KEYS, TOML_VALUES, max_size=4)))
        else:
            i = data.draw(st.integers(0, len(node) - 1))
            if action == "remove":
                del node[i]
            else:
                node[i] = data.draw(TOML_VALUES)


@settings(FUZZ, max_examples=75)
@given(st.sampled_from(range(len(BASE_DOCS))), st.integers(1, 4), st.data())
def test_structurally_edited_catalogs(which, edits, data):
    doc = copy.deepcopy(BASE_DOCS[which])
    for _ in range(edits):
        _edit(doc, data)
    try:
        text = tomli_w.dumps(doc)
    except (TypeError, ValueError):
        assume(False)  # not expressible as TOML (e.g. a key that is not a string)
        return
    load_text(text)


# -- hostile shapes: nesting, files that are not files, numbers that are not numbers, huge text -----
NESTERS = {
    "array": lambda n: "[" * n + "]" * n,
    "inline-table": lambda n: "{a = " * n + "1" + " }" * n,
    "mixed": lambda n: "".join("[{a = " if i % 2 else "[" for i in range(n)) + "1" + "".join(" }]" if i % 2 else "]" for i in reversed(range(n))),
}


def _nested_catalog(where: str, kind: str, depth: int) -> str:
    """A real (cut) catalog with a nested value at one place: a new top-level key, a
    credential's name, a dotted key or a table header of `depth` parts."""
    base = cut_after(CORPUS[0].read_bytes(), 3).decode("utf-8")
    if where == "dotted-key":
        return base + "\n" + ".".join(["a"] * depth) + " = 1\n"
    if where == "header":
        return base + "\n[" + ".".join(["a"] * depth) + "]\nx = 1\n"
    value = NESTERS[kind](depth)
    if where == "top":
        return f"x = {value}\n" + base
    return base.replace("\nname = ", f"\nname = {value}\nnot_name = ", 1)


@FUZZ
@given(
    st.sampled_from(["top", "credential-name", "dotted-key", "header"]),
    st.sampled_from(sorted(NESTERS)),
    st.integers(1, 1200) | st.sampled_from([15, 16, 17, 399, 400, 401, 999, 1000, 1001]),
)
def test_any_nesting_depth(where, kind, depth):
    """However deep, a catalog loads or names a line; never a RecursionError."""
    assert load_text(_nested_catalog(where, kind, depth)) in {"loaded", "problems"}


def _special_file(kind: str, tmp: Path) -> Path:
    import tempfile

    path = Path(tempfile.mkdtemp(dir=tmp)) / kind
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "huge":
        with open(path, "wb") as handle:
            handle.truncate(20 << 20)  # sparse: over every limit, no disk used
    elif kind == "symlink-to-fifo":
        os.mkfifo(path.with_suffix(".fifo"))
        path.symlink_to(path.with_suffix(".fifo"))
    elif kind == "missing":
        pass
    else:
        return Path(kind)
    return path


@settings(FUZZ, max_examples=40)
@given(
    st.sampled_from(["fifo", "directory", "huge", "symlink-to-fifo", "missing", "/dev/zero", "/dev/urandom", "/dev/null"]),
    st.sampled_from(["catalog", "plan", "csv"]),
)
def test_files_that_are_not_files(tmp_path_factory, kind, reader):
    """A FIFO, a device, a directory or an oversized file is refused at once, by name."""
    from credplan.core.csv_import import read_csv_file
    from credplan.core.plans import read_plan

    path = _special_file(kind, tmp_path_factory.getbasetemp())
    read = {"catalog": lambda p: load_catalog(p, display="x"), "plan": read_plan, "csv": lambda p: read_csv_file(p, "x")}
    with pytest.raises(FileProblems) as info:
        read[reader](path)
    (problem,) = info.value.problems
    assert problem.line == 0 and problem.message
    assert any(w in problem.message for w in ("regular file", "directory", "MiB", "no such file")), problem.message


AMOUNTS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([float("inf"), float("-inf"), float("nan"), 1e308, -1e308, 1e-320, 100_000, 100_000.01, 10_000, 10_001]),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
)


@settings(FUZZ, max_examples=100)
@given(st.sampled_from(range(len(BASE_DOCS))), st.data())
def test_non_finite_and_huge_numbers(which, data):
    """cost and hours anywhere: the catalog is refused, or every suggestion still works."""
    from credplan.core.completions import completions

    doc = copy.deepcopy(BASE_DOCS[which])
    for credential in doc["credential"]:
        for key in ("cost", "hours"):
            if data.draw(st.booleans()):
                credential[key] = data.draw(AMOUNTS)
    text = tomli_w.dumps(doc)
    try:
        catalog = parse_catalog(text, "n.toml")
    except FileProblems as exc:
        outcome(exc, "n.toml")
        return
    for c in catalog.credentials:
        assert c.cost is None or 0 <= c.cost <= 100_000
        assert c.hours is None or 0 <= c.hours <= 10_000
    if catalog.has_bundle:
        for by in ("count", "cost", "hours", "overshoot"):
            completions(catalog, Plan(), None, by, 3)


LONG = st.one_of(
    st.integers(0, 400).map(lambda n: "x" * n),
    st.integers(0, 3_000_000).map(lambda n: "y" * n),
    st.text(min_size=150, max_size=400),
)


@settings(FUZZ, max_examples=60)
@given(st.sampled_from(range(len(BASE_DOCS))), st.sampled_from(["name", "issuer", "url", "id", "tags"]), LONG)
def test_very_long_strings(which, key, value):
    """Any length: refused past the limits, and a loaded catalog holds only short text."""
    doc = copy.deepcopy(BASE_DOCS[which])
    doc["credential"][0][key] = [value] if key == "tags" else value
    try:
        catalog = parse_catalog(tomli_w.dumps(doc), "l.toml")
    except FileProblems as exc:
        outcome(exc, "l.toml")
        return
    for c in catalog.credentials:
        assert len(c.id) <= 64 and len(c.name) <= 200 and len(c.issuer) <= 200 and len(c.url) <= 2000
        assert all(len(t) <= 200 for t in c.tags)
