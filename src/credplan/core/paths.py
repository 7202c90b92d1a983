"""Where plans live on this machine. No I/O beyond creating a private directory."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "credplan"
PLAN_SUFFIX = ".toml"


def data_dir() -> Path:
    """Where plans live: $CREDPLAN_DATA_DIR, else the platform's user data dir."""
    override = os.environ.get("CREDPLAN_DATA_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def plans_dir() -> Path:
    return data_dir() / "plans"


def default_plan_path() -> Path:
    return plans_dir() / "default.toml"


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) if needed; a directory credplan creates is mode 0700."""
    path = Path(path)
    if not path.is_dir():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path
