"""The counselor's roster over many plans: `credplan roster` on a generated folder.

    .venv/bin/python benchmarks/roster_bench.py [--plans 1000] [--runs 5]

Writes --plans plan files (two thirds Ohio, one third the Colorado example, 1 in 100
broken, random selections, scores and classes; seed 1) into a temporary folder, then
measures, each in a fresh child process:

- `roster()` in core: reading every file, loading each catalog once, judging every plan
  (the time a screen or a script waits for the rows), and sorting them by need;
- `credplan roster --dir DIR` end to end (start-up, table printed to a pipe).

Prints the medians; `make bench` (run.py) includes them. Never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GOAL_S = 1.0

CHILD = """
import json, sys, time
t0 = time.perf_counter()
from credplan.core.roster import roster, sort_rows, status_counts
t1 = time.perf_counter()
rows = sort_rows(roster(sys.argv[1]), "need")
t2 = time.perf_counter()
print(json.dumps({"import_ms": (t1 - t0) * 1000, "roster_ms": (t2 - t1) * 1000, "rows": len(rows),
                  "counts": status_counts(rows)}))
"""


def write_plans(directory: Path, n: int, seed: int = 1) -> None:
    from credplan.core.model import EARNED, PLANNED, Plan, Selection, freeze_scores
    from credplan.core.plans import dump_plan
    from credplan.core.session import load_catalog_ref

    rng = random.Random(seed)
    ohio, colorado = load_catalog_ref("ohio"), load_catalog_ref("colorado-example")
    for i in range(n):
        path = directory / f"student-{i:05d}.toml"
        if i % 100 == 99:
            path.write_text('format = 1\nstudent = "Broken\n', encoding="utf-8")
            continue
        catalog = colorado if i % 3 == 2 else ohio
        home = rng.choice(catalog.fields).id
        pool = [c for c in catalog.credentials if c.listed_in(home)] or list(catalog.credentials)
        picks = rng.sample(pool, min(len(pool), rng.randint(0, 4)))
        if rng.random() < 0.3:
            picks.append(rng.choice(catalog.credentials))
        selections = tuple(dict.fromkeys(Selection(c.id, rng.choice((PLANNED, EARNED))) for c in picks))
        scores = {}
        if catalog is ohio and rng.random() < 0.6:
            scores = {"workkeys": {p: rng.randint(3, 6) for p in catalog.assessment_by_id["workkeys"].parts}}
        elif catalog is colorado and rng.random() < 0.5:
            scores = {"act": {"English": rng.randint(12, 30), "Math": rng.randint(12, 30)}}
        plan = Plan(
            student=f"Student {i:05d}", class_of=rng.choice((None, 2026, 2027, 2028, 2029)),
            pinned_field=home if rng.random() < 0.4 else None, selections=selections,
            scores=freeze_scores(scores),
        )
        path.write_text(dump_plan(plan, catalog), encoding="utf-8")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["CREDPLAN_DATA_DIR"] = str(Path(tempfile.gettempdir()) / "credplan-bench-none")
    return env


def measure(n: int = 1000, runs: int = 5) -> dict:
    with tempfile.TemporaryDirectory(prefix="credplan-roster-") as tmp:
        folder = Path(tmp)
        write_plans(folder, n)
        core, cli = [], []
        for _ in range(runs + 1):  # the first run compiles bytecode: dropped
            proc = subprocess.run([sys.executable, "-c", CHILD, str(folder)], capture_output=True, text=True,
                                  env=_env(), cwd=REPO, timeout=300)
            if proc.returncode != 0:
                raise RuntimeError(proc.stderr[-2000:])
            core.append(json.loads(proc.stdout))
            import time

            t0 = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "credplan", "roster", "--dir", str(folder)],
                                  capture_output=True, text=True, env=_env(), cwd=REPO, timeout=300)
            cli.append((time.perf_counter() - t0) * 1000)
            if done.returncode != 0:
                raise RuntimeError(done.stderr[-2000:])
        core, cli = core[1:], cli[1:]
    return {
        "plans": n,
        "runs": runs,
        "roster_ms": statistics.median(c["roster_ms"] for c in core),
        "roster_min_ms": min(c["roster_ms"] for c in core),
        "import_ms": statistics.median(c["import_ms"] for c in core),
        "cli_ms": statistics.median(cli),
        "counts": core[0]["counts"],
    }


def lines(r: dict) -> list[str]:
    ok = "met" if r["roster_ms"] <= GOAL_S * 1000 else "**missed**"
    return [
        f"{r['plans']} plan files (2/3 Ohio, 1/3 Colorado example, 1 in 100 broken); median of {r['runs']} fresh processes.",
        "",
        "| figure | time | goal |",
        "|---|---|---|",
        f"| `roster()`: read, judge by its own catalog, sort by need | {r['roster_ms']:.0f} ms (fastest {r['roster_min_ms']:.0f}) | <= 1 s: {ok} |",
        f"| importing `core.roster` | {r['import_ms']:.0f} ms | |",
        f"| `credplan roster --dir` end to end (start-up, table to a pipe) | {r['cli_ms']:.0f} ms | |",
        "",
        f"Statuses found: {', '.join(f'{k} {v}' for k, v in r['counts'].items())}.",
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    print("\n".join(lines(measure(args.plans, args.runs))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
