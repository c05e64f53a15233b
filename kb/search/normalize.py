"""Text normalization for building the index (the engine itself is kb-search.js).

Search matches *compact* text: NFKC, lower case, every whitespace removed, so `KV缓存`
matches `KV 缓存` and full-width `ＫＶ` matches `KV`. The build uses the same form to
compare alias spellings and to feed jieba; the tests use it as the reader's Ctrl+F.
The whitespace class is written out so it is the one kb-search.js uses.
"""
from __future__ import annotations

import re
import unicodedata

SPACE_CLASS = "\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
_SPACE = re.compile(f"[{SPACE_CLASS}]+")
# Question words: kept in the phrase, but not terms ("什么是 token" looks for token).
STOPWORDS = (
    "为什么", "什么是", "是什么", "什么样", "有什么", "有哪些", "怎么样", "怎么办", "为什么会",
    "什么", "为何", "如何", "怎么", "怎样", "哪些", "哪个", "是否", "请问", "一下", "简述",
    "介绍", "说说", "谈谈", "分别", "主要", "一些", "这个", "那么", "还是", "可以", "能否",
)


def compact(text: str) -> str:
    """NFKC, lower case (per character), whitespace removed: what substring matching runs on."""
    return "".join(ch.lower() for ch in _SPACE.sub("", unicodedata.normalize("NFKC", text)))


def collapse(text: str) -> str:
    """Display text: runs of whitespace become one space."""
    return _SPACE.sub(" ", text).strip()
