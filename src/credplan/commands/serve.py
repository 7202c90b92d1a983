"""credplan serve: the same planner in a browser, through textual-serve.

Every browser tab gets its own planner process. Two ways in (see `credplan.web.auth`
and docs/deploy.md):

- `--auth token` (default): one machine. The link printed at start carries a random
  token; without it, or from another web site, the page and the WebSocket are refused.
  The user is this account (the plans folder and the plan picker of the server's user).
- `--auth proxy --proxy ADDR`: a school. A sign-in proxy says who the user is in a
  header; each student gets their own plan and sees no one else's; users listed in
  `--counselors FILE` get the plan picker over all students.

In both, nothing the browser sends names a file on the server: exports are downloads,
catalogs are the bundled ones or the one given here."""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import socket
import sys
from pathlib import Path

from . import EXIT_BAD_INPUT, EXIT_OK
from ..core.session import DEFAULT_CATALOG
from .output import report_problems

ORDER = 70
AUTH_MODES = ("token", "proxy")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the planner to a web browser (loopback and a token by default)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--catalog", default=DEFAULT_CATALOG, help="bundled catalog id or path")
    p.add_argument("--plan", help="plan file each browser session opens (--auth token only)")
    p.add_argument("--auth", choices=AUTH_MODES, default="token",
                   help="token: a link with a random token (default); proxy: a sign-in proxy names the user")
    p.add_argument("--proxy", action="append", default=[], metavar="ADDR",
                   help="address (or network) of the sign-in proxy; repeat for several (--auth proxy)")
    p.add_argument("--user-header", default="X-Forwarded-User", metavar="NAME",
                   help="header in which the proxy names the user (default X-Forwarded-User)")
    p.add_argument("--counselors", metavar="FILE", help="user names (one a line) who may open every student's plan")
    p.add_argument("--public-url", metavar="URL",
                   help="the address browsers use (https://plans.example.org behind a proxy); default http://HOST:PORT")
    p.set_defaults(func=run)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_wildcard(host: str) -> bool:
    return host in ("", "0.0.0.0", "::")


def planner_command(args: argparse.Namespace) -> str:
    parts = [sys.executable, "-m", "credplan", "--catalog", args.catalog]
    if args.plan:
        parts += ["--plan", str(Path(args.plan).expanduser().resolve())]
    return shlex.join(parts)


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def public_url(args: argparse.Namespace) -> str:
    if args.public_url:
        return args.public_url.rstrip("/")
    host = socket.getfqdn() if _is_wildcard(args.host) else args.host
    return f"http://{_url_host(host)}:{args.port}"


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_BAD_INPUT


def run(args: argparse.Namespace) -> int:
    from ..core.words import web as words

    if not 0 < args.port < 65536:
        return _fail(words.bad_port(args.port))
    try:  # an unknown host is one line, before any warning about where we would listen
        socket.getaddrinfo(args.host, args.port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        return _fail(words.cannot_listen(args.host, args.port, getattr(exc, "strerror", None) or str(exc)))
    try:
        from .. import web  # noqa: F401  (needs aiohttp and textual-serve)
        import textual_serve  # noqa: F401
    except ImportError:
        return _fail("credplan serve needs textual-serve: pip install 'credplan[serve]'")
    # Fail early, in the terminal, on a bad catalog rather than in every browser tab.
    from ..core.bundled import is_bundled, resolve_catalog
    from ..core.problems import FileProblems
    from ..core.session import load_catalog_ref

    try:
        load_catalog_ref(args.catalog)
        catalog_path = resolve_catalog(args.catalog)
    except FileProblems as exc:
        report_problems(exc.problems)
        return EXIT_BAD_INPUT
    if not is_bundled(catalog_path):  # the planner processes may use it, and only it besides the bundled ones
        args.catalog = str(catalog_path.expanduser().resolve())
    catalogs = () if is_bundled(catalog_path) else (args.catalog,)

    from ..web.auth import ProxyGate, TokenGate, new_token, parse_networks, read_counselors
    from ..web.server import CredplanServer

    url = public_url(args)
    if args.auth == "proxy":
        if args.plan:
            return _fail("credplan serve: --plan is for --auth token; behind a proxy each student opens their own plan")
        if not args.proxy:
            return _fail("credplan serve: --auth proxy needs --proxy ADDR, the address the sign-in proxy connects from")
        try:
            parse_networks(args.proxy)
        except ValueError as exc:
            return _fail(f"credplan serve: --proxy: {exc}")
        counselors: frozenset[str] = frozenset()
        if args.counselors:
            try:
                counselors = read_counselors(Path(args.counselors))
            except (OSError, UnicodeDecodeError) as exc:
                return _fail(f"credplan serve: cannot read the counselors file {args.counselors}: {getattr(exc, 'strerror', None) or exc}")
        if not args.public_url:
            print(
                f"Warning: no --public-url; browsers must then use {url} itself. Behind a proxy give the address "
                "they use (https://plans.example.org), or every page and WebSocket is refused as from another site.",
                file=sys.stderr,
            )
        gate: TokenGate | ProxyGate = ProxyGate(args.proxy, url, header=args.user_header, counselors=counselors)
        said = words.serving_proxy(url, args.user_header, ", ".join(args.proxy))
    else:
        hosts = {"127.0.0.1", "localhost", "::1"}
        if not _is_wildcard(args.host):
            hosts.add(args.host)
        gate = TokenGate(new_token(), args.port, hosts, url)
        said = words.serving(gate.link(url))
        if not is_loopback(args.host):
            print(
                f"Warning: serving on {args.host}, not loopback: the link and its token cross the network "
                "in clear text. For more than this machine, put a sign-in proxy with HTTPS in front "
                "(--auth proxy, see docs/deploy.md).",
                file=sys.stderr,
            )

    def announce() -> None:
        print(said, file=sys.stderr, flush=True)

    server = CredplanServer(
        planner_command(args), gate=gate, host=args.host, port=args.port, public_url=url, catalogs=catalogs,
        announce=announce,
    )
    try:
        server.run()
    except OSError as exc:
        return _fail(words.cannot_listen(args.host, args.port, exc.strerror or str(exc)))
    return EXIT_OK
