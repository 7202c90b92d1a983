"""Catalog validation against the size of the file: each catalog from tests/bigcatalogs.py
at 4,000 and 16,000 entries in its long list (x4), best of 3, CPU time. Linear work gives
about x4; the test suite checks the same thing by counting calls, this prints the times.

    .venv/bin/python benchmarks/validation.py
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from bigcatalogs import SCALING, many_parts

from credplan.core.catalog import parse_catalog
from credplan.core.problems import FileProblems

SMALL, BIG = 4_000, 16_000


def load_s(text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        try:
            parse_catalog(text, "big.toml")
        except FileProblems:
            pass
        best = min(best, time.process_time() - start)
    return best


def measure() -> dict[str, tuple[float, float]]:
    out = {name: (load_s(make(SMALL)), load_s(make(BIG))) for name, make in SCALING.items()}
    out["50,000 parts"] = (load_s(many_parts(50_000)), float("nan"))
    return out


def lines(results: dict[str, tuple[float, float]]) -> list[str]:
    rows = [
        f"Each catalog from tests/bigcatalogs.py with {SMALL:,} and {BIG:,} entries in its long list, CPU time of "
        "`parse_catalog` (TOML parse and every check), best of 3. Linear is about x4. The tests check the same by "
        "counting calls (tests/hardening/test_catalog_limits.py), which no load on the machine can change.",
        "",
        f"| catalog | {SMALL:,} | {BIG:,} | ratio |",
        "|---|---|---|---|",
    ]
    for name, (small, big) in results.items():
        if math.isnan(big):  # one size only
            rows.append(f"| {name} | {small * 1000:.0f} ms | - | - |")
        else:
            rows.append(f"| {name} | {small * 1000:.0f} ms | {big * 1000:.0f} ms | x{big / max(small, 1e-6):.1f} |")
    return rows


if __name__ == "__main__":
    print("\n".join(lines(measure())))
