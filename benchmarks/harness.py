"""The child side of `make bench`: one measurement per process, a JSON line out.

    python benchmarks/harness.py coldstart credplan|bare --catalog PATH --result FILE [--target NAME]
    python benchmarks/harness.py keys credplan|bare --catalog PATH [--size 100x40]
    python benchmarks/harness.py phases --catalog PATH

`coldstart` runs the real entry point (`credplan.cli.main`, or the bare app) and exits
as soon as the first frame of the planner screen has been written to the terminal
(`App._display`, the method that turns a compositor update into escape sequences and
writes it). The run script gives it a pseudo-terminal, so the frame really is encoded
and written. It writes {"painted": CLOCK_MONOTONIC seconds, "maxrss_kib": ...} to FILE.

`keys` runs the app headless (`run_test`) and times keystrokes: from just before the
key event is posted to the end of the last frame it caused. Headless Textual skips
encoding frames, so the hook encodes each one (`render_segments`) as a terminal would
need, for both apps. It prints one JSON object on stdout.

Both apps get the same hook; nothing in credplan is changed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def headless_planner() -> None:
    """The planner refuses to start without a terminal (`credplan.launch.no_terminal`);
    these measurements run it headless on purpose, through the same hook that makes
    `App.run` headless, so the check is told there is one."""
    from credplan import launch

    launch.no_terminal = list  # type: ignore[assignment]


def maxrss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


class PaintRecorder:
    """Wraps `App._display`: notes when each non-empty frame was finished."""

    def __init__(self) -> None:
        self.paints: list[tuple[float, float]] = []
        """(CLOCK_MONOTONIC, process CPU time) at the end of each frame."""
        self.sizes: list[int] = []
        """Bytes of each frame as encoded for a terminal (headless frames only)."""
        self.layouts = 0
        """Screen-wide layouts so far (not the scroll-only reflows)."""
        self.on_paint = None  # callable(app, screen) or None
        self.encode_headless = True

    def install(self) -> None:
        from textual.app import App
        from textual._compositor import CompositorUpdate

        original = App._display
        recorder = self

        def _display(app, screen, renderable):  # type: ignore[no-untyped-def]
            original(app, screen, renderable)
            if renderable is None or app._batch_count:
                return
            size = 0
            if app.is_headless and recorder.encode_headless and isinstance(renderable, CompositorUpdate):
                size = len(renderable.render_segments(app.console).encode())
            recorder.paints.append((time.monotonic(), time.process_time()))
            recorder.sizes.append(size)
            if recorder.on_paint is not None:
                recorder.on_paint(app, screen)

        App._display = _display  # type: ignore[method-assign]

        from textual.screen import Screen

        original_layout = Screen._refresh_layout

        def _refresh_layout(screen, size=None, scroll=False):  # type: ignore[no-untyped-def]
            if not (scroll and not screen._layout_widgets):  # a full reflow, not a scroll
                recorder.layouts += 1
            return original_layout(screen, size, scroll)

        Screen._refresh_layout = _refresh_layout  # type: ignore[method-assign]

    def last_since(self, t0: float) -> tuple[float, float] | None:
        after = [p for p in self.paints if p[0] >= t0]
        return after[-1] if after else None


# -- cold start ---------------------------------------------------------------------------
def coldstart(args: argparse.Namespace) -> int:
    recorder = PaintRecorder()
    recorder.install()
    target = args.target or ("MainScreen" if args.app == "credplan" else "Screen")
    result = Path(args.result)

    def on_paint(app, screen) -> None:  # type: ignore[no-untyped-def]
        if type(screen).__name__ != target or result.exists():
            return
        painted = time.monotonic()
        info = {"painted": painted, "maxrss_kib": maxrss_kib(), "screen": type(screen).__name__}
        try:
            # OptionLists, and credplan's line-API credential list, which counts the same way
            info["rows"] = sum(getattr(w, "option_count", 0) for w in screen.query("*"))
        except Exception:
            pass
        result.write_text(json.dumps(info))
        app.exit()

    recorder.on_paint = on_paint
    if args.app == "credplan":
        from credplan.cli import main

        code = main(["--catalog", args.catalog])
    else:
        from bare_app import BareApp, synthetic_rows

        BareApp(synthetic_rows(args.rows)).run()
        code = 0
    return code


# -- where start-up goes ------------------------------------------------------------------------
def phases(args: argparse.Namespace) -> int:
    """One headless start of credplan with timestamps between its phases (no terminal
    encoding, so the last phase is a little shorter than in a terminal)."""
    t0 = time.monotonic()
    marks: list[tuple[str, float]] = []

    def mark(name: str) -> None:
        marks.append((name, time.monotonic()))

    import textual.app  # noqa: F401 - what every Textual app pays first

    mark("import Textual")
    recorder = PaintRecorder()
    recorder.install()
    from credplan import cli

    mark("import credplan.cli (core, commands package)")
    from credplan.core import session

    original_load = session.load_catalog_ref

    def load(ref):  # type: ignore[no-untyped-def]
        mark("argparse (no subcommand module), plan path")
        catalog = original_load(ref)
        mark("load and validate the catalog")
        return catalog

    session.load_catalog_ref = load  # type: ignore[assignment]
    from textual.app import App

    original_run = App.run

    def run(self, **kwargs):  # type: ignore[no-untyped-def]
        mark("open the plan, import the UI, build the app")
        from credplan.ui.screens.main import MainScreen  # already imported by the app

        original_mount = MainScreen.on_mount

        def on_mount(screen) -> None:  # type: ignore[no-untyped-def]
            mark("start Textual, compose and mount the planner screen")
            original_mount(screen)
            mark("fill the lists and the plan panel (on_mount)")

        MainScreen.on_mount = on_mount  # type: ignore[method-assign]
        return original_run(self, headless=True, size=(100, 40))

    App.run = run  # type: ignore[method-assign]
    headless_planner()

    def on_paint(app, screen) -> None:  # type: ignore[no-untyped-def]
        if type(screen).__name__ == "MainScreen" and not any(n.startswith("styles") for n, _ in marks):
            mark("styles, layout and the first frame")
            app.exit()

    recorder.on_paint = on_paint
    cli.main(["--catalog", args.catalog])
    out, previous = [], t0
    for name, t in marks:
        out.append({"phase": name, "ms": round(1000 * (t - previous), 1)})
        previous = t
    print(json.dumps({"catalog": Path(args.catalog).name, "phases": out, "total_ms": round(1000 * (previous - t0), 1)}))
    return 0


# -- keystrokes ---------------------------------------------------------------------------
def search_keys() -> list[str]:
    """About 100 keystrokes: type a query, then take it back one backspace at a time."""
    keys: list[str] = []
    for query in ("credential 5", "c0123", "credential 987", "xyz", "cred 1", "credential 4321", "9"):
        keys += list(query)
        keys += ["backspace"] * len(query)
    return [{" ": "space"}.get(k, k) for k in keys]


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def summary_ms(values: list[float]) -> dict[str, float]:
    ms = [1000 * v for v in values]
    return {
        "n": len(ms),
        "p50": statistics.median(ms) if ms else float("nan"),
        "p95": pct(ms, 95),
        "max": max(ms) if ms else float("nan"),
    }


async def timed_keys(pilot, recorder: PaintRecorder, keys: list[str]) -> tuple[list[float], list[float]]:
    """(wall seconds, CPU seconds) from posting each key to the end of its last frame."""
    wall, cpu = [], []
    for key in keys:
        t0, c0 = time.monotonic(), time.process_time()
        await pilot.press(key)
        await pilot.pause()
        painted = recorder.last_since(t0)
        if painted is None:  # nothing changed on screen
            continue
        wall.append(painted[0] - t0)
        cpu.append(painted[1] - c0)
    return wall, cpu


def run_with_pilot(app_name: str, catalog: str, size: tuple[int, int], pilot_script) -> None:  # type: ignore[no-untyped-def]
    """Run credplan through its real entry point (`credplan.cli.main`), or the bare app,
    headless at `size`, with `pilot_script(pilot)` as Textual's auto-pilot."""
    from textual.app import App

    original_run = App.run

    def run_headless(self, **kwargs):  # type: ignore[no-untyped-def]
        return original_run(self, headless=True, size=size, auto_pilot=pilot_script)

    App.run = run_headless  # type: ignore[method-assign]
    headless_planner()
    try:
        if app_name == "credplan":
            from credplan.cli import main

            code = main(["--catalog", catalog])
            if code != 0:
                raise SystemExit(f"credplan exited {code}")
        else:
            from bare_app import BareApp, catalog_rows

            rows, fields = catalog_rows(catalog)
            BareApp(rows, first_field=fields[0] if fields else None).run()
    finally:
        App.run = original_run  # type: ignore[method-assign]


