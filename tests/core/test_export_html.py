"""The one-page summary for families: what it shows, that it is one self-contained
page with no script, and that hostile catalog text is shown as text."""

from __future__ import annotations

import datetime as dt
import html
from html.parser import HTMLParser

from counselor import WK_GOOD, WK_LOW, plan
from credplan.core.catalog import parse_catalog
from credplan.core.export import FORMATS, export_report, format_for_path
from credplan.core.export_html import html_report, text_bar
from credplan.core.model import EARNED, PLANNED
from credplan.core.completions import completions


class Page(HTMLParser):
    """Every tag, attribute and text run of a page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("span", "strong", "a", "b", "i", "em"):  # a new block or cell: words apart
            self.text.append(" ")

    def handle_data(self, data):
        self.text.append(data)

    @property
    def words(self) -> str:
        return " ".join("".join(self.text).split())

    def names(self) -> set[str]:
        return {t for t, _ in self.tags}


def ben(ohio):
    return plan("Ben Ortiz", 2026, [("comptia-itf-plus", EARNED), ("comptia-linux-plus", PLANNED),
                                    ("servsafe-food-handler", PLANNED)], WK_LOW)


def test_the_page_says_everything_a_family_needs(ohio):
    page = Page(html_report(ohio, ben(ohio), generated=dt.date(2026, 11, 28)))
    words = page.words
    assert "Credential plan: Ben Ortiz" in words
    assert "Not on track yet" in words
    for fact in ("Graduating class 2026", "Ohio industry-recognized credentials (working sample)",
                 "Catalog checked 2026-11-23", "Made on 2026-11-28"):
        assert fact in words
    assert "Career field: Information Technology (the field with the most points)" in words
    assert "█" * 6 + "▒" * 12 + "░" * 6 in words  # 3 earned + 6 planned of 12, 24 cells
    assert "9 of 12 points in Information Technology (3 earned, 6 planned). 3 points still to plan." in words
    # every requirement, in words with its state
    assert "[not met] 12-point credential bundle in one career field" in words
    assert "For other graduating classes, not checked for 2026: WorkKeys (classes 2018-2019)" in words
    assert "[not met] WorkKeys Silver NCRC (class 2025 on): Needs at least 4 on every part. Scores: Applied Math 3" in words
    # each credential, its status and points; the other-field pick and why
    assert "CompTIA IT Fundamentals+ (ITF+) CompTIA earned 3 ?" in words
    assert "ServSafe Food Handler National Restaurant Association (ServSafe) planned - listed in Hospitality and Tourism, not Information Technology" in words
    assert "Other-field picks" in words and "A bundle must come from one career field" in words
    assert "? = point value not yet confirmed" in words
    # what is left, with the quickest completions as core.suggest ranks them
    best = completions(ohio, ben(ohio), limit=3)
    assert "3 points still to plan in Information Technology. Quickest ways to finish" in words
    for c in best.completions:
        assert f"Add {c.picks[0].name} ({c.picks[0].points}" in words
    assert "ACT WorkKeys Applied Math: at least 4 (now 3)" in words


def test_a_total_rule_reads_as_the_planner_says_it(ohio):
    """Class of 2021: Ohio's 2020-2024 rule, in the words of core.words.requirements."""
    page = Page(html_report(ohio, plan("Cy Park", 2021, [], WK_LOW), generated=dt.date(2026, 11, 28)))
    assert "WorkKeys (classes 2020-2024): Needs a total of at least 14 and at least 3 on every part." in page.words


def test_met_and_on_track_pages(ohio):
    met = Page(html_report(ohio, plan("Ana", 2027, [("comptia-a-plus", EARNED)], WK_GOOD))).words
    assert "Meets every requirement with credentials already earned." in met
    assert "Nothing is left" in met and "Quickest" not in met
    on_track = Page(html_report(ohio, plan("Ana", 2027, [("comptia-a-plus", PLANNED)], WK_GOOD))).words
    assert "On track: meets every requirement once the planned credentials are earned." in on_track
    assert "earn the planned credentials" in on_track
    unset = Page(html_report(ohio, plan("Ana", None, [("comptia-a-plus", EARNED)]))).words
    assert "The graduating class is not set" in unset


