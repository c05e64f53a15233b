"""Benchmark build-time math: formulas per second, and full build time with a cold and a warm formula cache.

Run with `make bench` (or `.venv/bin/python benchmarks/bench_math.py --runs 3`). It measures
1. the batched renderer (one Node process, one request) on the formulas of docs/ plus
   synthetic variants, cold (with Node start-up) and warm;
2. one process per formula with the same KaTeX (what a per-formula renderer pays);
3. markdown-katex's bundled binary, when that package is importable (it is not a dependency);
4. `mkdocs build --strict` of the real site with a cold formula cache and with the on-disk cache
   of a previous build (the whole build against plain Material is benchmarks/bench_build.py).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kb.code_math import find_math
from kb.math.renderer import Renderer

ROOT = Path(__file__).resolve().parent.parent


def docs_formulas() -> list[tuple[str, bool]]:
    found = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        found += [(f.tex, f.display) for f in find_math(path.read_text(encoding="utf-8")).formulas]
    return found


def variants(base: list[tuple[str, bool]], count: int, tag: str) -> list[tuple[str, bool]]:
    """`count` distinct formulas shaped like the real ones (so no cache can help)."""
    unique = sorted(set(base)) or [("x^2", False)]
    return [(f"{tex} + {tag}_{{{i}}}", display) for i, (tex, display) in enumerate(unique[i % len(unique)] for i in range(count))]


def bench_batched(formulas: list[tuple[str, bool]], count: int) -> dict[str, float]:
    renderer = Renderer()
    cold = variants(formulas, count, "c")
    start = time.perf_counter()
    renderer.render(cold)
    cold_s = time.perf_counter() - start
    warm = variants(formulas, count, "w")
    start = time.perf_counter()
    renderer.render(warm)
    warm_s = time.perf_counter() - start
    start = time.perf_counter()
    renderer.render(warm)
    cached_s = time.perf_counter() - start
    renderer.close()
    return {"count": count, "cold_s": cold_s, "warm_s": warm_s, "cached_s": cached_s}


def bench_one_process_each(formulas: list[tuple[str, bool]], count: int) -> float:
    """Seconds per formula when each formula starts its own Node + KaTeX."""
    sample = variants(formulas, count, "p")
    start = time.perf_counter()
    for item in sample:
        renderer = Renderer()
        renderer.render([item])
        renderer.close()
    return (time.perf_counter() - start) / count


def bench_markdown_katex(formulas: list[tuple[str, bool]], count: int) -> float | None:
    try:
        from markdown_katex import wrapper  # type: ignore[import-not-found]
    except ImportError:
        return None
    sample = variants(formulas, count, "m")
    start = time.perf_counter()
    for tex, _ in sample:
        wrapper.tex2html(tex, {"no-throw-on-error": False})
    return (time.perf_counter() - start) / count


def mkdocs_build(config: Path, site: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        cwd=ROOT, capture_output=True, text=True, env=env,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({config.name}):\n{proc.stdout}\n{proc.stderr}")
    return elapsed


def bench_builds(runs: int) -> dict[str, list[float]]:
    cache = ROOT / ".cache" / "katex"
    results: dict[str, list[float]] = {"cold formula cache": [], "warm formula cache": []}
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        for _ in range(runs):
            shutil.rmtree(cache, ignore_errors=True)
            results["cold formula cache"].append(mkdocs_build(ROOT / "mkdocs.yml", site))
            results["warm formula cache"].append(mkdocs_build(ROOT / "mkdocs.yml", site))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=720, help="formulas per batch (default 720)")
    parser.add_argument("--single", type=int, default=20, help="formulas for the one-process-each runs")
    parser.add_argument("--runs", type=int, default=3, help="builds per variant (median is shown)")
    args = parser.parse_args()

    formulas = docs_formulas()
    renderer = Renderer()
    print(f"KaTeX {renderer.version}; docs/ has {len(formulas)} formulas ({len(set(formulas))} unique)\n")

    batched = bench_batched(formulas, args.count)
    n = batched["count"]
    print("Rendering (distinct formulas shaped like those of docs/):")
    print(f"  batched, cold (Node start-up + {n} formulas): {batched['cold_s']:.3f} s = {n / batched['cold_s']:,.0f} formulas/s")
    print(f"  batched, warm process ({n} new formulas):     {batched['warm_s']:.3f} s = {n / batched['warm_s']:,.0f} formulas/s")
    print(f"  in-memory cache hits ({n} formulas):          {batched['cached_s'] * 1000:.1f} ms")
    each = bench_one_process_each(formulas, args.single)
    print(f"  one Node process per formula ({args.single} formulas):  {each * 1000:.0f} ms/formula = {1 / each:,.1f} formulas/s")
    mk = bench_markdown_katex(formulas, min(args.single, 10))
    if mk is None:
        print("  markdown-katex: not installed (pip install markdown-katex to compare)")
    else:
        print(f"  markdown-katex bundled binary:                {mk * 1000:.0f} ms/formula = {1 / mk:,.1f} formulas/s")

    print(f"\nFull `mkdocs build --strict` of the site (median of {args.runs}):")
    builds = bench_builds(args.runs)
    for name, times in builds.items():
        print(f"  {name:<24} {statistics.median(times):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
