"""Rewrites the text between `<!-- name:start -->` and `<!-- name:end -->` in a Markdown
file: how the benchmark scripts put their figures into BENCHMARKS.md."""


def replace_between(path, marker, text):
    content = path.read_text()
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    before, rest = content.split(start, 1)
    _, after = rest.split(end, 1)
    path.write_text(f"{before}{start}\n{text}{end}{after}")
