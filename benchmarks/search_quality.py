"""Search-quality benchmark: our search against Material's own, on the same site.

    python benchmarks/search_quality.py [--browser] [--set tuning|seen|seen2|heldout|all] [--misses] [--json out.json]

Builds the site three times from the current docs: as published (our index), with our
index hook removed (Material's lunr search exactly as Material ships it: "Material"), and
the same with Material's search tuned for Chinese (jieba segmentation kept, `separator`
splitting at the zero-width spaces jieba inserts: "Material tuned"). Then, per query set:
  * recall@5, nDCG@10 and MRR per query category, for the three engines. Queries are graded
    2 (answers it) / 1 (related): recall@5 is the share of grade-2 questions in the top 5
    (of at most 5), MRR the reciprocal rank of the first grade-2 one, nDCG@10 uses 2^grade − 1.
    benchmarks/search_queries.yml is the tuning set, benchmarks/search_queries_seen.yml and
    benchmarks/search_queries_seen2.yml the first two held-out sets, retired (tuned on now);
    benchmarks/search_queries_heldout.yml is held out: written blind, never tuned on, so --misses
    lists misses of the other sets only;
  * Ctrl+F check: random strings cut from the visible text of the built pages; the share
    of sections whose visible text contains the string which the search lists;
  * latency of a query: our engine in Node (the terminal's path), Material's worker in Node,
    and (--browser) our engine and typing into the real search box in Chromium;
  * index bytes against the bytes of text indexed.
Prints a report; exits non-zero only when it cannot run. Needs node.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
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

from kb.search.index import INDEX_FILE, load_js, text_bytes  # noqa: E402
from kb.search.node import run_queries  # noqa: E402
from kb.search.normalize import compact  # noqa: E402
from tests.support.page_text import ctrl_f_samples, seen_sections, site_pages  # noqa: E402

HERE = Path(__file__).resolve().parent
SETS = {"tuning": HERE / "search_queries.yml", "seen": HERE / "search_queries_seen.yml",
        "seen2": HERE / "search_queries_seen2.yml", "heldout": HERE / "search_queries_heldout.yml"}
SET_TITLES = {"tuning": "调优集", "seen": "退役的保留集 1（现用于调优）", "seen2": "退役的保留集 2（现用于调优）",
              "heldout": "保留集（从未用于调优）"}
KINDS = ["keyword", "compound", "mixed", "synonym", "paraphrase", "typo"]
ENGINES = {"ours": "本站搜索", "material": "Material 默认", "tuned": "Material 调优"}
# Material's separator with U+200B added, as Material's documentation asks for Chinese: jieba
# marks word boundaries with zero-width spaces, which the default separator ignores.
TUNED_SEPARATOR = r'[\s\u200b\-_,:!=\[\]()"`/]+|\.(?!\d)|&[lg]t;|(?!\b)(?=[A-Z][a-z])'


def load_queries(path: Path) -> list[dict]:
    """Queries with `grades` ({id: 2|1}); the tuning file's expect/related lists become grades."""
    out = []
    for q in yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]:
        grades = dict(q.get("grades") or {})
        grades.update({i: 2 for i in q.get("expect", [])})
        grades.update({i: 1 for i in q.get("related", []) if i not in grades})
        out.append({"q": q["q"], "kind": q["kind"], "grades": grades})
    return out


