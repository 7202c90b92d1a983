"""The loader names every mistake in a hand-edited catalog as FILE:LINE: message.

Each test starts from BASE (a small valid catalog), changes a few lines, and checks
that the problem lands on the exact line (found by plain text search in the altered
file, independent of the loader) with the expected words."""

from __future__ import annotations

import pytest

from credplan.core.catalog import load_catalog, parse_catalog
from credplan.core.problems import FileProblems, Problem
from credplan.core.tomlpos import key_lines, line_of

BASE = """\
format = 1

[catalog]
id = "test"
title = "Test catalog"
region = "Testland"
source = "https://example.org/list"
checked = 2026-11-01

[[field]]
id = "it"
name = "Information Technology"

[[field]]
id = "health"
name = "Health"

[[assessment]]
id = "workkeys"
name = "ACT WorkKeys"
parts = ["Applied Math", "Graphic Literacy", "Workplace Documents"]
min = 3
max = 7

[[requirement]]
id = "bundle"
kind = "bundle"
name = "12-point bundle"
points = 12

[[requirement]]
id = "wk"
kind = "score"
name = "WorkKeys"
assessment = "workkeys"
total = 13
each = 3
from_class = 2018
to_class = 2019

[[requirement]]
id = "english"
kind = "competency"
name = "English competency"
competency = "english"

[[requirement.scores]]
assessment = "workkeys"
part = "Applied Math"
at_least = 4

[[requirement.scores]]
assessment = "workkeys"
each = 3

[[credential]]
id = "comptia-a-plus"
name = "CompTIA A+"
fields = ["it"]
points = 12

[[credential]]
id = "stna"
name = "State Tested Nurse Aide"
fields = ["health", "it"]
points = { health = 6, it = 3 }
meets = ["english"]
"""

DISPLAY = "test.toml"


def alter(*changes: tuple[str, str], text: str = BASE) -> str:
    """Replace each `old` (which must occur exactly once) with `new`."""
    for old, new in changes:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
        text = text.replace(old, new)
    return text


def line(text: str, snippet: str, nth: int | None = None) -> int:
    """1-based line of the line containing `snippet` (plain text search): the only
    one, or the nth when `nth` is given."""
    hits = [i for i, ln in enumerate(text.splitlines(), 1) if snippet in ln]
    if nth is None:
        assert len(hits) == 1, f"{snippet!r} is on lines {hits}, not exactly one"
        return hits[0]
    assert len(hits) >= nth, f"{snippet!r} found on lines {hits}"
    return hits[nth - 1]


def problems(text: str) -> list[Problem]:
    with pytest.raises(FileProblems) as info:
        parse_catalog(text, DISPLAY)
    found = info.value.problems
    assert found, "FileProblems raised without problems"
    assert all(p.file == DISPLAY for p in found)
    return found


def expect(found: list[Problem], at: int, *words: str) -> Problem:
    """The problem on line `at` whose message contains every word."""
    for p in found:
        if p.line == at and all(w in p.message for w in words):
            return p
    listing = "\n".join(str(p) for p in found)
    raise AssertionError(f"no problem on line {at} with {words!r}; got:\n{listing}")


# -- the base is valid -----------------------------------------------------------------
def test_base_catalog_is_valid():
    catalog = parse_catalog(BASE, DISPLAY)
    assert [f.id for f in catalog.fields] == ["it", "health"]
    assert [c.id for c in catalog.credentials] == ["comptia-a-plus", "stna"]
    stna = catalog.credential_by_id["stna"]
    assert stna.fields == ("it", "health")  # catalog field order, not listing order
    assert stna.points_in("health") == 6 and stna.points_in("it") == 3
    assert [r.id for r in catalog.requirements] == ["bundle", "wk", "english"]
    assert len(catalog.requirements[2].scores) == 2


# -- TOML syntax -------------------------------------------------------------------------
def test_toml_syntax_error_uses_tomllib_line():
    text = alter(('name = "CompTIA A+"', 'name = "CompTIA A+'))
    found = problems(text)
    assert len(found) == 1
    expect(found, line(text, 'name = "CompTIA A+'), "TOML syntax", "Illegal character")
    assert "(at line" not in found[0].message  # the position moved into the line number