def keys_bench(args: argparse.Namespace) -> int:
    recorder = PaintRecorder()
    recorder.install()
    width, height = (int(v) for v in args.size.split("x"))
    result: dict[str, object] = {"app": args.app, "catalog": Path(args.catalog).name}

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.pause()
        for widget in app.screen.query("Input"):
            widget.cursor_blink = False  # a blinking cursor repaints twice a second
        if args.app == "bare":
            app.show_query()  # start from the first field's rows, as credplan does
        await pilot.pause()
        # toggles on the start list: space on a row, down, space on the next...
        toggles: tuple[list[float], list[float]] = ([], [])
        moves: tuple[list[float], list[float]] = ([], [])
        per_toggle: list[tuple[int, int, int]] = []  # frames, layouts, bytes
        for _ in range(args.toggles):
            for into, key in ((toggles, "space"), (moves, "down")):
                frames, layouts = len(recorder.paints), recorder.layouts
                wall, cpu = await timed_keys(pilot, recorder, [key])
                into[0].extend(wall)
                into[1].extend(cpu)
                if key == "space":
                    per_toggle.append(
                        (len(recorder.paints) - frames, recorder.layouts - layouts, sum(recorder.sizes[frames:]))
                    )
        result["toggle_frames"] = {
            "n": len(per_toggle),
            "frames_p50": statistics.median(f for f, _, _ in per_toggle),
            "frames_max": max(f for f, _, _ in per_toggle),
            "layouts_p50": statistics.median(lay for _, lay, _ in per_toggle),
            "layouts_max": max(lay for _, lay, _ in per_toggle),
            "bytes_p50": statistics.median(b for _, _, b in per_toggle),
            "bytes_max": max(b for _, _, b in per_toggle),
        }
        result["toggle"] = summary_ms(toggles[0])
        result["toggle_cpu"] = summary_ms(toggles[1])
        result["move"] = summary_ms(moves[0])
        result["move_cpu"] = summary_ms(moves[1])
        if args.app == "credplan":
            await pilot.press("slash")
            await pilot.pause()
            for widget in app.screen.query("Input"):
                widget.cursor_blink = False
        wall, cpu = await timed_keys(pilot, recorder, search_keys())
        result["search"] = summary_ms(wall)
        result["search_cpu"] = summary_ms(cpu)
        app.exit()

    run_with_pilot(args.app, args.catalog, (width, height), script)
    if "search" not in result:
        raise SystemExit("the app exited before the keys were timed")
    result["maxrss_kib"] = maxrss_kib()
    if args.app == "credplan":
        result.update(evaluate_timings(args.catalog))
    print(json.dumps(result))
    return 0


