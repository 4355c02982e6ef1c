#!/usr/bin/env python3
"""Runtime benchmarks as ratios: runs `cargo bench -p graph-tests --bench runtime` several
times (rounds) and writes each case against its baseline, measured in the same runs, into
BENCHMARKS.md between its runtime markers.

A shared or throttled machine has slow spells of several seconds, longer than one case's
measurement, so a single run can put one in a case and not in its baseline. Each figure is
therefore the lowest of the rounds' medians (the machine at its quietest, for both sides),
and the table also gives the range of the ratios the rounds measured one by one.

    python3 scripts/bench_report.py              # five rounds, then report
    python3 scripts/bench_report.py --rounds 1   # one quick round
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

from markers import replace_between

ROOT = Path(__file__).resolve().parent.parent
CRITERION = ROOT / "target" / "criterion"

# (group, case, baseline, target ratio or None)
ROWS = [
    ("create body", "create_request (validate + serialize)",
     "baseline: serde_json::to_vec of a hand-written serde struct", 0.5),
    ("create body", "create_request (validate + serialize)",
     "baseline: serde_json::json! value, then to_vec", None),
    ("read the 201 response", "serde_json::from_slice into the resource",
     "baseline: serde_json::from_slice into a hand-written serde struct", 0.9),
    ("read the 201 response", "serde_json::from_str into the resource",
     "baseline: serde_json::from_str into a hand-written serde struct", 0.9),
    ("read the 201 response", "parse_response into the resource",
     "baseline: serde_json::from_slice into a hand-written serde struct", 1.0),
    ("union read", "union, @odata.type first", "baseline: the variant's type directly", 1.1),
    ("union read", "union, @odata.type last", "baseline: the variant's type directly", None),
    ("enum read (6 members of 3)", "graph_enum, exact case", "baseline: serde's derive, exact case", 1.0),
    ("enum read (6 members of 3)", "graph_enum, another case", "baseline: serde's derive, exact case", None),
    ("numbers (4 f64, 4 i64)", "read through the number readers", "baseline: the same type, serde's number readers", 1.0),
    ("numbers (4 f64, 4 i64)", "read through the number readers", "baseline: read through serde's derive", None),
    ("numbers (4 f64, 4 i64)", "write through the float writer", "baseline: the same type, serde's number writers", 1.0),
    ("numbers (4 f64, 4 i64)", "write through the float writer", "baseline: write through serde's derive", None),
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


VALIDATE = "validate (12 fields, 8 required, 2 enums)"
SINGLES = [(VALIDATE, "a valid run"), (VALIDATE, "an empty run (8 violations)"), ("to_http", None)]


def keys():
    """Every (group, case) the report reads."""
    wanted = set(SINGLES)
    for group, case, baseline, _ in ROWS:
        wanted.add((group, case))
        wanted.add((group, baseline))
    return sorted(wanted, key=str)


def report(rounds):
    """`rounds`: one {(group, case): median ns} per round."""
    def best(key):
        return min(r[key] for r in rounds)

    lines = [
        f"Lowest median of {len(rounds)} round(s); the last column gives the ratios the "
        "rounds measured one by one.\n",
        "| case | time | baseline | baseline time | ratio | target | met | ratio per round |",
        "| --- | ---: | --- | ---: | ---: | ---: | :---: | ---: |",
    ]
    for group, case, baseline, target in ROWS:
        ours, base = best((group, case)), best((group, baseline))
        ratio = ours / base
        each = [r[(group, case)] / r[(group, baseline)] for r in rounds]
        met = "" if target is None else ("yes" if ratio <= target else "no")
        target_text = "" if target is None else f"≤ {target}×"
        lines.append(
            f"| {group}: {case} | {fmt(ours)} | {baseline.removeprefix('baseline: ')} | "
            f"{fmt(base)} | {ratio:.2f}× | {target_text} | {met} | "
            f"{min(each):.2f}–{max(each):.2f}× |"
        )
    valid = best(SINGLES[0])
    empty = best(SINGLES[1])
    to_http = best(SINGLES[2])
    lines.append("")
    lines.append(
        f"`validate()` on the page's full run: {fmt(valid)} for 12 fields, "
        f"{valid / 12:.2f} ns per field (target: under 1 ns per checked field: "
        f"{'met' if valid / 12 < 1 else 'not met'}); on an empty run, which builds 8 "
        f"violations with their messages' paths: {fmt(empty)}. `to_http`: {fmt(to_http)}."
    )
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--print", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = parser.parse_args()
    rounds = []
    for _ in range(max(args.rounds, 1)):
        subprocess.run(
            ["cargo", "bench", "-p", "graph-tests", "--bench", "runtime", "--",
             "--warm-up-time", "1", "--measurement-time", "2", "--noplot"],
            cwd=ROOT, check=True,
        )
        rounds.append({key: estimate(*key) for key in keys()})
    text = report(rounds)
    print(text)
    if not args.print:
        replace_between(ROOT / "BENCHMARKS.md", "runtime", text)


if __name__ == "__main__":
    sys.exit(main())
