"""End every answered question on a topic page with 2–5 related questions from other topics or sources.

Computed once per build from the pages' text (TF-IDF over jieba tokens plus shared glossary terms,
kb/links/related.py), so the lists are the same on every run; data/related.yml overrides them.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository root, for `kb`
from kb.errors import ConfigError
from kb.links.markdown_index import insert_after_sections
from kb.links.pages import site_question_index, site_term_matcher
from kb.links.questions import TOPIC_DIR
from kb.links.related import load_overrides, related_questions, render_block
from kb.sources import MANIFEST, load_manifest

_state: dict[str, object] = {}


def _doc_names(root: Path) -> dict[str, str]:
    if not (root / MANIFEST).exists():
        return {}
    try:
        return {doc.key: f"《{doc.title}》" for doc in load_manifest(root)}
    except ConfigError as exc:
        raise PluginError(str(exc)) from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _state.clear()  # nothing carries over between builds of `mkdocs serve`
    root = Path(config.config_file_path).resolve().parent
    index = site_question_index(files)
    matcher = site_term_matcher(root)
    try:
        overrides = load_overrides(root, index)
    except ConfigError as exc:
        raise PluginError(f"相关问题数据有误：\n{exc}") from None
    _state.update(index=index, related=related_questions(index, matcher, overrides), names=_doc_names(root))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.file.src_uri.startswith(TOPIC_DIR) or "index" not in _state:
        return markdown
    index, related, names = _state["index"], _state["related"], _state["names"]
    blocks = {
        entry.id: render_block(entry, related.get(entry.id, []), index, names)  # type: ignore[union-attr]
        for entry in index.entries  # type: ignore[union-attr]
        if entry.src_uri == page.file.src_uri
    }
    return insert_after_sections(markdown, {entry_id: block for entry_id, block in blocks.items() if block})
