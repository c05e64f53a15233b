"""Link the first mention of each glossary term on a page to its glossary entry, with the definition on hover.

Runs on the rendered HTML of Markdown pages; headings, code, math and existing links are never touched
(see kb/links/term_linker.py). The glossary page itself is left alone.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository root, for `kb`
from kb.links.glossary import TermMatcher
from kb.links.glossary_page import GLOSSARY_PAGE
from kb.links.pages import site_term_matcher
from kb.links.term_linker import link_terms

_state: dict[str, TermMatcher] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.clear()
    matcher = site_term_matcher(Path(config.config_file_path).resolve().parent)
    if matcher is not None:
        _state["matcher"] = matcher
    return config


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    matcher = _state.get("matcher")
    glossary = files.get_file_from_path(GLOSSARY_PAGE)
    if matcher is None or glossary is None or page.file is glossary or not page.file.src_uri.endswith(".md"):
        return html
    base = get_relative_url(glossary.url, page.url)
    return link_terms(html, matcher, lambda term_id: f"{base}#{matcher.terms[term_id].anchor}")
