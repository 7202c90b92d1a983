"""openpyxl (read-only mode) against python-calamine on a generated state list.

    .venv/bin/python benchmarks/xlsx_readers.py [--rows 5000] [--runs 7]

Writes a workbook like a state's credential list (a title row, a header row, one row
per credential and career field, points as numbers and a few as text, a cost and an
hours column) with openpyxl, then reads every cell value back with each reader, each
read in a fresh child process so import time and the first read count as a user would
pay them. Prints the median wall time and peak RSS of each. Both readers must be
installed (openpyxl is in the test extras). Numbers are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

FIELDS = [
    "Agriculture and Environmental Systems", "Arts and Communications", "Business, Marketing and Finance",
    "Construction", "Education and Training", "Engineering", "Health", "Hospitality and Tourism",
    "Human Services", "Information Technology", "Law and Public Safety", "Manufacturing", "Transportation",
]

READ = {
    "openpyxl": (
        "import openpyxl\n"
        "wb = openpyxl.load_workbook(PATH, read_only=True, data_only=True)\n"
        "rows = [r for ws in wb.worksheets for r in ws.iter_rows(values_only=True)]\n"
        "wb.close()\n"
    ),
    "calamine": (
        "from python_calamine import CalamineWorkbook\n"
        "wb = CalamineWorkbook.from_path(PATH)\n"
        "rows = [r for name in wb.sheet_names for r in wb.get_sheet_by_name(name).to_python(skip_empty_area=False)]\n"
    ),
}

CHILD = """
import json, sys, time
PATH = sys.argv[1]
t0 = time.perf_counter()
{read}
t1 = time.perf_counter()
# VmHWM, not ru_maxrss: on Linux ru_maxrss carries the parent's peak across fork and exec
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({{"ms": (t1 - t0) * 1000, "rows": len(rows), "rss_kib": hwm}}))
"""


def write_workbook(path: Path, rows: int, seed: int = 1) -> None:
    import openpyxl

    rng = random.Random(seed)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Credentials"
    ws.append(["Industry-Recognized Credentials, generated for a benchmark"])
    ws.merge_cells("A1:F1")
    ws.append(["Credential Name", "Issuing Organization", "Career Field", "Points", "Exam Cost", "Hours"])
    for i in range(rows):
        points: object = rng.randint(1, 12)
        if i % 97 == 0:
            points = str(points)  # typed as text
        ws.append([f"Credential {i:05d}", f"Issuer {i % 211}", FIELDS[i % len(FIELDS)], points,
                   rng.choice([None, 35, 120, 358.5]), rng.choice([None, 10, 40, 120])])
    wb.save(path)


def measure(reader: str, path: Path, runs: int) -> dict[str, float]:
    code = CHILD.format(read=READ[reader])
    samples = []
    for _ in range(runs):
        proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=300)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr[-2000:])
        samples.append(json.loads(proc.stdout))
    return {
        "ms": statistics.median(s["ms"] for s in samples),
        "min_ms": min(s["ms"] for s in samples),
        "rss_mib": statistics.median(s["rss_kib"] for s in samples) / 1024,
        "rows": samples[0]["rows"],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="credplan-xlsx-") as tmp:
        path = Path(tmp) / "list.xlsx"
        write_workbook(path, args.rows)
        print(f"{args.rows} rows, {path.stat().st_size / 1024:.0f} KiB; median of {args.runs} fresh processes "
              "(import + open + read every cell)")
        for reader in READ:
            r = measure(reader, path, args.runs)
            print(f"  {reader:<9} {r['ms']:7.1f} ms (fastest {r['min_ms']:.1f})  peak RSS {r['rss_mib']:.1f} MiB  rows {r['rows']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
