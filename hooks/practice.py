"""Practice mode: wires kb.practice into the build (the logic and its tests live there).

on_files: the catalogue of cards, the generated 复习 page, the bundled scripts (esbuild), and the
raw script sources taken out of the theme's files. on_page_context: each answer wrapped so practice
mode can hide it. on_post_build: each topic's card data for the 复习 page.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository root, for `kb`
from kb.errors import ConfigError
from kb.links.pages import docs_label, page_sources, project_root, site_question_index
from kb.nav import topic_groups
from kb.practice.answers import StructureError, mark_answers
from kb.practice.bundle import BundleError, bundle
from kb.practice.catalog import CatalogError, build_catalog, catalog_script
from kb.practice.data import DATA_DIR, topic_scripts
from kb.practice.page import PRACTICE_PAGE, practice_page

SCRIPTS_DIR = "assets/javascripts/"
SOURCES = f"{SCRIPTS_DIR}practice/"  # the unbundled sources, copied from overrides/ like any theme file
_state: dict[str, object] = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _state.clear()  # nothing carries over between builds of `mkdocs serve`
    for file in [f for f in files if f.src_uri.startswith(SOURCES)]:
        files.remove(file)
    index = site_question_index(files)
    if not index.entries and not index.bank:
        return files
    if files.get_file_from_path(PRACTICE_PAGE) is not None:
        raise PluginError(f"docs/{PRACTICE_PAGE} 由 hooks/practice.py 在构建时生成 — 请删除 docs/{PRACTICE_PAGE}")
    try:
        order = [slug for _, slugs in topic_groups(project_root(config)) for slug in slugs]
        catalog = build_catalog(index, page_sources(files), order)
        scripts = bundle()
    except (ConfigError, CatalogError, BundleError) as exc:
        raise PluginError(f"练习模式：{exc}") from None
    files.append(File.generated(config, PRACTICE_PAGE, content=practice_page()))
    for name, text in scripts.items():
        files.append(File.generated(config, f"{SCRIPTS_DIR}{name}", content=text))

    def url_of(src_uri: str) -> str:
        return files.get_file_from_path(src_uri).url  # type: ignore[union-attr]

    files.append(File.generated(config, f"{DATA_DIR}catalog.js", content=catalog_script(catalog, url_of, url_of(PRACTICE_PAGE), DATA_DIR)))
    _state.update(catalog=catalog, rendered={}, url_of=url_of)
    return files


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if "catalog" not in _state:
        return context
    specs = _state["catalog"].on_page(page.file.src_uri)  # type: ignore[attr-defined]
    if specs:
        try:
            marked = mark_answers(page.content or "", specs)
        except StructureError as exc:
            raise PluginError(f"练习模式：{docs_label(config, page.file.src_uri)}: {exc}") from None
        page.content = marked.html
        _state["rendered"].update({card.id: card for card in marked.cards})  # type: ignore[attr-defined]
    return context


def on_post_build(config: MkDocsConfig) -> None:
    if "catalog" not in _state:
        return
    try:
        scripts = topic_scripts(_state["catalog"], _state["rendered"], _state["url_of"], PRACTICE_PAGE)  # type: ignore[arg-type]
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    for path, text in scripts.items():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
