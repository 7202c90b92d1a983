"""The one policy for hostile text: what catalog and plan text becomes before anyone
reads it, on a terminal, in a widget, in a report or in JSON.

Catalogs and plans are typed by people and can hold anything: an ESC that starts a
terminal escape (OSC 52 writes the clipboard, others set the window title or blink the
screen), C1 codes that some terminals obey as escapes, bidirectional overrides that
show a name backwards, zero-width characters that make two names look alike, and lone
surrogates from a command-line argument that was not UTF-8. Every front-end passes such
text through `clean` (or the catalog through `display_catalog`) and nothing else:

- A line break (LF, CR, CRLF, NEL, U+2028, U+2029) or a tab becomes one space, except in
  multi-line text (`lines=True`, catalog notes) where a line break stays `\\n`.
- Any other C0 control and DEL is shown as its visible symbol (ESC as `␛`, BEL as `␇`),
  so a teacher can see that the catalog holds one and fix it.
- C1 controls, bidirectional controls (U+202A-U+202E, U+2066-U+2069, LRM, RLM, ALM),
  invisible formatting characters (zero-width space, word joiner and its kin, BOM, the
  Mongolian vowel separator) and lone surrogates become U+FFFD `�`.
- Zero-width joiner and non-joiner (U+200C, U+200D) stay: Persian, Indic scripts and
  emoji need them, and they move no text.

Textual needs this too: 8.2.8 writes ESC and C1 inside a `Content` to the terminal as
they are, and drops CR only after spans are measured, which then crashes rendering.
Ids are cleaned where they are shown, like any text; they are matched as stored.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Catalog

REPLACEMENT = "\ufffd"

_BREAKS = "\n\r\x85\u2028\u2029"
_INVISIBLE = (
    [*range(0x80, 0xA0)]  # C1 controls (NEL, U+0085, is a line break: handled first)
    + [0x061C, 0x180E, 0x200B, 0x200E, 0x200F]
    + [*range(0x202A, 0x202F)]  # embeddings and overrides
    + [*range(0x2060, 0x2065)]  # word joiner, invisible operators
    + [*range(0x2066, 0x206A)]  # isolates
    + [0xFEFF]
)
_SYMBOLS = {c: 0x2400 + c for c in range(0x20)} | {0x7F: 0x2421}
_TABLE: dict[int, int | str] = {**_SYMBOLS, **dict.fromkeys(_INVISIBLE, REPLACEMENT), 0x09: " "}
_NEEDS_WORK = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\ud800-\udfff]"
)
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: object, *, lines: bool = False) -> str:
    """`text` made safe to show (see the module doc); one line unless `lines`."""
    s = text if isinstance(text, str) else str(text)
    if not _NEEDS_WORK.search(s):
        return s
    s = _LINE_BREAK.sub("\n" if lines else " ", s)
    if _SURROGATE.search(s):
        s = _SURROGATE.sub(REPLACEMENT, s)
    if lines:
        return "\n".join(part.translate(_TABLE) for part in s.split("\n"))
    return s.translate(_TABLE)


def clean_data(value: object) -> object:
    """Every string in a JSON-like value cleaned (keys too); multi-line strings keep
    their line breaks. For JSON output: a reader that decodes it gets no escapes either."""
    if isinstance(value, str):
        return clean(value, lines="\n" in value)
    if isinstance(value, dict):
        return {clean(k) if isinstance(k, str) else k: clean_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_data(v) for v in value]
    return value


def _catalog_strings(catalog: Catalog):
    info = catalog.info
    yield from (info.title, info.region, info.source, info.notes)
    for f in catalog.fields:
        yield f.name
    for c in catalog.credentials:
        yield from (c.name, c.issuer, c.url, *c.tags)
    for a in catalog.assessments:
        yield from (a.name, *a.parts)
    for r in catalog.requirements:
        yield r.name


def display_catalog(catalog: Catalog) -> Catalog:
    """The catalog with its names cleaned for showing; the same object when nothing
    needs it (the usual case: one scan, no copy). Ids are left as stored, so plans
    still match."""
    if not any(_NEEDS_WORK.search(s) for s in _catalog_strings(catalog)):
        return catalog
    c1 = clean
    info = catalog.info
    return Catalog.build(
        replace(
            info, title=c1(info.title), region=c1(info.region), source=c1(info.source), notes=clean(info.notes, lines=True)
        ),
        tuple(replace(f, name=c1(f.name)) for f in catalog.fields),
        tuple(
            replace(c, name=c1(c.name), issuer=c1(c.issuer), url=c1(c.url), tags=tuple(map(c1, c.tags)))
            for c in catalog.credentials
        ),
        tuple(replace(a, name=c1(a.name), parts=tuple(map(c1, a.parts))) for a in catalog.assessments),
        tuple(replace(r, name=c1(r.name)) for r in catalog.requirements),
        catalog.path,
    )

