"""Lighthouse scores of the site beside plain Material's build of the same Markdown, mobile and desktop.

Run with `make bench-lighthouse` (or `.venv/bin/python benchmarks/bench_lighthouse.py`). Both sites are
built fresh and served from this machine with gzip, as GitHub Pages serves them; Lighthouse (npm,
pinned in package-lock.json) drives Debian's /usr/bin/chromium with its default throttling (mobile:
slow 4G and a 4× slower CPU; desktop preset). Each page is measured RUNS times (median printed):
scores move by several points between runs on a shared machine, so compare the columns of one run.

Pages: home, a topic page with formulas, the question bank, the glossary and a notebook (plain
Material has no glossary and no notebooks: those rows show only the site). Held out: the tuning
looked at home, the topic and the bank; the glossary and the notebook rows were not looked at.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.plain_material import build_plain  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
PAGES = {"首页": "", "主题页 /topics/rl-alignment/": "topics/rl-alignment/", "题库": "bank/",
         "术语表（held out）": "glossary/", "笔记本（held out）": "notebooks/kv-cache/"}  # fmt: skip
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it (like GitHub Pages)."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def lighthouse(url: str, desktop: bool) -> dict[str, float]:
    """Scores (0–100) of one Lighthouse run: performance and accessibility, plus LCP and TBT in ms."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        cmd = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}", f"--chrome-path={CHROMIUM}",
               f"--chrome-flags={FLAGS}", "--only-categories=performance,accessibility"]  # fmt: skip
        if desktop:
            cmd.append("--preset=desktop")
        subprocess.run(cmd, check=True, capture_output=True, env={"CHROME_PATH": CHROMIUM, "PATH": "/usr/bin:/bin"})
        report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {
        "perf": round(report["categories"]["performance"]["score"] * 100),
        "a11y": round(report["categories"]["accessibility"]["score"] * 100),
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
    }


def median_run(url: str, desktop: bool, runs: int) -> dict[str, float]:
    results = [lighthouse(url, desktop) for _ in range(runs)]
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def _cell(result: dict[str, float] | None, key: str) -> str:
    return "—" if result is None else f"{result[key]:.0f}"


def _timing(result: dict[str, float] | None) -> str:
    return "—" if result is None else f"{result['lcp'] / 1000:.1f} s / {result['tbt']:.0f} ms"


HEADER = ("| 页面 | 设备 | 本站 性能 | Material 原生 性能 | 本站 无障碍 | Material 原生 无障碍 "
          "| 本站 LCP / TBT | Material 原生 LCP / TBT |\n|---|---|---:|---:|---:|---:|---:|---:|")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page and form factor (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ours = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "--site-dir", str(ours)], cwd=ROOT, check=True,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})  # fmt: skip
        plain = build_plain(Path(tmp) / "plain")
        with serve(ours) as ours_url, serve(plain) as plain_url:
            print(HEADER)
            for name, path in PAGES.items():
                for desktop in (False, True):
                    a = median_run(f"{ours_url}/{path}", desktop, args.runs)
                    has_plain = (plain / path / "index.html").exists()
                    b = median_run(f"{plain_url}/{path}", desktop, args.runs) if has_plain else None
                    print(f"| {name} | {'桌面' if desktop else '手机'} | {_cell(a, 'perf')} | {_cell(b, 'perf')} | "
                          f"{_cell(a, 'a11y')} | {_cell(b, 'a11y')} | {_timing(a)} | {_timing(b)} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
