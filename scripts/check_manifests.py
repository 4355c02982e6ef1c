#!/usr/bin/env python3
"""The published libraries carry what crates.io and their users look for.

Each package that can be published must have a description, a license (and its files in
the package, with the readme), a repository or homepage, a readme, keywords, categories and a minimum Rust
version. Reads `cargo metadata`; exits 1 naming every missing field.
"""

import json
import subprocess
import sys

REQUIRED = ["description", "license", "readme", "keywords", "categories", "rust_version"]


def main():
    meta = json.loads(subprocess.run(
        ["cargo", "metadata", "--no-deps", "--format-version", "1"],
        check=True, capture_output=True, text=True).stdout)
    problems = []
    published = [p for p in meta["packages"] if p.get("publish") != []]
    if not published:
        problems.append("no package can be published")
    for package in published:
        name = package["name"]
        for field in REQUIRED:
            if not package.get(field):
                problems.append(f"{name}: `{field.replace('_', '-')}` is missing")
        if not (package.get("repository") or package.get("homepage")):
            problems.append(f"{name}: neither `repository` nor `homepage` is set")
        # What `cargo publish` would upload, not what the folder holds.
        listed = subprocess.run(
            ["cargo", "package", "-p", name, "--list", "--allow-dirty"],
            check=True, capture_output=True, text=True).stdout.split()
        for packaged in ("LICENSE-MIT", "LICENSE-APACHE", "README.md"):
            if packaged not in listed:
                problems.append(f"{name}: {packaged} is not in the package")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"manifests: {', '.join(p['name'] for p in published)} carry every field")


if __name__ == "__main__":
    main()
