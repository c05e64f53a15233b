"""The words a Chinese query is cut into: jieba's dictionary words that occur in the site,
the site's own words jieba's dictionary lacks (算力, 聚类, 负例: found by jieba's HMM in several
texts), and how generic each word is in Chinese at large.

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


# A word outside jieba's dictionary with one of these characters is mostly a chance pairing
# (这一, 再用, 时用), not a word; and it must occur in NEW_WORD_TEXTS texts to count.
FUNCTION_CHARS = frozenset("的了是在有和与或也而及这那一每各另再更还又就才都只仅会能可要把被对从为以时个些其它我你他她很越较最")
NEW_WORD_TEXTS = 3

# Everything the words of a text depend on (the build keeps them between builds under this version).
VERSION = ("vocab", jieba.__version__, _WORD.pattern, "hmm", "".join(sorted(FUNCTION_CHARS)))


def _in_dictionary(word: str) -> bool:
    return bool(jieba.dt.FREQ.get(word))


def text_words(text: str) -> list[str]:
    """Words (2–8 Chinese characters) of one text, each once, in order: jieba's dictionary words,
    then words its HMM finds that the dictionary lacks (without function characters)."""
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    known = [token for token in jieba.cut(text, HMM=False) if _WORD.fullmatch(token)]
    new = [token for token in jieba.cut(text, HMM=True)
           if _WORD.fullmatch(token) and not _in_dictionary(token) and not FUNCTION_CHARS.intersection(token)]
    return list(dict.fromkeys(known + new))


def corpus_words(texts: list[str], words_of: Callable[[str], Iterable[str]] = text_words) -> list[str]:
    """Sorted words of `texts` (``words_of`` may be a cache in front of text_words): every
    dictionary word, and the others that occur in at least NEW_WORD_TEXTS texts."""
    jieba.initialize()
    texts_of: dict[str, int] = {}
    for text in texts:
        for word in words_of(text):
            texts_of[word] = texts_of.get(word, 0) + 1
    return sorted(w for w, n in texts_of.items() if n >= NEW_WORD_TEXTS or _in_dictionary(w))


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
