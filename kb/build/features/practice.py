"""Practice mode: every question a card the reader can hide, reveal and rate (kb/practice does the work).

on_files: the catalogue of cards from the question index, the generated 复习 page, the bundled
scripts (esbuild, cached by content), and the raw browser sources taken out of the theme's files.
on_page_context: each answer wrapped so practice mode can hide it, once its HTML is final.
on_post_build: each topic's card data for the 复习 page, cut from the pages as they were written.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kb.build.features.base import Feature
from kb.build.state import BuildState
from kb.nav import nav_order
from kb.practice.answers import CardHtml, StructureError, mark_answers
from kb.practice.bundle import BundleError, bundle, fingerprint, node_modules
from kb.practice.catalog import Catalog, CatalogError, build_catalog, catalog_script
from kb.practice.data import DATA_DIR, topic_scripts
from kb.practice.page import PRACTICE_PAGE, practice_page

SCRIPTS_DIR = "assets/javascripts/"
BUNDLE_VERSION = "1"  # bump when bundle()'s output changes for the same sources


class Practice(Feature):
    """Every question a card: answers wrapped for hiding, the 复习 page, the catalogue and the bundles."""

    option = "practice"

    def __init__(self, build: BuildState) -> None:
        super().__init__(build)
        self.catalog: Catalog | None = None
        self.rendered: dict[str, CardHtml] = {}  # card id → its parts, as its page was written

    def on_files(self, files: Files) -> None:
        build = self.build
        sources = build.path(build.options.practice_scripts).resolve()
        for file in [f for f in files if f.abs_src_path and Path(f.abs_src_path).resolve().is_relative_to(sources)]:
            files.remove(file)  # shipped bundled, never as they are
        index = build.questions
        if not index.entries and not index.bank:
            return
        if files.get_file_from_path(PRACTICE_PAGE) is not None:
            raise PluginError(f"docs/{PRACTICE_PAGE} 由练习模式（kb/build/features/practice.py）在构建时生成 — 请删除 docs/{PRACTICE_PAGE}")
        try:
            catalog = build_catalog(index, build.sources, nav_order(build.config.nav), build.label)
            modules = node_modules()
            scripts = build.text_cache(f"practice-bundle-{BUNDLE_VERSION}", lambda _: bundle(sources, modules))(
                fingerprint(sources, modules) if sources.is_dir() else str(sources)
            )
        except (CatalogError, BundleError) as exc:
            raise PluginError(f"练习模式：{exc}") from None
        files.append(File.generated(build.config, PRACTICE_PAGE, content=practice_page()))
        for name, text in scripts.items():
            files.append(File.generated(build.config, f"{SCRIPTS_DIR}{name}", content=text))
        script = catalog_script(catalog, self._url_of, self._url_of(PRACTICE_PAGE), DATA_DIR)
        files.append(File.generated(build.config, f"{DATA_DIR}catalog.js", content=script))
        self.catalog = catalog

    def _url_of(self, src_uri: str) -> str:
        files = self.build.files
        found = files.get_file_from_path(src_uri) if files is not None else None
        if found is None:
            raise PluginError(f"练习模式：页面 {self.build.label(src_uri)} 不在这次构建的文件中")
        return found.url

    def on_page_context(self, page: Page) -> None:
        if self.catalog is None:
            return
        specs = self.catalog.on_page(page.file.src_uri)
        if not specs:
            return
        try:
            marked = mark_answers(page.content or "", specs)
        except StructureError as exc:
            raise PluginError(f"练习模式：{self.build.label(page.file.src_uri)}: {exc}") from None
        page.content = marked.html
        self.rendered.update({card.id: card for card in marked.cards})

    def on_post_build(self) -> None:
        if self.catalog is None:
            return
        try:
            scripts = topic_scripts(self.catalog, self.rendered, self._url_of, PRACTICE_PAGE, partial=self.build.dirty)
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        site = Path(self.build.config.site_dir)
        for path, text in scripts.items():
            target = site / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
