#!/usr/bin/env python3
"""What generated code costs to build: graph-gen's output for Graph v1.0 against the same
types written with serde's derive alone.

It builds graph-gen, generates from a CSDL (by default `../shared/graph/v1.0-metadata.xml`,
Graph v1.0's whole metadata, which is not part of the project) three programs' types:
`user` alone; `user`, `group`, `message`, `event`, `driveItem`, `application`,
`servicePrincipal` and `subscription`; and every type (`--all`). For the whole of v1.0 it
also writes the serde twin: the same structs, enums and unions, each `#[derive(Serialize,
Deserialize)]` with `rename_all`, `skip_serializing_if`, `flatten` for the undeclared
properties, internally tagged unions and untagged catch-alls, which is what a person
writing serde by hand would write (flags enums as `String`, which serde has no form for).
Each crate is checked from clean (its dependencies built first) with `cargo check`,
recording wall time and the compiler's peak memory, and the generated lines counted.

    python3 scripts/gen_cost.py --repeat 2
    python3 scripts/gen_cost.py --csdl path/to/metadata.xml --no-write

The table goes between BENCHMARKS.md's gen-cost markers and into benchmarks/gen-cost.json.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_cost  # noqa: E402  (its measuring, in the same target directory)
from markers import replace_between  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "gen-cost"
SEVEN = "user,group,message,event,driveItem,application,servicePrincipal,subscription"
CASES = [("user", ["--type", "user"]), ("eight types", ["--type", SEVEN]), ("every type", ["--all"])]


def generate(csdl, args, out):
    if out.exists():
        shutil.rmtree(out)
    subprocess.run(
        [str(ROOT / "target" / "release" / "graph-gen"), "--csdl", str(csdl), *args, "--out", str(out)],
        check=True, capture_output=True,
    )
    return sum(len(p.read_text().splitlines()) for p in out.glob("*.rs"))


def odata_types(folder):
    """(module, Rust name) → OData type, from the generated attributes."""
    found = {}
    for path in folder.glob("*.rs"):
        module = "" if path.name == "mod.rs" else path.stem
        odata = None
        for line in path.read_text().splitlines():
            match = re.search(r'odata = "(#[^"]+)"', line)
            if match:
                odata = match.group(1)
            match = re.match(r"pub struct (\w+)", line)
            if match:
                if odata:
                    found[(module, match.group(1))] = odata
                odata = None
    return found


def serde_twin(source, target):
    """The generated files with serde's derive in place of graph-core's attributes."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    types = odata_types(source)
    for path in source.glob("*.rs"):
        module = "" if path.name == "mod.rs" else path.stem
        lines = path.read_text().splitlines()
        out = []
        i = 0
        union = False
        while i < len(lines):
            line = lines[i]
            if line.startswith("#[graph_core::graph_"):
                kind = line[len("#[graph_core::graph_"):].split("(")[0].rstrip("]")
                # Skip the attribute, however many lines it takes.
                while not lines[i].endswith("]"):
                    i += 1
                i += 1
                out.append("#[derive(serde::Serialize, serde::Deserialize)]")
                union = kind == "union"
                out.append('#[serde(tag = "@odata.type")]' if union else '#[serde(rename_all = "camelCase")]')
                continue
            stripped = line.strip()
            if stripped == "#[graph(read_only)]":
                i += 1
                continue
            if stripped.startswith("#[graph(") and "rename = " in stripped:
                name = re.search(r'rename = ("[^"]*")', stripped).group(1)
                out.append(line[: len(line) - len(line.lstrip())] + f"#[serde(rename = {name})]")
                i += 1
                continue
            if stripped == "#[graph(additional_data)]":
                out.append("    #[serde(flatten)]")
                i += 1
                continue
            if stripped in ("#[graph(other)]",):
                out.append("    #[serde(untagged)]")
                i += 1
                continue
            if stripped == "#[graph(base)]":
                i += 1
                continue
            if stripped.startswith("pub ") and ": Option<" in line or (
                stripped.startswith("pub ") and stripped.endswith(":") and lines[i + 1].strip().startswith("Option<")
            ):
                out.append('    #[serde(skip_serializing_if = "Option::is_none")]')
            line = re.sub(r"graph_core::Flags<[\w:]+>", "String", line)
            if union:
                match = re.match(r"    (\w+)\(Box<([\w:]+)>\),", line) or None
                if match is None and re.match(r"    (\w+)\($", line):
                    inner = re.match(r"        Box<([\w:]+)>,", lines[i + 1])
                    match = (line, inner) if inner else None
                    if inner:
                        ty = inner.group(1)
                        odata = lookup(types, module, ty)
                        out.append(f'    #[serde(rename = "{odata}")]')
                elif match:
                    odata = lookup(types, module, match.group(2))
                    out.append(f'    #[serde(rename = "{odata}")]')
                if line == "}":
                    union = False
            out.append(line)
            i += 1
        (target / path.name).write_text("\n".join(out) + "\n")


