"""The plan file: a TOML round trip, errors with lines, and score text."""

from __future__ import annotations

import datetime as dt
import tomllib
from types import MappingProxyType

import pytest

from credplan.core.model import BELOW, EARNED, PLANNED, CatalogStamp, Plan, Selection, freeze_scores
from credplan.core.plans import dump_plan, parse_plan, parse_score_text
from credplan.core.problems import FileProblems


def full_plan(stamp: CatalogStamp | None) -> Plan:
    return Plan(
        student="Ana López",
        class_of=2027,
        pinned_field="it",
        selections=(Selection("comptia-a-plus", PLANNED), Selection("ohio-driver-license", EARNED)),
        scores=freeze_scores({"workkeys": {"Applied Math": 5, "Graphic Literacy": BELOW, "Workplace Documents": 7}}),
        notes='Talked to counselor.\nNext: "Security+" # maybe [spring]',
        catalog=stamp,
        known_points=MappingProxyType({"comptia-a-plus": MappingProxyType({"it": 12})}),
    )


def test_round_trip_with_the_catalog_writes_below_as_its_label(ohio):
    plan = full_plan(CatalogStamp("ohio", ohio.info.checked))
    text = dump_plan(plan, ohio)
    assert tomllib.loads(text)["scores"]["workkeys"]["Graphic Literacy"] == "<3"
    assert '"Graphic Literacy" = "<3"' in text
    back = parse_plan(text)
    assert back == plan
    assert back.score("workkeys", "Graphic Literacy") is BELOW
    assert back.catalog == CatalogStamp("ohio", ohio.info.checked)


def test_round_trip_without_a_catalog():
    plan = full_plan(CatalogStamp("ohio", dt.date(2026, 11, 1)))
    text = dump_plan(plan)
    assert tomllib.loads(text)["scores"]["workkeys"]["Graphic Literacy"] == "<"
    assert parse_plan(text) == plan


def test_dumping_with_a_catalog_stamps_it(ohio):
    text = dump_plan(Plan(student="B"), ohio)
    assert parse_plan(text).catalog == CatalogStamp(ohio.id, ohio.info.checked)


def test_round_trip_of_an_empty_plan():
    text = dump_plan(Plan())
    assert tomllib.loads(text) == {"format": 1, "student": ""}
    assert parse_plan(text) == Plan()


def test_plan_without_optional_keys():
    plan = parse_plan('student = "Sam"\n[[selection]]\nid = "x"\n')
    assert plan == Plan(student="Sam", selections=(Selection("x", PLANNED),))


def problems(text: str):
    with pytest.raises(FileProblems) as info:
        parse_plan(text, "plan.toml")
    return info.value.problems


def line_no(text: str, snippet: str) -> int:
    hits = [i for i, ln in enumerate(text.splitlines(), 1) if snippet in ln]
    assert len(hits) == 1, hits
    return hits[0]


def only(found, at: int, *words: str):
    assert len(found) == 1, [str(p) for p in found]
    p = found[0]
    assert p.file == "plan.toml" and p.line == at, str(p)
    for w in words:
        assert w in p.message, str(p)
    return p


def test_bad_status():
    text = 'format = 1\nstudent = "Ana"\n\n[[selection]]\nid = "a"\nstatus = "planned"\n\n[[selection]]\nid = "b"\nstatus = "done"\n'
    only(problems(text), line_no(text, '"done"'), "status `done` of selection #2 must be planned or earned")


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ('class_of = "2027"', "`class_of` in the plan must be a whole number, not a string"),
        ("student = 5", "`student` in the plan must be a string, not an integer"),
        ("format = true", "`format` in the plan file must be a whole number, not a boolean"),
        ("class_of = 1900", "graduating class 1900 is not a year between 1950 and 2100"),
        ("format = 2", "unsupported plan `format = 2`"),
        ("selection = 3", "`selection` must be an array of tables ([[selection]]), not an integer"),
        ("scores = 3", "`scores` must be a table, not an integer"),
        ('pinned_field = ""', "`pinned_field` in the plan is empty"),
    ],
)
def test_wrong_types_and_values(bad, words):
    text = f'# a plan\n# a comment\n{bad}\nnotes = "n"\n'
    only(problems(text), 3, words)


def test_unknown_key_with_hint():
    text = 'format = 1\nstudnet = "Ana"\n'
    p = only(problems(text), 2, "unknown key `studnet` in the plan file")
    assert p.message.endswith("(did you mean `student`?)")


def test_unknown_key_in_a_selection():
    text = '[[selection]]\nid = "a"\nstatuss = "earned"\n'
    only(problems(text), 3, "unknown key `statuss` in selection #1", "(did you mean `status`?)")


def test_selection_without_id():
    text = 'student = "A"\n\n[[selection]]\nstatus = "earned"\n'
    only(problems(text), 3, "missing key `id` in selection #1")


@pytest.mark.parametrize("value", ['"five"', "5.5", "true", '"3<"', '""'])
def test_bad_score_value_has_a_line(value):
    text = f'student = "A"\n\n[scores.workkeys]\n"Applied Math" = 5\n"Graphic Literacy" = {value}\n'
    only(problems(text), 5, "score for workkeys `Graphic Literacy` must be a whole number or \"<3\"-style")


def test_scores_of_an_assessment_must_be_a_table():
    text = 'student = "A"\n[scores]\nworkkeys = 5\n'
    only(problems(text), 3, "scores for `workkeys` must be a table of part = level, not an integer")


def test_catalog_stamp_errors():
    text = 'student = "A"\n\n[catalog]\nid = "ohio"\nchecked = "yesterday"\n'
    only(problems(text), 5, "`checked` in [catalog] of the plan must be a date, not a string")
    text = 'student = "A"\n\n[catalog]\nchecked = 2026-01-01\n'
    only(problems(text), 3, "missing key `id` in [catalog] of the plan")


def test_all_plan_errors_at_once_sorted_by_line():
    text = (
        'studnet = "A"\n'          # 1
        "class_of = 20270\n"       # 2
        "\n"
        "[[selection]]\n"          # 4
        'id = "a"\n'
        'status = "maybe"\n'       # 6
        "\n"
        "[scores.workkeys]\n"
        '"Applied Math" = "x"\n'   # 9
    )
    found = problems(text)
    assert [p.line for p in found] == [1, 2, 6, 9]
    assert str(found[2]) == "plan.toml:6: status `maybe` of selection #1 must be planned or earned"


def test_plan_toml_syntax_error_has_a_line():
    text = 'student = "A"\nclass_of = \n'
    p = only(problems(text), 2, "TOML syntax")
    assert str(p).startswith("plan.toml:2: TOML syntax: ")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5", 5),
        (" 7 ", 7),
        ("+4", 4),
        ("36", 36),
        ("<3", BELOW),
        ("<", BELOW),
        (" < 3 ", BELOW),
        ("<200", BELOW),
        ("", None),
        ("   ", None),
    ],
)
def test_parse_score_text(text, value):
    result = parse_score_text(text)
    if value is BELOW or value is None:
        assert result is value
    else:
        assert result == value and type(result) is int


@pytest.mark.parametrize("text", ["five", "5.5", "-1", "3<", "<3>", "5 5", "0x5", "<-3"])
def test_parse_score_text_rejects(text):
    with pytest.raises(ValueError):
        parse_score_text(text)
