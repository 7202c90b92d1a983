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


def run(args: argparse.Namespace) -> int:
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
    server.serve()
    return EXIT_OK
