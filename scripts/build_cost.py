#!/usr/bin/env python3
"""Build cost at Graph's scale: graph-core's attributes against plain serde.

For each N it generates two crates with the same N resources (10 to 30 fields each: options,
enums, date-times, nested complex types, collections, path parameters) plus their complex
types and enums:

- `gen_graph`: the types declared with `#[graph_resource]`, `#[graph_complex]`, `#[graph_enum]`
  (serde impls, validation, create requests);
- `gen_serde`: the same structs with hand-written serde attributes and nothing else
  (`#[derive(Serialize, Deserialize)]`, `rename_all`, `skip_serializing_if`).

Each is built from clean (its dependencies already built) with `cargo check`, `cargo build`
and `cargo build --release`, recording wall time and the peak memory of the compiler, and
once more with rustc's `-Z time-passes` to split macro expansion from the rest.

    python3 scripts/build_cost.py --repeat 2           # N = 100, 500, 1000, 2000
    python3 scripts/build_cost.py --sizes 10 --modes check --no-write   # a quick run (CI)
    python3 scripts/build_cost.py --actions 1000 --repeat 2   # actions against complex types

With `--actions N`, it compares instead the N resources' fields declared as
`#[graph_action]` parameters (half of them with `returns`) against the same structs declared
`#[graph_complex]`, in `cargo check`: what an action adds to the type it is made of. The
figures go between BENCHMARKS.md's action-cost markers.

Results go to benchmarks/build-cost.json, the tables into BENCHMARKS.md (between its
build-cost markers) and the plot to benchmarks/build-cost.svg.
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

from markers import replace_between

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "build-cost"
MODES = {
    "check": ["check"],
    "debug": ["build"],
    "release": ["build", "--release"],
}

# ---------------------------------------------------------------------------------------
# The generated crates


def camel(snake):
    head, *rest = snake.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def pascal(snake):
    return "".join(part[:1].upper() + part[1:] for part in snake.split("_"))


WORDS = (
    "display name description status count date time user group member owner policy "
    "rule scope trigger task workflow run state category kind value label mail phone "
    "address city country region source target start end created modified version "
    "enabled visible primary secondary external internal priority level score"
).split()


def model(n, seed=1234):
    """A realistic mix of resources, complex types and enums, the same for both crates."""
    rng = random.Random(seed + n)
    enums = []
    for e in range(max(2, n // 10)):
        members = [f"{rng.choice(WORDS)}_{m}" for m in range(rng.randint(3, 8))]
        enums.append({"name": f"Enum{e}", "members": members})
    complexes = []
    for c in range(max(2, n // 5)):
        fields = []
        for f in range(rng.randint(3, 8)):
            kind = rng.choice(["string", "int", "bool", "datetime", "enum"])
            fields.append(field(rng, f, kind, enums, []))
        complexes.append({"name": f"Complex{c}", "fields": fields})
    resources = []
    for r in range(n):
        fields = [{"name": "id", "kind": "string", "option": True, "read_only": True,
                   "required": False}]
        for f in range(rng.randint(10, 30)):
            kind = rng.choices(
                ["string", "int", "bool", "datetime", "enum", "strings", "complex",
                 "complexes", "plain_string", "plain_int"],
                weights=[25, 12, 8, 12, 10, 6, 8, 5, 4, 3],
            )[0]
            fields.append(field(rng, f, kind, enums, complexes))
        path = f"/collection{r}/items" if rng.random() < 0.66 else f"/parents{r}/{{parent-id}}/items"
        resources.append({"name": f"Resource{r}", "fields": fields, "path": path})
    return {"enums": enums, "complexes": complexes, "resources": resources}


def field(rng, index, kind, enums, complexes):
    name = f"{rng.choice(WORDS)}_{rng.choice(WORDS)}_{index}"
    plain = kind.startswith("plain_")
    return {
        "name": name,
        "kind": kind,
        "option": not plain,
        "required": not plain and rng.random() < 0.3,
        "read_only": False,
        "enum": rng.choice(enums)["name"] if kind == "enum" else None,
        "complex": rng.choice(complexes)["name"] if kind in ("complex", "complexes") else None,
    }


def rust_type(f):
    base = {
        "string": "String",
        "int": "i32",
        "bool": "bool",
        "datetime": "DateTimeOffset",
        "enum": f.get("enum"),
        "strings": "Vec<String>",
        "complex": f.get("complex"),
        "complexes": f"Vec<{f.get('complex')}>",
        "plain_string": "String",
        "plain_int": "i64",
    }[f["kind"]]
    return f"Option<{base}>" if f["option"] else base


def graph_source(m):
    out = ["//! Generated: graph-core attributes.", "#![allow(dead_code)]",
           "use graph_core::{graph_complex, graph_enum, graph_resource, DateTimeOffset};", ""]
    for e in m["enums"]:
        out.append("#[graph_enum]\n#[derive(Debug, Clone, PartialEq)]")
        out.append(f"pub enum {e['name']} {{")
        out += [f"    {pascal(member)}," for member in e["members"]]
        out.append("    UnknownFutureValue,\n    #[graph(other)]\n    Other(String),\n}\n")
    for c in m["complexes"]:
        out.append("#[graph_complex]\n#[derive(Debug, Clone, PartialEq, Default)]")
        out.append(f"pub struct {c['name']} {{")
        out += graph_fields(c["fields"])
        out.append("}\n")
    for r in m["resources"]:
        out.append(f'#[graph_resource(path = "{r["path"]}", odata = "#microsoft.graph.{camel(r["name"].lower())}")]')
        out.append("#[derive(Debug, Clone, PartialEq, Default)]")
        out.append(f"pub struct {r['name']} {{")
        out += graph_fields(r["fields"])
        out.append("}\n")
    return "\n".join(out)


def graph_fields(fields):
    lines = []
    for f in fields:
        flags = [flag for flag in ("required", "read_only") if f.get(flag)]
        if flags:
            lines.append(f"    #[graph({', '.join(flags)})]")
        lines.append(f"    pub {f['name']}: {rust_type(f)},")
    return lines


def serde_source(m):
    out = ["//! Generated: the same types with plain serde.", "#![allow(dead_code)]",
           "use graph_core::DateTimeOffset;", "use serde::{Deserialize, Serialize};", ""]
    for e in m["enums"]:
        out.append("#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]")
        out.append('#[serde(rename_all = "camelCase")]')
        out.append(f"pub enum {e['name']} {{")
        out += [f"    {pascal(member)}," for member in e["members"]]
        out.append("    UnknownFutureValue,\n    #[serde(other)]\n    Other,\n}\n")
    for c in m["complexes"]:
        out.append("#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]")
        out.append('#[serde(rename_all = "camelCase")]')
        out.append(f"pub struct {c['name']} {{")
        out += serde_fields(c["fields"])
        out.append("}\n")
    for r in m["resources"]:
        out.append("#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]")
        out.append('#[serde(rename_all = "camelCase")]')
        out.append(f"pub struct {r['name']} {{")
        out.append('    #[serde(rename = "@odata.type", default)]\n    pub odata_type: String,')
        out += serde_fields(r["fields"])
        out.append("}\n")
    return "\n".join(out)


def serde_fields(fields):
    lines = []
    for f in fields:
        if f["option"]:
            lines.append('    #[serde(default, skip_serializing_if = "Option::is_none")]')
        lines.append(f"    pub {f['name']}: {rust_type(f)},")
    return lines


def params_source(m, actions):
    """The resources' fields as parameter structs: `#[graph_action]` with `actions`, else
    `#[graph_complex]`; the same enums and complex types beside them."""
    header = ["//! Generated: parameter structs.", "#![allow(dead_code)]",
              "use graph_core::{graph_action, graph_complex, graph_enum, DateTimeOffset};", ""]
    source = graph_source({**m, "resources": []}).split("\n")[3:]
    out = header + source
    for index, r in enumerate(m["resources"]):
        # An action's parameters are all sent: no read-only field, as the attribute says.
        fields = [{**f, "read_only": False} for f in r["fields"] if not f.get("read_only")]
        if actions:
            returns = ", returns = bool" if index % 2 else ""
            out.append(f'#[graph_action(path = "/things/{{id}}/act{index}"{returns})]')
        else:
            out.append("#[graph_complex]")
        out.append("#[derive(Debug, Clone, PartialEq, Default)]")
        out.append(f"pub struct {r['name']} {{")
        out += graph_fields(fields)
        out.append("}\n")
    return "\n".join(out)


def write_crates(n, actions=False):
    m = model(n)
    WORK.mkdir(parents=True, exist_ok=True)
    core = (ROOT / "graph-core").as_posix()
    names = ["gen_params", "gen_action"] if actions else ["gen_graph", "gen_serde"]
    members = ", ".join(f'"{name}"' for name in names)
    (WORK / "Cargo.toml").write_text(
        f'[workspace]\nresolver = "2"\nmembers = [{members}]\n'
    )
    graph_core = f'msgraph-resource = {{ path = "{core}" }}\n'
    if actions:
        crates = {
            "gen_params": (params_source(m, actions=False), graph_core),
            "gen_action": (params_source(m, actions=True), graph_core),
        }
    else:
        crates = {
            "gen_graph": (graph_source(m), graph_core),
            "gen_serde": (
                serde_source(m),
                f'{graph_core}serde = {{ version = "1", features = ["derive"] }}\n',
            ),
        }
    for name, (source, deps) in crates.items():
        crate = WORK / name
        (crate / "src").mkdir(parents=True, exist_ok=True)
        (crate / "Cargo.toml").write_text(
            f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
            f"[dependencies]\n{deps}"
        )
        (crate / "src" / "lib.rs").write_text(source)
    # Share the lock file, so the generated workspace builds the same dependency versions.
    lock = ROOT / "Cargo.lock"
    if lock.exists() and not (WORK / "Cargo.lock").exists():
        (WORK / "Cargo.lock").write_bytes(lock.read_bytes())
    return m


# ---------------------------------------------------------------------------------------
# Measuring


def measured(command, env=None):
    """Runs `command` in a child Python whose only children are cargo and its rustc
    processes, so RUSAGE_CHILDREN's peak is the compiler's. Returns (seconds, peak MiB,
    output)."""
    probe = (
        "import resource, subprocess, sys, time, json\n"
        "start = time.monotonic()\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "elapsed = time.monotonic() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(json.dumps({'code': done.returncode, 'seconds': elapsed, 'peak_kib': peak,"
        " 'stderr': done.stderr[-20000:], 'stdout': done.stdout[-2000:]}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, *command],
        capture_output=True, text=True, cwd=WORK, env=env,
    )
    data = json.loads(result.stdout)
    if data["code"] != 0:
        sys.exit(f"failed: {' '.join(command)}\n{data['stderr']}")
    return data["seconds"], data["peak_kib"] / 1024, data["stderr"]


def clean(package, mode):
    args = ["cargo", "clean", "-q", "-p", package]
    if mode == "release":
        args.append("--release")
    subprocess.run(args, cwd=WORK, check=True, capture_output=True)


def build(package, mode):
    # Dependencies first, so only the generated crate is measured.
    subprocess.run(["cargo", *MODES[mode], "-q", "-p", package], cwd=WORK, check=True,
                   capture_output=True)
    clean(package, mode)
    seconds, peak, _ = measured(["cargo", *MODES[mode], "-q", "-p", package])
    return seconds, peak


def expansion_share(package):
    """Macro expansion against everything else, from rustc's own pass timings (`-Z
    time-passes`, allowed on a stable compiler by RUSTC_BOOTSTRAP for this one build)."""
    clean(package, "check")
    env = dict(os.environ, RUSTC_BOOTSTRAP="1")
    _, _, stderr = measured(
        ["cargo", "rustc", "-q", "-p", package, "--lib", "--profile", "check", "--",
         "-Ztime-passes"], env=env)
    passes = {}
    for line in stderr.splitlines():
        match = re.match(r"time:\s+([\d.]+);.*\s(\S+)$", line.strip())
        if match:
            passes[match.group(2)] = passes.get(match.group(2), 0.0) + float(match.group(1))
    expand = passes.get("expand_crate", 0.0)
    total = passes.get("total", sum(passes.values()))
    return {"expand_seconds": expand, "total_seconds": total}


# ---------------------------------------------------------------------------------------
# Reporting


def table(results, modes):
    lines = []
    for mode in modes:
        lines.append(f"\n**`cargo {' '.join(MODES[mode])}`** (the generated crate alone, from clean)\n")
        lines.append("| N | graph-core: time | plain serde: time | time ratio | graph-core: ms per resource | graph-core: peak rustc memory | plain serde: peak memory | memory ratio | graph-core: MiB per resource |")
        lines.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for r in results:
            g, s = r["graph"][mode], r["serde"][mode]
            lines.append(
                f"| {r['n']} | {g['seconds']:.1f} s | {s['seconds']:.1f} s | "
                f"{g['seconds'] / s['seconds']:.2f}× | {1000 * g['seconds'] / r['n']:.0f} | "
                f"{g['peak_mib']:.0f} MiB | {s['peak_mib']:.0f} MiB | "
                f"{g['peak_mib'] / s['peak_mib']:.2f}× | {g['peak_mib'] / r['n']:.2f} |"
            )
    lines.append("\n**Where the time goes** (`cargo check` with `-Z time-passes`)\n")
    lines.append("| N | graph-core: macro expansion | graph-core: rest of rustc | plain serde: macro expansion | plain serde: rest |")
    lines.append("| ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        g, s = r["graph"]["passes"], r["serde"]["passes"]
        lines.append(
            f"| {r['n']} | {g['expand_seconds']:.1f} s | {g['total_seconds'] - g['expand_seconds']:.1f} s | "
            f"{s['expand_seconds']:.1f} s | {s['total_seconds'] - s['expand_seconds']:.1f} s |"
        )
    shape = [
        f"N = {r['n']}: {r['resources']} resources, {r['complexes']} complex types, "
        f"{r['enums']} enums, {r['fields']} fields" for r in results
    ]
    lines.append("\nGenerated: " + "; ".join(shape) + ".")
    return "\n".join(lines) + "\n"


def svg(results, modes):
    """Two line charts side by side: time and peak memory against N."""
    width, height, pad = 460, 300, 50
    colors = {"graph": "#1f77b4", "serde": "#d62728"}
    dashes = {"check": "2,3", "debug": "6,3", "release": ""}
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * width}" height="{height + 40}" font-family="sans-serif" font-size="11">',
             f'<rect width="{2 * width}" height="{height + 40}" fill="white"/>']
    ns = [r["n"] for r in results]
    for panel, (key, label, unit) in enumerate([("seconds", "build time", "s"), ("peak_mib", "peak rustc memory", "MiB")]):
        x0 = panel * width
        top = max(r[v][m][key] for r in results for v in ("graph", "serde") for m in modes) * 1.1 or 1
        def px(n):
            return x0 + pad + (n / max(ns)) * (width - 2 * pad)
        def py(v):
            return height - pad + 20 - (v / top) * (height - 2 * pad)
        parts.append(f'<text x="{x0 + width / 2}" y="16" text-anchor="middle" font-size="13">{label} against N</text>')
        parts.append(f'<line x1="{x0 + pad}" y1="{py(0)}" x2="{x0 + width - pad}" y2="{py(0)}" stroke="black"/>')
        parts.append(f'<line x1="{x0 + pad}" y1="{py(0)}" x2="{x0 + pad}" y2="{py(top)}" stroke="black"/>')
        for i in range(5):
            v = top * i / 4
            parts.append(f'<text x="{x0 + pad - 4}" y="{py(v) + 4}" text-anchor="end">{v:.0f} {unit}</text>')
        for n in ns:
            parts.append(f'<text x="{px(n)}" y="{py(0) + 14}" text-anchor="middle">{n}</text>')
        for variant in ("graph", "serde"):
            for mode in modes:
                points = " ".join(f"{px(r['n']):.1f},{py(r[variant][mode][key]):.1f}" for r in results)
                parts.append(f'<polyline points="{points}" fill="none" stroke="{colors[variant]}" stroke-width="2" stroke-dasharray="{dashes[mode]}"/>')
    legend_y = height + 30
    x = 60
    for variant, name in (("graph", "graph-core"), ("serde", "plain serde")):
        for mode in modes:
            parts.append(f'<line x1="{x}" y1="{legend_y - 4}" x2="{x + 24}" y2="{legend_y - 4}" stroke="{colors[variant]}" stroke-width="2" stroke-dasharray="{dashes[mode]}"/>')
            parts.append(f'<text x="{x + 28}" y="{legend_y}">{name}, {mode}</text>')
            x += 150
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,500,1000,2000")
    parser.add_argument("--modes", default="check,debug,release")
    parser.add_argument("--repeat", type=int, default=1,
                        help="builds of each variant and mode; the best is reported")
    parser.add_argument("--no-write", action="store_true",
                        help="print the tables only; leave BENCHMARKS.md and benchmarks/ alone")
    parser.add_argument("--actions", type=int, metavar="N",
                        help="compare N actions with N complex types of the same fields")
    args = parser.parse_args()
    if args.actions:
        return actions_main(args.actions, args.repeat, not args.no_write)
    sizes = [int(s) for s in args.sizes.split(",")]
    modes = [m for m in args.modes.split(",") if m]
    results = []
    for n in sizes:
        m = write_crates(n)
        row = {"n": n, "resources": len(m["resources"]), "complexes": len(m["complexes"]),
               "enums": len(m["enums"]),
               "fields": sum(len(r["fields"]) for r in m["resources"])
               + sum(len(c["fields"]) for c in m["complexes"])}
        variants = (("graph", "gen_graph"), ("serde", "gen_serde"))
        for variant, _ in variants:
            row[variant] = {mode: {"samples": []} for mode in modes}
        # The two variants alternate, so that a slower spell of the machine falls on both;
        # each figure is the best of the repeats.
        for mode in modes:
            for _ in range(args.repeat):
                for variant, package in variants:
                    seconds, peak = build(package, mode)
                    row[variant][mode]["samples"].append({"seconds": seconds, "peak_mib": peak})
                    print(f"N={n:5} {variant:5} {mode:7} {seconds:7.1f} s {peak:8.0f} MiB", flush=True)
            for variant, _ in variants:
                samples = row[variant][mode]["samples"]
                row[variant][mode]["seconds"] = min(x["seconds"] for x in samples)
                row[variant][mode]["peak_mib"] = min(x["peak_mib"] for x in samples)
        for variant, package in variants:
            row[variant]["passes"] = expansion_share(package)
        results.append(row)
        # Written after every N, so that a long run that is cut short keeps what it measured.
        if not args.no_write:
            write(results, modes)
    print(table(results, modes))


def actions_main(n, repeat, write_out):
    """`--actions N`: N parameter structs as `#[graph_action]` against `#[graph_complex]`."""
    global WORK
    WORK = ROOT / "target" / "build-cost-actions"
    m = write_crates(n, actions=True)
    best = {}
    for _ in range(repeat):
        for variant in ("gen_params", "gen_action"):
            seconds, peak = build(variant, "check")
            print(f"N={n:5} {variant:10} check {seconds:7.1f} s {peak:8.0f} MiB", flush=True)
            old = best.get(variant, (float("inf"), float("inf")))
            best[variant] = (min(old[0], seconds), min(old[1], peak))
    (cs, cm), (as_, am) = best["gen_params"], best["gen_action"]
    fields = sum(len([f for f in r["fields"] if not f.get("read_only")]) for r in m["resources"])
    text = (
        f"\n| `cargo check`, N = {n} ({fields} parameters) | time | peak memory |\n"
        "| --- | ---: | ---: |\n"
        f"| as `#[graph_complex]` | {cs:.1f} s | {cm:.0f} MiB |\n"
        f"| as `#[graph_action]` (half with `returns`) | {as_:.1f} s | {am:.0f} MiB |\n"
        f"| ratio | {as_ / cs:.2f}× | {am / cm:.2f}× |\n"
    )
    print(text)
    if write_out:
        replace_between(ROOT / "BENCHMARKS.md", "action-cost", text)


