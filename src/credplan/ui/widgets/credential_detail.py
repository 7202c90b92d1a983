"""The highlighted credential in full, across the screen under the panes.

The list gives each credential one line and cuts long names with an ellipsis (at 80
columns only a dozen characters of a name fit); this box always shows the whole name,
the issuer, the points in each field and whether the plan holds it. Its height is
fixed, so updating it as the cursor moves repaints two lines and lays nothing out."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ...core.model import Catalog, Credential, Plan
from ..rows import credential_detail


class CredentialDetail(Static):
    def __init__(self, catalog: Catalog, **kwargs) -> None:
        super().__init__("", markup=False, **kwargs)
        self.catalog = catalog

    def show(self, credential: Credential | None, plan: Plan) -> None:
        if credential is None:
            self.update(Content.styled("No credential highlighted.", "$text-muted"), layout=False)
        else:
            self.update(credential_detail(self.catalog, credential, plan), layout=False)
