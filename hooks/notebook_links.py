"""Link questions and worked-example notebooks both ways, from data/notebook-links.yml.

Under each listed question a "动手算一算" box links to its notebooks (added to the page's
Markdown in memory, so MkDocs checks the links); at the end of each notebook page a list links
back to the questions it explains. Unknown ids or notebooks stop the build with the YAML line.
"""
from __future__ import annotations

import html
import json
import posixpath
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository root, for `kb`
from kb.links.markdown_index import headings, insert_after_sections
from kb.links.questions import without_math

DATA_FILE = "data/notebook-links.yml"
BOX_TITLE = "动手算一算"
BACK_TITLE = "本页解释的题目"

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Question:
    id: str
    src_uri: str  # page that holds the question, relative to docs/
    title: str  # heading text as written in Markdown
    page_title: str


@dataclass
class LinkData:
    links: dict[str, list[str]] = field(default_factory=dict)  # question id → notebook src paths
    lines: dict[str, int] = field(default_factory=dict)  # question id → line in the data file
    questions: dict[str, Question] = field(default_factory=dict)
    notebook_titles: dict[str, str] = field(default_factory=dict)


_state = LinkData()


def load_links(path: Path) -> LinkData:
    """Parse and shape-check the data file; errors name the file and line."""
    where = path.as_posix()
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text)
    except OSError as exc:
        raise PluginError(f"{where}: 无法读取：{exc}") from exc
    except yaml.YAMLError as exc:
        raise PluginError(f"{where}: YAML 格式错误：{exc}") from exc
    data = LinkData()
    root = node.value if isinstance(node, yaml.MappingNode) else []
    links_node = next((v for k, v in root if k.value == "links"), None)
    if not isinstance(links_node, yaml.MappingNode):
        raise PluginError(f"{where}:1: 需要顶层键 links: {{题目 id: [笔记本路径, …]}}")
    for key, value in links_node.value:
        line = key.start_mark.line + 1
        qid = key.value
        if not _ID.match(qid):
            raise PluginError(f"{where}:{line}: 题目 id “{qid}” 格式不对，应形如 r1-021、bank-144")
        if qid in data.links:
            raise PluginError(f"{where}:{line}: 题目 id “{qid}” 重复出现（第 {data.lines[qid]} 行已有）")
        if not isinstance(value, yaml.SequenceNode) or not value.value:
            raise PluginError(f"{where}:{line}: “{qid}” 的值应是非空列表，例如 [notebooks/kv-cache.ipynb]")
        paths = [item.value for item in value.value]
        for p in paths:
            if not (isinstance(p, str) and p.startswith("notebooks/") and p.endswith(".ipynb")):
                raise PluginError(f"{where}:{line}: “{p}” 不是 docs/ 下的笔记本路径（应形如 notebooks/kv-cache.ipynb）")
        data.links[qid] = paths
        data.lines[qid] = line
    return data


def notebook_title(path: Path) -> str:
    """The notebook's first heading (its page title)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            first = "".join(cell.get("source", "")).lstrip().split("\n", 1)[0]
            if first.startswith("# "):
                return first[2:].strip()
    return path.stem


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    root = Path(config.config_file_path).parent
    _state = load_links(root / DATA_FILE)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    questions: dict[str, Question] = {}
    for f in files.documentation_pages():
        if not f.src_uri.endswith(".md"):
            continue
        body, meta = get_data(f.content_string)
        for heading in headings(body):
            if heading.id:
                questions.setdefault(heading.id, Question(heading.id, f.src_uri, heading.title, str(meta.get("title") or "")))
    titles: dict[str, str] = {}
    for qid, paths in _state.links.items():
        line = _state.lines[qid]
        if qid not in questions:
            raise PluginError(f"{DATA_FILE}:{line}: 题目 id “{qid}” 在 docs/ 的任何标题里都找不到（{{#{qid}}}）")
        for p in paths:
            f = files.get_file_from_path(p)
            if f is None:
                raise PluginError(f"{DATA_FILE}:{line}: 找不到笔记本 docs/{p}")
            titles[p] = notebook_title(Path(f.abs_src_path))
    _state.questions = questions
    _state.notebook_titles = titles
    return files


def box(page_src: str, notebooks: list[str]) -> list[str]:
    """Markdown lines of the "动手算一算" box for one question."""
    lines = ["", f'!!! example "{BOX_TITLE}"', ""]
    for p in notebooks:
        rel = posixpath.relpath(p, posixpath.dirname(page_src) or ".")
        lines.append(f"    - [{_state.notebook_titles[p]}]({rel})")
    return [*lines, ""]


def add_boxes(markdown: str, page_src: str, links: dict[str, list[str]]) -> str:
    """Insert a box at the end of each linked question's section (before the next heading of its level or higher)."""
    return insert_after_sections(markdown, {qid: "\n".join(box(page_src, nbs)) for qid, nbs in links.items()})


def on_page_markdown(markdown: str, page: Page, **_: object) -> str:
    src = page.file.src_uri
    links = {qid: nbs for qid, nbs in _state.links.items() if _state.questions[qid].src_uri == src}
    return add_boxes(markdown, src, links) if links else markdown


def back_links(page: Page, files: Files) -> str:
    """HTML list of the questions that link to this notebook page (in data-file order)."""
    items = []
    for qid, paths in _state.links.items():
        if page.file.src_uri not in paths:
            continue
        q = _state.questions[qid]
        target = files.get_file_from_path(q.src_uri)
        href = get_relative_url(target.url, page.url) + f"#{qid}"
        where = f"（{html.escape(q.page_title)}）" if q.page_title else ""
        items.append(f'<li><a href="{html.escape(href)}">{html.escape(without_math(q.title))}</a>{where}</li>')
    if not items:
        return ""
    # No heading element: Material's search would make an (empty) entry for it.
    return (f'<aside class="kb-notebook-questions" data-search-exclude><p><strong>{BACK_TITLE}</strong></p>'
            f'<ul>{"".join(items)}</ul></aside>')


def on_page_content(html_text: str, page: Page, files: Files, **_: object) -> str:
    if not page.file.src_uri.endswith(".ipynb"):
        return html_text
    return html_text + back_links(page, files)
