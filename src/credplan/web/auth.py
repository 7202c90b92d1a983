"""Who is asking, and from which page: checked on every request before anything runs.

Two gates, one per `credplan serve --auth`:

- `TokenGate` (the default, one machine): `credplan serve` prints a link with a random
  token (`secrets.token_urlsafe(32)`, as Jupyter does). A request must carry it, in the
  query (`?token=`) or in the cookie set after the first good request (HttpOnly,
  SameSite=Strict, named after the port so two servers do not mix). Compared with
  `hmac.compare_digest`. The Host header must name this server (a DNS-rebinding page
  cannot reach it under its own name), and the user is the server's own user
  (role counselor: the plans folder of this account).
- `ProxyGate` (a school): a sign-in proxy in front (oauth2-proxy behind nginx or Caddy)
  says who the user is in a header (`X-Forwarded-User` unless configured). The header
  is believed only from the proxy's addresses (`--proxy`); from anywhere else, or
  missing, repeated or unusable, the request is refused. Users in the counselors file
  are counselors; everyone else is a student.

Both refuse a request from another site: an `Origin` header that is not this server's
(browsers always send one on a WebSocket), or `Sec-Fetch-Site: cross-site` on anything
but following a link to the page itself (which starts nothing; in token mode the
SameSite=Strict cookie is not sent then, so only a link with the token gets in). A refusal is HTTP 403 with one
plain sentence, before any planner process starts.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..core.access import COUNSELOR, STUDENT, usable_user
from ..core.words import web as words

TOKEN_PARAM = "token"
DEFAULT_USER_HEADER = "X-Forwarded-User"
IDENTITY_KEY = "credplan.identity"
"""Where the middleware leaves the `Identity` on the request (see `web.server`)."""


def new_token() -> str:
    return secrets.token_urlsafe(32)


@dataclass(frozen=True, slots=True)
class Identity:
    user: str
    """'' for the server's own user (token mode)."""
    role: str


@dataclass(frozen=True, slots=True)
class Refused:
    reason: str
    status: int = 403


@dataclass(frozen=True, slots=True)
class Request:
    """What a gate looks at: nothing framework-specific, so the rules test plainly."""

    path: str
    query: dict[str, str]
    headers: dict[str, list[str]]
    """Lower-cased names; every value each was given."""
    cookies: dict[str, str]
    peer: str
    """The address the connection came from (not a forwarded one)."""
    is_websocket: bool = False

    def header(self, name: str) -> str:
        values = self.headers.get(name.lower(), [])
        return values[0] if values else ""


def origin_of(url: str) -> str:
    """`scheme://host[:port]` of a URL, lower case, default ports dropped."""
    parts = urlsplit(url)
    scheme = (parts.scheme or "http").lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    default = {"http": 80, "https": 443}.get(scheme)
    return f"{scheme}://{host}" + (f":{port}" if port and port != default else "")


def _normal_origin(value: str) -> str:
    value = value.strip()
    if not value or value.lower() == "null":
        return ""
    try:
        return origin_of(value)
    except ValueError:
        return ""


def _cross_site(request: Request, origins: frozenset[str]) -> bool:
    origin = request.header("origin")
    if origin and _normal_origin(origin) not in origins:
        return True
    if request.header("sec-fetch-site").lower() == "cross-site":
        # Following a link from another site (the school portal, an e-mail) opens the
        # page, as any link does; it starts nothing. Nothing else may come from another
        # site: not the WebSocket, not a download, not a frame.
        navigating = request.header("sec-fetch-mode").lower() == "navigate" and request.header("sec-fetch-dest").lower() in ("document", "")
        return not (request.path == "/" and navigating and not request.is_websocket)
    return False


class TokenGate:
    def __init__(self, token: str, port: int, hosts: Iterable[str], public_url: str) -> None:
        self.token = token
        self.cookie_name = f"credplan-token-{port}"
        self.secure = public_url.lower().startswith("https:")
        allowed = set()
        for host in hosts:
            host = host.lower()
            if ":" in host and not host.startswith("["):
                host = f"[{host}]"
            allowed.add(f"{host}:{port}")
            if port in (80, 443):
                allowed.add(host)
        public = urlsplit(public_url)
        if public.netloc:
            allowed.add(public.netloc.lower())
        self.hosts = frozenset(allowed)
        origins = {origin_of(f"http://{h}") for h in allowed} | {origin_of(f"https://{h}") for h in allowed}
        self.origins = frozenset(origins | {origin_of(public_url)})

    def link(self, public_url: str) -> str:
        return f"{public_url.rstrip('/')}/?{TOKEN_PARAM}={self.token}"

    def _good(self, candidate: str) -> bool:
        return bool(candidate) and hmac.compare_digest(candidate.encode("utf-8", "surrogatepass"), self.token.encode())

    def check(self, request: Request) -> Identity | Refused:
        if request.header("host").lower() not in self.hosts:
            return Refused(words.BAD_HOST)
        if _cross_site(request, self.origins):
            return Refused(words.BAD_ORIGIN)
        if not (self._good(request.query.get(TOKEN_PARAM, "")) or self._good(request.cookies.get(self.cookie_name, ""))):
            return Refused(words.NEED_TOKEN)
        return Identity("", COUNSELOR)

    def wants_cookie(self, request: Request) -> bool:
        """Set the cookie when the token came in the link, so reloads work."""
        return self._good(request.query.get(TOKEN_PARAM, "")) and not request.is_websocket


def parse_networks(values: Iterable[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """`--proxy 127.0.0.1`, `--proxy 10.0.0.0/24`, `--proxy ::1`; ValueError when not."""
    out = []
    for value in values:
        for part in value.split(","):
            if part.strip():
                out.append(ipaddress.ip_network(part.strip(), strict=False))
    return out


def _address(peer: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        address = ipaddress.ip_address(peer.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def read_counselors(path: Path) -> frozenset[str]:
    """One user name a line, exactly as the proxy sends it; blank lines and `#` comments
    are skipped. OSError when the file cannot be read."""
    names = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        name = line.strip()
        if name and not name.startswith("#"):
            names.add(name)
    return frozenset(names)


class ProxyGate:
    def __init__(
        self, proxies: Iterable[str], public_url: str, *, header: str = DEFAULT_USER_HEADER,
        counselors: Iterable[str] = (),
    ) -> None:
        self.networks = parse_networks(proxies)
        self.header = header
        self.counselors = frozenset(counselors)
        self.origins = frozenset({origin_of(public_url)})

    def from_proxy(self, peer: str) -> bool:
        address = _address(peer)
        return address is not None and any(address in network for network in self.networks)

    def check(self, request: Request) -> Identity | Refused:
        if not self.from_proxy(request.peer):
            return Refused(words.NOT_FROM_PROXY)
        if _cross_site(request, self.origins):
            return Refused(words.BAD_ORIGIN)
        values = request.headers.get(self.header.lower(), [])
        if not values or not values[0].strip():
            return Refused(words.NO_USER)
        if len(values) > 1 or not usable_user(values[0]):
            return Refused(words.BAD_USER)
        user = values[0]
        return Identity(user, COUNSELOR if user in self.counselors else STUDENT)

    def wants_cookie(self, request: Request) -> bool:
        return False


Gate = TokenGate | ProxyGate

__all__ = [
    "DEFAULT_USER_HEADER",
    "Gate",
    "IDENTITY_KEY",
    "Identity",
    "ProxyGate",
    "Refused",
    "Request",
    "TokenGate",
    "new_token",
    "origin_of",
    "parse_networks",
    "read_counselors",
]
