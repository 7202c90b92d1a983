"""What the web mode says: to a student or counselor in the planner, and on the pages a
browser gets when it is refused. Short, and never a server path a browser user could
not see anyway."""

from __future__ import annotations

from ..text import clean

# -- in the planner ----------------------------------------------------------------------------
ONLY_YOUR_PLAN = "In the web planner you can open only your own plan."
NOT_IN_PLANS_FOLDER = "Only plans in the plans folder can be opened here."
CATALOG_NOT_OFFERED = "That catalog is not offered by this server."
COPY_BESIDE_PLAN_ONLY = "In the web planner a copy can only be saved beside the plan."
NO_PLAN_ARGUMENTS = "the web planner opens the signed-in user's own plan; --plan and --student are not taken"
EXPORT_HINT = "enter downloads the report · ctrl+t changes the format · escape cancels"


def export_download(file_name: str) -> str:
    return f"The report {clean(file_name)} is sent to your browser as a download."


def signed_in_as(user: str, role: str) -> str:
    """For the planner's title line."""
    return f"signed in as {clean(user)} ({clean(role)})"


# -- refused requests (HTTP 403 bodies) --------------------------------------------------------
NEED_TOKEN = (
    "credplan: this page needs the link printed by `credplan serve` (with its ?token=...). "
    "Open that link again."
)
BAD_ORIGIN = "credplan: refused a request from another web site."
BAD_HOST = "credplan: refused a request for an unexpected host name."
NOT_FROM_PROXY = "credplan: refused: this server only takes requests through its sign-in proxy."
NO_USER = "credplan: refused: the sign-in proxy did not say who you are."
BAD_USER = "credplan: refused: the user name from the sign-in proxy cannot be used."
NOT_YOURS = "credplan: that download belongs to another session."


# -- credplan serve on the terminal -----------------------------------------------------------
def serving(url: str) -> str:
    return f"Serving credplan at {url} (ctrl+c to stop). Open this link; it carries the access token."


def serving_proxy(url: str, header: str, proxies: str) -> str:
    return f"Serving credplan for the sign-in proxy at {url} (user from {header}, accepted only from {proxies}); ctrl+c to stop."


def bad_port(port: int) -> str:
    return f"credplan serve: --port {port} is not a port number (1-65535)"


def cannot_listen(host: str, port: int, why: str) -> str:
    return f"credplan serve: cannot listen on {host}:{port}: {clean(why)}"
