"""Check external links (opt-in: `make linkcheck`; the build never touches the network).

Collects every http(s) URL written in the Markdown and YAML sources, requests each one once
(HEAD, falling back to GET) with a timeout, and lists the broken ones as ``file:line: URL — reason``.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from kb.code_math import code_mask

_URL = re.compile(r"https?://[^\s<>()\[\]{}\"'`，。、；：！？（）【】《》「」]+")
_TRAILING = ".,;:!?*_~"
SUFFIXES = (".md", ".yml", ".yaml")
USER_AGENT = "llm-interview-kb-linkcheck/1.0 (+https://github.com/llm-interview-kb/llm-interview-kb)"


def find_urls(paths: list[Path]) -> dict[str, list[str]]:
    """``{url: ["file:line", …]}`` for URLs outside code blocks in the given files or directories."""
    found: dict[str, list[str]] = defaultdict(list)
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES) if path.is_dir() else [path])
    for file in files:
        lines = file.read_text(encoding="utf-8").split("\n")
        mask = code_mask(lines) if file.suffix == ".md" else [False] * len(lines)
        for number, line in enumerate(lines, 1):
            if mask[number - 1]:
                continue
            for match in _URL.finditer(line):
                url = match.group(0).rstrip(_TRAILING)
                found[url].append(f"{file.as_posix()}:{number}")
    return dict(found)


def check_url(url: str, timeout: float) -> str | None:
    """None when the URL answers with a success or redirect status, else the reason."""
    headers = {"User-Agent": USER_AGENT}
    try:
        response = requests.head(url, allow_redirects=True, timeout=timeout, headers=headers)
        if response.status_code >= 400:
            response = requests.get(url, allow_redirects=True, timeout=timeout, headers=headers, stream=True)
            response.close()
    except requests.RequestException as exc:
        return f"无法访问（{type(exc).__name__}）"
    if response.status_code == 429:
        return None  # rate limited: the page exists
    if response.status_code >= 400:
        return f"HTTP {response.status_code}"
    return None


def check(paths: list[Path], timeout: float = 10.0, workers: int = 8) -> list[str]:
    """Every broken external link, as ``file:line: URL — reason``, sorted."""
    urls = find_urls(paths)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        reasons = dict(zip(urls, pool.map(lambda u: check_url(u, timeout), urls), strict=True))
    problems = []
    for url, reason in reasons.items():
        if reason:
            problems.extend((where, f"{where}: {url} — {reason}") for where in urls[url])
    return [text for _, text in sorted(problems, key=lambda p: _file_line(p[0]))]


def _file_line(where: str) -> tuple[str, int]:
    path, _, line = where.rpartition(":")
    return path, int(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb.links.external", description="检查 Markdown 与 YAML 中的外部链接")
    parser.add_argument("paths", nargs="*", default=["docs", "data"], help="要检查的文件或目录（默认 docs data）")
    parser.add_argument("--timeout", type=float, default=10.0, help="每个请求的超时秒数（默认 10）")
    args = parser.parse_args(argv)
    paths = [Path(p) for p in args.paths]
    total = len(find_urls(paths))
    problems = check(paths, timeout=args.timeout)
    for problem in problems:
        print(problem)
    print(f"检查了 {total} 个外部链接，失效 {len({p.split(': ', 1)[1] for p in problems})} 个。", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
