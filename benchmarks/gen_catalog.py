"""Write a large, valid format-1 catalog for timing the suggestions engine.

    python benchmarks/gen_catalog.py [OUT.toml] [--credentials 10000] [--fields 13] [--seed 1]
    python benchmarks/gen_catalog.py OUT.toml --time      # also time completions on it

Deterministic for a given seed. Each credential is listed in one field (about 8% in
two, with a points table), a handful in every field ("*"); points 1..12 weighted
toward small values like real lists; about 85% list a cost and 70% hours. With 13
fields, 10,000 credentials means about 800 per field (the minimum for 10k credentials
over 13 fields is 770); pass --fields 40 for about 270 per field.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path
from typing import Any

import tomli_w

FIELD_NAMES = [
    "Agriculture", "Arts", "Business", "Construction", "Education", "Engineering", "Health",
    "Hospitality", "Human Services", "Information Technology", "Law", "Manufacturing", "Transportation",
]
POINTS = [1, 1, 1, 2, 3, 3, 3, 4, 6, 6, 9, 12]
UNIVERSAL = 5


def make_big_catalog(n: int = 10_000, fields: int = 13, seed: int = 1) -> dict[str, Any]:
    """The catalog as a TOML-ready dict."""
    rng = random.Random(seed)
    field_ids = [f"f{i:02d}" for i in range(fields)]
    doc: dict[str, Any] = {
        "format": 1,
        "catalog": {
            "id": "bench",
            "title": f"Benchmark catalog ({n} credentials, {fields} fields, seed {seed})",
            "region": "Nowhere",
            "source": "benchmarks/gen_catalog.py",
            "checked": dt.date(2026, 1, 1),
        },
        "field": [
            {"id": fid, "name": FIELD_NAMES[i] if i < len(FIELD_NAMES) else f"Field {i}"}
            for i, fid in enumerate(field_ids)
        ],
        "credential": [],
        "requirement": [{"id": "bundle", "kind": "bundle", "name": "12-point bundle", "points": 12}],
    }
    for i in range(n):
        cred: dict[str, Any] = {"id": f"c{i:05d}", "name": f"Credential {i}"}
        if i < UNIVERSAL:
            cred["fields"] = ["*"]
            cred["points"] = 1
        elif rng.random() < 0.08:
            two = sorted(rng.sample(field_ids, 2))
            cred["fields"] = two
            cred["points"] = {f: rng.choice(POINTS) for f in two}
        else:
            cred["fields"] = [rng.choice(field_ids)]
            cred["points"] = rng.choice(POINTS)
        if rng.random() < 0.85:
            cred["cost"] = rng.randrange(0, 600, 5)
        if rng.random() < 0.70:
            cred["hours"] = rng.randrange(2, 200)
        if rng.random() < 0.3:
            cred["verified"] = False
        doc["credential"].append(cred)
    return doc


def write_big_catalog(path: Path, n: int = 10_000, fields: int = 13, seed: int = 1) -> Path:
    path = Path(path)
    path.write_text(tomli_w.dumps(make_big_catalog(n, fields, seed)), encoding="utf-8")
    return path


def _time(path: Path) -> None:
    from credplan.core.catalog import load_catalog
    from credplan.core.model import Plan, Selection
    from credplan.core.completions import MEASURES, completions
    from credplan.core.nearest import nearest_fields

    t0 = time.perf_counter()
    catalog = load_catalog(path)
    print(f"load: {1000 * (time.perf_counter() - t0):.0f} ms, {len(catalog.credentials)} credentials")
    sizes = [len(catalog.by_field[f.id]) for f in catalog.fields]
    print(f"credentials per field: min {min(sizes)}, max {max(sizes)}")
    empty = Plan()
    t = time.perf_counter()
    completions(catalog, empty, "f01", "count", 5)
    print(f"first call on a field (builds the per-catalog index): {1000 * (time.perf_counter() - t):.1f} ms")
    one = next(c for c in catalog.by_field["f00"] if not c.universal and c.points_in("f00") == 3)
    some = Plan(selections=(Selection("c00000", "earned"), Selection(one.id)))
    for label, plan in (("empty plan (shortfall 12)", empty), ("4 points selected", some)):
        for by in MEASURES:
            for limit in (5, 20):
                runs = []
                for _ in range(5):
                    t = time.perf_counter()
                    completions(catalog, plan, "f00", by, limit)
                    runs.append(time.perf_counter() - t)
                print(f"completions {label:<26} by={by:<9} limit={limit:<3} median {1000 * sorted(runs)[2]:6.1f} ms")
    t = time.perf_counter()
    nearest_fields(catalog, empty)
    print(f"nearest_fields (all {len(catalog.fields)} fields): {1000 * (time.perf_counter() - t):.0f} ms")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", default="bench-catalog.toml")
    ap.add_argument("--credentials", type=int, default=10_000)
    ap.add_argument("--fields", type=int, default=13)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--time", action="store_true", help="time completions on the written catalog")
    args = ap.parse_args(argv)
    path = write_big_catalog(Path(args.out), args.credentials, args.fields, args.seed)
    print(f"wrote {path}")
    if args.time:
        _time(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
