"""A user's planner settings, kept between sessions: for now the theme chosen in the
command palette. One small TOML file in the data directory (`core.paths`), written
atomically (`core.atomic`), mode 0600; a file that cannot be read is ignored (the
defaults apply) and replaced on the next change, never a reason not to start.

    theme = "textual-light"
"""

from __future__ import annotations

from pathlib import Path

from .atomic import atomic_write_text
from .paths import data_dir
from .problems import FileProblems, parse_toml

SETTINGS_FILE = "settings.toml"
MAX_BYTES = 64 * 1024
KNOWN = {"theme": str}


def settings_path() -> Path:
    return data_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> dict[str, object]:
    """The settings saved so far: only known keys of the right type."""
    path = path or settings_path()
    try:
        if path.stat().st_size > MAX_BYTES:
            return {}
        doc = parse_toml(path.read_text(encoding="utf-8"), str(path))
    except (OSError, UnicodeDecodeError, FileProblems):
        return {}
    return {k: v for k, v in doc.items() if k in KNOWN and isinstance(v, KNOWN[k])}


def save_setting(key: str, value: object, path: Path | None = None) -> None:
    """Remember one setting; raises OSError when it cannot be written."""
    if key not in KNOWN or not isinstance(value, KNOWN[key]):
        raise ValueError(f"unknown setting {key!r}")
    path = path or settings_path()
    settings = load_settings(path)
    if settings.get(key) == value:
        return
    settings[key] = value
    import tomli_w  # only when a setting changes: not at start-up

    atomic_write_text(path, tomli_w.dumps(settings))
