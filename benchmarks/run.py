"""`make bench`: credplan's speed and memory beside a bare Textual app, measured now.

    .venv/bin/python benchmarks/run.py [--runs 7] [--sessions 30] [--no-write]

Prints a table and writes benchmarks/results.md. Figures are printed, never asserted:
they depend on the machine and on whatever else it is doing (the load average is
recorded beside each section). Every figure is taken in a child process started by
this script, one measurement per process:

- cold start: `harness.py coldstart` in a pseudo-terminal (100x40, TERM=xterm-256color),
  from just before the process is spawned to the end of the first frame of the
  planner screen written to the terminal; median of --runs, after one warm-up run
  of each so every module is already compiled to bytecode (PYTHONDONTWRITEBYTECODE is
  removed from the children's environment);
- keys: `harness.py keys`, headless `run_test` at 80x24 (the home size) on the
  generated 10k catalog: toggle (space) and move (down) on the first field's list,
  then about 100 search keystrokes; each from posting the key to the end of the last
  frame it caused, wall time and the CPU time the process spent in between; per
  toggle also the frames, the screen-wide layouts and the bytes encoded;
- bytes per key: the real program in a pseudo-terminal at 80x24 (`pty_bytes`): the
  first paint, toggles, moves, `/`, search keystrokes and escape, bytes and time to
  the last byte;
- evaluate / save: timeit in the same child (8 selections, 3 scores on Ohio);
- a command in a script's loop: `credplan check --json` (Ohio, a three-selection plan)
  through the console script against `python -c pass`, interleaved, median of
  --check-runs each; scripts call it once per student;
- peak RSS: ru_maxrss of each child;
- sessions: `walk.py` x --sessions at once, each its own data directory;
- roster: `roster_bench.py`, the counselor's roster over 1,000 generated plan files.
- catalog validation: `validation.py`, the loader on catalogs 4,000 and 16,000 entries long (x4).
- web sessions: `web_load.py` against one `credplan serve` (proxy mode, loopback): browser
  sessions added level by level until a moving key's p95 passes 100 ms, with each
  planner's RSS (`--web-levels`, `--no-web`; `--only-web` runs just this and writes nothing).

The 10k catalog is written by benchmarks/gen_catalog.py (seed 1) into benchmarks/out/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import json
import os
import platform
import pty
import resource
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
PY = sys.executable
sys.path.insert(0, str(HERE))

from gen_catalog import write_big_catalog  # noqa: E402
from harness import pct  # noqa: E402
import roster_bench  # noqa: E402

OHIO = REPO / "catalogs" / "ohio.toml"
BIG = OUT / "bench-10k.toml"
COLS, ROWS = 100, 40
"""Cold starts (as before the 80x24 redesign, so runs compare)."""
HOME = (80, 24)
"""Keystrokes and bytes: the lab machines' SSH window, the size the planner is built for."""

KEEP_MARK = "<!-- Everything below this line is written by hand and kept by `make bench`. -->"

GOALS = {
    "start": 1.3,  # credplan / bare
    "search_p95_ms": 16.0,
    "evaluate_ms": 1.0,
    "rss_extra_mib": 15.0,
    "check_ratio": 5.0,  # credplan check --json / python -c pass
    "start_home": 1.2,  # credplan / bare on Ohio, after the 80x24 redesign
    "toggle_bytes": 4096,  # at 80x24
}

SMALL_PLAN = """format = 1
student = "Bench"
class_of = 2027
[[selection]]
id = "ohio-driver-license"
status = "earned"
[[selection]]
id = "mos-excel-expert"
[[selection]]
id = "comptia-a-plus"
[scores.workkeys]
"Applied Math" = 5
"""


# -- environment ------------------------------------------------------------------------
def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # start from bytecode, as an installed app does
    env.pop("NO_COLOR", None)
    env.update({"TERM": "xterm-256color", "COLUMNS": str(COLS), "LINES": str(ROWS), "PYTHONHASHSEED": "0"})
    env.update(extra)
    return env


def settle(limit: float = 1.0, wait: float = 240.0) -> None:
    """Wait (at most `wait` seconds) for the 1-minute load average to fall below `limit`:
    the 30 sessions leave it above 8, and the web section measured right after them held
    no session at all in one run."""
    end = time.monotonic() + wait
    while time.monotonic() < end:
        try:
            if float(Path("/proc/loadavg").read_text().split()[0]) < limit:
                return
        except (OSError, ValueError, IndexError):
            return
        time.sleep(5)


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def machine() -> dict[str, str]:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    import textual

    return {
        "machine": f"{platform.system()} {platform.release()} {platform.machine()}, {os.cpu_count()} CPUs ({cpu}), {mem} RAM",
        "python": platform.python_version(),
        "textual": getattr(textual, "__version__", "?"),
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
    }


