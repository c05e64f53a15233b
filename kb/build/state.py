"""What one build knows: created when the build starts (on_config), dropped when it ends.

Shared facts are computed once per build, on first use, from the pages and data of this build:
the pages as written, the question index, the glossary and its term matcher, the source titles.
Nothing here outlives the build, so `mkdocs serve` starts every rebuild from the files on disk.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb.build.cache import TextCache
from kb.build.config import KnowledgeBaseConfig
from kb.build.page_scan import PageScan, scan_page
from kb.build.sourcemap import SourceMap
from kb.errors import ConfigError
from kb.links.glossary import Term, TermMatcher, read_glossary
from kb.links.questions import QuestionIndex, build_index
from kb.math.renderer import Renderer
from kb.sources import load_manifest


class BuildState:
    """The state of one build; features read shared facts from here and keep their own on themselves."""

    def __init__(self, config: MkDocsConfig, options: KnowledgeBaseConfig, renderer: Renderer, *, dirty: bool) -> None:
        self.config = config
        self.options = options
        self.renderer = renderer  # the plugin's long-lived KaTeX process (a resource, not state)
        self.dirty = dirty
        self.root = Path(config.config_file_path).resolve().parent
        self.log = logging.getLogger("mkdocs.plugins.kb")
        self.docs_prefix = os.path.relpath(config.docs_dir, self.root).replace(os.sep, "/")
        self.files: Files | None = None  # set when the file list is final (on_files)
        self.source_maps: dict[str, SourceMap] = {}
        self.scans: dict[str, PageScan] = {}  # each page's converted HTML, read once
        self.formulas: dict[str, list[str]] = {}  # src_uri → rendered HTML of each formula placeholder
        self.caches: list[TextCache] = []

    # -- paths -------------------------------------------------------------------------------
    def path(self, relative: str) -> Path:
        """A project path from the plugin's options (relative to mkdocs.yml's folder)."""
        return self.root / relative

    def label(self, src_uri: str) -> str:
        """A page's path as contributors see it: ``docs/topics/a.md``."""
        return f"{self.docs_prefix}/{src_uri}"

    def text_cache(self, kind: str, compute: Callable[[str], Any]) -> TextCache:
        """A cache of ``compute`` (a pure function of text) kept in the cache folder between builds."""
        cache = TextCache(self.path(self.options.cache_dir) / "kb", kind, compute)
        self.caches.append(cache)
        return cache

    def save_caches(self) -> None:
        for cache in self.caches:
            cache.save(keep_others=self.dirty)

    # -- pages -------------------------------------------------------------------------------
    @cached_property
    def sources(self) -> dict[str, str]:
        """``{src_uri: text as written}`` for every Markdown page found on disk (front matter included)."""
        assert self.files is not None, "pages are known from on_files on"
        return {
            f.src_uri: f.content_string
            for f in self.files.documentation_pages()
            if f.src_uri.endswith(".md") and f.abs_src_path is not None
        }

    def source_map(self, page: Page) -> SourceMap:
        """The page's source map, started from the file as written."""
        uri = page.file.src_uri
        if uri not in self.source_maps:
            markdown = page.markdown or ""
            written = self.sources.get(uri, markdown).replace("\r\n", "\n")
            skipped = written[: len(written) - len(markdown)].count("\n") if markdown and written.endswith(markdown) else 0
            self.source_maps[uri] = SourceMap.of_page(self.label(uri), markdown, skipped + 1)
        return self.source_maps[uri]

    def scan(self, page: Page, html: str) -> PageScan:
        """The page's one pass over ``html`` (done again only if a feature changed the HTML since)."""
        uri = page.file.src_uri
        found = self.scans.get(uri)
        if found is None or found.html is not html:
            found = self.scans[uri] = scan_page(html)
        return found

    @cached_property
    def questions(self) -> QuestionIndex:
        """Every question of the site, read from the pages themselves (kb/links/questions.py)."""
        return build_index(self.sources)

    # -- data --------------------------------------------------------------------------------
    @cached_property
    def glossary(self) -> list[Term] | None:
        """The glossary's terms, or None when the project has no glossary file."""
        path = self.path(self.options.glossary)
        if not path.exists():
            return None
        try:
            return read_glossary(path, self.options.glossary)
        except ConfigError as exc:
            raise PluginError(f"术语表数据有误：\n{exc}") from None

    @cached_property
    def term_matcher(self) -> TermMatcher | None:
        return TermMatcher(self.glossary) if self.glossary is not None else None

    @cached_property
    def doc_titles(self) -> dict[str, str]:
        """``{source key: title}`` from the manifest ({} when the project has none)."""
        if not self.path(self.options.manifest).exists():
            return {}
        try:
            return {doc.key: doc.title for doc in load_manifest(self.root, manifest=self.options.manifest)}
        except ConfigError as exc:
            raise PluginError(str(exc)) from None
