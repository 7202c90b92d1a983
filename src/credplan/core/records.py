"""`@record`: a frozen, slotted dataclass that is quick to create.

The catalog model, the rules' results and `Problem` are frozen dataclasses with slots,
and `credplan check` creates fifteen of them before it reads a file. On Python 3.11
`@dataclass(frozen=True, slots=True)` compiles six methods per class, one `exec` each
(`__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__`, `__delattr__`): about
1.5 ms a class, a third of what a `check` cost. `record` compiles only `__init__`
(the one method that must know the fields' names and defaults) and gives every record
the same `__repr__`, `__eq__`, `__hash__`, frozen `__setattr__`/`__delattr__` and
pickling methods, which read the class's fields through `operator.attrgetter`. A
record behaves as `@dataclass(frozen=True, slots=True)` would: same constructor, repr,
equality, hash, `FrozenInstanceError`, `__match_args__`, pickling and copying, and
`dataclasses.replace`, `fields` and `is_dataclass` work on it
(tests/core/test_records.py compares the two).

What it does not do (a `TypeError` says so): `__post_init__`, `field(init=False)`,
`kw_only`, and a class without a docstring (dataclasses would load `inspect` to write
one, which the command line defers; see `cli._DeferredInspect`).
"""

from __future__ import annotations

from dataclasses import MISSING, FrozenInstanceError, dataclass, fields
from operator import attrgetter
from reprlib import recursive_repr

TYPE_CHECKING = False  # typing costs milliseconds at every start; annotations here are never evaluated
if TYPE_CHECKING:
    from typing import Any, TypeVar, dataclass_transform
    from collections.abc import Callable

    T = TypeVar("T", bound=type)
else:  # at run time the decorator is a no-op; type checkers read the real one

    def dataclass_transform(**_kwargs):
        return lambda f: f


def _values(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function returning the named attributes of an object as a tuple."""
    if len(names) >= 2:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _eq(self: Any, other: Any) -> bool:
    if other.__class__ is self.__class__:
        key = self.__record_compared__
        return key(self) == key(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self.__record_hashed__(self))


@recursive_repr()
def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_shown__)
    return f"{self.__class__.__qualname__}({shown})"


def _setattr(self: Any, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: Any) -> list[Any]:
    return [getattr(self, f.name) for f in fields(self)]


def _setstate(self: Any, state: list[Any]) -> None:
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


_FACTORY = object()
"""The default of an argument whose field has a `default_factory`."""


@dataclass_transform(frozen_default=True)
def record(cls: T) -> T:
    """`@dataclass(frozen=True, slots=True)`, created in a quarter of the time."""
    if not cls.__dict__.get("__doc__"):
        raise TypeError(f"record {cls.__qualname__} needs a docstring")
    if "__post_init__" in cls.__dict__:
        raise TypeError(f"record {cls.__qualname__}: __post_init__ is not supported")
    cls = dataclass(init=False, repr=False, eq=False, slots=True)(cls)  # type: ignore[assignment]
    every = fields(cls)
    args: list[str] = []
    body: list[str] = []
    names: dict[str, Any] = {"__setattr": object.__setattr__, "__FACTORY": _FACTORY}
    for f in every:
        if not f.init or f.kw_only:
            raise TypeError(f"record {cls.__qualname__}.{f.name}: init=False and kw_only are not supported")
        value = f.name
        if f.default is not MISSING:
            names[f"__default_{f.name}"] = f.default
            args.append(f"{f.name}=__default_{f.name}")
        elif f.default_factory is not MISSING:
            names[f"__factory_{f.name}"] = f.default_factory
            args.append(f"{f.name}=__FACTORY")
            value = f"__factory_{f.name}() if {f.name} is __FACTORY else {f.name}"
        else:
            args.append(f.name)
        body.append(f"    __setattr(self, {f.name!r}, {value})")
    source = f"def __init__(self, {', '.join(args)}):\n" + ("\n".join(body) or "    pass") + "\n"
    exec(source, names)  # the one compilation a record costs
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    cls.__init__ = init  # type: ignore[misc]
    cls.__record_compared__ = staticmethod(_values(tuple(f.name for f in every if f.compare)))  # type: ignore[attr-defined]
    hashed = tuple(f.name for f in every if (f.compare if f.hash is None else f.hash))
    cls.__record_hashed__ = staticmethod(_values(hashed))  # type: ignore[attr-defined]
    cls.__record_shown__ = tuple(f.name for f in every if f.repr)  # type: ignore[attr-defined]
    cls.__eq__ = _eq  # type: ignore[method-assign,assignment]
    cls.__hash__ = _hash  # type: ignore[method-assign,assignment]
    cls.__repr__ = _repr  # type: ignore[method-assign,assignment]
    cls.__setattr__ = _setattr  # type: ignore[method-assign,assignment]
    cls.__delattr__ = _delattr  # type: ignore[method-assign,assignment]
    cls.__getstate__ = _getstate  # type: ignore[method-assign,assignment]
    cls.__setstate__ = _setstate  # type: ignore[attr-defined]
    return cls