def test_toml_syntax_error_value_then_junk():
    text = alter(("max = 7", "max = 7 7"))
    found = problems(text)
    assert len(found) == 1
    expect(found, line(text, "max = 7 7"), "TOML syntax", "Expected newline")


def test_toml_duplicate_key_is_a_syntax_error_on_the_second_key():
    text = alter(('name = "Health"', 'name = "Health"\nname = "Health care"'))
    found = problems(text)
    assert len(found) == 1
    expect(found, line(text, 'name = "Health care"'), "TOML syntax", "Cannot overwrite")


def test_toml_error_at_end_of_document_points_at_last_line():
    text = BASE + 'tags = ["a", "b"\n'
    found = problems(text)
    assert len(found) == 1
    assert found[0].line == text.count("\n") + 1
    assert "TOML syntax" in found[0].message and "Unclosed array" in found[0].message


# -- missing and unknown keys ----------------------------------------------------------------
def test_missing_key_points_at_its_table_header():
    text = alter(('id = "health"\nname = "Health"\n', 'id = "health"\n'))
    found = problems(text)
    assert len(found) == 1
    expect(found, line(text, "[[field]]", nth=2), "missing key `name` in field `health`")


def test_missing_catalog_key():
    text = alter(('region = "Testland"\n', ""))
    found = problems(text)
    assert len(found) == 1
    expect(found, line(text, "[catalog]"), "missing key `region`", "[catalog]")


def test_unknown_key_with_did_you_mean_hint():
    text = alter(("points = 12\n\n[[credential]]", "pionts = 12\n\n[[credential]]"))
    found = problems(text)
    p = expect(found, line(text, "pionts = 12"), "unknown key `pionts`")
    assert p.message == "unknown key `pionts` in credential `comptia-a-plus` (did you mean `points`?)"
    # `points` is required in a catalog with a bundle, so it is also reported missing.
    expect(found, line(text, "[[credential]]", nth=1), "missing key `points` in credential `comptia-a-plus`")
    assert len(found) == 2


def test_unknown_key_without_close_match_has_no_hint():
    text = alter(("max = 7", "max = 7\nzzzqqq = 1"))
    found = problems(text)
    assert len(found) == 1
    p = expect(found, line(text, "zzzqqq"), "unknown key `zzzqqq`", "assessment `workkeys`")
    assert "did you mean" not in p.message


def test_unknown_top_level_key():
    text = alter(("format = 1", "format = 1\nfeild = []"))
    found = problems(text)
    expect(found, line(text, "feild"), "unknown key `feild`", "(did you mean `field`?)")


# -- wrong types --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("max = 7", 'max = "7"', ("`max` in assessment `workkeys` must be a whole number, not a string",)),
        ('fields = ["it"]', 'fields = "it"', ("`fields` in credential `comptia-a-plus` must be an array of strings, not a string",)),
        ("points = 12\n\n[[credential]]", "points = 12.0\n\n[[credential]]",
         ("`points` in credential `comptia-a-plus` must be a whole number or a table by field, not a decimal number",)),
        ("checked = 2026-11-01", 'checked = "2026-11-01"', ("`checked` in [catalog] must be a TOML date", "not a string")),
        ("checked = 2026-11-01", "checked = 2026-11-01T10:00:00", ("`checked` in [catalog] must be a TOML date", "not a date and time")),
        ('meets = ["english"]', 'meets = ["english"]\nverified = "yes"', ("`verified` in credential `stna` must be true or false, not a string",)),
        ('name = "Health"', "name = 5", ("`name` in field `health` must be a string, not an integer",)),
        ("each = 3\nfrom_class", "each = true\nfrom_class", ("`each` in requirement `wk` must be a whole number, not a boolean",)),
    ],
)
def test_wrong_type(old, new, words):
    text = alter((old, new))
    found = problems(text)
    assert len(found) == 1, [str(p) for p in found]
    bad = "verified" if "verified" in new else new.splitlines()[0]
    expect(found, line(text, bad), *words)


