"""Where plans live on this machine, and keeping those folders private: created 0700,
repaired when another user could write them, refused when credplan cannot make them
safe. No other I/O."""

from __future__ import annotations

import os
import stat as st
from pathlib import Path

APP_NAME = "credplan"
PLAN_SUFFIX = ".toml"
PLANS_FOLDER = "plans"
"""The plans folder's name, inside the data folder."""


def data_dir() -> Path:
    """Where plans live: $CREDPLAN_DATA_DIR, else the platform's user data dir."""
    override = os.environ.get("CREDPLAN_DATA_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def plans_dir() -> Path:
    return data_dir() / PLANS_FOLDER


def default_plan_path() -> Path:
    return plans_dir() / "default.toml"


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) if needed; a directory credplan creates is mode 0700."""
    path = Path(path)
    if not path.is_dir():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


class UnsafeFolder(OSError):
    """A folder credplan would keep plans in is not safe to use: `path`, and `reason`
    (a sentence that does not repeat the path); `str(exc)` is `PATH: reason`."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason

    def __str__(self) -> str:
        from .text import clean

        return f"{clean(self.path)}: {self.reason}"


def _owner(info: os.stat_result) -> int:
    return info.st_uid


def _me() -> int | None:
    return os.geteuid() if hasattr(os, "geteuid") else None


def secure_folder(path: Path) -> str:
    """Make sure other users cannot write `path` (when it exists). A folder anyone can
    write (mode o+w, e.g. 0777) lets them plant files where plans are saved: when it is
    ours it is set to 0700 and the sentence saying so is returned; when it is not,
    `UnsafeFolder` is raised. Returns '' when all is well."""
    from .words import notices

    try:
        info = os.stat(path)
    except OSError:  # missing, or not a folder: saving says so when it comes to it
        return ""
    if not st.S_ISDIR(info.st_mode) or not info.st_mode & st.S_IWOTH:
        return ""
    mode = st.S_IMODE(info.st_mode)
    me = _me()
    if me is not None and _owner(info) != me:
        raise UnsafeFolder(path, notices.folder_open_not_ours(mode))
    try:
        os.chmod(path, 0o700)
    except OSError as exc:
        raise UnsafeFolder(path, notices.folder_open_not_fixed(mode, exc)) from None
    return notices.folder_repaired(path, mode)


def secure_data_folders() -> list[str]:
    """`secure_folder` on the data folder and the plans folder; what was repaired."""
    return [said for said in (secure_folder(data_dir()), secure_folder(plans_dir())) if said]


def own_subfolder(path: Path) -> Path:
    """A folder credplan keeps inside the plans folder (the trash), created 0700 if
    needed. Refused (`UnsafeFolder`) when it is a symbolic link or not a folder: deleted
    plans must not be carried outside the data folder."""
    from .words import notices

    path = Path(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(path)
    if st.S_ISLNK(info.st_mode) or not st.S_ISDIR(info.st_mode):
        what = "a link to another place" if st.S_ISLNK(info.st_mode) else "not a folder"
        raise UnsafeFolder(path, notices.folder_not_own(what))
    return path
