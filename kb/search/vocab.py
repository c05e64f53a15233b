"""The words a Chinese query is cut into: jieba's dictionary words that occur in the site.

jieba runs at build time over every section; the browser gets only the words it found
(a few thousand, ~30 KB), and cuts a query into the fewest such words (see engine), so
`模型一直重复` becomes 模型 / 一直 / 重复 the same way in the browser and the terminal.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable

import jieba

_WORD = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,8}")


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