def test_field_that_is_not_an_array_of_tables():
    text = _without_blocks(BASE, "[[field]]").replace("format = 1", "format = 1\nfield = 3")
    found = problems(text)
    expect(found, line(text, "field = 3"), "`field` must be an array of tables ([[field]]), not an integer")


def test_wrong_type_inside_an_array_points_at_the_element_line():
    text = alter(('parts = ["Applied Math", "Graphic Literacy", "Workplace Documents"]',
                  'parts = [\n  "Applied Math",\n  7,\n  "Workplace Documents",\n]'))
    found = problems(text)
    assert len(found) == 1
    expect(found, line(text, "  7,"), "`parts` in assessment `workkeys` must hold strings, not an integer")


# -- duplicate ids -----------------------------------------------------------------------------
# kind -> (appended block, duplicated id, its position in BASE)
DUPLICATES = {
    "field": ('\n[[field]]\nid = "it"\nname = "IT again"\n', "it", 1),
    "credential": ('\n[[credential]]\nid = "stna"\nname = "Again"\nfields = ["health"]\npoints = 1\n', "stna", 2),
    "assessment": ('\n[[assessment]]\nid = "workkeys"\nname = "Again"\nparts = ["A"]\nmin = 1\nmax = 5\n', "workkeys", 1),
    "requirement": ('\n[[requirement]]\nid = "wk"\nkind = "bundle"\nname = "Again"\npoints = 12\n', "wk", 2),
}


@pytest.mark.parametrize("kind", sorted(DUPLICATES))
def test_duplicate_id(kind):
    block, dup_id, first = DUPLICATES[kind]
    text = BASE + block
    found = problems(text)
    assert len(found) == 1, [str(p) for p in found]
    second = line(text, f'id = "{dup_id}"', nth=2)
    assert second > len(BASE.splitlines())  # the appended copy
    p = expect(found, second, f"duplicate {kind} id `{dup_id}`")
    assert p.message == f"duplicate {kind} id `{dup_id}` (first used in {kind} #{first})"


# -- credentials and their fields and points ------------------------------------------------------
def test_credential_naming_a_field_that_does_not_exist():
    text = alter(('fields = ["it"]', 'fields = ["itt"]'))
    found = problems(text)
    assert len(found) == 1
    p = expect(found, line(text, 'fields = ["itt"]'), "credential `comptia-a-plus`", "field `itt`", "does not exist")
    assert p.message.endswith("(did you mean `it`?)")


def test_unknown_field_in_a_multiline_array_points_at_the_element():
    text = alter(('fields = ["health", "it"]', 'fields = [\n  "health",  # [care]\n  "helth",\n]'),
                 ("points = { health = 6, it = 3 }", "points = 6"))
    found = problems(text)
    assert len(found) == 1
    expect(found, line(text, '"helth"'), "credential `stna` names field `helth`, which does not exist")


def test_points_table_naming_a_field_not_listed():
    text = alter(('fields = ["health", "it"]', 'fields = ["health"]'))
    found = problems(text)
    assert len(found) == 1
    expect(found, line(text, "points = { health = 6, it = 3 }"),
           "points table of credential `stna` names field `it`, which is not in its `fields`")


def test_points_table_missing_a_listed_field():
    text = alter(("points = { health = 6, it = 3 }", "points = { health = 6 }"))
    found = problems(text)
    assert len(found) == 1
    expect(found, line(text, "points = { health = 6 }"), "points table of credential `stna` is missing field `it`")


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("points = 12\n\n[[credential]]", "points = 13\n\n[[credential]]", "points in credential `comptia-a-plus` is 13, outside 1..12"),
        ("points = 12\n\n[[credential]]", "points = 0\n\n[[credential]]", "points in credential `comptia-a-plus` is 0, outside 1..12"),
        ("points = { health = 6, it = 3 }", "points = { health = 6, it = 0 }", "points for `it` in credential `stna` is 0, outside 1..12"),
        ("points = { health = 6, it = 3 }", "points = { health = 20, it = 3 }", "points for `health` in credential `stna` is 20, outside 1..12"),
    ],
)
def test_points_outside_one_to_bundle_points(old, new, words):
    text = alter((old, new))
    found = problems(text)
    assert len(found) == 1, [str(p) for p in found]
    expect(found, line(text, new.splitlines()[0]), words)


