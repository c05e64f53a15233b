"""Write the site's search index (search/kb_index.js) from the rendered pages.

Each h2/h3 question heading becomes one section (see kb.search.extract). The engine
overrides/assets/javascripts/kb-search.js answers Material's search box from this index
(through kb-search-box.js), and `python -m kb search` runs the same engine on the same file.

Pages are read in on_page_context, which MkDocs calls after on_env: by then every other
hook has finished with page.content, and hooks/math_render.py has put rendered formulas
where its placeholders were, so the index holds what readers see.

Material's search plugin stays enabled because it draws the search box, but its lunr
index is not used: each page is marked `search: {exclude: true}` before Material's
plugin reads it, so Material skips the page; search/search_index.json is cut down to
its `config` (read by Material's on-page highlighter), and search/search_index.js
carries the same for pages opened from file://, where Material loads a script instead
of fetching JSON.
"""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs puts only hooks/ on the path while loading a hook
    sys.path.insert(0, str(ROOT))

from kb.search.aliases import load_aliases  # noqa: E402
from kb.search.extract import page_sections  # noqa: E402
from kb.search.index import INDEX_FILE, Page, build_index, dump_js, text_bytes  # noqa: E402

log = logging.getLogger("mkdocs.hooks.search_index")

HOME_BOOST = 0.3
REFERENCE_PAGES = {"glossary.md", "sources.md", "review.md"}  # definitions, provenance, review status: not the answer
REFERENCE_BOOST = 0.5
_pages: dict[str, Page] = {}
_order: list[str] = []


def on_pre_build(config) -> None:
    _pages.clear()
    _order.clear()


def on_nav(nav, config, files):
    _order.extend(page.file.src_uri for page in nav.pages)
    return nav


def page_boost(page) -> float | None:
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


@event_priority(50)  # before Material's search plugin (0), which then skips the page
def on_page_context(context, page, config, nav):
    boost = page_boost(page)
    if boost is not None:
        title = page.title or ""
        _pages[page.file.src_uri] = Page(page.url, title, page_sections(page.content or "", title), boost)
    # Material would parse the page again only for an index that _stub_material_index discards.
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return context


def _stub_material_index(site: Path) -> None:
    """Keep Material's search config, drop its documents (our index answers queries)."""
    path = site / "search" / "search_index.json"
    config = json.loads(path.read_text(encoding="utf-8"))["config"] if path.exists() else {}
    stub = json.dumps({"config": config, "docs": []}, ensure_ascii=False, separators=(",", ":"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(stub, encoding="utf-8")
    (site / "search" / "search_index.js").write_text(f"var __index = {stub};\n", encoding="utf-8")


@event_priority(-100)  # after Material's search plugin has written its files
def on_post_build(config) -> None:
    root = Path(config.config_file_path).parent
    order = _order + sorted(uri for uri in _pages if uri not in _order)
    pages = [_pages[uri] for uri in order if uri in _pages]
    index = build_index(pages, load_aliases(root))
    site = Path(config.site_dir)
    target = site / INDEX_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    text = dump_js(index)
    target.write_text(text, encoding="utf-8")
    _stub_material_index(site)
    log.info(
        "search index: %d sections, %d bytes for %d bytes of text",
        len(index["sections"]), len(text.encode()), text_bytes(index),
    )