def evaluate_timings(catalog_path: str) -> dict[str, object]:
    """`evaluate` and `save_plan` on a normal plan: 8 selections in two fields, scores."""
    import tempfile
    import timeit

    from credplan.core.catalog import load_catalog
    from credplan.core.model import Plan
    from credplan.core.rules import evaluate
    from credplan.core.atomic import atomic_write_text
    from credplan.core.plans import dump_plan

    catalog = load_catalog(catalog_path)
    fields = [f.id for f in catalog.fields]
    picks = [c for c in catalog.by_field[fields[0]] if not c.universal][:5]
    picks += [c for c in catalog.by_field[fields[1 % len(fields)]] if not c.universal and c not in picks][:3]
    plan = Plan(class_of=2027)
    for i, c in enumerate(picks):
        plan = plan.with_selection(c.id, "earned" if i % 3 == 0 else "planned")
    for a in catalog.assessments:
        for j, part in enumerate(a.parts):
            plan = plan.with_score(a.id, part, a.min + (j % (a.max - a.min + 1)))
    number = 2000
    runs = timeit.repeat(lambda: evaluate(catalog, plan), number=number, repeat=5)
    toggled = plan.toggled(picks[-1].id)
    t_toggle = timeit.repeat(lambda: evaluate(catalog, toggled.toggled(picks[-1].id)), number=number, repeat=5)
    path = Path(tempfile.mkdtemp(prefix="credplan-bench-")) / "plan.toml"
    saves = timeit.repeat(lambda: atomic_write_text(path, dump_plan(plan, catalog)), number=50, repeat=3)
    return {
        "evaluate_ms": 1000 * min(runs) / number,
        "toggle_evaluate_ms": 1000 * min(t_toggle) / number,
        "save_ms": 1000 * min(saves) / 50,
        "plan": {"selections": len(plan.selections), "scores": sum(len(p) for p in plan.scores.values())},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="mode", required=True)
    cs = sub.add_parser("coldstart")
    cs.add_argument("app", choices=("credplan", "bare"))
    cs.add_argument("--catalog", default="ohio")
    cs.add_argument("--rows", type=int, default=160)
    cs.add_argument("--result", required=True)
    cs.add_argument("--target")
    ph = sub.add_parser("phases")
    ph.add_argument("--catalog", required=True)
    ks = sub.add_parser("keys")
    ks.add_argument("app", choices=("credplan", "bare"))
    ks.add_argument("--catalog", required=True)
    ks.add_argument("--size", default="100x40")
    ks.add_argument("--toggles", type=int, default=30)
    args = ap.parse_args(argv)
    if not os.environ.get("CREDPLAN_DATA_DIR"):  # never touch the user's own plans
        os.environ["CREDPLAN_DATA_DIR"] = tempfile.mkdtemp(prefix="credplan-bench-")
    return {"coldstart": coldstart, "keys": keys_bench, "phases": phases}[args.mode](args)


if __name__ == "__main__":
    sys.exit(main())