def test_points_up_to_the_bundle_are_fine_and_no_upper_limit_without_bundle():
    parse_catalog(alter(("points = { health = 6, it = 3 }", "points = { health = 12, it = 1 }")))
    # Without a bundle requirement, points are optional and only need to be >= 1.
    no_bundle = alter(('[[requirement]]\nid = "bundle"\nkind = "bundle"\nname = "12-point bundle"\npoints = 12\n\n', ""),
                      ("points = 12\n\n[[credential]]", "points = 40\n\n[[credential]]"))
    catalog = parse_catalog(no_bundle)
    assert catalog.credential_by_id["comptia-a-plus"].points_in("it") == 40
    text = alter(("points = 40", "points = 0"), text=no_bundle)
    expect(problems(text), line(text, "points = 0"), "is 0, outside at least 1")


def test_star_with_a_points_table():
    text = alter(('fields = ["health", "it"]', 'fields = ["*"]'),
                 ("points = { health = 6, it = 3 }", "points = { health = 1, it = 1 }"))
    found = problems(text)
    assert len(found) == 1
    expect(found, line(text, "points = { health = 1, it = 1 }"),
           'credential `stna` is listed in every field ("*"), so `points` must be one whole number')


def test_star_mixed_with_field_ids():
    text = alter(('fields = ["health", "it"]', 'fields = ["*", "it"]'))
    found = problems(text)
    expect(found, line(text, 'fields = ["*", "it"]'), "mixes \"*\"")


# -- requirements --------------------------------------------------------------------------------
def test_score_requirement_naming_an_unknown_assessment():
    text = alter(('assessment = "workkeys"\ntotal = 13', 'assessment = "workkey"\ntotal = 13'))
    found = problems(text)
    assert len(found) == 1
    p = expect(found, line(text, 'assessment = "workkey"'), "unknown assessment `workkey` in requirement `wk`")
    assert p.message.endswith("(did you mean `workkeys`?)")


def test_score_option_naming_an_unknown_assessment():
    text = alter(('assessment = "workkeys"\neach = 3\n\n[[credential]]', 'assessment = "act"\neach = 3\n\n[[credential]]'))
    found = problems(text)
    assert len(found) == 1
    expect(found, line(text, 'assessment = "act"'), "unknown assessment `act`", "score option #2 of requirement `english`")


def test_requirement_naming_an_unknown_part():
    text = alter(('part = "Applied Math"', 'part = "Applied Maths"'))
    found = problems(text)
    assert len(found) == 1
    p = expect(found, line(text, 'part = "Applied Maths"'),
               "unknown part `Applied Maths` of ACT WorkKeys in score option #1 of requirement `english`")
    assert p.message.endswith("(did you mean `Applied Math`?)")


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("each = 3\nfrom_class", "each = 8\nfrom_class", "`each = 8` in requirement `wk` is outside ACT WorkKeys's 3..7"),
        ("each = 3\nfrom_class", "each = 2\nfrom_class", "`each = 2` in requirement `wk` is outside ACT WorkKeys's 3..7"),
        ("total = 13", "total = 22", "`total = 22` in requirement `wk` is outside what ACT WorkKeys can reach (1..21)"),
        ("total = 13", "total = 0", "`total = 0` in requirement `wk` is outside what ACT WorkKeys can reach (1..21)"),
        ("at_least = 4", "at_least = 2", "`at_least = 2` in score option #1 of requirement `english` is outside ACT WorkKeys's 3..7"),
        ("at_least = 4", "at_least = 8", "`at_least = 8` in score option #1 of requirement `english` is outside ACT WorkKeys's 3..7"),
        ("each = 3\n\n[[credential]]", "each = 9\n\n[[credential]]", "`each = 9` in score option #2 of requirement `english`"),
    ],
)
def test_score_terms_outside_what_the_assessment_can_reach(old, new, words):
    text = alter((old, new))
    found = problems(text)
    assert len(found) == 1, [str(p) for p in found]
    expect(found, line(text, new.splitlines()[0]), words)


