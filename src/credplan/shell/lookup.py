"""Finding what the student meant from what was typed: a field, a credential, an
assessment part. Case, spaces, `-` and `_` do not matter; an unclear or unknown name
is refused with the candidates or a close match, so the next try can be right."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from ..core.model import Assessment, Catalog, Credential, Field
from ..core.search import CredentialIndex
from ..core.words import shell as said
from .engine import Refused


def norm(text: str) -> str:
    """For matching what is typed: case, spaces, `-` and `_` do not matter."""
    return " ".join(re.sub(r"[-_]+", " ", text.casefold()).split())


def token(part: str) -> str:
    """An assessment part as one word, as completion offers it: `applied-math`."""
    return "-".join(part.casefold().split())


def field(catalog: Catalog, text: str) -> Field:
    """By id or name, then by the start of either, then by a piece of the name."""
    if not text:
        raise Refused(said.WHICH_FIELD)
    want = norm(text)
    fields = catalog.fields
    for test in (
        lambda f: norm(f.id) == want or norm(f.name) == want,
        lambda f: norm(f.id).startswith(want) or norm(f.name).startswith(want),
        lambda f: want in norm(f.name),
    ):
        found = [f for f in fields if test(f)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = "; ".join(f"{f.id} ({f.name})" for f in found[:8])
            raise Refused(said.several_fields(text, names))
    hint = difflib.get_close_matches(text.casefold(), [f.id for f in fields], n=1)
    raise Refused(said.no_field(text, hint[0] if hint else None))


def credential(catalog: Catalog, index: CredentialIndex, text: str, *, among: Iterable[str] | None = None) -> Credential:
    """By id (any case), by exact name, or the only search match; `among` limits the choice."""
    if not text:
        raise Refused(said.WHICH_CREDENTIAL)
    allowed = None if among is None else set(among)
    pool = [c for c in catalog.credentials if allowed is None or c.id in allowed]
    want = text.casefold()
    for test in (
        lambda c: c.id == text,
        lambda c: c.id.casefold() == want,
        lambda c: norm(c.name) == norm(text),
    ):
        found = [c for c in pool if test(c)]
        if len(found) == 1:
            return found[0]
    matches, _ = index.find(text)
    matches = [c for c in matches if allowed is None or c.id in allowed]
    if len(matches) == 1:
        return matches[0]
    where = said.SELECTED_WORD if allowed is not None else ""
    if matches:
        shown = "; ".join(f"{c.id} ({c.name})" for c in matches[:8])
        raise Refused(said.several_credentials(text, len(matches), where, shown, len(matches) - 8))
    hint = difflib.get_close_matches(text, [c.id for c in pool], n=1)
    raise Refused(said.no_credential(text, where, hint[0] if hint else None))


def part(catalog: Catalog, text: str) -> tuple[Assessment, str]:
    """`applied math`, `math` when only one part has that word, `workkeys:applied-math`,
    or an assessment with a single part by its own name."""
    assessments = catalog.assessments
    if not assessments:
        raise Refused(said.NO_ASSESSMENTS)
    pairs = [(a, p) for a in assessments for p in a.parts]
    if ":" in text:
        left, _, right = text.partition(":")
        chosen = [a for a in assessments if norm(a.id) == norm(left) or norm(a.name) == norm(left)]
        if not chosen:
            chosen = [a for a in assessments if norm(a.id).startswith(norm(left)) or norm(a.name).startswith(norm(left))]
        if len(chosen) == 1:
            pairs = [(chosen[0], p) for p in chosen[0].parts]
            text = right
            if not text.strip() and len(chosen[0].parts) == 1:
                return chosen[0], chosen[0].parts[0]
    want = norm(text)
    if not want:
        raise Refused(said.WHICH_PART)
    for a in assessments:  # an assessment with one part can be named by itself
        if len(a.parts) == 1 and (want == norm(a.id) or want == norm(a.name)):
            return a, a.parts[0]
    for test in (
        lambda p: norm(p) == want,
        lambda p: norm(p).startswith(want),
        lambda p: f" {want}" in f" {norm(p)}",  # a word of it: "math" for Applied Math
    ):
        found = [(a, p) for a, p in pairs if test(p)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = ", ".join(f"{a.id}:{token(p)}" for a, p in found[:8])
            raise Refused(said.several_parts(text, names))
    names = ", ".join(f"{a.id}:{token(p)}" for a, p in pairs[:12])
    raise Refused(said.no_part(text, names))