# -- cold start in a pseudo-terminal -------------------------------------------------------
def run_in_pty(cmd: list[str], env: dict[str, str], timeout: float = 60.0) -> tuple[int, float, float, str]:
    """(exit code, spawn time, exit time, stderr); the terminal's output is read and dropped."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))

    def drain() -> None:
        while True:
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    t0 = time.monotonic()
    proc = subprocess.Popen(
        cmd, stdin=slave, stdout=slave, stderr=subprocess.PIPE, env=env, cwd=REPO, start_new_session=True
    )
    os.close(slave)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    t_exit = time.monotonic()
    os.close(master)
    reader.join(timeout=2)
    return proc.returncode, t0, t_exit, err.decode(errors="replace")


def cold_start(app: str, catalog: Path, rows: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="credplan-bench-") as tmp:
        result = Path(tmp) / "result.json"
        cmd = [PY, str(HERE / "harness.py"), "coldstart", app, "--result", str(result)]
        cmd += ["--catalog", str(catalog)] if app == "credplan" else ["--rows", str(rows)]
        code, t0, t_exit, err = run_in_pty(cmd, child_env(CREDPLAN_DATA_DIR=str(Path(tmp) / "data")))
        if code != 0 or not result.exists():
            raise RuntimeError(f"cold start of {app} failed (exit {code}):\n{err[-2000:]}")
        info = json.loads(result.read_text())
    return {
        "first_paint_ms": 1000 * (info["painted"] - t0),
        "exit_ms": 1000 * (t_exit - t0),
        "maxrss_mib": info["maxrss_kib"] / 1024,
        "rows": info.get("rows", 0),
    }


def cold_starts(runs: int, catalogs: list[tuple[str, Path, int]]) -> dict[str, dict[str, float]]:
    configs = []
    for label, path, n in catalogs:
        configs.append((f"credplan/{label}", "credplan", path, n))
        configs.append((f"bare/{label}", "bare", path, n))
    samples: dict[str, list[dict[str, float]]] = {c[0]: [] for c in configs}
    for _key, app, path, n in configs:  # warm-up: writes every .pyc
        cold_start(app, path, n)
    for _ in range(runs):  # interleaved, so a burst of load hits every config alike
        for key, app, path, n in configs:
            samples[key].append(cold_start(app, path, n))
    out = {}
    for key, runs_ in samples.items():
        paint = [r["first_paint_ms"] for r in runs_]
        out[key] = {
            "first_paint_ms": statistics.median(paint),
            "first_paint_min_ms": min(paint),
            "exit_ms": statistics.median(r["exit_ms"] for r in runs_),
            "maxrss_mib": max(r["maxrss_mib"] for r in runs_),
            "rows": runs_[0]["rows"],
        }
    return out


# -- keystrokes -----------------------------------------------------------------------------
def keys(app: str, catalog: Path, toggles: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="credplan-bench-") as tmp:
        cmd = [PY, str(HERE / "harness.py"), "keys", app, "--catalog", str(catalog), "--size", f"{HOME[0]}x{HOME[1]}"]
        cmd += ["--toggles", str(toggles)]
        proc = subprocess.run(
            cmd, capture_output=True, text=True, env=child_env(CREDPLAN_DATA_DIR=str(Path(tmp) / "data")), cwd=REPO, timeout=600
        )
    if proc.returncode != 0:
        raise RuntimeError(f"keys bench of {app} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- bytes per key, in a real terminal -----------------------------------------------------------
KEY_BYTES = {"space": b" ", "down": b"\x1b[B", "slash": b"/", "c": b"c", "o": b"o", "escape": b"\x1b"}


def _read_until_quiet(master: int, quiet: float, limit: float, first_wait: float | None = None) -> tuple[int, float]:
    """Bytes read until nothing came for `quiet` seconds (or `limit` passed), and when
    the last of them arrived; `first_wait`: how long the first byte may take."""
    import select

    total, last = 0, time.monotonic()
    end = last + limit
    while time.monotonic() < end:
        wait = first_wait if (first_wait is not None and not total) else quiet
        ready, _, _ = select.select([master], [], [], wait)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        total += len(chunk)
        last = time.monotonic()
    return total, last


def pty_bytes(app: str, catalog: Path, size: tuple[int, int] = (80, 24), toggles: int = 12) -> dict:
    """The real program in a pseudo-terminal at `size` (real driver, real encoding):
    bytes written for the first paint, and for each key until the screen is quiet
    again, with the time from writing the key to the last byte. credplan: toggles
    (space) and moves (down) on the first field, then `/`, two search keystrokes and
    escape; bare: the same toggles and moves, and two keystrokes of its filter."""
    cols, rows = size
    with tempfile.TemporaryDirectory(prefix="credplan-bench-") as tmp:
        if app == "credplan":
            cmd = [PY, "-m", "credplan", "--catalog", str(catalog)]
        else:
            cmd = [PY, str(HERE / "bare_app.py"), str(catalog)]
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = child_env(CREDPLAN_DATA_DIR=str(Path(tmp) / "data"), COLUMNS=str(cols), LINES=str(rows))
        proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=REPO, start_new_session=True)
        os.close(slave)
        out: dict[str, list[tuple[int, float]]] = {}
        try:
            first, _ = _read_until_quiet(master, 1.0, 60.0, first_wait=60.0)
            out["first paint"] = [(first, float("nan"))]

            def press(name: str, label: str | None = None) -> None:
                t0 = time.monotonic()
                os.write(master, KEY_BYTES[name])
                n, last = _read_until_quiet(master, 0.25, 10.0)
                out.setdefault(label or name, []).append((n, 1000 * (last - t0) if n else 0.0))

            for _ in range(toggles):
                press("space", "toggle (space)")
                press("down", "move (down)")
            if app == "credplan":
                press("slash", "open the search (/)")
            press("c", "search keystroke")
            press("o", "search keystroke")
            if app == "credplan":
                time.sleep(0.1)  # an escape alone, not the start of a sequence
                press("escape", "close the search (escape)")
        finally:
            proc.kill()
            proc.wait()
            os.close(master)
    return {
        key: {
            "n": len(v),
            "bytes_p50": statistics.median(b for b, _ in v),
            "bytes_max": max(b for b, _ in v),
            "ms_p50": statistics.median(t for _, t in v),
            "ms_p95": pct([t for _, t in v], 95),
        }
        for key, v in out.items()
    }


def phases(catalog: Path, runs: int = 3) -> dict:
    """Median of `runs` headless starts, phase by phase (harness.py phases)."""
    samples = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="credplan-bench-") as tmp:
            proc = subprocess.run(
                [PY, str(HERE / "harness.py"), "phases", "--catalog", str(catalog)],
                capture_output=True, text=True, env=child_env(CREDPLAN_DATA_DIR=str(Path(tmp) / "data")), cwd=REPO,
                timeout=120,
            )
        if proc.returncode != 0:
            raise RuntimeError(f"phases failed:\n{proc.stderr[-2000:]}")
        samples.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    names = [p["phase"] for p in samples[0]["phases"]]
    return {
        "phases": [(n, statistics.median(s["phases"][i]["ms"] for s in samples)) for i, n in enumerate(names)],
        "total_ms": statistics.median(s["total_ms"] for s in samples),
    }


def evaluate_ohio() -> dict:
    code = "import json,sys; sys.path.insert(0, %r); from harness import evaluate_timings; print(json.dumps(evaluate_timings(%r)))"
    proc = subprocess.run(
        [PY, "-c", code % (str(HERE), str(OHIO))], capture_output=True, text=True, env=child_env(), cwd=REPO, timeout=300
    )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return json.loads(proc.stdout)


# -- a command in a script's loop --------------------------------------------------------------
def command_startup(runs: int) -> dict[str, dict[str, float]]:
    """`credplan check --json` as a script calls it (the console script, stdout to a
    pipe it drains) and `python -c pass` on the same interpreter: each a new process,
    interleaved so a burst of load hits both alike, after a warm-up run of each."""
    script = Path(PY).with_name("credplan")
    credplan = [str(script)] if script.exists() else [PY, "-m", "credplan"]
    with tempfile.TemporaryDirectory(prefix="credplan-bench-") as tmp:
        plan = Path(tmp) / "plan.toml"
        plan.write_text(SMALL_PLAN, encoding="utf-8")
        cmds = {
            "check": credplan + ["check", "--json", "--catalog", "ohio", "--plan", str(plan)],
            "pass": [PY, "-c", "pass"],
        }
        # As a counselor's script runs it: no CREDPLAN_DATA_DIR (the data folder is
        # platformdirs', here under a temporary XDG_DATA_HOME).
        env = child_env(XDG_DATA_HOME=str(Path(tmp) / "data"))
        env.pop("CREDPLAN_DATA_DIR", None)
        wall: dict[str, list[float]] = {k: [] for k in cmds}
        cpu: dict[str, list[float]] = {k: [] for k in cmds}
        for i in range(runs + 1):
            for key, cmd in cmds.items():
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.monotonic()
                done = subprocess.run(cmd, capture_output=True, env=env, cwd=REPO, timeout=60)
                t1 = time.monotonic()
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                if done.returncode not in (0, 1) or (key == "check" and not done.stdout.startswith(b"{")):
                    raise RuntimeError(f"{' '.join(cmd)} failed (exit {done.returncode}):\n{done.stderr.decode()[-2000:]}")
                if i:  # the first round is the warm-up: it writes the bytecode
                    wall[key].append(1000 * (t1 - t0))
                    cpu[key].append(1000 * (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime))
    return {
        key: {"median_ms": statistics.median(wall[key]), "min_ms": min(wall[key]),
              "cpu_ms": statistics.median(cpu[key]), "runs": len(wall[key])}
        for key in cmds
    }


# -- concurrent sessions ------------------------------------------------------------------------
def sessions(n: int, timeout: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="credplan-bench-") as tmp:
        procs = []
        t0 = time.monotonic()
        for i in range(n):
            env = child_env(CREDPLAN_DATA_DIR=str(Path(tmp) / f"s{i:02d}"))
            procs.append(
                subprocess.Popen(
                    [PY, str(HERE / "walk.py"), "--catalog", "ohio"],
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO, text=True,
                )
            )
        results, failures = [], []
        deadline = t0 + timeout
        for i, proc in enumerate(procs):
            try:
                out, err = proc.communicate(timeout=max(1.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()
                out, err = proc.communicate()
                failures.append(f"session {i}: timed out")
                continue
            if proc.returncode != 0:
                failures.append(f"session {i}: exit {proc.returncode}: {err.strip().splitlines()[-1:] }")
                continue
            results.append(json.loads(out.strip().splitlines()[-1]))
        wall = time.monotonic() - t0
    lat = [v for r in results for v in r["latency_ms"]]
    cpu = [v for r in results for v in r["cpu_ms"]]
    return {
        "sessions": n,
        "finished": len(results),
        "failures": failures,
        "keys_each": results[0]["keys"] if results else 0,
        "wall_s": wall,
        "latency_p50_ms": statistics.median(lat) if lat else float("nan"),
        "latency_p95_ms": pct(lat, 95),
        "cpu_p95_ms": pct(cpu, 95),
        "worst_session_p95_ms": max((pct(r["latency_ms"], 95) for r in results), default=float("nan")),
        "rss_total_mib": sum(r["maxrss_kib"] for r in results) / 1024,
        "rss_each_mib": (sum(r["maxrss_kib"] for r in results) / 1024 / len(results)) if results else float("nan"),
        "all_saved": all(r["selections"] > 0 and r["scores"] for r in results),
    }


# -- web sessions -------------------------------------------------------------------------------
def web_sessions(levels: str, budget: float) -> dict:
    proc = subprocess.run(
        [PY, str(HERE / "web_load.py"), "--levels", levels, "--budget", str(budget), "--json"],
        capture_output=True, text=True, env=child_env(), cwd=REPO, timeout=budget + 600,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"web sessions failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def web_report(ws: dict, load: str) -> str:
    sys.path.insert(0, str(HERE))
    from web_load import table

    held = ws["held"]
    rss = [r["rss_each_mib"] for r in ws["rows"]]
    each = max(rss) if rss else float("nan")
    boxes = -(-1000 // held) if held else 0
    return "\n".join([
        "## Web sessions on one box",
        "",
        f"`benchmarks/web_load.py`: one `credplan serve --auth proxy` on loopback, browser sessions (aiohttp WebSockets, "
        f"100x30) added level by level, each a different student; every session presses {ws['keys']} keys at random "
        f"moments, {ws['rate']:.1f} key/s on average, seven in eight moving in the list and one in {ws['toggle_every']} a "
        "toggle that saves the plan. Latency: from sending the key to the first screen update back, at the client. "
        f"Load average before: {load}. {ws['cpus']} CPUs.",
        "",
        table(ws),
        "",
        f"Held **{held} sessions** with a moving key's p95 <= {ws['limit_ms']:.0f} ms ({ws['stopped']}). "
        f"Each planner process: {each:.1f} MiB resident; the server process itself: "
        f"{max((r.get('server_rss_mib', float('nan')) for r in ws['rows']), default=float('nan')):.0f} MiB. At that rate, 1,000 students typing at once need "
        f"{boxes} boxes like this one (+1 spare); see docs/deploy.md for the sizing rule.",
        "",
    ])


# -- report ----------------------------------------------------------------------------------
def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "-"


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def command_section(cmd: dict, loads: dict) -> list[str]:
    ck, ps = cmd["check"], cmd["pass"]
    r = ck["median_ms"] / ps["median_ms"]
    return [
        "## A command in a script's loop",
        "",
        "`credplan check --json --catalog ohio --plan P` (three selections, one score) through the console "
        "script, as a script calls it once per student, against `python -c pass` on the same interpreter. "
        f"Each run a new process, the two interleaved; median of {ck['runs']} after a warm-up run of each "
        f"(load average before: {loads.get('command', '-')}).",
        "",
        f"| command | median wall | fastest | median CPU | ratio to `python -c pass` (goal <= {GOALS['check_ratio']:g}x) |",
        "|---|---|---|---|---|",
        f"| credplan check --json | {ck['median_ms']:.1f} ms | {ck['min_ms']:.1f} ms | {ck['cpu_ms']:.1f} ms "
        f"| {r:.2f}x {verdict(r <= GOALS['check_ratio'])} (CPU {ratio(ck['cpu_ms'], ps['cpu_ms'])}) |",
        f"| python -c pass | {ps['median_ms']:.1f} ms | {ps['min_ms']:.1f} ms | {ps['cpu_ms']:.1f} ms | 1.00x |",
        "",
    ]


def pty_report(pb: dict) -> list[str]:
    """The bytes-per-key tables: credplan and bare, per catalog."""
    lines = [
        f"## Bytes per key in a terminal ({HOME[0]}x{HOME[1]})",
        "",
        "The real program (`python -m credplan --catalog ...`, or `benchmarks/bare_app.py` showing its first field) in a "
        f"pseudo-terminal of {HOME[0]}x{HOME[1]}, TERM=xterm-256color: bytes it wrote for its first screen, and after each key "
        "until it was quiet for 250 ms, with the time from writing the key to its last byte (end to end, frame pacing "
        "and the pty included). Over SSH every byte is sent, encrypted, to the lab machine: fewer is faster on a slow link.",
        "",
    ]
    for label, per_app in pb.items():
        cp, ba = per_app["credplan"], per_app["bare"]
        lines += [
            f"{label}:",
            "",
            "| key | credplan bytes (p50 / max) | credplan ms (p50 / p95) | bare bytes (p50 / max) | bare ms (p50 / p95) |",
            "|---|---|---|---|---|",
        ]
        for key in ("first paint", "toggle (space)", "move (down)", "open the search (/)", "search keystroke",
                    "close the search (escape)"):
            c, b = cp.get(key), ba.get(key)

            def cells(v: dict | None, first: bool) -> str:
                if v is None:
                    return "- | -"
                ms = "-" if first else f"{v['ms_p50']:.0f} / {v['ms_p95']:.0f}"
                return f"{v['bytes_p50'] / 1024:.1f} / {v['bytes_max'] / 1024:.1f} KB | {ms}"

            lines.append(f"| {key} | {cells(c, key == 'first paint')} | {cells(b, key == 'first paint')} |")
        lines.append("")
    toggle = pb.get("generated 10k", {}).get("credplan", {}).get("toggle (space)")
    if toggle:
        lines += [
            f"Toggle budget, at most 4 KB at {HOME[0]}x{HOME[1]} (10k catalog, in the terminal): "
            f"{verdict(toggle['bytes_max'] <= GOALS['toggle_bytes'])}.",
            "",
        ]
    return lines


def report(env: dict, cs: dict, ph: dict, kb: dict, ev_ohio: dict, ss: dict | None, loads: dict, args,
           cmd: dict | None = None, rs: dict | None = None, pb: dict | None = None) -> str:
    cp, ba = kb["credplan"], kb["bare"]
    lines = [
        "# credplan benchmarks",
        "",
        "Written by `make bench` (benchmarks/run.py); numbers are printed, never asserted in tests.",
        "",
        f"- Machine: {env['machine']}",
        f"- Date: {env['date']}",
        f"- Python {env['python']}, Textual {env['textual']}",
        f"- Load average (1, 5, 15 min) at start: {loads['start']}; before keys: {loads['keys']};"
        f" before sessions: {loads.get('sessions', '-')}; at end: {loads['end']} (including this run's own"
        " sessions). A load above about 1 before a section means other work (test runs) shared the CPUs, so wall"
        " times carry queueing; the CPU-time columns are what the measured process itself spent.",
        "- Bare app: Header, an OptionList with one row per credential (plain text, markup off), "
        "a ProgressBar and a Footer (benchmarks/bare_app.py), measured in the same run.",
        "",
        "## Cold start to first paint",
        "",
        f"A subprocess in a pseudo-terminal ({COLS}x{ROWS}, TERM=xterm-256color; not headless): from just before "
        "spawning it to the end of the first frame of the planner screen written to the terminal "
        f"(`App._display`), then it exits. Median of {args.runs} runs after a warm-up run of each "
        "(bytecode already compiled). credplan runs its real entry point (`credplan.cli.main`: "
        "argument parsing, catalog load and validation, plan open, app). RSS is ru_maxrss of the child.",
        "",
        "| catalog | credplan | bare | ratio (goal <= 1.3x) | credplan RSS | bare RSS | extra RSS (goal <= 15 MiB) |",
        "|---|---|---|---|---|---|---|",
    ]
    for label in ("Ohio (160)", "generated 10k"):
        c, b = cs[f"credplan/{label}"], cs[f"bare/{label}"]
        r = c["first_paint_ms"] / b["first_paint_ms"]
        extra = c["maxrss_mib"] - b["maxrss_mib"]
        lines.append(
            f"| {label} | {c['first_paint_ms']:.0f} ms | {b['first_paint_ms']:.0f} ms | {r:.2f}x {verdict(r <= GOALS['start'])}"
            f"{(' (1.2x: ' + verdict(r <= GOALS['start_home']) + ')') if label.startswith('Ohio') else ''} "
            f"| {c['maxrss_mib']:.1f} MiB | {b['maxrss_mib']:.1f} MiB | {extra:+.1f} MiB {verdict(extra <= GOALS['rss_extra_mib'])} |"
        )
    lines += [
        "",
        f"Rows on the first screen: credplan shows one field ({cs['credplan/generated 10k']['rows']} rows with the field list on 10k, "
        f"{cs['credplan/Ohio (160)']['rows']} on Ohio); the bare app shows every credential "
        f"({cs['bare/generated 10k']['rows']} / {cs['bare/Ohio (160)']['rows']}). "
        f"Fastest runs: credplan {cs['credplan/Ohio (160)']['first_paint_min_ms']:.0f} / {cs['credplan/generated 10k']['first_paint_min_ms']:.0f} ms, "
        f"bare {cs['bare/Ohio (160)']['first_paint_min_ms']:.0f} / {cs['bare/generated 10k']['first_paint_min_ms']:.0f} ms (Ohio / 10k).",
        "",
        "Where credplan's start-up goes (`harness.py phases`: headless, median of 3, so the last phase lacks the "
        "terminal encoding and the total is a little below the figures above):",
        "",
        "| phase | Ohio | 10k |",
        "|---|---|---|",
        *[
            f"| {name} | {ph['ohio']['phases'][i][1]:.0f} ms | {ph['big']['phases'][i][1]:.0f} ms |"
            for i, (name, _) in enumerate(ph["ohio"]["phases"])
        ],
        f"| total | {ph['ohio']['total_ms']:.0f} ms | {ph['big']['total_ms']:.0f} ms |",
        "",
        "## Keystrokes on the 10k catalog",
        "",
        f"Headless `run_test` at {HOME[0]}x{HOME[1]}. Each key: from posting it to the end of the last frame it caused "
        "(the harness encodes each frame to escape sequences as a terminal driver would; headless Textual skips that). "
        "Wall time includes Textual's own frame pacing (a frame at most every 1/60 s after the app goes idle) and "
        "waiting for the CPU behind other processes; CPU is the time this process spent meanwhile. "
        "credplan: `/` then typing into its search box (filter in core, at most 200 rows + a 'more' line, "
        "into a line-API list that builds only the visible rows). "
        "Bare: the same filter and cap, `OptionList.set_options` with plain-text rows, on an app-level key handler "
        "(no Input widget). Toggle: `space` on the first field's list (credplan: evaluate, save the plan, update "
        "list row, field points, detail line, plan panel with its text bar; bare: replace one prompt, move the bar).",
        "",
        "| figure | credplan p50 | credplan p95 | bare p50 | bare p95 | ratio p95 | goal |",
        "|---|---|---|---|---|---|---|",
    ]
    for key, name in (("search", "search keystroke, wall"), ("search_cpu", "search keystroke, CPU"),
                      ("toggle", "toggle to updated bar, wall"), ("toggle_cpu", "toggle, CPU"),
                      ("move", "move (down), wall"), ("move_cpu", "move, CPU")):
        c, b = cp[key], ba[key]
        goal = ""
        if key == "search":
            goal = f"p95 <= 16 ms: {verdict(c['p95'] <= GOALS['search_p95_ms'])}"
        elif key == "search_cpu":
            goal = f"(CPU alone) {verdict(c['p95'] <= GOALS['search_p95_ms'])}"
        lines.append(
            f"| {name} (n={c['n']}) | {c['p50']:.1f} ms | {c['p95']:.1f} ms | {b['p50']:.1f} ms | {b['p95']:.1f} ms "
            f"| {ratio(c['p95'], b['p95'])} | {goal} |"
        )
    tf = cp.get("toggle_frames")
    if tf:
        lines += [
            "",
            f"Per toggle (credplan, n={tf['n']}): frames {tf['frames_p50']:.0f} (at most {tf['frames_max']}), screen-wide "
            f"layouts {tf['layouts_p50']:.0f} (at most {tf['layouts_max']}), {tf['bytes_p50'] / 1024:.1f} KB encoded "
            f"(at most {tf['bytes_max'] / 1024:.1f} KB). Budget: one frame, no layout, at most 4 KB: "
            f"{verdict(tf['frames_max'] <= 1 and tf['layouts_max'] == 0 and tf['bytes_max'] <= GOALS['toggle_bytes'])}; "
            f"wall p95 no worse than the bare app's: {verdict(cp['toggle']['p95'] <= ba['toggle']['p95'])}.",
        ]
    extra_keys = (cp["maxrss_kib"] - ba["maxrss_kib"]) / 1024
    lines += [
        "",
        f"Peak RSS after these keys: credplan {cp['maxrss_kib'] / 1024:.1f} MiB, bare {ba['maxrss_kib'] / 1024:.1f} MiB "
        f"({extra_keys:+.1f} MiB, goal <= +15 MiB: {verdict(extra_keys <= GOALS['rss_extra_mib'])}).",
        "",
        *(pty_report(pb) if pb else []),
        "## evaluate() and saving",
        "",
        "timeit, best of 5 x 2000 calls; a plan of "
        f"{ev_ohio['plan']['selections']} selections (3 earned) in two fields and {ev_ohio['plan']['scores']} WorkKeys scores, class of 2027.",
        "",
        "| catalog | evaluate | evaluate after a toggle | save_plan (atomic, fsync) | goal evaluate <= 1 ms |",
        "|---|---|---|---|---|",
        f"| Ohio | {ev_ohio['evaluate_ms']:.3f} ms | {ev_ohio['toggle_evaluate_ms']:.3f} ms | {ev_ohio['save_ms']:.1f} ms | {verdict(ev_ohio['evaluate_ms'] <= GOALS['evaluate_ms'])} |",
        f"| 10k | {cp['evaluate_ms']:.3f} ms | {cp['toggle_evaluate_ms']:.3f} ms | {cp['save_ms']:.1f} ms | {verdict(cp['evaluate_ms'] <= GOALS['evaluate_ms'])} |",
        "",
    ]
    if cmd is not None:
        lines += command_section(cmd, loads)
    if ss is not None:
        lines += [
            f"## {ss['sessions']} concurrent headless sessions",
            "",
            f"{ss['sessions']} processes started at once, each `benchmarks/walk.py`: credplan on Ohio with its own "
            f"CREDPLAN_DATA_DIR, {ss['keys_each']} keys (move, toggle, change field, search, pin, three scores, help), "
            "saving the plan on every change; latency per key as above.",
            "",
            "| finished | all plans saved | wall for all | key p50 | key p95 | worst session p95 | CPU p95 | RSS total (sum of peaks) | RSS each |",
            "|---|---|---|---|---|---|---|---|---|",
            f"| {ss['finished']}/{ss['sessions']} | {'yes' if ss['all_saved'] else 'NO'} | {ss['wall_s']:.0f} s | {ss['latency_p50_ms']:.0f} ms "
            f"| {ss['latency_p95_ms']:.0f} ms | {ss['worst_session_p95_ms']:.0f} ms | {ss['cpu_p95_ms']:.0f} ms "
            f"| {ss['rss_total_mib']:.0f} MiB | {ss['rss_each_mib']:.1f} MiB |",
            "",
        ]
        if ss["failures"]:
            lines += ["Failures:", ""] + [f"- {f}" for f in ss["failures"]] + [""]
    if rs is not None:
        lines += ["## The counselor's roster", "", *roster_bench.lines(rs), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15, help="cold starts of each app per catalog")
    ap.add_argument("--sessions", type=int, default=30)
    ap.add_argument("--toggles", type=int, default=30)
    ap.add_argument("--check-runs", type=int, default=40, help="runs of credplan check --json and of python -c pass")
    ap.add_argument("--no-write", action="store_true", help="print only; leave results.md alone")
    ap.add_argument("--web-levels", default="1,4,8,16,24,32,48,64", help="concurrent web sessions to try, in order")
    ap.add_argument("--no-web", action="store_true", help="skip the web sessions section")
    ap.add_argument("--only-web", action="store_true", help="run only the web sessions section; print, write nothing")
    ap.add_argument("--out", default=str(HERE / "results.md"))
    args = ap.parse_args(argv)

    t_start = time.monotonic()
    if args.only_web:
        load = loadavg()
        print(f"web sessions ({args.web_levels}) ...", flush=True)
        print(web_report(web_sessions(args.web_levels, 600), load))
        return 0
    OUT.mkdir(exist_ok=True)
    write_big_catalog(BIG, 10_000, 13, 1)
    big_count = 10_000
    env = machine()
    loads = {"start": loadavg()}
    print(f"{env['machine']}\nPython {env['python']}, Textual {env['textual']}, load {loads['start']}", flush=True)

    print("cold starts ...", flush=True)
    cs = cold_starts(args.runs, [("Ohio (160)", OHIO, 160), ("generated 10k", BIG, big_count)])
    ph = {"ohio": phases(OHIO), "big": phases(BIG)}
    loads["keys"] = loadavg()
    print("keystrokes ...", flush=True)
    kb = {"credplan": keys("credplan", BIG, args.toggles), "bare": keys("bare", BIG, args.toggles)}
    ev_ohio = evaluate_ohio()
    loads["command"] = loadavg()
    print("check --json against python -c pass ...", flush=True)
    cmd = command_startup(args.check_runs)
    print("bytes per key in a terminal ...", flush=True)
    pb = {
        label: {app: pty_bytes(app, path) for app in ("credplan", "bare")}
        for label, path in (("Ohio", OHIO), ("generated 10k", BIG))
    }
    ss = None
    if args.sessions:
        settle()
        loads["sessions"] = loadavg()
        print(f"{args.sessions} concurrent sessions ...", flush=True)
        ss = sessions(args.sessions, timeout=600)
    settle()
    print("roster of 1,000 plans ...", flush=True)
    rs = roster_bench.measure(1000, 5)
    print("catalog validation against size ...", flush=True)
    validation = subprocess.run(
        [PY, str(HERE / "validation.py")], env=child_env(), capture_output=True, text=True, check=True
    ).stdout
    web_text = ""
    if not args.no_web:
        settle()
        web_load = loadavg()
        print(f"web sessions ({args.web_levels}) ...", flush=True)
        web_text = web_report(web_sessions(args.web_levels, 600), web_load)
    loads["end"] = loadavg()
    text = report(env, cs, ph, kb, ev_ohio, ss, loads, args, cmd, rs, pb)
    text += "\n## Catalog validation against size\n\n" + validation
    if web_text:
        text += "\n" + web_text
    text += f"\nWhole run: {time.monotonic() - t_start:.0f} s.\n"
    print()
    print(text)
    if not args.no_write:
        out = Path(args.out)
        kept = ""
        if out.exists():  # hand-written findings below the marker survive a new run
            old = out.read_text(encoding="utf-8")
            if KEEP_MARK in old:
                kept = old[old.index(KEEP_MARK):]
        out.write_text(text + "\n" + (kept or KEEP_MARK + "\n"), encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