def lookup(types, module, path):
    parts = path.split("::")
    name = parts[-1]
    if parts[0] == "super":
        module = parts[1] if len(parts) == 3 else ""
    elif len(parts) == 2:
        module = parts[0]
    return types.get((module, name), f"#unknown.{name}")


def write_crate(name, folder, serde):
    crate = WORK / name
    (crate / "src").mkdir(parents=True, exist_ok=True)
    deps = f'msgraph-resource = {{ path = "{ROOT / "graph-core"}" }}\n'
    if serde:
        deps += 'serde = { version = "1", features = ["derive"] }\nserde_json = "1"\n'
    (crate / "Cargo.toml").write_text(
        f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n[dependencies]\n{deps}'
    )
    src = crate / "src" / "graph"
    if src.exists():
        shutil.rmtree(src)
    shutil.copytree(folder, src)
    (crate / "src" / "lib.rs").write_text("pub mod graph;\n")
    return name


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csdl", default=str(ROOT.parent / "shared" / "graph" / "v1.0-metadata.xml"))
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--cases", default="user,eight types,every type")
    args = parser.parse_args()
    csdl = Path(args.csdl).resolve()
    subprocess.run(["cargo", "build", "-q", "--release", "-p", "msgraph-resource-gen"], cwd=ROOT, check=True)
    WORK.mkdir(parents=True, exist_ok=True)
    build_cost.WORK = WORK
    wanted = [c.strip() for c in args.cases.split(",")]
    crates = []
    rows = []
    for label, gen_args in CASES:
        if label not in wanted:
            continue
        folder = WORK / "out" / label.replace(" ", "_")
        lines = generate(csdl, gen_args, folder)
        crates.append((label, "graph", lines, write_crate(f"gen_{len(crates)}", folder, False)))
        if label == "every type":
            twin = WORK / "out" / "serde_twin"
            serde_twin(folder, twin)
            twin_lines = sum(len(p.read_text().splitlines()) for p in twin.glob("*.rs"))
            crates.append((label, "serde", twin_lines, write_crate(f"gen_{len(crates)}", twin, True)))
    members = ", ".join(f'"{c[3]}"' for c in crates)
    (WORK / "Cargo.toml").write_text(f"[workspace]\nresolver = \"2\"\nmembers = [{members}]\n")
    for label, kind, lines, crate in crates:
        best = None
        for _ in range(args.repeat):
            seconds, peak = build_cost.build(crate, "check")
            best = (seconds, peak) if best is None else (min(best[0], seconds), min(best[1], peak))
        rows.append({"case": label, "kind": kind, "lines": lines, "seconds": round(best[0], 2), "peak_mib": round(best[1])})
        print(f"{label:14} {kind:6} {lines:7} lines  cargo check {best[0]:6.1f} s  peak {best[1]:6.0f} MiB", flush=True)
    graph = next((r for r in rows if r["case"] == "every type" and r["kind"] == "graph"), None)
    serde = next((r for r in rows if r["kind"] == "serde"), None)
    table = ["| program's types | written by | lines | `cargo check` | peak memory |", "| --- | --- | ---: | ---: | ---: |"]
    for r in rows:
        who = "graph-gen" if r["kind"] == "graph" else "serde's derive (the twin)"
        table.append(f"| {r['case']} | {who} | {r['lines']:,} | {r['seconds']:.1f} s | {r['peak_mib']:,} MiB |")
    if graph and serde:
        table.append("")
        table.append(
            f"Every type against its serde twin: {graph['seconds'] / serde['seconds']:.2f}× the time, "
            f"{graph['peak_mib'] / serde['peak_mib']:.2f}× the peak memory."
        )
    text = "\n".join(table)
    print(text)
    if not args.no_write:
        (ROOT / "benchmarks").mkdir(exist_ok=True)
        (ROOT / "benchmarks" / "gen-cost.json").write_text(json.dumps({"rows": rows, "machine": build_cost.machine()}, indent=2) + "\n")
        replace_between(ROOT / "BENCHMARKS.md", "gen-cost", text + "\n")


if __name__ == "__main__":
    main()
