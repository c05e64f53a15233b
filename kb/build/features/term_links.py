"""The first mention of each glossary term on a page links to its entry, with the definition on hover.

Runs on the converted HTML of Markdown pages; headings, code, math and existing links are never
touched (kb/links/term_linker.py). Formulas are still tokens here (KBMATH…Z, rendered in on_env):
a token is one ASCII word, so no term can match inside it. The glossary page itself is left alone.
"""
from __future__ import annotations

from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from kb.build.features.base import Feature
from kb.links.glossary_page import GLOSSARY_PAGE
from kb.links.term_linker import link_chunks


class TermLinks(Feature):
    def on_page_content(self, html: str, page: Page) -> str:
        matcher = self.build.term_matcher
        files = self.build.files
        glossary = files.get_file_from_path(GLOSSARY_PAGE) if files is not None else None
        if matcher is None or glossary is None or page.file is glossary or not page.file.src_uri.endswith(".md"):
            return html
        base = get_relative_url(glossary.url, page.url)
        scan = self.build.scan(page, html)
        html, links = link_chunks(html, scan.chunks, matcher, lambda term_id: f"{base}#{matcher.terms[term_id].anchor}")
        scan.add_term_links(links, html)
        return html
