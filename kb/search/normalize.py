"""Text normalization shared by the index, the engine and the browser client.

Matching happens on *compact* text: NFKC, lower case, every whitespace removed.
So `KV缓存` matches `KV 缓存`, full-width `ＫＶ` matches `KV`, and a string that a
reader can find with Ctrl+F on the page is always a substring of the compact text.
The JavaScript client (overrides/assets/javascripts/kb-search.js) mirrors these rules.
"""
from __future__ import annotations

import re
import unicodedata

# Whitespace and invisible separators; written out so Python and JavaScript agree.
SPACE_CLASS = "\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
_SPACE = re.compile(f"[{SPACE_CLASS}]+")
_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile("[a-z0-9]")
# Particles that never start or end a useful query term; they split Chinese runs.
PARTICLES = frozenset("的吗呢吧啊呀")
# Question words: kept in the phrase, but not terms ("什么是 token" looks for token).
STOPWORDS = (
    "为什么", "什么是", "是什么", "什么样", "有什么", "有哪些", "怎么样", "怎么办", "为什么会",
    "什么", "为何", "如何", "怎么", "怎样", "哪些", "哪个", "是否", "请问", "一下", "简述",
    "介绍", "说说", "谈谈", "分别", "主要", "一些", "这个", "那么", "还是", "可以", "能否",
)


def norm(text: str) -> str:
    """NFKC + lower case (per character): the form both sides of every comparison are in."""
    return "".join(ch.lower() for ch in unicodedata.normalize("NFKC", text))


def compact(text: str) -> str:
    """Normalized text with all whitespace removed: what substring matching runs on."""
    return compact_starts(text)[0]


WORD = 2  # a Latin word starts here: after a space, a non-Latin character, or a digit change
CAMEL = 1  # a word starts inside a Latin run: PrefixDecoder, QLoRA


def compact_starts(text: str) -> tuple[str, bytearray]:
    """Compact text, and for each of its characters whether (WORD, CAMEL) a Latin word starts there.

    A word starts after a space or a non-Latin character, at a lower→upper case change
    (PrefixDecoder), where an acronym meets a word (QLoRA → Q + LoRA) and between letters
    and digits (GPT4), so `lora` is a word in `LoRA 微调` and `QLoRA` but not in `exploration`. Lower-casing goes character by character,
    exactly as in the JavaScript twin.
    """
    chars: list[str] = []
    starts = bytearray()
    gap = True
    prev_lower = prev_upper = False
    source = unicodedata.normalize("NFKC", text)
    for k, ch in enumerate(source):
        if _SPACE.match(ch):
            gap = True
            continue
        upper = "A" <= ch <= "Z"
        following = source[k + 1] if k + 1 < len(source) else ""
        camel = upper and (prev_lower or (prev_upper and "a" <= following <= "z"))
        for c in ch.lower():
            latin = bool(_LATIN.match(c))
            prev = chars[-1] if chars else ""
            if not latin:
                start = 0
            elif gap or not _LATIN.match(prev or " ") or c.isdigit() != prev.isdigit():
                start = WORD
            else:
                start = CAMEL if camel else 0
            chars.append(c)
            starts.append(start)
            gap = False
        prev_lower, prev_upper = "a" <= ch <= "z", upper
    return "".join(chars), starts


def collapse(text: str) -> str:
    """Display text: runs of whitespace become one space."""
    return _SPACE.sub(" ", text).strip()


def char_class(ch: str) -> str:
    """'L' latin letter or digit, 'C' Chinese character, 'P' anything else."""
    if _LATIN.match(ch):
        return "L"
    if _CJK.match(ch) and ch not in PARTICLES:
        return "C"
    return "P"


def runs(text: str) -> list[tuple[int, int, str]]:
    """Split normalized query text into (start, end, class) runs over its compact form.

    Runs end at whitespace, punctuation and every change between Latin and Chinese,
    so `MoE负载均衡` gives `moe` + `负载均衡` and `transformer decoder` two words.
    """
    out: list[tuple[int, int, str]] = []
    pos = 0  # position in the compact string
    start, cls = -1, ""
    for ch in norm(text):
        if _SPACE.match(ch):
            if start >= 0:
                out.append((start, pos, cls))
                start = -1
            continue
        c = char_class(ch)
        if start >= 0 and c != cls:
            out.append((start, pos, cls))
            start = -1
        if c != "P" and start < 0:
            start, cls = pos, c
        pos += 1
    if start >= 0:
        out.append((start, pos, cls))
    return out
