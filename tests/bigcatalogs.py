"""Catalogs that grow with n, for the loader's scaling: the linear-validation test counts
the work of loading each at two sizes, `make bench` times it (benchmarks/validation.py)."""

from __future__ import annotations

from collections.abc import Callable


def catalog_with(credentials: str = "", fields: str = "", assessments: str = "", requirements: str = "") -> str:
    return (
        'format = 1\n[catalog]\nid = "t"\ntitle = "T"\nregion = "R"\nsource = "https://x"\nchecked = 2026-01-01\n'
        '[[field]]\nid = "it"\nname = "IT"\n' + fields
        + '[[credential]]\nid = "a"\nname = "A"\nfields = ["it"]\n' + credentials + assessments + requirements
    )


def many_parts(n: int, twice: bool = False) -> str:
    parts = ", ".join(f'"p{i % (n // 2) if twice else i}"' for i in range(n))
    return catalog_with(assessments=f'[[assessment]]\nid = "w"\nname = "W"\nparts = [{parts}]\nmin = 1\nmax = 7\n')


def many_fields(n: int, bad: bool = False, slow: bool = False) -> str:
    """One credential listed in n fields with a points table; `bad`: none of them
    exists; `slow`: a wrong `verified` sends it through the full check."""
    fields = "".join(f'[[field]]\nid = "f{i}"\nname = "F{i}"\n' for i in range(n))
    listed = ", ".join(f'"{"g" if bad else "f"}{i}"' for i in range(n))
    table = ", ".join(f"f{i} = 1" for i in range(n))
    extra = 'verified = "no"\n' if slow else ""
    return catalog_with(
        fields=fields, credentials=f'[[credential]]\nid = "b"\nname = "B"\nfields = [{listed}]\npoints = {{ {table} }}\n{extra}'
    )


def many_wrong_names(n: int) -> str:
    """n credentials each naming a field that does not exist, among n fields: every one
    wants a `did you mean`."""
    fields = "".join(f'[[field]]\nid = "field-{i}"\nname = "F{i}"\n' for i in range(n))
    creds = "".join(f'[[credential]]\nid = "c{i}"\nname = "C"\nfields = ["feld-{i}"]\n' for i in range(n))
    return catalog_with(fields=fields, credentials=creds)


SCALING: dict[str, Callable[[int], str]] = {
    "parts": many_parts,
    "parts-twice": lambda n: many_parts(n, twice=True),
    "fields-and-points": many_fields,
    "unknown-fields": lambda n: many_fields(n, bad=True),
    "fields-full-check": lambda n: many_fields(n, slow=True),
    "wrong-names": lambda n: many_wrong_names(n // 8),
}
"""Each maker, by name: `n` is the size of the catalog's one long list."""
