"""Term matching: longest alias wins, not_in phrases block, English aliases need word boundaries."""
from __future__ import annotations

from kb.links.glossary import Term, TermMatcher


def term(term_id: str, name: str, *aliases: str, not_in: tuple[str, ...] = ()) -> Term:
    return Term(term_id, name, aliases, "类", "定义。", (), (), not_in, 1)


MATCHER = TermMatcher(
    [
        term("ft", "微调", "Fine-tuning"),
        term("sft", "SFT", "监督微调"),
        term("kv", "KV Cache", "KV 缓存"),
        term("llm", "大语言模型", "大模型", "LLM"),
        term("q", "量化", not_in=("如何量化",)),
    ]
)


def found(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], t) for s, e, t in MATCHER.finditer(text)]


def test_longest_alias_wins():
    assert found("先做监督微调再微调") == [("监督微调", "sft"), ("微调", "ft")]


def test_spaces_and_hyphens_are_optional_and_case_is_ignored():
    assert found("KVCache、kv cache、KV-Cache 与 fine tuning") == [
        ("KVCache", "kv"), ("kv cache", "kv"), ("KV-Cache", "kv"), ("fine tuning", "ft"),
    ]  # fmt: skip


def test_english_aliases_need_word_boundaries():
    assert found("vLLM、LLMs、LLM2 都不是；LLM 是") == [("LLM", "llm")]


def test_chinese_aliases_match_inside_text():
    assert found("大模型量化") == [("大模型", "llm"), ("量化", "q")]


def test_not_in_phrases_are_never_matches():
    assert found("如何量化收益？再做量化。") == [("量化", "q")]
