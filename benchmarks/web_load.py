"""How many browser sessions one `credplan serve` box holds: keystroke latency as the
number of concurrent web sessions grows, and the memory each planner process takes.

    .venv/bin/python benchmarks/web_load.py [--levels 1,2,4,8,12,16,24,32] [--rate 1.0]
                                           [--keys 20] [--limit-ms 100] [--budget 600] [--json]

One server in proxy mode on loopback (`--auth proxy --proxy 127.0.0.1`), its own data
folder; every session is a different student (their own plan, so no lock is shared),
connected like a browser tab (aiohttp WebSocket, 100x30 cells). Sessions are added level
by level and stay open; each new one first presses four keys that are not measured
(its first toggle and save load code every later key reuses). At each level every
session presses `--keys` keys, each after a random pause averaging 1/`--rate` seconds,
all sessions at once. Seven keys in eight move in the list (down, up); the eighth
selects or unselects a credential, which saves the plan. The limit is judged on the
moves' p95 (`--judge move`, the default: the key a student presses most) or on all
keys (`--judge all`); both are printed, with the toggles' own p50 and p95.

A keystroke's latency is the time from sending it to the first screen update the
browser receives after it (what a student sees first), on the client side, so it
includes the server's relay and the planner's work and any CPU queueing.

Stops at the first level whose p95 passes `--limit-ms`, at the last level, or when
`--budget` seconds have gone. Memory: the resident set (VmRSS) of every planner process
under the server, read from /proc after the level's keys. Prints a table (and one JSON
line with --json). Loopback only; every wait is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import aiohttp

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PY = sys.executable
READY = b"Toggle"  # in the key bar under the planner, once it has drawn


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


# -- the server and its planner processes --------------------------------------------------------
def start_server(data: Path, port: int, timeout: float = 60) -> subprocess.Popen:
    env = dict(os.environ, CREDPLAN_DATA_DIR=str(data))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [PY, "-m", "credplan", "serve", "--port", str(port), "--auth", "proxy", "--proxy", "127.0.0.1", "--public-url", url],
        env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    lines: list[str] = []

    def read() -> None:
        assert proc.stderr is not None
        lines.extend(proc.stderr)

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any("Serving credplan" in line for line in lines):
            return proc
        if proc.poll() is not None:
            time.sleep(0.2)
            raise RuntimeError("credplan serve exited: " + "".join(lines))
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError("credplan serve did not start in time")


def descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                children = Path(f"/proc/{current}/task/{task}/children").read_text().split()
                for child in children:
                    out.append(int(child))
                    todo.append(int(child))
        except OSError:
            continue
    return out


def planner_rss_mib(server_pid: int) -> list[float]:
    """VmRSS of each planner (`python -m credplan` without `serve`) under the server."""
    sizes = []
    for pid in descendants(server_pid):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        if b"credplan" not in cmdline or b"serve" in cmdline or not cmdline[0].endswith((b"python", b"python3", b"python3.11")):
            continue
        found = re.search(r"VmRSS:\s+(\d+) kB", status)
        if found:
            sizes.append(int(found.group(1)) / 1024)
    return sizes


def rss_mib(pid: int) -> float:
    try:
        found = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    except OSError:
        return float("nan")
    return int(found.group(1)) / 1024 if found else float("nan")


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


# -- one browser tab -----------------------------------------------------------------------------
class Tab:
    def __init__(self, ws: aiohttp.ClientWebSocketResponse, user: str) -> None:
        self.ws, self.user = ws, user
        self.frames = 0
        self.buffer = bytearray()
        self.waiting: asyncio.Future[float] | None = None
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                now = time.monotonic()
                self.frames += 1
                if len(self.buffer) < 1 << 20:
                    self.buffer += message.data
                if self.waiting is not None and not self.waiting.done():
                    self.waiting.set_result(now)
            elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                break

    async def ready(self, timeout: float) -> bool:
        end = time.monotonic() + timeout
        while READY not in self.buffer:
            if time.monotonic() > end or self.reader.done():
                return False
            await asyncio.sleep(0.1)
        await asyncio.sleep(0.5)  # let the first frames settle
        return True

    async def press(self, key: str, timeout: float = 10.0) -> float | None:
        """Milliseconds from sending `key` to the next screen update; None if none came."""
        loop = asyncio.get_running_loop()
        self.waiting = loop.create_future()
        sent = time.monotonic()
        await self.ws.send_json(["stdin", key])
        try:
            got = await asyncio.wait_for(self.waiting, timeout)
        except TimeoutError:
            return None
        finally:
            self.waiting = None
        return 1000 * (got - sent)

    async def close(self) -> None:
        await self.ws.close()
        self.reader.cancel()


async def open_tab(session: aiohttp.ClientSession, base: str, user: str) -> Tab:
    ws = await session.ws_connect(
        base.replace("http", "ws", 1) + "/ws?width=100&height=30",
        headers={"X-Forwarded-User": user, "Origin": base}, heartbeat=None,
    )
    return Tab(ws, user)


async def warm(tab: Tab) -> None:
    for key in (" ", " ", "\x1b[B", "\x1b[A"):
        await tab.press(key)
        await asyncio.sleep(0.2)


TOGGLE_EVERY = 8
"""One key in eight selects or unselects a credential (and saves the plan); the others
move in the list. Moving is what a student does most; a toggle costs several times a
move on its own (it evaluates the plan, writes it with fsync and redraws the panel)."""
ARROWS = {"down": "\x1b[B", "up": "\x1b[A"}


async def drive(tab: Tab, keys: int, rate: float, rng: random.Random) -> tuple[list[float], list[float], int]:
    """(move latencies, toggle latencies, keys with no answer) for one session."""
    moves, toggles, lost = [], [], 0
    for i in range(keys):
        await asyncio.sleep(rng.expovariate(rate))
        toggle = i % TOGGLE_EVERY == TOGGLE_EVERY - 1
        ms = await tab.press(" " if toggle else ARROWS["down" if i % 2 == 0 else "up"])
        if ms is None:
            lost += 1
        else:
            (toggles if toggle else moves).append(ms)
        await asyncio.sleep(0.05)  # the rest of that key's frames
    return moves, toggles, lost


async def measure(levels: list[int], rate: float, keys: int, limit_ms: float, budget: float, verbose: bool, judge: str = "move") -> dict:
    judged = {"move": "move_p95_ms", "all": "p95_ms"}[judge]
    t_start = time.monotonic()
    rng = random.Random(1)
    with tempfile.TemporaryDirectory(prefix="credplan-webload-") as tmp:
        port = free_port()
        server = start_server(Path(tmp) / "data", port)
        base = f"http://127.0.0.1:{port}"
        rows, tabs = [], []
        stopped = "all levels measured"
        try:
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=None, sock_connect=10)) as session:
                for level in levels:
                    if time.monotonic() - t_start > budget:
                        stopped = f"time budget ({budget:.0f} s) spent"
                        break
                    t_open = time.monotonic()
                    new = [await open_tab(session, base, f"student{n:04d}") for n in range(len(tabs), level)]
                    ok = await asyncio.gather(*(t.ready(120) for t in new))
                    tabs += new
                    # warm-up, not measured: the first toggle and save import and compile what later keys reuse
                    await asyncio.gather(*(warm(t) for t in new))
                    if not all(ok):
                        stopped = f"{ok.count(False)} of {len(new)} new sessions did not draw within 120 s at level {level}"
                        break
                    opened_s = time.monotonic() - t_open
                    cpu0, t0 = cpu_seconds(server.pid) + sum(cpu_seconds(p) for p in descendants(server.pid)), time.monotonic()
                    results = await asyncio.gather(*(drive(t, keys, rate, random.Random(rng.random())) for t in tabs))
                    wall = time.monotonic() - t0
                    cpu = cpu_seconds(server.pid) + sum(cpu_seconds(p) for p in descendants(server.pid)) - cpu0
                    moves = [v for r in results for v in r[0]]
                    toggles = [v for r in results for v in r[1]]
                    lat = moves + toggles
                    lost = sum(r[2] for r in results)
                    rss = planner_rss_mib(server.pid)
                    row = {
                        "sessions": level,
                        "keys": len(lat) + lost,
                        "lost": lost,
                        "p50_ms": statistics.median(lat) if lat else float("nan"),
                        "p95_ms": pct(lat, 95),
                        "move_p50_ms": statistics.median(moves) if moves else float("nan"),
                        "move_p95_ms": pct(moves, 95),
                        "toggle_p50_ms": statistics.median(toggles) if toggles else float("nan"),
                        "toggle_p95_ms": pct(toggles, 95),
                        "max_ms": max(lat) if lat else float("nan"),
                        "keys_per_s": (len(lat) + lost) / wall if wall else 0.0,
                        "cpu_busy": cpu / wall if wall else 0.0,
                        "planners": len(rss),
                        "rss_each_mib": statistics.mean(rss) if rss else float("nan"),
                        "rss_total_mib": sum(rss),
                        "server_rss_mib": rss_mib(server.pid),
                        "open_s": opened_s,
                    }
                    rows.append(row)
                    if verbose:
                        print(
                            f"  {level:3d} sessions: move p95 {row['move_p95_ms']:.0f} ms, toggle p95 {row['toggle_p95_ms']:.0f} ms, "
                            f"all p50 {row['p50_ms']:.0f} ms, p95 {row['p95_ms']:.0f} ms, "
                            f"{row['keys_per_s']:.1f} keys/s, CPU {row['cpu_busy']:.2f} cores, "
                            f"RSS {row['rss_each_mib']:.1f} MiB each, lost {lost}",
                            flush=True,
                        )
                    if not (row[judged] <= limit_ms) or lost:
                        stopped = f"p95 passed {limit_ms:.0f} ms at {level} sessions" if row[judged] > limit_ms else f"{lost} keys got no answer at {level} sessions"
                        break
                for tab in tabs:
                    await tab.close()
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=10)
    held = [r["sessions"] for r in rows if r[judged] <= limit_ms and not r["lost"]]
    return {
        "rows": rows,
        "stopped": stopped,
        "held": max(held) if held else 0,
        "rate": rate,
        "keys": keys,
        "limit_ms": limit_ms,
        "judge": judge,
        "toggle_every": TOGGLE_EVERY,
        "cpus": os.cpu_count(),
        "wall_s": time.monotonic() - t_start,
    }


def table(result: dict) -> str:
    lines = [
        "| sessions | keys | move p50 | move p95 | toggle p50 | toggle p95 | all keys p95 | max | keys/s (all) | CPU used (cores) | planner RSS each | planner RSS total |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in result["rows"]:
        lines.append(
            f"| {r['sessions']} | {r['keys']}{' (' + str(r['lost']) + ' lost)' if r['lost'] else ''} "
            f"| {r['move_p50_ms']:.0f} ms | {r['move_p95_ms']:.0f} ms | {r['toggle_p50_ms']:.0f} ms | {r['toggle_p95_ms']:.0f} ms "
            f"| {r['p95_ms']:.0f} ms | {r['max_ms']:.0f} ms | {r['keys_per_s']:.1f} | {r['cpu_busy']:.2f} "
            f"| {r['rss_each_mib']:.1f} MiB | {r['rss_total_mib']:.0f} MiB |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--levels", default="1,2,4,8,12,16,24,32,48,64")
    ap.add_argument("--rate", type=float, default=1.0, help="keys per second per session, on average")
    ap.add_argument("--keys", type=int, default=20, help="keys per session per level")
    ap.add_argument("--limit-ms", type=float, default=100.0)
    ap.add_argument("--judge", choices=("move", "all"), default="move",
                    help="which keys' p95 must stay under --limit-ms: moves (default) or all keys, toggles included")
    ap.add_argument("--budget", type=float, default=600.0, help="seconds; no new level starts after this")
    ap.add_argument("--json", action="store_true", help="also print one JSON line with every figure")
    args = ap.parse_args(argv)
    levels = sorted({int(x) for x in args.levels.split(",") if x.strip()})
    result = asyncio.run(measure(levels, args.rate, args.keys, args.limit_ms, args.budget, verbose=True, judge=args.judge))
    print(table(result))
    print(f"held {result['held']} sessions at {args.judge} p95 <= {args.limit_ms:.0f} ms ({result['stopped']}); {result['wall_s']:.0f} s")
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
