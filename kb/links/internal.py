"""Internal link checks: every link and #anchor resolves, every image exists, ids are unique.

Works on rendered HTML (what readers get) and names the Markdown file and line of each problem.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from kb.code_math import code_mask
from kb.links.html_scan import HtmlFacts, Ref, scan_html
from kb.links.locate import find_line, find_lines, url_needles

# Structural ids that every topic page repeats by design (the practice section); unique per page only.
PAGE_LOCAL_IDS = frozenset({"practice"})
_EXPLICIT_ID = re.compile(r"\{:?[ \t]*(?:[^}\n#]*?[ \t])?#([A-Za-z0-9_][\w.:-]*)[^}\n]*\}|\bid=[\"']([^\"']+)[\"']")
_IMAGE_TAGS = {"img", "source", "video", "audio", "track"}


@dataclass
class PageDoc:
    """One rendered page: where it comes from, its URL, its content HTML and Markdown."""

    label: str  # e.g. docs/topics/attention.md
    url: str  # site-relative URL, e.g. topics/attention/
    html: str
    source: str  # the Markdown file as written
    markdown: str  # the Markdown as the build converted it (generated blocks included)
    facts: HtmlFacts | None = None

    def scanned(self) -> HtmlFacts:
        if self.facts is None:
            self.facts = scan_html(self.html)
        return self.facts


def norm_path(path: str) -> str:
    """Site-relative path with ``index.html`` folded into its directory."""
    path = path.lstrip("/")
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return path


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def resolve(url: str, base_url: str) -> tuple[str, str]:
    """``(site path, fragment)`` of a relative ``url`` found on the page at ``base_url``."""
    joined = urljoin("http://site.invalid/" + base_url, url)
    parts = urlsplit(joined)
    return norm_path(unquote(parts.path)), unquote(parts.fragment)


class Targets:
    """What exists in the site: each path, and for HTML pages the ids they contain."""

    def __init__(self) -> None:
        self._ids: dict[str, set[str] | None] = {}

    def add(self, path: str, ids: Iterable[str] | None = None) -> None:
        self._ids[norm_path(path)] = set(ids) if ids is not None else None

    def find(self, path: str) -> str | None:
        for candidate in (path, path + "/", path.rstrip("/")):
            if candidate in self._ids:
                return candidate
        return None

    def has_id(self, path: str, fragment: str) -> bool:
        ids = self._ids.get(path)
        return ids is None or fragment in ids


def _where(page: PageDoc, needles: list[str], html_line: int) -> str:
    line = find_line(page.source, needles)
    if line is not None:
        return f"{page.label}:{line}"
    return f"{page.label}:{html_line}（构建时生成的内容，HTML 第 {html_line} 行）"


def check_ref(page: PageDoc, ref: Ref, targets: Targets) -> str | None:
    """A problem message for one URL of a page, or None when it resolves."""
    url = ref.url
    if not url or is_external(url) or url.startswith(("mailto:", "tel:", "data:")):
        return None
    kind = "图片" if ref.tag in _IMAGE_TAGS else "链接"
    if url.startswith("/"):
        return f"{_where(page, url_needles(url), ref.line)}: {kind} `{url}` 使用了站点绝对路径 — 请改为相对于本文件的路径"
    path, fragment = resolve(url, page.url)
    found = targets.find(path)
    if found is None:
        if kind == "图片":
            fix = "请把图片放进 docs/ 下并用相对路径引用"
        else:
            fix = "请检查路径：站内链接写相对于本文件的 .md 路径，例如 ../topics/attention.md#basics-017"
        return f"{_where(page, url_needles(url), ref.line)}: {kind}目标不存在：`{url}` — {fix}"
    if fragment and not targets.has_id(found, fragment):
        return (
            f"{_where(page, url_needles(url), ref.line)}: 锚点 `#{fragment}` 在 `{found or '首页'}` 中不存在 — "
            "请改为该页已有的 id（题目 id 形如 r1-021，见各题标题后的链接图标）"
        )
    return None


def explicit_ids(markdown: str) -> list[tuple[str, int]]:
    """Ids written into the Markdown (``{#id}``, ``{: #id }``, ``id="…"``) outside code, with lines."""
    lines = markdown.split("\n")
    mask = code_mask(lines)
    found = []
    for index, line in enumerate(lines):
        if mask[index]:
            continue
        for match in _EXPLICIT_ID.finditer(line):
            found.append((match.group(1) or match.group(2), index + 1))
    return found


def check_pages(pages: list[PageDoc], extra_targets: Iterable[str] = ()) -> list[str]:
    """Every problem over all pages: broken links, anchors, images, duplicate ids."""
    targets = Targets()
    for path in extra_targets:
        targets.add(path)
    for page in pages:
        targets.add(page.url, (i for i, _ in page.scanned().ids))
    problems: list[str] = []
    owners: dict[str, list[tuple[PageDoc, int]]] = defaultdict(list)
    for page in pages:
        facts = page.scanned()
        counts: dict[str, list[int]] = defaultdict(list)
        for element_id, line in facts.ids:
            counts[element_id].append(line)
        for element_id, lines in counts.items():
            if len(lines) > 1:
                # named at the second occurrence (the one to rename), not the first
                written = sorted({n for needle in (f"{{#{element_id}", f'id="{element_id}"') for n in find_lines(page.source, needle)})
                if len(written) > 1:
                    where = f"{page.label}:{written[1]}"
                else:
                    where = _where(page, [f"#{element_id}", f'id="{element_id}"'], lines[1])
                problems.append(f"{where}: id `{element_id}` 在本页出现了 {len(lines)} 次 — id 必须唯一，请改名")
        for ref in facts.refs:
            problem = check_ref(page, ref, targets)
            if problem:
                problems.append(problem)
        for element_id, line in explicit_ids(page.markdown):
            if element_id not in PAGE_LOCAL_IDS:
                owners[element_id].append((page, line))
    for element_id, places in owners.items():
        pages_with_id = {p.label for p, _ in places}
        if len(pages_with_id) < 2:
            continue
        described = []
        for page, line in places:
            source_line = find_line(page.source, [f"#{element_id}"]) or line
            described.append((page, f"{page.label}:{source_line}"))
        for page, where in described:
            others = "、".join(w for p, w in described if p is not page)
            problems.append(f"{where}: id `{element_id}` 在全站不唯一（另见 {others}）— 请改用唯一的 id")
    return sorted(set(problems), key=_problem_key)


def _problem_key(problem: str) -> tuple[str, int, str]:
    match = re.match(r"([^:]+):(\d+)", problem)
    return (match.group(1), int(match.group(2)), problem) if match else (problem, 0, problem)


def check_site(site_dir: Path, base_path: str = "/", written: dict[str, HtmlFacts] | None = None) -> list[str]:
    """Every broken internal link or anchor in the built site's HTML files (theme parts included).

    ``written`` holds the facts of HTML files the build already read as it wrote them (by path
    in the site); every other HTML file is read here.
    """
    targets = Targets()
    scanned: dict[str, HtmlFacts] = {}
    for file in sorted(site_dir.rglob("*")):
        if not file.is_file():
            continue
        rel = file.relative_to(site_dir).as_posix()
        if file.suffix == ".html":
            facts = (written or {}).get(rel) or scan_html(file.read_text(encoding="utf-8", errors="replace"))
            scanned[rel] = facts
            targets.add(rel, (i for i, _ in facts.ids))
        else:
            targets.add(rel)
    problems = []
    prefix = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    for rel, facts in scanned.items():
        base_url = norm_path(rel) if rel.endswith("index.html") else rel
        for ref in facts.refs:
            url = ref.url
            if not url or is_external(url) or url.startswith(("mailto:", "tel:", "data:", "javascript:")):
                continue
            if url.startswith("/"):
                if not url.startswith(prefix):
                    problems.append(f"site/{rel}:{ref.line}: 链接 `{url}` 在站点路径 {prefix} 之外 — 请改为相对路径")
                    continue
                url = "/" + url[len(prefix) :]
            path, fragment = resolve(url, base_url)
            found = targets.find(path)
            if found is None:
                problems.append(f"site/{rel}:{ref.line}: 链接目标不存在：`{ref.url}` — 请检查生成该链接的页面或模板")
            elif fragment and not targets.has_id(found, fragment):
                problems.append(f"site/{rel}:{ref.line}: 锚点 `#{fragment}` 在 `{found or 'index.html'}` 中不存在")
    return problems
