"""On the question bank page, link each question to the answered questions that cover it.

The mapping is reviewed data (data/bank-links.yml); questions without an answer are marked
"待补充：欢迎贡献" with a link that opens the GitHub editor on the question's topic page.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository root, for `kb`
from kb.errors import ConfigError
from kb.links.bank import load_bank_links, render_answers, render_open, unanswered
from kb.links.markdown_index import headings, insert_after_sections
from kb.links.pages import site_question_index
from kb.links.questions import BANK_PAGE

log = logging.getLogger("mkdocs.hooks.bank_links")
_state: dict[str, object] = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _state.clear()  # nothing carries over between builds of `mkdocs serve`
    root = Path(config.config_file_path).resolve().parent
    index = site_question_index(files)
    if not index.bank:
        return files
    try:
        links = load_bank_links(root, index)
    except ConfigError as exc:
        raise PluginError(f"题库链接数据有误：\n{exc}") from None
    missing = unanswered(index, links)
    if missing:
        raise PluginError(f"题库有 {len(missing)} 道题没有解答：\n" + "\n".join(missing))
    _state.update(index=index, links=links)
    log.info("题库：%d / %d 道题链接到本站解答", len(links), len(index.bank))
    return files


def _edit_url(files: Files, src_uri: str) -> str | None:
    """MkDocs' own "edit this page" URL (pages listed in the nav exist before any page is rendered)."""
    file = files.get_file_from_path(src_uri)
    return file.page.edit_url if file is not None and file.page is not None else None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri != BANK_PAGE or "index" not in _state:
        return markdown
    index, links = _state["index"], _state["links"]
    lines = markdown.split("\n")
    blocks: dict[str, str] = {}
    for heading in headings(markdown):
        if heading.level != 3 or heading.id not in index.bank:  # type: ignore[attr-defined]
            continue
        if heading.id in links:  # type: ignore[operator]
            blocks[heading.id] = render_answers(heading.id, links[heading.id], index)  # type: ignore[index, arg-type]
        else:
            section = "\n".join(lines[heading.line : heading.end])
            blocks[heading.id] = render_open(section, lambda src_uri: _edit_url(files, src_uri))
    return insert_after_sections(markdown, blocks)
