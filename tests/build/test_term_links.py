"""The term linker links the first mention per page and never touches headings, code, math or links."""
from __future__ import annotations

import re

GLOSSARY = """\
terms:
  - id: kv-cache
    term: KV Cache
    aliases: [KV 缓存]
    category: 注意力
    definition: 生成时缓存已算过的键和值。
  - id: llm
    term: 大语言模型
    aliases: [大模型, LLM]
    category: 基础
    definition: 参数量巨大的语言模型。
  - id: quantization
    term: 量化
    aliases: [Quantization]
    category: 部署
    definition: 用更少的比特表示权重。
    not_in: [如何量化]
"""

PAGE = """\
# 大模型与 KV Cache

## KV 缓存在标题里 {#q-1}

如何量化收益？第一次出现的 KV 缓存应被链接，之后的 KV Cache 不再链接。

行内代码 `KV Cache` 与公式 $KV Cache$ 不链接，已有链接 [大模型](../other.md) 也不链接。

```python
kv_cache = "KV Cache 大模型 量化"
```

<div class="arithmatex">\\(量化\\)</div>

vLLM 不是 LLM 的一次提及；量化 在这里才是。
"""


def _term_links(html: str) -> list[tuple[str, str, str]]:
    return re.findall(r'<a class="kb-term" href="([^"]+)" title="([^"]+)">([^<]+)</a>', html)


def build(make_site, pages=None):
    pages = pages or {"index.md": "# 首页\n\n欢迎。\n", "topics/a.md": PAGE, "other.md": "# 其他\n\n大模型。\n"}
    return make_site(pages, data={"data/glossary.yml": GLOSSARY})


def test_first_mention_is_linked_with_definition(make_site):
    result = build(make_site)
    assert result.ok, result.errors
    links = _term_links(result.html("topics/a.md"))
    by_term = {href.split("#term-")[1]: (title, text) for href, title, text in links}
    assert by_term["kv-cache"] == ("KV Cache：生成时缓存已算过的键和值。", "KV 缓存")
    assert all(href.startswith("../../glossary/#") for href, _, _ in links)
    assert [href for href, _, _ in links].count("../../glossary/#term-kv-cache") == 1


def test_headings_code_math_and_links_are_untouched(make_site):
    html = build(make_site).html("topics/a.md")
    for element in re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", html, re.S):
        assert "kb-term" not in element
    for element in re.findall(r"<code>.*?</code>|<pre.*?</pre>", html, re.S):
        assert "kb-term" not in element
    formula = re.search(r'<span class="katex">.*?<annotation encoding="application/x-tex">KV Cache</annotation>.*?</span>', html, re.S)
    assert formula is not None and "kb-term" not in formula.group(0)  # rendered math, never linked
    assert '<div class="arithmatex">\\(量化\\)</div>' in html
    assert '<a href="../../other/">大模型</a>' in html


def test_not_in_phrases_and_word_boundaries(make_site):
    html = build(make_site).html("topics/a.md")
    linked = [text for _, _, text in _term_links(html)]
    assert "如何量化" in html and linked.count("量化") == 1
    assert "vLLM" in html and "LLM" in linked  # the standalone LLM, not the one inside vLLM
    assert re.search(r'v<a class="kb-term"', html) is None


def test_glossary_page_is_not_term_linked(make_site):
    result = build(make_site)
    html = result.html("glossary.md")
    assert 'id="term-kv-cache"' in html and 'id="term-llm"' in html
    assert "kb-term" not in html.replace("kb-term-", "")


def test_other_pages_link_independently(make_site):
    links = _term_links(build(make_site).html("other.md"))
    assert [(href, text) for href, _, text in links] == [("../glossary/#term-llm", "大模型")]
