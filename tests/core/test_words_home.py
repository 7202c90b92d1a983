"""Sentences about a plan live in core/words/ and nowhere else.

Every string literal in the code outside `core/words/` (docstrings and comments
aside: they explain, they are not shown) is searched for the marks and phrases that
tell a student where a plan stands. Finding one means a front-end or the rules are
writing their own words again, and the same plan will read differently somewhere.
"""

from __future__ import annotations

import ast
import re
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


# -- the front-ends hold no words of their own ---------------------------------------------------
# The line shell and the full-screen planner draw what core/words returns: any literal
# in them that reads as words for a person (two words of letters side by side) is a
# sentence or label that a second language would miss.
FRONT_ENDS = (SRC / "shell", SRC / "ui")
CSS_NAMES = {"DEFAULT_CSS", "CSS"}
STYLE_WORDS = {"bold", "dim", "italic", "underline", "reverse", "strike", "blink", "not", "on"}
TWO_WORDS = re.compile(r"[A-Za-z]+ +[A-Za-z]+")

# What stays, exactly as written, and why.
KEPT = {
    # Textual's own OptionList errors (IndexError/KeyError texts), copied so the
    # subclass raises what Textual raises: for developers, never shown to a student.
    "ui/widgets/credential_list.py": {"There is no option with an index of ", "There is no option with an ID of "},
    # A readline (libedit) key binding command, not words.
    "shell/loop.py": {"bind ^I rl_complete"},
}


def _front_end_files():
    for root in FRONT_ENDS:
        yield from sorted(root.rglob("*.py"))


def _words_for_a_person(tree: ast.AST):
    """Literals that read as a sentence or a label: CSS blocks, Textual styles
    (`bold underline`), ids and classes (`#plan`, `.hint`), key names and f-string
    pieces that are only punctuation are not."""
    css: set[tuple[int, str]] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in CSS_NAMES for t in node.targets)
            and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
        ):
            css.add((node.value.lineno, node.value.value))
    for line, text in _shown_strings(tree):
        if (line, text) in css:
            continue
        words = [w for w in text.split() if not w.startswith(("#", ".", "$"))]
        if all(w in STYLE_WORDS for w in words):
            continue
        if TWO_WORDS.search(" ".join(words)):
            yield line, text


def test_no_sentence_in_the_shell_or_the_planner():
    found = []
    for path in _front_end_files():
        rel = path.relative_to(SRC).as_posix()
        kept = KEPT.get(rel, set())
        for line, text in _words_for_a_person(ast.parse(path.read_text(encoding="utf-8"))):
            if text not in kept:
                found.append(f"{rel}:{line}: {text!r}")
    assert not found, "words for a person that belong in core/words:\n" + "\n".join(found)


def test_the_front_end_scan_finds_a_sentence():
    """It would pass on an empty tree: show it catches a sentence and a label, and lets
    CSS, styles, ids, keys and punctuation through."""
    tree = ast.parse(
        'class S:\n'
        '    DEFAULT_CSS = """S > Vertical { width: 60; } #a .b { color: red; }"""\n'
        '    def f(self, x):\n'
        '        """A docstring, fine."""\n'
        '        self.query_one("#plan .hint")\n'
        '        Binding("shift+tab", "next_focus(-1)", "Back to list")\n'
        '        Content.styled(x, "bold underline $accent")\n'
        '        return f"Pinned {x} as the bundle field: {x!r}."\n'
    )
    assert [t for _, t in _words_for_a_person(tree)] == ["Back to list", " as the bundle field: "]


def test_the_kept_literals_are_still_there():
    """An entry of KEPT that no longer matches anything is removed, so the list only shrinks."""
    for rel, kept in KEPT.items():
        texts = {t for _, t in _words_for_a_person(ast.parse((SRC / rel).read_text(encoding="utf-8")))}
        for text in kept:
            assert text in texts, f"{rel} no longer says {text!r}: drop it from KEPT"
