"""Compact text: what Ctrl+F would match, whatever the spacing, case or width."""
from __future__ import annotations

from kb.search.normalize import CAMEL, WORD, compact, compact_starts, runs


def test_compact_ignores_spaces_case_and_full_width():
    assert compact("KV 缓存") == compact("kv缓存") == compact("ＫＶ\u3000缓存") == "kv缓存"
    assert compact("a\u200bb\tc\nd") == "abcd"


def test_runs_split_scripts_spaces_punctuation_and_particles():
    text = "MoE负载均衡的 transformer-decoder，GPT4"
    cq = compact(text)
    got = [(cq[a:b], cls) for a, b, cls in runs(text)]
    assert got == [("moe", "L"), ("负载均衡", "C"), ("transformer", "L"), ("decoder", "L"), ("gpt4", "L")]


def _starts_word(text: str, needle: str) -> int:
    chars, starts = compact_starts(text)
    assert len(chars) == len(starts)
    pos = chars.find(needle)
    assert pos >= 0
    return starts[pos]


def test_word_starts_follow_spaces_camel_case_acronyms_and_digits():
    assert _starts_word("用 LoRA 微调", "lora") == WORD
    assert _starts_word("GPT4", "4") == WORD
    assert _starts_word("PrefixDecoder", "decoder") == CAMEL
    assert _starts_word("QLoRA 微调", "lora") == CAMEL
    assert _starts_word("DeepSeekMoE", "moe") == CAMEL
    assert _starts_word("exploration", "lora") == 0
    assert _starts_word("transformers", "former") == 0
