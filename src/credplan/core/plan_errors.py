"""Why a plan could not be saved, renamed or deleted: the store raises these, and the
session and every front-end catch them. A module of its own so that a command that
only reads a plan need not load the store to name them."""

from __future__ import annotations


class StorageError(Exception):
    """A plan could not be saved, renamed or deleted; `str(exc)` says why, for a student."""


class PlanReadOnly(StorageError):
    pass


class PlanChangedOnDisk(StorageError):
    pass


class PlanSaveFailed(StorageError):
    pass


class PlanBusy(StorageError):
    """The plan is open for writing in another session."""


class PlanExists(StorageError):
    pass


class NotAllowed(StorageError):
    """The web planner refuses: not this user's plan, not in the plans folder, a
    catalog the server does not offer. Nothing was opened, moved or written."""
