#!/usr/bin/env python3
"""Runtime benchmarks as ratios: runs `cargo bench -p graph-examples --bench runtime` (or
reads its last results with --no-run) and writes each case against its baseline, measured in
the same run, into BENCHMARKS.md between its runtime markers.

    python3 scripts/bench_report.py             # run the benchmarks, then report
    python3 scripts/bench_report.py --no-run    # report the last run's results
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CRITERION = ROOT / "target" / "criterion"

# (group, case, baseline, target ratio or None)
ROWS = [
    ("create body", "create_request (validate + serialize)",
     "baseline: serde_json::to_vec of a hand-written serde struct", 0.8),
    ("create body", "create_request (validate + serialize)",
     "baseline: serde_json::json! value, then to_vec", None),
    ("read the 201 response", "serde_json::from_slice into the resource",
     "baseline: serde_json::from_slice into a hand-written serde struct", 1.0),
    ("read the 201 response", "parse_response into the resource",
     "baseline: serde_json::from_slice into a hand-written serde struct", None),
    ("union read", "union, @odata.type first", "baseline: the variant's type directly", 1.1),
    ("union read", "union, @odata.type last", "baseline: the variant's type directly", None),
]


def slug(name):
    """Criterion's folder name for a group or case: path-unsafe characters replaced, at
    most 64 characters."""
    return "".join("_" if c in '?"/\\*<>:|^' else c for c in name)[:64]


def estimate(group, case=None):
    folder = CRITERION / slug(group)
    if case is not None:
        folder = folder / slug(case)
    path = folder / "new" / "estimates.json"
    data = json.loads(path.read_text())
    return data["median"]["point_estimate"]


def fmt(ns):
    return f"{ns / 1000:.2f} µs" if ns >= 1000 else f"{ns:.1f} ns"


def report():
    lines = [
        "| case | time | baseline | baseline time | ratio | target | met |",
        "| --- | ---: | --- | ---: | ---: | ---: | :---: |",
    ]
    for group, case, baseline, target in ROWS:
        ours, base = estimate(group, case), estimate(group, baseline)
        ratio = ours / base
        met = "" if target is None else ("yes" if ratio <= target else "no")
        target_text = "" if target is None else f"≤ {target}×"
        lines.append(
            f"| {group}: {case} | {fmt(ours)} | {baseline.removeprefix('baseline: ')} | "
            f"{fmt(base)} | {ratio:.2f}× | {target_text} | {met} |"
        )
    valid = estimate("validate (12 fields, 8 required, 2 enums)", "a valid run")
    empty = estimate("validate (12 fields, 8 required, 2 enums)", "an empty run (8 violations)")
    to_http = estimate("to_http")
    lines.append("")
    lines.append(
        f"`validate()` on the page's full run: {fmt(valid)} for 12 fields, "
        f"{valid / 12:.2f} ns per field (target: under 1 ns per checked field: "
        f"{'met' if valid / 12 < 1 else 'not met'}); on an empty run, which builds 8 "
        f"violations with their messages' paths: {fmt(empty)}. `to_http`: {fmt(to_http)}."
    )
    return "\n".join(lines) + "\n"


def replace_between(path, marker, text):
    content = path.read_text()
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    before, rest = content.split(start, 1)
    _, after = rest.split(end, 1)
    path.write_text(f"{before}{start}\n{text}{end}{after}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-run", action="store_true")
    parser.add_argument("--print", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = parser.parse_args()
    if not args.no_run:
        subprocess.run(
            ["cargo", "bench", "-p", "graph-examples", "--bench", "runtime"],
            cwd=ROOT, check=True,
        )
    text = report()
    print(text)
    if not args.print:
        replace_between(ROOT / "BENCHMARKS.md", "runtime", text)


if __name__ == "__main__":
    sys.exit(main())
