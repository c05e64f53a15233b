"""The words a Chinese query is cut into: jieba's dictionary words that occur in the site,
and how generic each word is in Chinese at large.

jieba runs at build time over every section; the browser gets only the words it found
(a few thousand, ~30 KB), and cuts a query into the fewest such words (see the engine in
overrides/assets/javascripts/kb-search.js), so `模型一直重复` becomes 模型 / 一直 / 重复.

A word's rarity comes from jieba's dictionary frequencies (a general Chinese corpus), one
digit per word: 0 for everyday words (问题, 方法, 设计, 一直), 9 for terms of art (蒸馏,
幻觉, 外推). The engine weighs query words by it as well as by how rare they are on the
site, so a generic word cannot outvote the specific one (规则化奖励设计 → 规则化奖励).
"""
from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Iterable

import jieba

_WORD = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,8}")
# Surprisal −ln(frequency share) in jieba's dictionary: at or below COMMON a word is everyday
# Chinese (rarity 0); at or above TECHNICAL a term of art (rarity 9).
COMMON, TECHNICAL = 7.5, 12.5


# Everything the words of a text depend on (the build keeps them between builds under this version).
VERSION = ("vocab", jieba.__version__, _WORD.pattern)


def text_words(text: str) -> list[str]:
    """Dictionary words (2–8 Chinese characters) jieba finds in one text, each once, in order."""
    jieba.setLogLevel(logging.WARNING)
    return list(dict.fromkeys(token for token in jieba.cut(text, HMM=False) if _WORD.fullmatch(token)))


def corpus_words(texts: list[str], words_of: Callable[[str], Iterable[str]] = text_words) -> list[str]:
    """Sorted dictionary words jieba finds in `texts` (``words_of`` may be a cache in front of text_words)."""
    words: set[str] = set()
    for text in texts:
        words.update(words_of(text))
    return sorted(words)


def rarity(words: list[str]) -> str:
    """One digit per word (0 everyday … 9 term of art), from jieba's dictionary frequencies."""
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    freq, total = jieba.dt.FREQ, jieba.dt.total
    out = []
    for word in words:
        surprisal = math.log(total / (freq.get(word, 0) + 1))
        share = (surprisal - COMMON) / (TECHNICAL - COMMON)
        out.append(str(round(9 * min(1.0, max(0.0, share)))))
    return "".join(out)
