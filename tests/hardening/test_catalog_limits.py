"""What a catalog may hold, bounded: costs and hours within real ranges (no inf, nan or
1e308 that overflows the suggestions), text of a sane length, ids by one rule, and
validation that stays linear in the size of the file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from credplan.core.catalog import parse_catalog
from credplan.core.model import Plan
from credplan.core.problems import FileProblems
from bigcatalogs import SCALING, catalog_with

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def credplan(tmp_path):
    env = dict(os.environ, CREDPLAN_DATA_DIR=str(tmp_path / "data"), NO_COLOR="1")

    def run(*args: str, timeout: float = 20) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [sys.executable, "-m", "credplan", *map(str, args)], cwd=REPO, env=env, capture_output=True,
            text=True, timeout=timeout,
        )
        assert "Traceback" not in done.stderr, done.stderr[-3000:]
        return done

    return run


# -- numbers a loader must bound ------------------------------------------------------------------
def one_credential(extra: str) -> str:
    return (
        'format = 1\n[catalog]\nid = "t"\ntitle = "T"\nregion = "R"\nsource = "https://x"\nchecked = 2026-01-01\n'
        '[[field]]\nid = "it"\nname = "IT"\n'
        '[[requirement]]\nid = "bundle"\nkind = "bundle"\nname = "Bundle"\npoints = 12\n'
        f'[[credential]]\nid = "a"\nname = "A"\nfields = ["it"]\npoints = 3\n{extra}\n'
        '[[credential]]\nid = "b"\nname = "B"\nfields = ["it"]\npoints = 3\ncost = 10\nhours = 5\n'
    )


@pytest.mark.parametrize(
    "extra, words",
    [
        ("cost = inf", "cost"),
        ("cost = 1e308", "cost"),
        ("cost = 100001", "100000"),
        ("hours = 1e308", "hours"),
        ("hours = inf", "hours"),
        ("hours = 10001", "10000"),
        ("cost = -inf", "cost"),
    ],
)
def test_costs_and_hours_are_bounded(extra, words):
    with pytest.raises(FileProblems) as info:
        parse_catalog(one_credential(extra), "c.toml")
    (problem,) = info.value.problems
    assert problem.line == 21 and words in problem.message


@pytest.mark.parametrize("key", ["cost", "hours"])
def test_nan_is_not_a_number(key):
    with pytest.raises(FileProblems) as info:
        parse_catalog(one_credential(f"{key} = nan"), "c.toml")
    (problem,) = info.value.problems
    assert "must be a number" in problem.message and "negative" not in problem.message


def test_the_largest_allowed_amounts_still_suggest(tmp_path):
    from credplan.core.completions import completions

    catalog = parse_catalog(one_credential("cost = 100000\nhours = 10000"), "c.toml")
    for by in ("count", "cost", "hours", "overshoot"):
        completions(catalog, Plan(), None, by, 5)


def test_suggest_on_a_catalog_that_used_to_overflow(credplan, tmp_path):
    cat = tmp_path / "c.toml"
    cat.write_text(one_credential("cost = inf\nhours = 1e308"), encoding="utf-8")
    assert credplan("validate", cat).returncode == 1
    plan = tmp_path / "p.toml"
    plan.write_text('format = 1\nstudent = "Ana"\n', encoding="utf-8")
    done = credplan("suggest", "--catalog", cat, "--plan", plan)
    assert done.returncode == 2 and f"{cat}:21:" in done.stderr


# -- text lengths ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "key, length, limit",
    [("name", 201, "200"), ("name", 5_000_000, "200"), ("issuer", 201, "200"), ("url", 2001, "2000")],
)
def test_long_text_is_refused(key, length, limit):
    text = one_credential("").replace('name = "A"', f'{key} = "{"x" * length}"' + ('\nname = "A"' if key != "name" else ""))
    with pytest.raises(FileProblems) as info:
        parse_catalog(text, "c.toml")
    (problem,) = info.value.problems
    assert limit in problem.message and problem.line == 18


def test_notes_may_be_long_but_not_unbounded():
    base = one_credential("")
    ok = base.replace('source = "https://x"', 'source = "https://x"\nnotes = "' + "n" * 10_000 + '"')
    parse_catalog(ok, "c.toml")
    with pytest.raises(FileProblems):
        parse_catalog(ok.replace("n" * 10_000, "n" * 10_001), "c.toml")


# -- ids ---------------------------------------------------------------------------------------------
BAD_IDS = ["with/slash", "with space", "esc\x1b[31m", "UPPER", "Ana", "-leading", ".hidden", "x" * 65, "é", "", "a\u0301"]


@pytest.mark.parametrize("bad", BAD_IDS, ids=lambda s: repr(s)[:20])
@pytest.mark.parametrize("kind", ["field", "credential", "assessment", "requirement", "catalog"])
def test_every_id_follows_the_id_rule(kind, bad):
    quoted = '"' + bad.replace("\x1b", "\\u001b") + '"'
    if kind == "field":
        text = catalog_with(fields=f'[[field]]\nid = {quoted}\nname = "F"\n')
    elif kind == "credential":
        text = catalog_with(credentials=f'[[credential]]\nid = {quoted}\nname = "B"\nfields = ["it"]\n')
    elif kind == "assessment":
        text = catalog_with(assessments=f'[[assessment]]\nid = {quoted}\nname = "W"\nparts = ["P"]\nmin = 1\nmax = 7\n')
    elif kind == "requirement":
        text = catalog_with(requirements=f'[[requirement]]\nid = {quoted}\nkind = "bundle"\nname = "B"\npoints = 12\n')
    else:
        text = catalog_with().replace('id = "t"', f"id = {quoted}")
    with pytest.raises(FileProblems) as info:
        parse_catalog(text, "c.toml")
    assert any(("id" in p.message) for p in info.value.problems), info.value


def test_the_id_rule_keeps_real_ids():
    ok = ["a", "0", "comptia-a-plus", "ohio.2026", "a_b", "x" * 64, "ohio-driver-license"]
    for ident in ok:
        parse_catalog(catalog_with(credentials=f'[[credential]]\nid = "{ident}x"\nname = "B"\nfields = ["it"]\n'[:0] + "")
                      .replace('id = "a"', f'id = "{ident}"'), "c.toml")


@pytest.mark.parametrize(
    "first, second",
    [("café", "cafe\u0301"), ("Ana", "ana"), ("a-plus", "A-PLUS")],
)
def test_ids_that_differ_only_by_case_or_normalization_are_duplicates(first, second):
    from credplan.core import catalog as loader

    class Loose:  # even a rule that let such ids through would not make two credentials of them
        match = staticmethod(lambda s: True)

    text = catalog_with(credentials=f'[[credential]]\nid = "{first}"\nname = "B"\nfields = ["it"]\n'
                        f'[[credential]]\nid = "{second}"\nname = "C"\nfields = ["it"]\n')
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(loader, "_ID", Loose)
        with pytest.raises(FileProblems) as info:
            parse_catalog(text, "c.toml")
    assert any("duplicate credential id" in p.message for p in info.value.problems), info.value


# -- linear validation ----------------------------------------------------------------------------------
# Counted, not timed: CI shares its cores, and a timed ratio failed there once (x10 for x4 the
# input) with nothing quadratic in the loader. The checks run on the parsed file with every
# string a `_Counted`, whose == and hash are Python calls: a `list.index` or `x in list` in a
# loop (a 50,000-part assessment once took 16 s that way) shows up as calls like any Python
# loop. Counts are the same on any machine and under any load; `make bench` prints the times.
class _Counted(str):
    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return str.__eq__(self, other)  # type: ignore[no-any-return]

    def __ne__(self, other: object) -> bool:
        return str.__ne__(self, other)  # type: ignore[no-any-return]

    def __hash__(self) -> int:
        return str.__hash__(self)


def _counted(value: object) -> object:
    if isinstance(value, str):
        return _Counted(value)
    if isinstance(value, dict):
        return {_Counted(k): _counted(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_counted(v) for v in value]
    return value


def _calls_to_load(text: str) -> int:
    from credplan.core.catalog import _Loader
    from credplan.core.problems import Checker, parse_toml

    doc = _counted(parse_toml(text, "big.toml"))
    calls = 0

    def count(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        _Loader(doc, Checker("big.toml", text), "big.toml").load()  # type: ignore[arg-type]
    except FileProblems:
        pass
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize("make", SCALING.values(), ids=SCALING.keys())
def test_validation_is_linear(make):
    small, big = _calls_to_load(make(1_000)), _calls_to_load(make(4_000))
    # linear: x4 the calls (a little less, for the fixed part); quadratic: x16.
    assert big < small * 5, (small, big)


def test_import_csv_takes_only_catalog_ids_the_loader_takes():
    import datetime as dt

    from credplan.core.csv_import import ImportOptions, import_csv_text

    text = "name,career_field,points\nA,IT,3\n"
    for ident in ("x" * 65, "a\n"):
        options = ImportOptions(ident, "T", "https://x", "R", dt.date(2026, 1, 1))
        with pytest.raises(FileProblems):
            import_csv_text(text, "l.csv", options)
    import_csv_text(text, "l.csv", ImportOptions("x" * 64, "T", "https://x", "R", dt.date(2026, 1, 1)))


# -- a plan file takes no more than a catalog could give it ----------------------------------------------
@pytest.mark.parametrize(
    "body, line, words",
    [
        ('student = "' + "A" * 1001 + '"\n', 2, "`student` in the plan is 1001 characters long; at most 1000"),
        ('pinned_field = "' + "f" * 1001 + '"\n', 2, "`pinned_field`"),
        ('[[selection]]\nid = "' + "x" * 50_000 + '"\n', 3, "`id` in selection #1 is 50000 characters long; at most 1000"),
        ('[catalog]\nid = "' + "c" * 1001 + '"\n', 3, "`id` in [catalog] of the plan"),
        ('[catalog]\nid = "c"\npath = "/' + "p" * 5000 + '"\n', 4, "`path` in [catalog] of the plan"),
        ('[scores.workkeys]\n"' + "P" * 1001 + '" = 5\n', 2, "over 1000 characters long"),
    ],
    ids=["student", "pinned", "selection-id", "catalog-id", "catalog-path", "score-part"],
)
def test_plan_text_is_bounded(body, line, words):
    """A hand-edited plan with a 900,000-character name wrote it whole into the
    terminal's title at every start; a 50,000-character id filled the planner's lines.
    The bound (1,000) is far above anything a person enters (names 200, ids 64), so no
    real plan is kept aside for it."""
    from credplan.core.plans import parse_plan

    with pytest.raises(FileProblems) as info:
        parse_plan("format = 1\n" + body, "p.toml")
    (problem,) = info.value.problems
    assert problem.line == line and words in problem.message, problem


def test_the_longest_allowed_plan_text_still_reads():
    from credplan.core.plans import parse_plan

    plan = parse_plan(
        'format = 1\nstudent = "' + "A" * 1000 + '"\nnotes = "' + "n" * 100_000 + '"\n[[selection]]\nid = "' + "x" * 1000
        + '"\n[scores.workkeys]\n"' + "P" * 1000 + '" = 5\n', "p.toml"
    )
    assert len(plan.student) == 1000 and len(plan.selections[0].id) == 1000 and len(plan.notes) == 100_000


def test_check_given_such_a_plan_names_the_file_line_and_problem(tmp_path, credplan):
    plan = tmp_path / "p.toml"
    plan.write_text('format = 1\nstudent = "' + "A" * 900_000 + '"\n', encoding="utf-8")
    done = credplan("check", "--plan", plan, "--catalog", "ohio")
    assert done.returncode == 2
    assert done.stderr.strip() == f"{plan}:2: `student` in the plan is 900000 characters long; at most 1000 are allowed"


def test_the_store_never_writes_a_plan_it_could_not_read_back(tmp_path):
    """Every front-end stops a name at 200 characters before it gets here; the store still
    refuses to write what its own reader would refuse, so nothing can leave a plan that
    the next start keeps aside as broken, the student's picks with it."""
    from credplan.core.model import Plan, Selection
    from credplan.core.plan_errors import PlanSaveFailed
    from credplan.core.plans import read_plan
    from credplan.core.store import PlanStore

    path = tmp_path / "p.toml"
    with PlanStore(path) as store:
        store.open("Ana")
        store.save(Plan(student="Ana", selections=(Selection("a"),)))
        with pytest.raises(PlanSaveFailed) as info:
            store.save(Plan(student="A" * 1001, selections=(Selection("a"), Selection("b"))))
        assert "could not read it back" in str(info.value) and "at most 1000" in str(info.value)
    assert read_plan(path) == Plan(student="Ana", selections=(Selection("a"),))
