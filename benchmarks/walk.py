"""One scripted session for the concurrency figure of `make bench`.

    CREDPLAN_DATA_DIR=/tmp/x python benchmarks/walk.py [--catalog ohio]

Runs `credplan --catalog REF` through its real entry point (`credplan.cli.main`: the
default plan of its own data directory, saved on every change), headless, and presses about 50
keys a student would press: move, toggle, change field, search, pin, type scores,
help. Each key is timed from posting it to the end of the last frame it caused (see
harness.py). Prints one JSON object: latencies in ms, peak RSS, the saved plan.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import PaintRecorder, headless_planner, maxrss_kib, timed_keys

WALK = [
    # toggle two credentials in the first field shown
    "down", "down", "space", "down", "space",
    # another field: to the field list, down three, back, toggle two
    "shift+tab", "down", "down", "down", "tab", "space", "down", "space",
    # search, jump to the first match, toggle it, clear the search
    "slash", *"comptia", "enter", "space", "escape",
    # pin the highlighted field
    "p",
    # scores: w opens the class box (not set yet), the class, then three levels, back to the list
    "w", *"2027", "tab", "5", "tab", "4", "tab", "6", "escape",
    # another search
    "slash", *"serv", "enter", "space", "escape",
    # move about and toggle
    "down", "down", "down", "down", "space", "up", "space", "k", "j",
    # help and back
    "question_mark", "escape",
]


def walk(catalog_ref: str, size: tuple[int, int]) -> dict[str, object]:
    """Run `credplan --catalog REF` through its real entry point, headless, with the
    walk as Textual's auto-pilot."""
    recorder = PaintRecorder()
    recorder.install()
    from textual.app import App

    from credplan.cli import main as credplan_main
    from credplan.core.paths import default_plan_path
    from credplan.core.plans import read_plan

    timings: dict[str, list[float]] = {}

    async def pilot_walk(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        for widget in pilot.app.screen.query("Input"):
            widget.cursor_blink = False
        wall, cpu = await timed_keys(pilot, recorder, WALK)
        timings.update(wall=wall, cpu=cpu)
        await pilot.press("q")

    original_run = App.run

    def run_headless(self, **kwargs):  # type: ignore[no-untyped-def]
        return original_run(self, headless=True, size=size, auto_pilot=pilot_walk)

    App.run = run_headless  # type: ignore[method-assign]
    headless_planner()
    code = credplan_main(["--catalog", catalog_ref])
    if code != 0 or "wall" not in timings:
        raise SystemExit(f"credplan exited {code} before the walk ended")
    saved = read_plan(default_plan_path())
    return {
        "keys": len(WALK),
        "latency_ms": [round(1000 * v, 2) for v in timings["wall"]],
        "cpu_ms": [round(1000 * v, 2) for v in timings["cpu"]],
        "selections": len(saved.selections),
        "pinned": saved.pinned_field,
        "scores": {a: dict(p) for a, p in saved.scores.items()},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--catalog", default="ohio")
    ap.add_argument("--size", default="100x32")
    args = ap.parse_args(argv)
    if not os.environ.get("CREDPLAN_DATA_DIR"):  # never touch the user's own plans
        os.environ["CREDPLAN_DATA_DIR"] = tempfile.mkdtemp(prefix="credplan-bench-")
    t0 = time.monotonic()
    width, height = (int(v) for v in args.size.split("x"))
    out = walk(args.catalog, (width, height))
    out["wall_s"] = round(time.monotonic() - t0, 2)
    out["maxrss_kib"] = maxrss_kib()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
