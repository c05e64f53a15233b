"""What practice mode costs a page: bytes added, and load time with and without it (Chromium).

Run with `make bench-practice` (or `.venv/bin/python benchmarks/practice_size.py [--site DIR] [--runs N]`).

1. Bytes, raw and gzip: what every page loads (script, catalogue, stylesheet), what only a
   practising reader loads (the FSRS scheduler), what only the 复习 page loads (one card data
   file per topic with questions due), and the answer wrappers added to each page's HTML.
2. Time, in Chromium over local HTTP: each page loaded `--runs` times with the practice scripts
   and stylesheet and `--runs` times with them refused (the baseline, same run), interleaved;
   medians of DOMContentLoaded and load, the ratio, and the script's own setup time. Pages used
   while building the feature (moe, the bank) are reported apart from held-out pages
   (the largest topic pages), which were never looked at while tuning.
3. Turning practice mode on: from the click to the next frame, per page.
"""
from __future__ import annotations

import argparse
import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.browser import CHROMIUM, serve_site, start_browser  # noqa: E402

EVERY_PAGE = ["assets/javascripts/kb-practice.js", "assets/practice/catalog.js", "assets/stylesheets/kb-practice.css"]
WHEN_PRACTISING = ["assets/javascripts/kb-practice-fsrs.js"]
TUNED = ["topics/moe/", "bank/"]
HELD_OUT = ["topics/rl-alignment/", "topics/pretraining/", "topics/evaluation/"]
WRAPPER = re.compile(r'<div class="kb-answer" data-kb-card="[^"]*">')


def sizes(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, 9))


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def report_bytes(site: Path) -> None:
    print("字节数（原始 / gzip）")
    total = [0, 0]
    for rel in EVERY_PAGE:
        raw, gz = sizes(site / rel)
        total[0] += raw
        total[1] += gz
        print(f"  每页都加载  {rel:45s} {kb(raw):>9s} / {kb(gz):>8s}")
    print(f"  每页合计                                                  {kb(total[0]):>9s} / {kb(total[1]):>8s}")
    for rel in WHEN_PRACTISING:
        raw, gz = sizes(site / rel)
        print(f"  练习时才加载 {rel:44s} {kb(raw):>9s} / {kb(gz):>8s}")
    data = sorted(sizes(p) for p in (site / "assets" / "practice").glob("*.js") if p.name != "catalog.js")
    raws = [r for r, _ in data]
    gzs = [g for _, g in data]
    print(f"  复习页按需加载的主题数据（{len(data)} 个文件）中位数 {kb(statistics.median(raws))} / "
          f"{kb(statistics.median(gzs))}，最大 {kb(max(raws))} / {kb(max(gzs))}，合计 {kb(sum(raws))} / {kb(sum(gzs))}")
    for url in TUNED + HELD_OUT:
        html = (site / url / "index.html").read_text(encoding="utf-8")
        added = sum(len(m.group(0)) + len("</div>") for m in WRAPPER.finditer(html))
        print(f"  答案外层标记 {url:30s} {len(WRAPPER.findall(html)):4d} 处，{added:6d} 字节（页面 {kb(len(html.encode()))}）")


def load_times(base: str, url: str, practice: bool, runs: int, browser) -> dict[str, float]:
    samples: dict[str, list[float]] = {"dcl": [], "load": [], "setup": []}
    for _ in range(runs):
        context = browser.new_context()
        if not practice:
            context.route(re.compile(r".*(kb-practice|assets/practice/).*"), lambda route: route.abort())
        page = context.new_page()
        page.goto(f"{base}/{url}", wait_until="load")
        timing = page.evaluate(
            "(() => { const n = performance.getEntriesByType('navigation')[0];"
            " return [n.domContentLoadedEventEnd, n.loadEventEnd, window.__kbPracticeSetupMs ?? -1]; })()"
        )
        samples["dcl"].append(timing[0])
        samples["load"].append(timing[1])
        samples["setup"].append(timing[2])
        context.close()
    return {k: statistics.median(v) for k, v in samples.items()}


def report_times(site: Path, runs: int) -> None:
    if not CHROMIUM.exists():
        print("没有 /usr/bin/chromium，跳过加载时间")
        return
    print(f"\n加载时间（Chromium，本机 HTTP，每种 {runs} 次的中位数；基线 = 拒绝练习脚本与样式，同一次运行）")
    with serve_site(site) as base, start_browser() as browser:
        for label, urls in (("调优时用过的页面", TUNED), ("留出的页面", HELD_OUT)):
            print(f"  {label}")
            for url in urls:
                off: dict[str, list[float]] = {"dcl": [], "load": []}
                on: dict[str, list[float]] = {"dcl": [], "load": [], "setup": []}
                for _ in range(runs):  # interleaved, so load on the machine hits both alike
                    for practice, into in ((False, off), (True, on)):
                        for key, value in load_times(base, url, practice, 1, browser).items():
                            if key in into:
                                into[key].append(value)
                m_off = {k: statistics.median(v) for k, v in off.items()}
                m_on = {k: statistics.median(v) for k, v in on.items()}
                print(
                    f"    {url:24s} DOMContentLoaded {m_off['dcl']:6.1f} → {m_on['dcl']:6.1f} ms"
                    f"（×{m_on['dcl'] / m_off['dcl']:.2f}），load {m_off['load']:6.1f} → {m_on['load']:6.1f} ms"
                    f"（×{m_on['load'] / m_off['load']:.2f}），练习脚本初始化 {m_on['setup']:.1f} ms"
                )


SWITCH_ON = """async () => {
  const t0 = performance.now();
  document.querySelector('.kb-practice-switch').click();
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  return performance.now() - t0;
}"""


def report_switch(site: Path, runs: int) -> None:
    """Turning practice mode on: every answer of the page hidden and its controls built, up to the next frame."""
    if not CHROMIUM.exists():
        return
    print("\n打开练习模式（点击到下一帧，含样式与布局；中位数）")
    with serve_site(site) as base, start_browser() as browser:
        for url in TUNED + HELD_OUT:
            times = []
            for _ in range(runs):
                context = browser.new_context()
                page = context.new_page()
                page.goto(f"{base}/{url}", wait_until="load")
                times.append(page.evaluate(SWITCH_ON))
                context.close()
            cards = (site / url / "index.html").read_text(encoding="utf-8").count('class="kb-answer"')
            print(f"  {url:24s} {statistics.median(times):6.1f} ms（{cards} 处答案）")


def build(out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
                   cwd=ROOT, env=env, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if not args.site:
            build(site)
        report_bytes(site)
        report_times(site, args.runs)
        report_switch(site, args.runs)


if __name__ == "__main__":
    main()
