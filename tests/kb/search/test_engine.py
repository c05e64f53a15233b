"""Ranking, forgiveness and snippets of the one engine (kb-search.js, run in Node), on a small
site made through the real pipeline: HTML → sections → index file → engine."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kb.search.extract import page_sections
from kb.search.index import Page, build_index, dump_js
from kb.search.node import run_queries

PAGES = {
    ("topics/attention/", "注意力机制"): """
        <h2 id="kv-cache">KV Cache 的作用是什么？</h2>
        <p class="kb-source">出处：《资料》 · 第 1 题 · <a class="kb-review">已核对</a></p>
        <p>推理时缓存每一层的键和值，避免重复计算。</p>
        <h2 id="mqa">MQA 与 GQA 有什么区别？</h2><p>多个查询头共享一组 KV Cache，显存更省。</p>
        <h2 id="heads">为什么需要多头注意力？</h2><p>不同的头关注不同的子空间，Transformer 架构的核心。</p>
        <div class="kb-related"><p class="kb-related-title">相关问题</p>
        <ul><li><a href="../moe/#moe-balance">MoE 如何做负载均衡？</a></li></ul></div>
        <h2 id="practice">练习题</h2><p>以下题目来自题库。</p><ul><li><a href="../../bank/#bank-1">Q1：负载均衡</a></li></ul>
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
        <h2 id="methods">方法的设计</h2><p>好的方法与流程设计决定效果。</p>
        <h2 id="distill">知识蒸馏的损失</h2><p>学生模仿老师的输出分布（distillation）。</p>
    """,
    ("topics/models/", "模型"): """
        <h2 id="v3">DeepSeek-V3 的训练用了多少算力？</h2><p>约 278 万 H800 GPU 小时。</p>
        <h2 id="gpt">GPT-4 有多少参数？</h2><p>官方没有公布。</p>
    """,
    ("bank/", "题库"): """
        <h3 id="bank-1">Q1：KV Cache 为什么只缓存 K 和 V？</h3>
        <p class="kb-bank-topic">主题：<a href="../topics/attention/">注意力机制</a></p>
        <p class="kb-bank-open">待补充：欢迎贡献</p>
    """,
    ("glossary/", "术语表"): """
        <h3 id="term-kv-cache">KV Cache</h3>
        <p class="kb-term-aliases">别名：KV 缓存 · 键值缓存</p>
        <p class="kb-term-definition">把算过的键和值存下来。</p>
        <p class="kb-term-questions">讲解：<a href="../topics/attention/#kv-cache">KV Cache 的作用是什么？</a></p>
        <h3 id="term-lora">LoRA</h3>
        <p class="kb-term-aliases">别名：低秩适配</p>
        <p class="kb-term-definition">冻结原权重，只训练低秩增量。</p>
        <p class="kb-term-questions">讲解：<a href="../topics/peft/#lora">LoRA 的原理是什么？</a></p>
    """,
    ("", "首页"): "<h2 id='how'>怎么用</h2><p>输入 KV缓存 试试搜索。</p>",
}
BOOST = {"": 0.3, "glossary/": 0.5}
ALIASES = [["KV Cache", "KV 缓存", "键值缓存"], ["MoE", "混合专家"], ["LoRA", "低秩适配"]]


@pytest.fixture(scope="module")
def index_file(tmp_path_factory) -> Path:
    if not shutil.which("node"):
        pytest.skip("没有 node，无法运行搜索引擎")
    pages = [Page(url, title, page_sections(html, title), BOOST.get(url, 1.0)) for (url, title), html in PAGES.items()]
    path = tmp_path_factory.mktemp("index") / "kb_index.js"
    path.write_text(dump_js(build_index(pages, ALIASES)), encoding="utf-8")
    return path


def answer(index_file: Path, query: str, describe: bool = False) -> dict:
    return run_queries(index_file, [query], describe=describe)[0]


def anchors(index_file: Path, query: str) -> list[str]:
    return [h["location"].split("#", 1)[-1] if "#" in h["location"] else h["location"] for h in answer(index_file, query)["hits"]]


def test_compound_query_without_spaces_uses_aliases(index_file):
    got = anchors(index_file, "KV缓存")
    assert got[:2] == ["term-kv-cache", "kv-cache"]  # the term's glossary entry, then the answer it names
    assert "mqa" in got and "how" in got  # body and home page mentions are listed, lower
    assert got.index("mqa") < got.index("how")


def test_answered_question_ranks_above_unanswered_prompt_with_the_same_match(index_file):
    got = anchors(index_file, "KV Cache 为什么")
    assert got.index("kv-cache") < got.index("bank-1")


def test_a_query_naming_a_glossary_term_brings_its_entry_and_answers_first(index_file):
    assert anchors(index_file, "键值缓存")[:2] == ["term-kv-cache", "kv-cache"]
    assert anchors(index_file, "什么是 KV Cache？")[:2] == ["term-kv-cache", "kv-cache"]
    assert anchors(index_file, "KV Cache 的作用")[0] == "kv-cache"  # more than the term: ranked as usual


def test_generated_navigation_counts_little_but_is_found(index_file):
    got = anchors(index_file, "负载均衡")
    assert got.index("moe-balance") < got.index("scattered") < got.index("heads")  # title, text, related list
    assert "practice" in got  # the practice list says it too: Ctrl+F finds it there


def test_a_rare_word_outweighs_generic_ones(index_file):
    got = anchors(index_file, "蒸馏方法设计")
    assert got.index("distill") < got.index("methods")


def test_mixed_query_finds_question_with_both_terms(index_file):
    assert anchors(index_file, "MoE负载均衡")[0] == "moe-balance"


def test_latin_terms_count_at_word_starts(index_file):
    got = [a for a in anchors(index_file, "LoRA") if a != "term-lora"]  # the term's glossary entry ranks high too
    assert got[:2] == ["lora", "qlora"]
    assert got[-1] == "explore"  # "exploration" contains the letters: listed, but last


def test_group_stands_for_its_members(index_file):
    got = anchors(index_file, "路由给少数专家")
    assert got[0] == "group"
    assert "m1" not in got and "m2" not in got
    assert anchors(index_file, "稀疏激活") == ["group"]


def test_question_words_are_not_terms_unless_alone(index_file):
    assert answer(index_file, "什么是KV缓存")["terms"] == ["kv缓存"]
    assert answer(index_file, "为什么")["terms"] == ["为什么"]


@pytest.mark.parametrize(("typed", "anchor"), [
    ("transfomer", "heads"), ("Transformr", "heads"), ("exploitaton", "explore"), ("distilation", "distill"),
    ("distilaton", "distill"),  # 9+ letters: two edits
])
def test_typos_of_long_latin_words_are_forgiven(index_file, typed, anchor):
    got = answer(index_file, typed)
    assert got["fixes"] and got["fixes"][0][0] == typed.lower()
    assert anchor in anchors(index_file, typed)[:2]


def test_short_words_are_corrected_only_into_a_term_else_suggested(index_file):
    got = answer(index_file, "lroa")  # 4 letters found nowhere, one transposition from a term's word
    assert got["fixes"] == [["lroa", "lora"]] and anchors(index_file, "lroa")[0] in ("term-lora", "lora")
    assert not answer(index_file, "plor")["fixes"]  # occurs inside "exploration": taken as typed
    got = answer(index_file, "lra")  # 3 letters: never corrected, only suggested
    assert got["total"] == 0 and not got["fixes"]
    assert got["suggest"] == "lora"
    assert answer(index_file, "kv cahce")["fixes"] == [["cahce", "cache"]]  # 5 letters: corrected, no need to ask
    assert answer(index_file, "zzqqxx")["suggest"] is None


@pytest.mark.parametrize(("typed", "anchor"), [
    ("deepseekv3", "v3"), ("DeepSeek V3", "v3"), ("ｄｅｅｐｓｅｅｋ－ｖ３", "v3"), ("gpt4", "gpt"), ("GPT-4", "gpt"), ("gpt 4", "gpt"),
])
def test_letters_digits_hyphens_case_and_width_fold(index_file, typed, anchor):
    assert anchors(index_file, typed)[0] == anchor


def test_every_typed_substring_finds_its_section(index_file):
    from kb.search.index import load_js

    index = load_js(index_file)
    queries, owners = [], []
    for i, section in enumerate(index["sections"]):
        for text in (section[2], section[3], section[6]):
            for start in range(0, max(1, len(text) - 3), 3):
                piece = text[start : start + 4]
                if piece.strip():
                    queries.append(piece)
                    owners.append(section[4] if section[4] >= 0 else i)
    found = run_queries(index_file, queries)
    for piece, owner, got in zip(queries, owners, found, strict=True):
        section = index["sections"][owner]
        location = f"{index['pages'][section[0]][0]}#{section[1]}" if section[1] else index["pages"][section[0]][0]
        assert location in {h["location"] for h in got["hits"]}, (piece, location)


def test_empty_and_punctuation_only_queries(index_file):
    for query in ("", "   ", "？？"):
        assert answer(index_file, query)["total"] == 0


def test_results_carry_title_snippet_marks_and_review_state(index_file):
    got = answer(index_file, "kv 缓存", describe=True)
    top = next(h for h in got["hits"] if h["anchor"] == "kv-cache")
    assert top["title"] == "KV Cache 的作用是什么？" and top["review"] == "已核对" and top["answered"]
    assert [top["title"][a:b] for a, b in top["titleMarks"]] == ["KV Cache"]
    assert top["snippet"].startswith("推理时缓存")
    bank = next(h for h in got["hits"] if h["anchor"] == "bank-1")
    assert not bank["answered"] and "主题" in bank["snippet"]  # a prompt shows its navigation text


def test_marks_follow_the_text_across_spaces_case_and_hyphens(index_file):
    top = answer(index_file, "deepseekv3", describe=True)["hits"][0]
    assert [top["title"][a:b] for a, b in top["titleMarks"]] == ["DeepSeek-V3"]
    top = answer(index_file, "ＫＶｃａｃｈｅ", describe=True)["hits"][0]
    assert [top["title"][a:b] for a, b in top["titleMarks"]] == ["KV Cache"]


def test_plurals_of_term_spellings_fold_to_the_singular(index_file):
    assert answer(index_file, "LoRAs")["terms"] == ["lora"]
    assert anchors(index_file, "LoRAs")[0] in ("term-lora", "lora")
    assert not answer(index_file, "LoRAs")["fixes"]  # a plural is no typo to report
