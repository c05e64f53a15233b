"""Search-quality benchmark: our search against Material's default search, on the same site.

    python benchmarks/search_quality.py [--browser] [--json out.json]

Builds the site twice from the current docs: as published (our index) and with our
index hook removed (Material's lunr search, exactly as Material ships it). Then:
  * recall@5 and MRR for every query of benchmarks/search_queries.yml, per engine and kind;
  * Ctrl+F check: random strings cut from the visible text of the built pages; the share
    of sections whose visible text contains the string which the search lists (anywhere in
    its results);
  * latency of a query: Python engine, our browser engine in Node, Material's worker in
    Node, and (--browser) typing into the real search box in Chromium;
  * index bytes against the bytes of text indexed.
Prints a report; exits non-zero only when it cannot run. Needs node for the JS engines.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb.search.engine import Engine  # noqa: E402
from kb.search.index import INDEX_FILE, load_js, text_bytes  # noqa: E402
from kb.search.normalize import compact  # noqa: E402
from tests.support.page_text import ctrl_f_samples, seen_sections, site_pages  # noqa: E402

QUERIES = ROOT / "benchmarks" / "search_queries.yml"
HERE = Path(__file__).resolve().parent
K = 5


def build_site(out: Path, material_only: bool) -> None:
    """Strict build of the site; with material_only, without our search index (Material's own search)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.utils.yaml import yaml_load

    overrides = {"site_dir": str(out)}
    if material_only:
        raw = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
        overrides["plugins"] = [{"kb": {"search_index": False}} if p == "kb" else p for p in raw["plugins"]]
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        build(load_config(str(ROOT / "mkdocs.yml"), **overrides))
    finally:
        os.chdir(cwd)


def node(script: str, site: Path, queries: list[str], *extra: str) -> list[dict]:
    proc = subprocess.run(
        ["node", str(HERE / script), str(site), *extra],
        input=json.dumps(queries, ensure_ascii=False), capture_output=True, text=True, check=True,
    )
    return json.loads(proc.stdout)


class Canon:
    """Maps a result location to the question it stands for (a group member → its group)."""

    def __init__(self, index: dict) -> None:
        self.anchor_of: dict[str, str] = {}
        sections = index["sections"]
        for s in sections:
            url = index["pages"][s[0]][0]
            loc = f"{url}#{s[1]}" if s[1] else url
            owner = sections[s[4]][1] if s[4] >= 0 else s[1]
            self.anchor_of[loc] = owner
            self.anchor_of[s[1]] = owner

    def __call__(self, location: str) -> str | None:
        if "#" not in location:
            return None
        anchor = location.split("#", 1)[1]
        return self.anchor_of.get(location, self.anchor_of.get(anchor, anchor))


def dedupe(ids: list[str | None]) -> list[str | None]:
    seen: set[str] = set()
    out = []
    for i in ids:
        if i is None or i not in seen:
            out.append(i)
            if i:
                seen.add(i)
    return out


def score(ranked: list[str | None], expect: list[str]) -> tuple[float, float]:
    top = ranked[:K]
    recall = sum(1 for e in expect if e in top) / len(expect)
    rr = next((1 / (r + 1) for r, i in enumerate(ranked) if i in expect), 0.0)
    return recall, rr


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def seen_text(site: Path, urls: set[str]) -> dict[tuple[str, str], str]:
    """(page url, anchor) → compact visible text of that section of the built page."""
    out = {}
    for url, path in site_pages(site):
        if url in urls:
            for section in seen_sections(path.read_text(encoding="utf-8")):
                out[(url, section.anchor)] = compact(" ".join([section.title, *section.runs]))
    return out


def containing(seen: dict[tuple[str, str], str], canon: Canon, piece: str) -> set[str]:
    """Questions (groups folded) whose visible title or text on the page contains `piece`, as Ctrl+F sees it."""
    needle = compact(piece)
    out = set()
    for (url, anchor), text in seen.items():
        if needle in text:
            out.add(canon(f"{url}#{anchor}" if anchor else url) or url)
    return out


def browser_latency(site: Path, queries: list[str]) -> dict | None:
    """Type each query into the real search box (HTTP); time until the results list changes."""
    if not Path("/usr/bin/chromium").exists():
        return None
    from tests.support.browser import serve_site, start_browser

    samples, engine = [], []
    with serve_site(site) as base, start_browser() as browser:
        page = browser.new_page()
        page.goto(f"{base}/")
        page.click("input.md-search__input")
        page.wait_for_function("window.__kbSearchLoadMs !== undefined")
        load_ms = page.evaluate("window.__kbSearchLoadMs")
        for q in queries:
            page.fill("input.md-search__input", "")
            page.wait_for_timeout(50)
            t = page.evaluate(
                """q => new Promise(done => {
                    const list = document.querySelector('.md-search-result__list');
                    const meta = document.querySelector('.md-search-result__meta');
                    const box = document.querySelector('input.md-search__input');
                    const t0 = performance.now();
                    const seen = new MutationObserver(() => { seen.disconnect(); done(performance.now() - t0); });
                    seen.observe(meta, {childList: true, characterData: true, subtree: true});
                    box.value = q;
                    box.dispatchEvent(new Event('input', {bubbles: true}));
                    setTimeout(() => { seen.disconnect(); done(null); }, 2000);
                })""",
                q,
            )
            if t is not None:
                samples.append(t)
        engine = page.evaluate("window.__kbSearchTimings.slice()")
    return {"typed_ms": samples, "engine_ms": engine, "load_ms": load_ms}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--browser", action="store_true", help="also time typing into the search box in Chromium")
    parser.add_argument("--json", type=Path, help="write the numbers to this file")
    parser.add_argument("--samples", type=int, default=300, help="Ctrl+F strings to try (default 300)")
    args = parser.parse_args()
    if not shutil.which("node"):
        print("需要 node 来运行浏览器端的两种搜索（apt-get install nodejs）", file=sys.stderr)
        return 2

    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    texts = [q["q"] for q in queries]
    with tempfile.TemporaryDirectory() as tmp:
        ours_site, material_site = Path(tmp) / "ours", Path(tmp) / "material"
        t0 = time.perf_counter()
        build_site(ours_site, material_only=False)
        build_site(material_site, material_only=True)
        build_s = time.perf_counter() - t0

        index_path = ours_site / INDEX_FILE
        index = load_js(index_path)
        canon = Canon(index)
        engine = Engine(index)

        py_ms, ours_ranked = [], []
        for q in texts:
            t = time.perf_counter()
            hits = engine.search(q)
            py_ms.append((time.perf_counter() - t) * 1000)
            ours_ranked.append(dedupe([canon(engine.location(h.section)) for h in hits]))
        # Each engine answers the list three times: the first pass is cold (a fresh page),
        # the last one warm (a reader who keeps typing).
        n = len(texts)
        js_all = node("kb_search.js", ours_site, texts * 3, "0")
        js, js_warm = js_all[:n], js_all[-n:]
        js_ranked = [dedupe([canon(loc) for loc, _ in r["hits"]]) for r in js]
        mat_all = node("material_search.js", material_site, texts * 3)
        mat, mat_warm = mat_all[:n], mat_all[-n:]
        mat_ranked = [dedupe([canon(loc) for loc in r["locations"]]) for r in mat]

        urls = {p[0] for p in index["pages"]}
        samples = [piece for piece, _, _ in ctrl_f_samples(ours_site, urls, args.samples, seed=7, sizes=(2, 8))]
        seen = seen_text(ours_site, urls)
        js_f = node("kb_search.js", ours_site, samples, "0")
        mat_f = node("material_search.js", material_site, samples)
        browser = browser_latency(ours_site, texts) if args.browser else None

        index_bytes = index_path.stat().st_size
        index_gzip = len(gzip.compress(index_path.read_bytes(), 9))
        material_bytes = (material_site / "search" / "search_index.json").stat().st_size
        indexed = text_bytes(index)

    report: dict = {"queries": len(queries), "build_seconds": round(build_s, 1)}
    kinds = sorted({q["kind"] for q in queries})
    print(f"搜索质量基准：{len(queries)} 条查询，recall@{K} 与 MRR（同一站点，两种搜索）\n")
    print(f"{'':14}{'本站搜索':>18}{'Material 默认':>18}")
    for kind in [*kinds, "all"]:
        rows = [i for i, q in enumerate(queries) if kind in ("all", q["kind"])]
        line = f"{kind + f' ({len(rows)})':14}"
        for name, ranked in (("ours", ours_ranked), ("material", mat_ranked)):
            rec = statistics.mean(score(ranked[i], queries[i]["expect"])[0] for i in rows)
            mrr = statistics.mean(score(ranked[i], queries[i]["expect"])[1] for i in rows)
            line += f"{rec:>10.3f} /{mrr:>6.3f}"
            report.setdefault(name, {})[kind] = {"recall@5": round(rec, 3), "mrr": round(mrr, 3)}
        print(line)
    same = sum(1 for a, b in zip(ours_ranked, js_ranked, strict=True) if a[:10] == b[:10])
    print(f"\n浏览器引擎（Node）与终端引擎（Python）前 10 名一致：{same}/{len(texts)}")
    report["python_js_agree_top10"] = same

    print("\n未达标的查询（本站）：")
    for i, q in enumerate(queries):
        rec = score(ours_ranked[i], q["expect"])[0]
        if rec < 1:
            got = ", ".join(str(x) for x in ours_ranked[i][:K])
            print(f"  {q['q']}  期望 {q['expect']}  recall {rec:.2f}  前 5：{got}")

    def ctrl_f(results: list[list[str | None]]) -> tuple[float, int]:
        found = total = misses = 0
        for piece, ranked in zip(samples, results, strict=True):
            truth = containing(seen, canon, piece)
            got = truth & set(ranked)
            found += len(got)
            total += len(truth)
            misses += bool(truth - got)
        return found / total, misses

    ours_f = ctrl_f([dedupe([canon(loc) or loc for loc, _ in r["hits"]]) for r in js_f])
    material_f = ctrl_f([dedupe([canon(loc) or loc for loc in r["locations"]]) for r in mat_f])
    print(f"\nCtrl+F 检查：{len(samples)} 个从页面可见正文随机截取的字符串，含该字符串的题目被列出的比例")
    print(f"  本站搜索     {ours_f[0]:.4f}（{ours_f[1]} 个字符串有遗漏）")
    print(f"  Material 默认 {material_f[0]:.4f}（{material_f[1]} 个字符串有遗漏）")
    report["ctrl_f"] = {"samples": len(samples), "ours": round(ours_f[0], 4), "ours_strings_missed": ours_f[1],
                        "material": round(material_f[0], 4), "material_strings_missed": material_f[1]}

    print("\n单次查询耗时（ms）：中位数 / p95 / 最大")
    lat = {
        "ours_python": py_ms,
        "ours_js_node_cold": [r["ms"] for r in js],
        "ours_js_node_warm": [r["ms"] for r in js_warm],
        "material_lunr_node_cold": [r["ms"] for r in mat],
        "material_lunr_node_warm": [r["ms"] for r in mat_warm],
    }
    if browser:
        print(f"  浏览器首次使用搜索时加载索引：{browser['load_ms']:.1f} ms（下载、解析并准备）")
        report["index_load_ms_chromium"] = round(browser["load_ms"], 1)
        lat["ours_chromium_engine"] = browser["engine_ms"]
        lat["ours_chromium_typed_to_results"] = browser["typed_ms"]
    for name, values in lat.items():
        if values:
            print(f"  {name:32}{statistics.median(values):8.2f}{pct(values, 95):8.2f}{max(values):8.2f}")
            report.setdefault("latency_ms", {})[name] = {
                "median": round(statistics.median(values), 2), "p95": round(pct(values, 95), 2), "max": round(max(values), 2)}

    print(f"\n索引：{index_bytes:,} 字节（gzip {index_gzip:,}），所索引文本 {indexed:,} 字节，比值 {index_bytes / indexed:.2f}")
    print(f"Material 的 search_index.json：{material_bytes:,} 字节")
    report["index"] = {"bytes": index_bytes, "gzip": index_gzip, "text_bytes": indexed,
                       "ratio": round(index_bytes / indexed, 3), "material_bytes": material_bytes}
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