def test_colorado_page_shows_competencies_not_a_bar(colorado):
    both = next(c for c in colorado.credentials if {"english", "math"} <= c.meets)
    met = Page(html_report(colorado, plan("Eli", 2027, [(both.id, EARNED)]))).words
    assert "[met] English competency: Met by " + both.name in met
    assert "█" not in met and "Career field" not in met
    assert "shows english and math" in met
    fay = Page(html_report(colorado, plan("Fay", 2028, [], {"act": {"English": 18}}))).words
    assert "[met] English competency: Met by a test score." in fay
    assert "[not met] Math competency" in fay
    assert "Math competency: a certificate such as" in fay and "ACT Math at least 19" in fay


def test_one_self_contained_page_without_script(ohio):
    text = html_report(ohio, ben(ohio))
    page = Page(text)
    assert text.startswith("<!DOCTYPE html>")
    assert not page.names() & {"script", "iframe", "object", "embed", "img", "link", "form", "base"}
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "script" not in csp
    assert "@media print" in text and "<style>" in text
    assert html_report(ohio, ben(ohio)) == text  # deterministic


def test_export_dispatches_html(ohio):
    assert "html" in FORMATS
    assert format_for_path("ana.HTML") == "html" and format_for_path("a.htm") == "html"
    assert export_report(ohio, ben(ohio), "html") == html_report(ohio, ben(ohio))


def test_text_bar():
    assert text_bar(12, 0, 12, 12) == "█" * 12
    assert text_bar(0, 0, 12, 12) == "░" * 12
    assert text_bar(3, 6, 12, 12) == "███▒▒▒▒▒▒░░░"
    assert text_bar(6, 30, 12, 12) == "█" * 6 + "▒" * 6  # more than needed: full, never longer


EVIL = r'<script>alert(\"x\")</script> \"quoted\" \u0027single\u0027 & \u001b]52;c;ZXZpbA==\u0007 \u202eevil\u202c'
HOSTILE = f"""
format = 1
[catalog]
id = "hostile"
title = "Title {EVIL}"
region = "Region {EVIL}"
source = "javascript:alert(1)"
checked = 2026-11-01

[[field]]
id = "it"
name = "IT {EVIL}"

[[field]]
id = "health"
name = "Health {EVIL}"

[[credential]]
id = "a-plus"
name = "A+ {EVIL}"
issuer = "Issuer {EVIL}"
fields = ["it"]
points = 9
verified = false

[[credential]]
id = "net"
name = "Net {EVIL}"
fields = ["it"]
points = 3

[[credential]]
id = "cna"
name = "Nurse aide {EVIL}"
fields = ["health"]
points = 6

[[assessment]]
id = "wk"
name = "WorkKeys {EVIL}"
parts = ["Math {EVIL}", "Reading"]
min = 3
max = 7

[[requirement]]
id = "bundle"
kind = "bundle"
name = "Bundle {EVIL}"
points = 12

[[requirement]]
id = "wk"
kind = "score"
name = "WorkKeys rule {EVIL}"
assessment = "wk"
each = 4
"""


def test_hostile_catalog_text_is_escaped(tmp_path):
    catalog = parse_catalog(HOSTILE, "hostile.toml")
    student = 'Ana <b onmouseover="x">\x1b[2J\u202eLópez'
    text = html_report(catalog, plan(student, 2027, [("a-plus", PLANNED), ("cna", EARNED)], {"wk": {"Reading": 3}}))
    page = Page(text)
    assert "script" not in page.names() and "b" not in page.names()
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
    assert "\x1b" not in text and "\u202e" not in text and "\u202c" not in text and "\x07" not in text
    assert "␛" in page.words and "\ufffd" in page.words  # made visible, not dropped
    assert '<script>alert("x")</script> "quoted" \'single\' &' in page.words  # shown as text
    assert "&lt;script&gt;" in text and "&quot;quoted&quot;" in text
    assert not any(t == "a" for t, _ in page.tags)  # javascript: is never a link
    assert "javascript:alert(1)" in page.words
    for _, attrs in page.tags:  # attribute values hold no raw quote that could end them early
        for value in attrs.values():
            assert value is None or "<" not in html.unescape(value) or "script" in value.casefold()
