"""Ranking on a small site made through the real pipeline: HTML → sections → index → engine."""
from __future__ import annotations

import pytest

from kb.search.engine import Engine, snippet
from kb.search.extract import page_sections
from kb.search.index import Page, build_index

PAGES = {
    ("topics/attention/", "注意力机制"): """
        <h2 id="kv-cache">KV Cache 的作用是什么？</h2><p>推理时缓存每一层的键和值，避免重复计算。</p>
        <h2 id="mqa">MQA 与 GQA 有什么区别？</h2><p>多个查询头共享一组 KV Cache，显存更省。</p>
        <h2 id="heads">为什么需要多头注意力？</h2><p>不同的头关注不同的子空间。</p>
    """,
    ("topics/moe/", "混合专家 MoE"): """
        <h2 id="moe-balance">MoE 如何做负载均衡？</h2><p>加入辅助损失，让专家的负载更平均。</p>
        <h2 id="scattered">专家的负载与训练的均衡</h2><p>负载指每个专家处理的词元数；均衡另说。</p>
        <h2 id="group">什么是混合专家模型？</h2><p class="kb-group-lead">本题汇集 2 个回答。</p>
        <h3 id="m1">解释一下 MoE</h3><p>门控网络把每个 token 路由给少数专家。</p>
        <h3 id="m2">专家模型的作用</h3><p>稀疏激活降低计算量。</p>
    """,
    ("topics/peft/", "参数高效微调"): """
        <h2 id="lora">LoRA 的原理是什么？</h2><p>低秩矩阵近似权重更新。</p>
        <h2 id="explore">强化学习的探索</h2><p>exploration 与 exploitation 的平衡。</p>
        <h2 id="qlora">QLoRA 的分块量化</h2><p>把权重分块量化为 4 bit。</p>
    """,
    ("", "首页"): "<h2 id='how'>怎么用</h2><p>输入 KV缓存 试试搜索。</p>",
}
ALIASES = [["KV Cache", "KV 缓存", "键值缓存"], ["MoE", "混合专家"]]


@pytest.fixture(scope="module")
def engine() -> Engine:
    pages = [
        Page(url, title, page_sections(html, title), 0.3 if url == "" else 1.0)
        for (url, title), html in PAGES.items()
    ]
    return Engine(build_index(pages, ALIASES))


def anchors(engine: Engine, query: str) -> list[str]:
    return [engine.sections[h.section][1] for h in engine.search(query)]


def test_compound_query_without_spaces_uses_aliases(engine):
    got = anchors(engine, "KV缓存")
    assert got[:2] == ["kv-cache", "mqa"]  # title match first, body match next
    assert "how" in got  # the home page says it literally, but ranks below questions


def test_title_match_beats_body_match_and_phrase_beats_scattered(engine):
    got = anchors(engine, "负载均衡")
    assert got.index("moe-balance") < got.index("scattered")


def test_mixed_query_finds_question_with_both_terms(engine):
    assert anchors(engine, "MoE负载均衡")[0] == "moe-balance"


def test_latin_terms_count_at_word_starts(engine):
    got = anchors(engine, "LoRA")
    assert got[:2] == ["lora", "qlora"]
    assert got[-1] == "explore"  # "exploration" contains the letters: listed, but last


def test_group_stands_for_its_members(engine):
    got = anchors(engine, "路由给少数专家")
    assert got[0] == "group"
    assert "m1" not in got and "m2" not in got
    assert anchors(engine, "稀疏激活") == ["group"]


def test_question_words_are_not_terms_unless_alone(engine):
    assert [t.label for t in engine.parse("什么是KV缓存").terms] == ["kv缓存"]
    assert [t.label for t in engine.parse("为什么").terms] == ["为什么"]


def test_every_typed_substring_finds_its_section(engine):
    for i, section in enumerate(engine.sections):
        text = section[3]
        for start in range(0, max(1, len(text) - 3), 3):
            piece = text[start : start + 4]
            if not piece.strip():
                continue
            found = {h.section for h in engine.search(piece)}
            owner = section[4] if section[4] >= 0 else i
            assert owner in found, (piece, section[1])


def test_empty_and_punctuation_only_queries(engine):
    assert engine.search("") == []
    assert engine.search("   ") == []
    assert engine.search("？？") == []


def test_snippet_marks_terms_loosely():
    text, marks = snippet("推理时缓存每一层的 KV  Cache，避免重复计算。", ["kvcache"], width=90)
    assert [text[a:b] for a, b in marks] == ["KV  Cache"]
    text, marks = snippet("甲" * 200 + "目标词" + "乙" * 200, ["目标词"], width=30)
    assert text.startswith("…") and text.endswith("…")
    assert [text[a:b] for a, b in marks] == ["目标词"]
