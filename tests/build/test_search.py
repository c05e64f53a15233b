"""The built site's search index: every question is a section; Material's lunr index is cut down."""
from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

from kb.build.features.search import HOME_BOOST, REFERENCE_BOOST, page_boost
from kb.search.index import INDEX_FILE, load_js

_HEADING_ID = re.compile(r'<h([23]) id="([^"]+)"')


def test_every_h2_h3_of_every_page_is_a_section(built_site: Path):
    index = load_js(built_site / INDEX_FILE)
    sections = {(index["pages"][s[0]][0], s[1]) for s in index["sections"]}
    for page in built_site.rglob("index.html"):
        url = page.parent.relative_to(built_site).as_posix() + "/"
        url = "" if url == "./" else url
        if not any(p[0] == url for p in index["pages"]):
            continue  # a page that is not indexed (404, excluded)
        html = page.read_text(encoding="utf-8")
        content = html.split('<article class="md-content__inner', 1)[-1].split("</article>", 1)[0]
        for _, anchor in _HEADING_ID.findall(content):
            assert (url, anchor) in sections, f"{url}#{anchor} is not a search section"


def test_every_question_of_the_sources_is_searchable(built_site: Path, import_result):
    index = load_js(built_site / INDEX_FILE)
    anchors = {s[1] for s in index["sections"]}
    ids = {q.id for p in import_result.parsed.values() for q in p.questions}
    missing = sorted(ids - anchors)
    assert not missing, f"{len(missing)} questions are not search sections: {missing[:10]}"


def test_material_index_keeps_config_only_and_file_pages_get_a_script(built_site: Path):
    data = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert data["docs"] == [] and data["config"]["separator"] and data["config"]["fields"]
    script = (built_site / "search" / "search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = ") and json.loads(script[len("var __index = "):-2]) == data


def test_pages_load_the_search_client_before_materials_bundle(built_site: Path):
    html = (built_site / "topics" / "moe" / "index.html").read_text(encoding="utf-8")
    client = html.index("assets/javascripts/kb-search.js")
    bundle = html.index("assets/javascripts/bundle.")
    assert client < bundle
    assert (built_site / "assets" / "javascripts" / "kb-search.js").is_file()


def test_page_boost_follows_front_matter_and_home_ranks_low():
    def page(meta, home=False, src="topics/moe.md"):
        return SimpleNamespace(meta=meta, is_homepage=home, file=SimpleNamespace(src_uri=src))

    assert page_boost(page({})) == 1.0
    assert page_boost(page({}, home=True)) == HOME_BOOST
    assert page_boost(page({}, src="glossary.md")) == REFERENCE_BOOST
    assert page_boost(page({"search": {"boost": 2}})) == 2.0
    assert page_boost(page({"search": {"exclude": True}})) is None