def test_score_terms_at_the_limits_are_fine():
    catalog = parse_catalog(alter(("total = 13", "total = 21"), ("each = 3\nfrom_class", "each = 7\nfrom_class"),
                                  ("at_least = 4", "at_least = 3")))
    wk = catalog.requirements[1]
    assert (wk.total, wk.each) == (21, 7)
    assert catalog.requirements[2].scores[0].at_least == 3


def test_from_class_after_to_class():
    text = alter(("from_class = 2018", "from_class = 2020"))
    found = problems(text)
    assert len(found) == 1
    expect(found, line(text, "from_class = 2020"), "`from_class = 2020` is after `to_class = 2019` in requirement `wk`")


def test_same_from_and_to_class_is_fine():
    catalog = parse_catalog(alter(("from_class = 2018", "from_class = 2019")))
    assert catalog.requirements[1].class_label() == "class of 2019"


# -- empty catalogs and format -------------------------------------------------------------------------
def _without_blocks(text: str, header: str) -> str:
    """Drop every `header` block (up to the next blank line)."""
    out, skipping = [], False
    for ln in text.splitlines(keepends=True):
        if ln.strip() == header:
            skipping = True
            continue
        if skipping and not ln.strip():
            skipping = False
            continue
        if not skipping:
            out.append(ln)
    return "".join(out)


def test_empty_catalog_without_fields():
    text = _without_blocks(BASE, "[[field]]")
    assert "[[field]]" not in text
    found = problems(text)
    expect(found, 1, "empty catalog: no [[field]] entries")


def test_empty_catalog_without_credentials():
    text = BASE.split("[[credential]]", maxsplit=1)[0]
    found = problems(text)
    assert len(found) == 1
    expect(found, 1, "empty catalog: no [[credential]] entries")


@pytest.mark.parametrize("value", ["2", "0"])
def test_format_other_than_one(value):
    text = alter(("format = 1", f"format = {value}"), ('fields = ["it"]', 'fields = ["nope"]'))
    found = problems(text)
    # Another format: nothing else is judged (the bad field is not reported).
    assert len(found) == 1
    expect(found, 1, f"unsupported `format = {value}`", "reads format 1")


def test_format_missing_or_wrong_type():
    text = alter(("format = 1\n", ""))
    found = problems(text)
    assert len(found) == 1
    expect(found, 1, "missing key `format` in the catalog file")
    text = alter(("format = 1", 'format = "1"'))
    found = problems(text)
    assert len(found) == 1
    expect(found, 1, "`format` in the catalog file must be a whole number, not a string")


# -- all at once, in line order -----------------------------------------------------------------
def test_every_problem_of_a_file_is_reported_at_once_sorted_by_line():
    # [catalog] moved to the end: the loader checks it first, but it must sort last.
    catalog_block = BASE[BASE.index("[catalog]"):BASE.index("[[field]]")]
    text = BASE.replace(catalog_block, "") + "\n" + catalog_block
    text = alter(("checked = 2026-11-01", 'checked = "soon"'), text=text)
    text = alter(('name = "Health"', "name = 5"), ('fields = ["it"]', 'fields = ["itt"]'), text=text)
    found = problems(text)
    assert [p.line for p in found] == sorted(p.line for p in found)
    assert len(found) == 3, [str(p) for p in found]
    expect(found, line(text, "name = 5"), "`name` in field `health`")
    expect(found, line(text, 'fields = ["itt"]'), "field `itt`")
    expect(found, line(text, 'checked = "soon"'), "`checked` in [catalog]")
    assert found[-1].line == line(text, 'checked = "soon"')
    assert str(FileProblems(found)).splitlines() == [str(p) for p in found]


