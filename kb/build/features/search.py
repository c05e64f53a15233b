"""The site's search index (search/kb_index.js), from the pages as readers see them.

Each h2/h3 question heading becomes one section (kb/search/extract.py). The engine
overrides/assets/javascripts/kb-search.js answers Material's search box from this index (through
kb-search-box.js), and `python -m kb search` runs the same engine on the same file.

Material's search plugin stays enabled because it draws the search box, but its lunr index is
not used: each page is marked `search: {exclude: true}` before Material's plugin reads it, so
Material skips the page; search/search_index.json is cut down to its `config` (read by Material's
on-page highlighter), and search/search_index.js carries the same for pages opened from file://,
where Material loads a script instead of fetching JSON.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kb import pagescan
from kb.build.cache import version
from kb.build.features.base import Feature
from kb.build.features.math import TOKEN
from kb.search import extract as search_extract
from kb.search import index as search_index
from kb.search import normalize as search_normalize
from kb.search import vocab as search_vocab
from kb.search.aliases import AliasError, load_alias_file, merge_groups, term_groups
from kb.search.extract import page_sections, visible_text
from kb.search.index import INDEX_FILE, build_index, dump_js, text_bytes
from kb.search.index import Page as IndexPage
from kb.search.vocab import VERSION as VOCAB_VERSION
from kb.search.vocab import rarity, text_words

# The code that turns sections into the index file: a change in it must not reuse a cached index.
INDEX_CODE = tuple(Path(module.__file__).read_bytes() for module in (search_index, search_vocab, search_normalize))
EXTRACT_CODE = (Path(search_extract.__file__).read_bytes(), Path(pagescan.__file__).read_bytes())
HOME_BOOST = 0.3
REFERENCE_PAGES = {"glossary.md", "sources.md", "review.md"}  # definitions, provenance, review status: not the answer
REFERENCE_BOOST = 0.5


def page_boost(page: Page) -> float | None:
    """Material's front matter `search: {boost: x, exclude: true}`; pages that are not questions
    (home, glossary, sources) rank below questions unless they say otherwise. None = not indexed."""
    meta = page.meta.get("search") or {}
    if meta.get("exclude"):
        return None
    if "boost" in meta:
        return float(meta["boost"])
    if page.is_homepage:
        return HOME_BOOST
    return REFERENCE_BOOST if page.file.src_uri in REFERENCE_PAGES else 1.0


class SearchIndex(Feature):
    option = "search_index"

    def __init__(self, build) -> None:
        super().__init__(build)
        self.pages: dict[str, IndexPage] = {}
        self.order: list[str] = []
        self._visible: Callable[[str], str] | None = None

    def on_nav(self, nav: Navigation) -> None:
        self.order = [page.file.src_uri for page in nav.pages]

    def on_page_context(self, page: Page) -> None:
        boost = page_boost(page)
        uri = page.file.src_uri
        if boost is not None:
            title = page.title or ""
            scan = self.build.scans.get(uri)  # None: a page this plugin never saw converted; read it now
            sections = (page_sections(page.content or "", title) if scan is None
                        else scan.sections.finish(self._formula_text(uri), title))
            self.pages[uri] = IndexPage(page.url, title, sections, boost)
        # Material would parse the page again only for an index that _stub_material_index discards.
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}

    def _formula_text(self, uri: str):
        """Placeholders of the page's formulas → the text readers see in them (KaTeX's HTML, not MathML)."""
        rendered = self.build.formulas.get(uri, [])
        if self._visible is None:
            self._visible = self.build.text_cache(f"formula-text-{version(*EXTRACT_CODE)}", visible_text)

        def one(match: re.Match[str]) -> str:
            index = int(match.group(1))
            return self._visible(rendered[index]) if index < len(rendered) else match.group(0)

        return lambda text: TOKEN.sub(one, text) if "KBMATH" in text else text

    def aliases(self) -> list[list[str]]:
        """Alias groups: the search alias file, and each glossary term with its aliases."""
        build = self.build
        groups: list[list[str]] = []
        path = build.path(build.options.search_aliases)
        try:
            if path.exists():
                groups += load_alias_file(path)
        except AliasError as exc:
            raise PluginError(str(exc)) from None
        return merge_groups(groups + term_groups(build.glossary or []))

    def on_post_build(self) -> None:
        site = Path(self.build.config.site_dir)
        if self.build.dirty and (site / INDEX_FILE).exists():
            # A --dirty build converts only the changed pages: an index of those alone would lose the
            # rest of the site, so the previous full build's index stays until the next full build.
            self.build.log.info("search index: kept from the last full build (--dirty)")
            return
        order = self.order + sorted(uri for uri in self.pages if uri not in self.order)
        pages = [self.pages[uri] for uri in order if uri in self.pages]
        aliases = self.aliases()
        # The index is a pure function of the pages' sections, the aliases and the index code: a build
        # whose pages read the same (every build but the first, outside `mkdocs serve`) reuses it.
        made_from = [[[p.url, p.title, p.boost, [[s.anchor, s.level, s.title, s.text, s.group, s.review, s.nav,
                                                  s.names, s.explained_by] for s in p.sections]]
                      for p in pages], aliases]
        cache = self.build.text_cache(f"search-index-{version(*INDEX_CODE)}", lambda _: self._dump(pages, aliases))
        text, sections, text_size = cache(json.dumps(made_from, ensure_ascii=False))
        target = site / INDEX_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        _stub_material_index(site)
        self.build.log.info("search index: %d sections, %d bytes for %d bytes of text", sections, len(text.encode()), text_size)

    def _dump(self, pages: list[IndexPage], aliases: list[list[str]]) -> tuple[str, int, int]:
        words_of = self.build.text_cache(f"search-words-{version(*VOCAB_VERSION)}", text_words)
        rarity_of = self.build.text_cache(f"search-rarity-{version(*VOCAB_VERSION)}", _rarity)
        index = build_index(pages, aliases, words_of, rarity_of)
        return dump_js(index), len(index["sections"]), text_bytes(index)


def _rarity(joined: str) -> str:
    """Rarity digits of "|"-joined words (loading jieba's dictionary only when the words change)."""
    return rarity(joined.split("|") if joined else [])


def _stub_material_index(site: Path) -> None:
    """Keep Material's search config, drop its documents (our index answers queries)."""
    path = site / "search" / "search_index.json"
    config = json.loads(path.read_text(encoding="utf-8"))["config"] if path.exists() else {}
    stub = json.dumps({"config": config, "docs": []}, ensure_ascii=False, separators=(",", ":"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(stub, encoding="utf-8")
    (site / "search" / "search_index.js").write_text(f"var __index = {stub};\n", encoding="utf-8")
