"""Sentences about a plan live in core/words/ and nowhere else.

Every string literal in the code outside `core/words/` (docstrings and comments
aside: they explain, they are not shown) is searched for the marks and phrases that
tell a student where a plan stands. Finding one means a front-end or the rules are
writing their own words again, and the same plan will read differently somewhere.
"""

from __future__ import annotations

import ast
from pathlib import Path

import credplan

SRC = Path(credplan.__file__).resolve().parent
WORDS = SRC / "core" / "words"

PHRASES = (
    "[met]", "[not met]", "[not checked]", "[skipped]", "[other field]", "[not in catalog]",
    "does not count", "counts nowhere", "Still missing", "Meets every requirement", "are not checked",
    "earned so far", "a certificate that meets", "no longer in this catalog", "Bundle field:",
    "Earned credentials alone", "needs at least",
)

# Words that other changes move into core/words (notices.py, suggestions.py): until
# they land, these modules keep theirs, and only for the phrases listed.
ELSEWHERE = {
    "core/suggest.py": {"Bundle field:"},  # suggestions: "Bundle field: X (how): N of 12 points"
}


def _shown_strings(tree: ast.AST):
    """String constants that can reach a reader: not docstrings or bare string statements."""
    documentation: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list):
            for stmt in body:
                if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str):
                    documentation.add(id(stmt.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in documentation:
            yield node.lineno, node.value


def test_no_sentence_about_a_plan_outside_core_words():
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if WORDS in path.parents:
            continue
        rel = path.relative_to(SRC).as_posix()
        allowed = ELSEWHERE.get(rel, set())
        for line, text in _shown_strings(ast.parse(path.read_text(encoding="utf-8"))):
            for phrase in PHRASES:
                if phrase in text and phrase not in allowed:
                    found.append(f"{rel}:{line}: {phrase!r} in {text!r}")
    assert not found, "sentences that belong in core/words:\n" + "\n".join(found)


def test_the_scan_finds_what_it_looks_for():
    """The test above would pass on an empty tree: show it catches a sentence, and
    that the words module does hold them."""
    tree = ast.parse('def f():\n    """Still missing: a docstring, fine."""\n    return f"Still missing: {x}"\n')
    assert [t for _, t in _shown_strings(tree)] == ["Still missing: "]
    text = "\n".join(t for p in WORDS.rglob("*.py") for _, t in _shown_strings(ast.parse(p.read_text(encoding="utf-8"))))
    for phrase in ("[met]", "[not met]", "[not checked]", "[other field]", "[not in catalog]", "does not count",
                   "Still missing", "counts nowhere", "Bundle field:", "Earned credentials alone"):
        assert phrase in text, phrase


def test_the_exceptions_are_still_needed():
    """An exception that no longer matches anything is removed, so the list only shrinks."""
    for rel, allowed in ELSEWHERE.items():
        path = SRC / rel
        if not path.exists():
            continue
        texts = [t for _, t in _shown_strings(ast.parse(path.read_text(encoding="utf-8")))]
        for phrase in allowed:
            assert any(phrase in t for t in texts), f"{rel} no longer says {phrase!r}: drop it from ELSEWHERE"
