"""Questions ↔ worked-example notebooks (data/notebook-links.yml): load, check, render both directions.

Under each listed question a "动手算一算" box links to its notebooks (Markdown, so MkDocs checks the
links); at the end of each notebook page a list links back to the questions it explains.
"""
from __future__ import annotations

import html
import json
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kb.errors import ConfigError
from kb.links.markdown_index import insert_after_sections
from kb.links.plain_math import math_as_text
from kb.yamlfile import load_yaml

NOTEBOOK_LINKS_FILE = "data/notebook-links.yml"
BOX_TITLE = "动手算一算"
BACK_TITLE = "本页解释的题目"


@dataclass(frozen=True)
class NotebookLinks:
    links: dict[str, list[str]]  # question id → notebook paths under docs/, in file order
    lines: dict[str, int]  # question id → its line in the data file


def load_notebook_links(path: Path, label: str = NOTEBOOK_LINKS_FILE) -> NotebookLinks:
    """``links: {question id: [notebooks/x.ipynb, …]}``; every problem names ``label`` and the line."""
    data, lines = load_yaml(path)
    section = data.get("links") if isinstance(data, dict) else None
    if not isinstance(section, dict):
        raise ConfigError(f"{label}:1: 需要顶层键 links: {{题目 id: [笔记本路径, …]}}")
    problems: list[str] = []
    links: dict[str, list[str]] = {}
    where: dict[str, int] = {}
    for raw_id, paths in section.items():
        qid = str(raw_id)
        line = lines.get(("links", raw_id), 1)
        if not isinstance(paths, list) or not paths:
            problems.append(f"{label}:{line}: “{qid}” 的值应是非空列表，例如 [notebooks/kv-cache.ipynb]")
            continue
        bad = [p for p in paths if not (isinstance(p, str) and p.startswith("notebooks/") and p.endswith(".ipynb"))]
        if bad:
            problems.append(f"{label}:{line}: “{bad[0]}” 不是 docs/ 下的笔记本路径（应形如 notebooks/kv-cache.ipynb）")
            continue
        links[qid], where[qid] = list(paths), line
    if problems:
        raise ConfigError("\n".join(problems))
    return NotebookLinks(links, where)


def notebook_title(path: Path) -> str:
    """The notebook's first heading (its page title)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            first = "".join(cell.get("source", "")).lstrip().split("\n", 1)[0]
            if first.startswith("# "):
                return first[2:].strip()
    return path.stem


def box(page_src: str, notebooks: list[str], titles: Mapping[str, str]) -> str:
    """Markdown of the "动手算一算" box for one question on the page ``page_src``."""
    lines = ["", f'!!! example "{BOX_TITLE}"', ""]
    for p in notebooks:
        rel = posixpath.relpath(p, posixpath.dirname(page_src) or ".")
        lines.append(f"    - [{titles[p]}]({rel})")
    return "\n".join([*lines, ""])


def add_boxes(markdown: str, page_src: str, links: Mapping[str, list[str]], titles: Mapping[str, str]) -> str:
    """A box at the end of each linked question's section (before the next heading of its level or higher)."""
    return insert_after_sections(markdown, {qid: box(page_src, nbs, titles) for qid, nbs in links.items()})


@dataclass(frozen=True)
class LinkedQuestion:
    id: str
    title: str  # heading text as written in Markdown
    page_title: str
    href: str  # from the notebook page to the question


def back_links(questions: list[LinkedQuestion]) -> str:
    """HTML list of the questions that link to a notebook page (in data-file order)."""
    items = []
    for q in questions:
        where = f"（{html.escape(q.page_title)}）" if q.page_title else ""
        # the title's formulas read as text here: this list is added after the math is rendered
        items.append(f'<li><a href="{html.escape(q.href)}">{html.escape(math_as_text(q.title))}</a>{where}</li>')
    if not items:
        return ""
    # No heading element: a search index would make an (empty) entry for it.
    return (f'<aside class="kb-notebook-questions" data-search-exclude><p><strong>{BACK_TITLE}</strong></p>'
            f'<ul>{"".join(items)}</ul></aside>')

