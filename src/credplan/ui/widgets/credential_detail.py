"""The highlighted credential in full, across the screen under the panes.

The list gives each credential one line and cuts a long name with an ellipsis; this box
shows the whole name, the issuer, what the plan makes of it (a selection from another
field is flagged here, in words, the moment it is picked), the points in each field and
the cost. Its height is fixed and its text wraps, so updating it as the cursor moves
repaints its lines and lays nothing out."""

from __future__ import annotations

from textual.content import Content

from ...core.model import Catalog, Credential, Plan
from ...core.rules import Evaluation
from ...core.words import screen as say
from ..rows import credential_detail
from .fitted_text import FittedText


class CredentialDetail(FittedText):
    def __init__(self, catalog: Catalog, **kwargs) -> None:
        super().__init__("", **kwargs)
        self.catalog = catalog

    def show(self, credential: Credential | None, plan: Plan, evaluation: Evaluation | None = None) -> None:
        if credential is None:
            content = Content.styled(say.NO_CREDENTIAL, "$text-muted")
        else:
            content = credential_detail(self.catalog, credential, plan, evaluation)
        self.update(content)
