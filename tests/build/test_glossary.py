"""The glossary page is generated from data/glossary.yml; bad glossary data fails with file and line."""
from __future__ import annotations

from pathlib import Path

from kb.links.glossary import load_glossary

ROOT = Path(__file__).resolve().parents[2]
PAGES = {
    "index.md": "# 首页\n",
    "bank.md": "# 题库\n\n## 第 1 章 {#ch-01}\n\n### Q23：KV 缓存里为什么没有 Q？ {#bank-023}\n\n"
               "主题：[注意力](topics/attention.md)\n{: .kb-bank-topic }\n",
    "topics/attention.md": "# 注意力\n\n## DeepSeek 的技术创新 {#slides-013}\n\n出处：幻灯片\n{: .kb-source }\n\n回答。\n",
}
GLOSSARY = """\
terms:
  - id: kv-cache
    term: KV Cache
    aliases: [KV 缓存, KVCache]
    category: 注意力
    definition: 生成时缓存已算过的键和值。
    questions: [slides-013]
    bank: [bank-023]
"""


def test_generated_page_has_entry_aliases_definition_and_links(make_site):
    data = {"data/glossary.yml": GLOSSARY, "data/bank-links.yml": "links:\n  bank-023: [slides-013]\n"}
    result = make_site(PAGES, data=data)
    assert result.ok, result.errors
    html = result.html("glossary.md")
    assert 'id="term-kv-cache"' in html
    assert "KV 缓存 · KVCache" in html
    assert "生成时缓存已算过的键和值。" in html
    assert 'href="../topics/attention/#slides-013"' in html
    assert 'href="../bank/#bank-023"' in html
    assert 'href="https://github.com/example/kb/edit/main/data/glossary.yml"' in html


def test_unknown_question_names_glossary_line(make_site):
    bad = GLOSSARY.replace("[slides-013]", "[slides-099]")
    result = make_site(PAGES, data={"data/glossary.yml": bad})
    assert not result.ok
    assert "data/glossary.yml:2:" in result.errors and "slides-099" in result.errors


def test_alias_shared_by_two_terms_is_an_error(make_site):
    bad = GLOSSARY + "  - id: cache\n    term: 缓存\n    aliases: [KVCache]\n    category: 注意力\n    definition: 缓存。\n"
    result = make_site(PAGES, data={"data/glossary.yml": bad})
    assert not result.ok
    assert "data/glossary.yml:9:" in result.errors and "KVCache" in result.errors


def test_hand_written_glossary_page_is_refused(make_site):
    result = make_site({**PAGES, "glossary.md": "# 术语表\n\n手写介绍。\n"}, data={"data/glossary.yml": GLOSSARY})
    assert not result.ok
    assert "docs/glossary.md" in result.errors and "data/glossary.yml" in result.errors


def test_real_glossary_has_at_least_60_terms_with_aliases():
    terms = load_glossary(ROOT)
    with_aliases = [t for t in terms if t.aliases]
    assert len(with_aliases) >= 60
    assert len({t.id for t in terms}) == len(terms)
    assert sum(1 for t in terms if t.questions) >= 60
