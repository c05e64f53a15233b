"""Build cost of the site against a plain Material build of the same Markdown, side by side in one run.

Run with `make bench-build` (or `.venv/bin/python benchmarks/bench_build.py`). It prints:
1. full strict build CPU (user+sys of the build and its child processes) of the site and of plain
   Material (same docs/ Markdown, same theme and Markdown extensions, Material's search, no `kb`
   plugin, no notebooks), with the topic pages copied 1×, 2×, 4×, 8× (copies get their own ids),
   as CPU per page and the ratio site / plain;
2. `mkdocs serve`'s rebuild after an edit of one topic page, for both, in a process that builds
   the way `mkdocs serve` does (the same plugin instances across rebuilds), with the process's
   memory after each of 20 edits.
Warm means the caches of a previous build exist (`.cache/`, as on a developer's machine); cold
builds start without them. Only ratios measured in the same run are compared.

Held out: the tuning of the build looked at the 1× and 2× builds and at edits of topics/moe.md.
The 4× and 8× builds and the edits of topics/rag.md are printed under "held out" and were never
looked at while changing the build.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from kb.links.internal import PAGE_LOCAL_IDS

ROOT = Path(__file__).resolve().parent.parent
TUNED_EDIT, HELD_OUT_EDIT = "topics/moe.md", "topics/rag.md"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


# -- projects ----------------------------------------------------------------------------------
def copy_page(text: str, k: int) -> str:
    """Page text as copy number ``k``: its ids and the links to them get a ``-c<k>`` suffix."""
    ids = set(re.findall(r"\{#([A-Za-z0-9_-]+)\}", text)) - PAGE_LOCAL_IDS
    suffix = f"-c{k}"
    text = re.sub(r"\{#([A-Za-z0-9_-]+)\}", lambda m: "{#" + m.group(1) + (suffix if m.group(1) in ids else "") + "}", text)
    text = re.sub(r"\]\(#([A-Za-z0-9_-]+)\)", lambda m: f"](#{m.group(1)}{suffix})" if m.group(1) in ids else m.group(0), text)
    return re.sub(r"^# (.+)$", lambda m: f"# {m.group(1)}（副本 {suffix[2:]}）", text, count=1, flags=re.M)


def copy_topics(docs: Path, times: int) -> list[str]:
    """Add ``times - 1`` copies of every topic page (ids suffixed, so they stay unique); returns their paths."""
    added = []
    originals = sorted((docs / "topics").glob("*.md"))
    for k in range(2, times + 1):
        for page in originals:
            target = page.with_name(f"{page.stem}-c{k}.md")
            target.write_text(copy_page(page.read_text(encoding="utf-8"), k), encoding="utf-8")
            added.append(f"topics/{target.name}")
    return added


def _config(extra_pages: list[str], plain: bool) -> str:
    """mkdocs.yml of a variant: the site's, with the copies in the nav; plain Material drops the
    plugin, the notebooks and the generated pages."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if plain:
        text = re.sub(r"\n  - mkdocs-jupyter:\n(?:      .*\n)+", "\n", text)
        text = re.sub(r"\n  - kb\n", "\n", text)
        text = re.sub(r"  - 术语表: glossary.md\n|  - 审校: review.md\n", "", text)
        text = re.sub(r"  - 动手算一算:\n(?:      - .*\n)+", "", text)
    if extra_pages:
        text = text.replace("  - 题库: bank.md\n", "  - 副本:\n" + "".join(f"      - {p}\n" for p in extra_pages) + "  - 题库: bank.md\n")
    return text


def make_project(base: Path, times: int, plain: bool) -> Path:
    project = base / f"{'plain' if plain else 'site'}-{times}x"
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("*.ipynb") if plain else None)
    if plain:
        shutil.rmtree(project / "docs" / "notebooks")
    for name in ("data", "sources", "overrides", "notebooks"):
        shutil.copytree(ROOT / name, project / name)
    extra = copy_topics(project / "docs", times)
    (project / "mkdocs.yml").write_text(_config(extra, plain), encoding="utf-8")
    return project


def pages_of(project: Path) -> int:
    return sum(1 for _ in (project / "docs").rglob("*.md")) + sum(1 for _ in (project / "docs").rglob("*.ipynb"))


