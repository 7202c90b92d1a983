"""Who may open what in the web planner (`credplan serve`).

In a browser nothing the user types may name a file on the server. `credplan serve`
decides who the user is (the access token, or the name a sign-in proxy vouches for) and
starts each browser tab's planner with that identity in its environment:

    CREDPLAN_WEB_ROLE=student|counselor   CREDPLAN_WEB_USER=<name>
    CREDPLAN_WEB_CATALOGS=<catalog files the server was started with, os.pathsep-joined>

The planning session (`core.session`) enforces it; the screens only follow:

- a *student* opens exactly their own plan (`plan_path_for(user)` in the plans folder,
  never a look-alike name), lists no other plan, and opens, renames or deletes nothing
  else;
- a *counselor* opens, creates, renames and deletes plans in the plans folder, and
  only there;
- both switch only to a bundled catalog or one the server was started with; exports
  are downloads, and a copy of an unsaved plan goes only beside the plan.

Stdlib only, no Textual, no aiohttp.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .bundled import is_bundled, resolve_catalog
from .paths import PLAN_SUFFIX
from .problems import FileProblems
from .plan_errors import NotAllowed
from .students import plan_path_for

ROLE_ENV = "CREDPLAN_WEB_ROLE"
USER_ENV = "CREDPLAN_WEB_USER"
CATALOGS_ENV = "CREDPLAN_WEB_CATALOGS"
STUDENT, COUNSELOR = "student", "counselor"
ROLES = (STUDENT, COUNSELOR)
MAX_USER = 200
"""Longest user name taken from a sign-in proxy (characters)."""



def usable_user(name: str) -> bool:
    """A user name that can stand for a person: not empty, not too long, no control
    or line-break characters (it becomes a plan's student name and file name)."""
    if not name or not name.strip() or len(name) > MAX_USER or name != name.strip():
        return False
    return all(ch.isprintable() for ch in name)


def _resolved(path: Path) -> Path:
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(Path(path).expanduser()))


@dataclass(frozen=True, slots=True)
class WebAccess:
    """Who a web planner runs for (a student or a counselor), and so what it may open."""

    role: str
    user: str = ""
    catalogs: tuple[str, ...] = ()
    """Catalog files the server was started with, besides the bundled ones."""

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"web role must be one of {', '.join(ROLES)}, not {self.role!r}")
        if self.role == STUDENT and not usable_user(self.user):
            raise ValueError("a student in the web planner needs a usable user name")
        if self.user and not usable_user(self.user):
            raise ValueError("unusable web user name")

    @property
    def is_student(self) -> bool:
        return self.role == STUDENT

    @property
    def can_list_plans(self) -> bool:
        return self.role == COUNSELOR

    def own_plan(self, plans: Path) -> Path:
        """The one plan a student may open: the file named after their user name."""
        return plan_path_for(self.user, plans)

    def may_open(self, path: Path, plans: Path) -> bool:
        """Whether this user may open, create, rename or delete the plan at `path`."""
        target = _resolved(path)
        if self.is_student:
            return target == _resolved(self.own_plan(plans))
        name = Path(path).name
        return (
            target.parent == _resolved(plans)
            and name.endswith(PLAN_SUFFIX)
            and not name.startswith(".")
            and Path(path).name == target.name  # not a symlink to another name
        )

    def catalog_allowed(self, ref: str | Path) -> bool:
        """A bundled catalog, or one of the files the server was started with."""
        try:
            path = Path(ref) if isinstance(ref, Path) else resolve_catalog(ref)
        except FileProblems:
            return False
        if is_bundled(path):
            return True
        return _resolved(path) in {_resolved(Path(c)) for c in self.catalogs}

    # -- passing it from the server to each planner process ------------------------------------
    def to_environ(self) -> dict[str, str]:
        return {ROLE_ENV: self.role, USER_ENV: self.user, CATALOGS_ENV: os.pathsep.join(self.catalogs)}

    @classmethod
    def from_environ(cls, env: Mapping[str, str] | None = None) -> WebAccess | None:
        """The web identity the server gave this process; None outside the web mode.
        Raises ValueError when it is set but cannot be used (refuse to open at all)."""
        env = os.environ if env is None else env
        role = env.get(ROLE_ENV, "")
        if not role:
            return None
        catalogs = tuple(c for c in env.get(CATALOGS_ENV, "").split(os.pathsep) if c)
        return cls(role, env.get(USER_ENV, ""), catalogs)


__all__ = [
    "CATALOGS_ENV",
    "COUNSELOR",
    "NotAllowed",
    "ROLE_ENV",
    "STUDENT",
    "USER_ENV",
    "WebAccess",
    "usable_user",
]