# -- positions inside inline tables and nested arrays of tables ---------------------------------------
def test_error_inside_an_inline_table_points_at_its_line():
    text = alter(("points = { health = 6, it = 3 }",
                  "points = { health = 6, it = 3, law = 2 }"))
    found = problems(text)
    assert len(found) == 1
    expect(found, line(text, "law = 2"), "names field `law`, which is not in its `fields`")


def test_error_in_a_later_requirement_scores_entry_points_at_its_line():
    # A second competency with two options; the error is in its second option, so the
    # nested [[requirement.scores]] index must restart per requirement.
    extra = (
        '\n[[requirement]]\nid = "math"\nkind = "competency"\nname = "Math competency"\ncompetency = "math"\n'
        '\n[[requirement.scores]]\nassessment = "workkeys"\npart = "Graphic Literacy"\nat_least = 5\n'
        '\n[[requirement.scores]]\nassessment = "workkeys"\npart = "Graphic Literacy"\nat_least = 99\n'
    )
    text = BASE + extra
    found = problems(text)
    assert len(found) == 1
    expect(found, line(text, "at_least = 99"), "score option #2 of requirement `math`", "outside ACT WorkKeys's 3..7")


def test_scores_option_missing_condition_points_at_its_header():
    text = alter(("assessment = \"workkeys\"\neach = 3\n\n[[credential]]", "assessment = \"workkeys\"\n\n[[credential]]"))
    found = problems(text)
    assert len(found) == 1
    expect(found, line(text, "[[requirement.scores]]", nth=2), "score option #2 of requirement `english` needs")


# -- files on disk ---------------------------------------------------------------------------------------
def test_a_file_with_a_byte_order_mark_loads(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.encode("utf-8"))
    catalog = load_catalog(path)
    assert catalog.id == "test" and len(catalog.credentials) == 2
    assert catalog.path == str(path)


def test_bom_does_not_shift_error_lines(tmp_path):
    text = alter(("max = 7", 'max = "7"'))
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    with pytest.raises(FileProblems) as info:
        load_catalog(path, display="bom.toml")
    assert [(p.file, p.line) for p in info.value.problems] == [("bom.toml", line(text, 'max = "7"'))]


def test_non_utf8_file_gives_a_problem_with_its_line(tmp_path):
    text = alter(('name = "Health"', 'name = "Sant\xe9"'))
    path = tmp_path / "latin1.toml"
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(FileProblems) as info:
        load_catalog(path, display="latin1.toml")
    (p,) = info.value.problems
    assert p.line == line(text, 'name = "Sant')
    assert "not UTF-8" in p.message and "0xe9" in p.message


def test_missing_file_gives_a_clear_problem(tmp_path):
    path = tmp_path / "nope.toml"
    with pytest.raises(FileProblems) as info:
        load_catalog(path)
    (p,) = info.value.problems
    assert p == Problem(str(path), 0, "no such file")
    assert str(p) == f"{path}: no such file"


def test_a_directory_is_not_a_catalog(tmp_path):
    with pytest.raises(FileProblems) as info:
        load_catalog(tmp_path, display="dir")
    assert str(info.value.problems[0]) == "dir: is a directory, not a file"


def test_problem_str_is_file_line_message():
    assert str(Problem("ohio.toml", 12, "unknown key `x`")) == "ohio.toml:12: unknown key `x`"
    p = problems(alter(("max = 7", 'max = "7"')))[0]
    assert str(p) == f"{DISPLAY}:{p.line}: {p.message}"


# -- tomlpos.key_lines ---------------------------------------------------------------------------------------
def _lines(text: str) -> dict:
    import tomllib

    tomllib.loads(text)  # key_lines assumes text that already parsed
    return key_lines(text)


def test_key_lines_after_multiline_strings():
    text = (
        'a = """\n'
        'one "quoted" line\n'
        'ends with \\""" still inside\n'
        'x = 1 is text, not a key\n'
        '"""\n'
        "b = '''\n"
        "literal \\ with [brackets] and # hash\n"
        "'''\n"
        'c = """a""""\n'
        'd = "one # not a comment [x]"\n'
        "e = 5\n"
    )
    lines = _lines(text)
    assert lines[("a",)] == 1
    assert lines[("b",)] == 6
    assert lines[("c",)] == 9
    assert lines[("d",)] == 10
    assert lines[("e",)] == 11
    assert ("x",) not in lines