def machine():
    """The toolchain, processor count, processor model and memory, as a Markdown list."""
    def first(path, key):
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return "unknown"
    rustc = subprocess.run(["rustc", "-V"], capture_output=True, text=True).stdout.strip()
    memory = first("/proc/meminfo", "MemTotal")
    if memory.endswith(" kB"):
        memory = f"{int(memory[:-3]) / 1024 / 1024:.0f} GiB"
    return {"rustc": rustc, "cpus": os.cpu_count(),
            "cpu": first("/proc/cpuinfo", "model name"), "memory": memory}


def write(results, modes):
    """benchmarks/build-cost.json and .svg, and the tables and machine in BENCHMARKS.md."""
    out = ROOT / "benchmarks"
    out.mkdir(exist_ok=True)
    m = machine()
    (out / "build-cost.json").write_text(json.dumps({**m, "results": results}, indent=2) + "\n")
    (out / "build-cost.svg").write_text(svg(results, modes))
    replace_between(ROOT / "BENCHMARKS.md", "build-cost", table(results, modes))
    replace_between(ROOT / "BENCHMARKS.md", "machine",
                    f"\n- {m['rustc']}\n- {m['cpus']} logical processors ({m['cpu']})\n"
                    f"- {m['memory']} of memory\n")


if __name__ == "__main__":
    main()
