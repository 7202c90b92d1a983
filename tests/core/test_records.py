"""`@record` behaves as `@dataclass(frozen=True, slots=True)` does, for what the core uses."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import FrozenInstanceError, dataclass, field
from types import MappingProxyType

import pytest

from credplan.core import model
from credplan.core import problems
from credplan.core import rules
from credplan.core.records import record


def _twin(decorate):
    class Sample:
        """A sample with every kind of field the core uses."""

        id: str
        points: int
        note: str = ""
        tags: tuple[str, ...] = ()
        table: dict[str, int] = field(default_factory=dict, compare=False)
        frozen_table: object = field(default_factory=lambda: MappingProxyType({}), hash=False)
        hidden: int = field(default=0, repr=False)

        def label(self) -> str:
            return f"{self.id}:{self.points}"

    return decorate(Sample)


Record = _twin(record)
Data = _twin(dataclass(frozen=True, slots=True))


def both(*args, **kwargs):
    return Record(*args, **kwargs), Data(*args, **kwargs)


@pytest.mark.parametrize(
    "args, kwargs",
    [(("a", 1), {}), (("a", 1, "n", ("x",)), {"table": {"k": 1}}), ((), {"id": "b", "points": 2, "hidden": 7})],
)
def test_construction_repr_eq_hash_as_a_dataclass(args, kwargs):
    r, d = both(*args, **kwargs)
    assert repr(r) == repr(d)
    assert [getattr(r, f.name) for f in dataclasses.fields(r)] == [getattr(d, f.name) for f in dataclasses.fields(d)]
    assert hash(r) == hash(d)  # the same tuple is hashed
    r2, _ = both(*args, **kwargs)
    assert r == r2 and not (r != r2) and hash(r) == hash(r2)  # noqa: SIM202 (both operators are under test)
    assert r.label() == d.label()
    assert Record.__match_args__ == Data.__match_args__
    assert Record.__slots__ == Data.__slots__ and not hasattr(r, "__dict__")


def test_compare_false_fields_and_other_types():
    a, b = Record("a", 1, table={"x": 1}), Record("a", 1, table={"y": 2})
    assert a == b and hash(a) == hash(b)
    assert Record("a", 1) != Record("a", 2)
    assert Record("a", 1) != Data("a", 1)  # another class is never equal, as with dataclasses
    assert Record("a", 1).__eq__(("a", 1)) is NotImplemented


def test_hash_false_and_unhashable_fields():
    a, b = both("a", 1, frozen_table=MappingProxyType({"x": 1}))
    assert hash(a) == hash(b) == hash(Record("a", 1))  # not hashed, still compared
    assert a != Record("a", 1)

    @record
    class Scores:
        """Like Plan.scores: compared and hashed, but a mappingproxy cannot be."""

        scores: object

    with pytest.raises(TypeError, match="unhashable"):
        hash(Scores(MappingProxyType({})))


def test_default_factories_make_a_new_value_each_time():
    a, b = Record("a", 1), Record("b", 2)
    assert a.table == {} and a.table is not b.table
    assert Record("a", 1, table=None).table is None  # only the omitted argument is made


def test_frozen():
    r = Record("a", 1)
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'id'"):
        r.id = "b"
    with pytest.raises(FrozenInstanceError, match="cannot delete field 'points'"):
        del r.points
    with pytest.raises(FrozenInstanceError):
        r.anything = 1


def test_dataclasses_functions_work_on_records():
    r = Record("a", 1, "n")
    assert dataclasses.is_dataclass(r)
    assert [f.name for f in dataclasses.fields(r)] == [f.name for f in dataclasses.fields(Data)]
    changed = dataclasses.replace(r, points=5)
    assert isinstance(changed, Record) and changed.points == 5 and changed.note == "n" and r.points == 1


def test_pickle_and_copy():
    r = Record("a", 1, "n", ("t",), {"k": 2}, hidden=3)
    again = copy.copy(r)
    assert again == r and again.table == {"k": 2} and again.hidden == 3
    for value in (model.Selection("a", "earned"), problems.Problem("f.toml", 3, "bad"), model.CatalogStamp("ohio")):
        assert pickle.loads(pickle.dumps(value)) == value == copy.deepcopy(value)


def test_wrong_arguments_raise_type_error():
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'points'"):
        Record("a")
    with pytest.raises(TypeError, match="unexpected keyword argument 'nope'"):
        Record("a", 1, nope=2)
    assert Record.__init__.__qualname__.endswith("Sample.__init__")


def test_what_record_refuses():
    class NoDoc:
        x: int

    with pytest.raises(TypeError, match="needs a docstring"):
        record(NoDoc)

    class PostInit:
        """Doc."""

        x: int

        def __post_init__(self) -> None:
            pass

    with pytest.raises(TypeError, match="__post_init__"):
        record(PostInit)

    class NoInit:
        """Doc."""

        x: int = field(default=0, init=False)

    with pytest.raises(TypeError, match="init=False"):
        record(NoInit)


def test_the_core_data_classes_are_records():
    for module in (model, rules, problems):
        for value in vars(module).values():
            if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == module.__name__:
                assert value.__setattr__ is Record.__setattr__, value.__qualname__
