"""Catalog text made safe to draw on a terminal.

Textual 8.2.8 writes ESC, NUL and C1 control codes inside a `Content` to the terminal as
they are (a catalog could blink the screen or set the window title), and drops BEL, BS
and CR only after `Content.assemble` has measured its spans, which then point past the
end of the text and crash rendering. `display_catalog` shows each control character as
its visible symbol instead (ESC as U+241B, BEL as U+2407, a C1 code as U+FFFD). Ids are
left alone: they are matched, never drawn as names."""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Catalog

_ONE_LINE = {c: 0x2400 + c for c in range(0x20)} | {0x7F: 0x2421} | {c: 0xFFFD for c in range(0x80, 0xA0)}
_LINES = {c: v for c, v in _ONE_LINE.items() if c not in (0x09, 0x0A)}
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def visible(text: str, *, lines: bool = False) -> str:
    """`text` with every control character replaced by a visible symbol; with `lines`,
    newlines and tabs stay."""
    return text.translate(_LINES if lines else _ONE_LINE)


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
    """The catalog with control characters in its names made visible; the same object
    when there are none (the usual case: one scan, no copy)."""
    if not any(_ANY_CONTROL.search(s) for s in _catalog_strings(catalog)):
        return catalog
    v = visible
    info = catalog.info
    return Catalog.build(
        replace(info, title=v(info.title), region=v(info.region), source=v(info.source), notes=v(info.notes, lines=True)),
        tuple(replace(f, name=v(f.name)) for f in catalog.fields),
        tuple(
            replace(c, name=v(c.name), issuer=v(c.issuer), url=v(c.url), tags=tuple(map(v, c.tags)))
            for c in catalog.credentials
        ),
        tuple(replace(a, name=v(a.name), parts=tuple(map(v, a.parts))) for a in catalog.assessments),
        tuple(replace(r, name=v(r.name)) for r in catalog.requirements),
        catalog.path,
    )