def build_site(out: Path, variant: str) -> None:
    """Strict build of the site; for the Material variants, without our search index (the plugin's option)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.utils.yaml import yaml_load

    overrides: dict = {"site_dir": str(out)}
    if variant != "ours":
        raw = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
        plugins = []
        for p in raw.get("plugins") or []:
            name = p if isinstance(p, str) else next(iter(p))
            if name == "kb":
                p = {"kb": {**({} if isinstance(p, str) else p["kb"] or {}), "search_index": False}}
            elif name == "search" and variant == "tuned":
                p = {"search": {**({} if isinstance(p, str) else p["search"] or {}), "separator": TUNED_SEPARATOR}}
            plugins.append(p)
        overrides["plugins"] = plugins
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        build(load_config(str(ROOT / "mkdocs.yml"), **overrides))
    finally:
        os.chdir(cwd)


def material(site: Path, queries: list[str]) -> list[dict]:
    proc = subprocess.run(
        ["node", str(HERE / "material_search.js"), str(site)],
        input=json.dumps(queries, ensure_ascii=False), capture_output=True, text=True, check=True,
    )
    return json.loads(proc.stdout)


class Canon:
    """Maps result locations and graded ids to the question they stand for (a member → its group)."""

    def __init__(self, index: dict) -> None:
        sections = index["sections"]
        self.by_location: dict[str, int] = {}
        anchors: dict[str, list[int]] = {}
        for i, s in enumerate(sections):
            url = index["pages"][s[0]][0]
            owner = s[4] if s[4] >= 0 else i
            self.by_location[f"{url}#{s[1]}" if s[1] else url] = owner
            if s[1]:
                anchors.setdefault(s[1], []).append(owner)
        self.by_anchor = {a: owners[0] for a, owners in anchors.items() if len(owners) == 1}

    def __call__(self, location: str) -> int | None:
        return self.by_location.get(location)

    def resolve(self, graded_id: str) -> int:
        found = self.by_location.get(graded_id, self.by_anchor.get(graded_id))
        if found is None:
            raise KeyError(f"{graded_id}: 不是站点上的题目（锚点、页面地址或 地址#锚点）")
        return found


def resolve_grades(canon: Canon, graded: dict[str, int]) -> dict[int, int]:
    """Graded ids → section indexes; two ids of one section (a question and its group) keep the higher grade."""
    grades: dict[int, int] = {}
    for graded_id, grade in graded.items():
        i = canon.resolve(graded_id)
        grades[i] = max(grade, grades.get(i, 0))
    return grades


def dedupe(ids: list[int | None]) -> list[int | None]:
    seen: set[int] = set()
    out = []
    for i in ids:
        if i is None or i not in seen:
            out.append(i)
            if i is not None:
                seen.add(i)
    return out


def metrics(ranked: list[int | None], grades: dict[int, int]) -> tuple[float, float, float]:
    """recall@5 of grade-2 questions, nDCG@10 (gain 2^g − 1), reciprocal rank of the first grade 2."""
    answers = {i for i, g in grades.items() if g == 2}
    recall = len(answers & set(ranked[:5])) / min(5, len(answers))
    dcg = sum((2 ** grades.get(i, 0) - 1) / math.log2(r + 2) for r, i in enumerate(ranked[:10]) if i is not None)
    ideal = sorted(grades.values(), reverse=True)[:10]
    idcg = sum((2**g - 1) / math.log2(r + 2) for r, g in enumerate(ideal))
    rr = next((1 / (r + 1) for r, i in enumerate(ranked) if i in answers), 0.0)
    return recall, dcg / idcg, rr


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


def browser_latency(site: Path, queries: list[str]) -> dict | None:
    """Type each query into the real search box (HTTP); time until the results list changes."""
    if not Path("/usr/bin/chromium").exists():
        return None
    from tests.support.browser import serve_site, start_browser

    samples = []
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


def report_set(name: str, queries: list[dict], ranked: dict[str, list[list[int | None]]], canon: Canon) -> dict:
    grades = [resolve_grades(canon, q["grades"]) for q in queries]
    print(f"\n【{SET_TITLES[name]}】{len(queries)} 条查询："
          "recall@5 / nDCG@10 / MRR")
    print(f"{'':16}" + "".join(f"{label:>24}" for label in ENGINES.values()))
    out: dict = {}
    for kind in [*KINDS, "all"]:
        rows = [i for i, q in enumerate(queries) if kind in ("all", q["kind"])]
        if not rows:
            continue
        line = f"{kind + f' ({len(rows)})':16}"
        for engine in ENGINES:
            m = [metrics(ranked[engine][i], grades[i]) for i in rows]
            rec, ndcg, mrr = (statistics.mean(x[k] for x in m) for k in range(3))
            line += f"{rec:>10.3f}{ndcg:>7.3f}{mrr:>7.3f}"
            out.setdefault(engine, {})[kind] = {"recall@5": round(rec, 3), "ndcg@10": round(ndcg, 3), "mrr": round(mrr, 3)}
        print(line)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--browser", action="store_true", help="also time the engine and typing in Chromium")
    parser.add_argument("--set", choices=[*SETS, "all"], default="all",
                        help="which query sets to score (all: every set whose file exists)")
    parser.add_argument("--misses", action="store_true",
                        help="list the tuning and retired queries whose answers are not all in the top 5 (never held-out ones)")
    parser.add_argument("--json", type=Path, help="write the numbers to this file")
    parser.add_argument("--samples", type=int, default=300, help="Ctrl+F strings to try (default 300)")
    parser.add_argument("--site", type=Path, help="a site already built with our index (skips that build)")
    args = parser.parse_args()
    if not shutil.which("node"):
        print("需要 node 来运行两种搜索（apt-get install nodejs）", file=sys.stderr)
        return 2

    names = [name for name, path in SETS.items() if path.exists()] if args.set == "all" else [args.set]
    sets = {name: load_queries(SETS[name]) for name in names}
    report: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        sites = {"ours": args.site or Path(tmp) / "ours", "material": Path(tmp) / "material", "tuned": Path(tmp) / "tuned"}
        t0 = time.perf_counter()
        for engine, site in sites.items():
            if not (engine == "ours" and args.site):
                build_site(site, engine)
        report["build_seconds"] = round(time.perf_counter() - t0, 1)
        index_path = sites["ours"] / INDEX_FILE
        index = load_js(index_path)
        canon = Canon(index)

        latency: dict[str, list[float]] = {}
        for name, queries in sets.items():
            texts = [q["q"] for q in queries]
            n = len(texts)
            # Each engine answers the list three times: the first pass is cold (a fresh
            # process), the last one warm (a reader who keeps typing).
            ours = run_queries(index_path, texts * 3, limit=0)
            ranked = {"ours": [dedupe([canon(h["location"]) for h in r["hits"]]) for r in ours[:n]]}
            latency.setdefault("ours_node_cold", []).extend(r["ms"] for r in ours[:n])
            latency.setdefault("ours_node_warm", []).extend(r["ms"] for r in ours[-n:])
            for engine in ("material", "tuned"):
                got = material(sites[engine], texts * 3)
                ranked[engine] = [dedupe([canon(loc) for loc in r["locations"]]) for r in got[:n]]
                latency.setdefault(f"{engine}_lunr_node_warm", []).extend(r["ms"] for r in got[-n:])
            report[name] = report_set(name, queries, ranked, canon)
            if name != "heldout" and args.misses:
                print(f"\n未全部进入前 5 的{SET_TITLES[name]}查询（本站）：")
                for q, got in zip(queries, ranked["ours"], strict=True):
                    answers = {canon.resolve(i) for i, g in q["grades"].items() if g == 2}
                    if answers - set(got[:5]):
                        anchors = [index["sections"][i][1] or index["pages"][index["sections"][i][0]][0]
                                   for i in got[:5] if i is not None]
                        print(f"  {q['q']}  期望 {[i for i, g in q['grades'].items() if g == 2]}  前 5：{anchors}")

        urls = {p[0] for p in index["pages"]}
        samples = [piece for piece, _, _ in ctrl_f_samples(sites["ours"], urls, args.samples, seed=7, sizes=(2, 8))]
        seen = seen_text(sites["ours"], urls)
        ours_f = run_queries(index_path, samples, limit=0)
        mat_f = material(sites["material"], samples)
        browser = browser_latency(sites["ours"], [q["q"] for qs in sets.values() for q in qs]) if args.browser else None

        index_bytes = index_path.stat().st_size
        index_gzip = len(gzip.compress(index_path.read_bytes(), 9))
        material_bytes = (sites["material"] / "search" / "search_index.json").stat().st_size
        indexed = text_bytes(index)

    def ctrl_f(results: list[list[int | None]]) -> tuple[float, int]:
        found = total = misses = 0
        for piece, ranked in zip(samples, results, strict=True):
            needle = compact(piece)
            truth = {canon(f"{url}#{anchor}" if anchor else url) for (url, anchor), text in seen.items() if needle in text}
            got = truth & set(ranked)
            found += len(got)
            total += len(truth)
            misses += bool(truth - got)
        return found / total, misses

    ours_c = ctrl_f([[canon(h["location"]) for h in r["hits"]] for r in ours_f])
    mat_c = ctrl_f([[canon(loc) for loc in r["locations"]] for r in mat_f])
    print(f"\nCtrl+F 检查：{len(samples)} 个从页面可见正文随机截取的字符串，含该字符串的题目被列出的比例")
    print(f"  本站搜索      {ours_c[0]:.4f}（{ours_c[1]} 个字符串有遗漏）")
    print(f"  Material 默认 {mat_c[0]:.4f}（{mat_c[1]} 个字符串有遗漏）")
    report["ctrl_f"] = {"samples": len(samples), "ours": round(ours_c[0], 4), "ours_strings_missed": ours_c[1],
                        "material": round(mat_c[0], 4), "material_strings_missed": mat_c[1]}

    print("\n单次查询耗时（ms）：中位数 / p95 / 最大")
    if browser:
        print(f"  浏览器首次使用搜索时加载索引：{browser['load_ms']:.1f} ms（下载、解析并准备）")
        report["index_load_ms_chromium"] = round(browser["load_ms"], 1)
        latency["ours_chromium_engine"] = browser["engine_ms"]
        latency["ours_chromium_typed_to_results"] = browser["typed_ms"]
    for name, values in latency.items():
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