def test_key_lines_arrays_spanning_lines_with_comments_containing_brackets():
    text = (
        "# [[field]] in a comment is not a table\n"
        "[[field]]  # [another] comment\n"
        'id = "it"\n'
        "tags = [  # ] not the end\n"
        '  "one",\n'
        "  # [[field]] still a comment\n"
        '  "two", "three",\n'
        "  [\n"
        "    4,\n"
        "  ],\n"
        "]\n"
        "after = 1\n"
        "[[field]]\n"
        'id = "health"\n'
    )
    lines = _lines(text)
    assert lines[("field",)] == 2
    assert lines[("field", 0)] == 2
    assert lines[("field", 0, "tags")] == 4
    assert lines[("field", 0, "tags", 0)] == 5
    assert lines[("field", 0, "tags", 1)] == 7
    assert lines[("field", 0, "tags", 2)] == 7
    assert lines[("field", 0, "tags", 3)] == 8
    assert lines[("field", 0, "tags", 3, 0)] == 9
    assert lines[("field", 0, "after")] == 12
    assert lines[("field", 1)] == 13
    assert lines[("field", 1, "id")] == 14
    assert ("field", 2) not in lines


def test_key_lines_nested_array_of_tables_indexes():
    text = (
        "[[requirement]]\n"          # 1
        'id = "english"\n'
        "[[requirement.scores]]\n"   # 3
        "part = 'A'\n"
        "[[requirement.scores]]\n"   # 5
        "part = 'B'\n"
        "[[requirement]]\n"          # 7
        'id = "math"\n'
        "[[requirement.scores]]\n"   # 9
        "at_least = 3\n"             # 10
        "[requirement.extra]\n"      # 11
        "x = 1\n"                    # 12
    )
    lines = _lines(text)
    assert lines[("requirement", 0, "scores", 0)] == 3
    assert lines[("requirement", 0, "scores", 1, "part")] == 6
    assert lines[("requirement", 1)] == 7
    assert lines[("requirement", 1, "scores", 0)] == 9
    assert lines[("requirement", 1, "scores", 0, "at_least")] == 10
    assert ("requirement", 1, "scores", 1) not in lines
    assert lines[("requirement", 1, "extra", "x")] == 12


def test_key_lines_inline_tables_dotted_and_quoted_keys():
    text = (
        "[[credential]]\n"
        'id = "x"\n'
        "points = { health = 6, \"it\" = 3 }\n"
        "[scores.workkeys]\n"
        '"Applied Math" = 5\n'
        "'Graphic Literacy' = \"<3\"\n"
        "site.url = 'https://x'\n"
        "checked = 2026-11-01 # date\n"
        "y = 1\n"
    )
    lines = _lines(text)
    assert lines[("credential", 0, "points", "health")] == 3
    assert lines[("credential", 0, "points", "it")] == 3
    assert lines[("scores", "workkeys")] == 4
    assert lines[("scores", "workkeys", "Applied Math")] == 5
    assert lines[("scores", "workkeys", "Graphic Literacy")] == 6
    assert lines[("scores", "workkeys", "site", "url")] == 7
    assert lines[("scores", "workkeys", "y")] == 9


def test_line_of_falls_back_to_the_nearest_ancestor():
    lines = _lines("[[credential]]\nid = 'x'\n\n[[credential]]\nid = 'y'\n")
    assert line_of(lines, ("credential", 1, "points")) == 4
    assert line_of(lines, ("credential", 1, "points", "it")) == 4
    assert line_of(lines, ("nothing", "here")) == 1
    assert line_of(lines, ()) == 1


def test_key_lines_with_crlf_line_endings():
    text = "a = 1\r\n# c [x]\r\n[t]\r\nb = [\r\n 1,\r\n 2]\r\n"
    lines = _lines(text)
    assert lines[("t", "b", 1)] == 6
    assert lines[("t",)] == 3
