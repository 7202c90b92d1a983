"""credplan serve: the same planner in a browser, through textual-serve.

Every browser tab gets its own planner process. Loopback only by default: a plan holds a
student's name, and anyone who can reach the port can open it."""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys

from . import EXIT_BAD_INPUT, EXIT_OK
from ..core.session import DEFAULT_CATALOG
from .output import report_problems

ORDER = 70


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the planner to a web browser (loopback only by default)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--catalog", default=DEFAULT_CATALOG, help="bundled catalog id or path")
    p.add_argument("--plan", help="plan file each browser session opens")
    p.set_defaults(func=run)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def planner_command(args: argparse.Namespace) -> str:
    parts = [sys.executable, "-m", "credplan", "--catalog", args.catalog]
    if args.plan:
        parts += ["--plan", args.plan]
    return shlex.join(parts)


def listen_problem(host: str, port: int) -> str:
    """Why the server could not listen on host:port ('' when it can), found by binding
    a socket there first: a port out of range, an unknown host or a port in use is one
    line at the terminal, not an aiohttp traceback."""
    import errno
    import socket

    if not 1 <= port <= 65535:
        return f"--port {port}: a port is a number from 1 to 65535"
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        return f"--host {host}: not an address of this machine ({getattr(exc, 'strerror', None) or exc})"
    for family, kind, proto, _, address in addresses:
        try:
            with socket.socket(family, kind, proto) as probe:
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
                probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return f"port {port} on {host} is in use by another program; choose another with --port"
            return f"cannot listen on {host} port {port}: {exc.strerror or exc}"
    return ""


def run(args: argparse.Namespace) -> int:
    problem = listen_problem(args.host, args.port)
    if problem:
        report_problems([problem])
        return EXIT_BAD_INPUT
    try:
        from textual_serve.server import Server
    except ImportError:
        print("credplan serve needs textual-serve: pip install 'credplan[serve]'", file=sys.stderr)
        return EXIT_BAD_INPUT
    # Fail early, in the terminal, on a bad catalog rather than in every browser tab.
    from ..core.problems import FileProblems
    from ..core.session import load_catalog_ref

    try:
        load_catalog_ref(args.catalog)
    except FileProblems as exc:
        report_problems(exc.problems)
        return EXIT_BAD_INPUT
    if not is_loopback(args.host):
        print(
            f"Warning: serving on {args.host}, not loopback: anyone who can reach this machine on port "
            f"{args.port} can open the planner and the plans it saves.",
            file=sys.stderr,
        )
    print(f"Serving credplan at http://{args.host}:{args.port} (ctrl+c to stop)", file=sys.stderr, flush=True)
    server = Server(planner_command(args), host=args.host, port=args.port, title="credplan")
    try:
        server.serve()
    except OSError as exc:  # taken between the check and now
        report_problems([f"cannot listen on {args.host} port {args.port}: {exc.strerror or exc}"])
        return EXIT_BAD_INPUT
    return EXIT_OK
