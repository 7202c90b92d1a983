"""The catalogs that ship with credplan, and turning `--catalog ID|PATH` into a file."""

from __future__ import annotations

from pathlib import Path

from .problems import FileProblems, Problem

_PACKAGE = Path(__file__).resolve().parent.parent


def catalogs_dir() -> Path:
    """`credplan/catalogs` in an installed wheel; the repository's `catalogs/` in a checkout."""
    packaged = _PACKAGE / "catalogs"
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent.parent / "catalogs"


def bundled_paths() -> list[Path]:
    return sorted(catalogs_dir().glob("*.toml"))


def bundled_ids() -> list[str]:
    return [p.stem for p in bundled_paths()]


EXAMPLE = "example"
"""`--demo example`: the bundled example plan for the catalog."""


def examples_dir() -> Path:
    """Example plans for class demos, one per bundled catalog (`examples/ohio.toml`)."""
    return catalogs_dir() / "examples"


def example_plan_path(catalog_id: str) -> Path | None:
    path = examples_dir() / f"{catalog_id}.toml"
    return path if path.is_file() else None


def is_bundled(path: str | Path) -> bool:
    """Whether `path` is one of the catalogs that ship with credplan."""
    if not path:
        return False
    try:
        return Path(path).resolve().parent == catalogs_dir().resolve()
    except OSError:
        return False


def resolve_catalog(ref: str) -> Path:
    """A bundled catalog id (`ohio`) or a path to a .toml file."""
    candidate = Path(ref).expanduser()
    if candidate.suffix == ".toml" or "/" in ref or candidate.exists():
        return candidate
    for path in bundled_paths():
        if path.stem == ref:
            return path
    known = ", ".join(bundled_ids()) or "none"
    raise FileProblems(
        [Problem(ref, 0, f"no bundled catalog with this id (bundled: {known}); give a path to a .toml file instead")]
    )