# -- measurements ------------------------------------------------------------------------------
def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build_cpu(project: Path, strict: bool) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one `mkdocs build` of the project (children included)."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")]
    before, start = children_cpu(), time.perf_counter()
    proc = subprocess.run([*cmd, *(["--strict"] if strict else [])], cwd=project, capture_output=True, text=True, env=ENV)
    wall, cpu = time.perf_counter() - start, children_cpu() - before
    if proc.returncode != 0:
        raise SystemExit(f"build of {project.name} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return cpu, wall


SERVE_DRIVER = textwrap.dedent(
    """
    import json, os, resource, sys, time
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_file, page, edits = sys.argv[1], sys.argv[2], int(sys.argv[3])
    site = os.path.join(os.path.dirname(config_file), "site-serve")

    def cpu():
        s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime

    def rss_mb():
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

    def rebuild():  # what mkdocs serve's builder does on a change
        config = load_config(config_file, site_dir=site)
        config.site_url = "http://127.0.0.1:8000/"
        build(config, serve_url="http://127.0.0.1:8000/")
        return config

    config = load_config(config_file, site_dir=site)
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/")
    path = os.path.join(os.path.dirname(config_file), "docs", page)
    original = open(path, encoding="utf-8").read()
    results = []
    for i in range(edits):
        with open(path, "w", encoding="utf-8") as f:
            f.write(original.replace("\\n\\n", f"\\n\\n编辑 {i}：一句新加的话。\\n\\n", 1))
        start_cpu, start = cpu(), time.perf_counter()
        rebuild()
        results.append({"cpu": cpu() - start_cpu, "wall": time.perf_counter() - start, "rss": rss_mb()})
    config.plugins.on_shutdown()
    print(json.dumps(results))
    """
)


def serve_edits(project: Path, page: str, edits: int) -> list[dict[str, float]]:
    proc = subprocess.run(
        [sys.executable, "-c", SERVE_DRIVER, str(project / "mkdocs.yml"), page, str(edits)],
        cwd=project, capture_output=True, text=True, env=ENV,
    )
    if proc.returncode != 0:
        raise SystemExit(f"serve edits of {project.name} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- report ------------------------------------------------------------------------------------
def median(values: list[float]) -> float:
    return statistics.median(values)


def bench_scales(base: Path, scales: list[int], runs: int, label: str) -> None:
    print(f"\nFull build, CPU seconds (median of {runs}; site --strict, warm caches) — {label}")
    print(f"  {'content':<8} {'pages':>5} {'site':>8} {'plain':>8} {'ratio':>6}   {'site/page':>9} {'plain/page':>10}")
    for times in scales:
        site, plain = make_project(base, times, plain=False), make_project(base, times, plain=True)
        build_cpu(site, strict=True)  # warm the caches
        build_cpu(plain, strict=False)
        site_cpu = median([build_cpu(site, strict=True)[0] for _ in range(runs)])
        plain_cpu = median([build_cpu(plain, strict=False)[0] for _ in range(runs)])
        n_site, n_plain = pages_of(site), pages_of(plain)
        print(f"  {times:>2}×      {n_site:>5} {site_cpu:>8.2f} {plain_cpu:>8.2f} {site_cpu / plain_cpu:>6.2f}   "
              f"{site_cpu / n_site * 1000:>7.0f}ms {plain_cpu / n_plain * 1000:>8.0f}ms")
        shutil.rmtree(site)
        shutil.rmtree(plain)


def bench_cold(base: Path) -> None:
    site, plain = make_project(base, 1, plain=False), make_project(base, 1, plain=True)
    site_cpu, plain_cpu = build_cpu(site, strict=True)[0], build_cpu(plain, strict=False)[0]
    print(f"\nFull build, cold caches (no .cache/), 1×: site {site_cpu:.2f} s, plain {plain_cpu:.2f} s, "
          f"ratio {site_cpu / plain_cpu:.2f}")
    shutil.rmtree(site)
    shutil.rmtree(plain)


def bench_serve(base: Path, page: str, edits: int, label: str) -> None:
    site, plain = make_project(base, 1, plain=False), make_project(base, 1, plain=True)
    ours, theirs = serve_edits(site, page, edits), serve_edits(plain, page, edits)
    o_cpu, p_cpu = median([r["cpu"] for r in ours]), median([r["cpu"] for r in theirs])
    o_wall, p_wall = median([r["wall"] for r in ours]), median([r["wall"] for r in theirs])
    print(f"\n`mkdocs serve`, rebuild after an edit of {page} (median of {edits} edits) — {label}")
    print(f"  CPU  site {o_cpu:.2f} s, plain {p_cpu:.2f} s, ratio {o_cpu / p_cpu:.2f}")
    print(f"  wall site {o_wall:.2f} s, plain {p_wall:.2f} s, ratio {o_wall / p_wall:.2f}")
    rss = [round(r["rss"]) for r in ours]
    print(f"  site process memory (MB) after each edit: {rss}")
    print(f"  memory growth from edit 2 to edit {edits}: {rss[-1] - rss[1]:+d} MB")
    shutil.rmtree(site)
    shutil.rmtree(plain)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds per variant and scale (median shown)")
    parser.add_argument("--edits", type=int, default=20, help="serve edits per variant")
    parser.add_argument("--quick", action="store_true", help="1× and 2× only, 5 edits, no held-out part")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        base = Path(tmp)
        bench_scales(base, [1, 2], args.runs, "tuned")
        bench_serve(base, TUNED_EDIT, 5 if args.quick else args.edits, "tuned")
        if not args.quick:
            bench_cold(base)
            bench_scales(base, [4, 8], 1, "held out")
            bench_serve(base, HELD_OUT_EDIT, args.edits, "held out")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
