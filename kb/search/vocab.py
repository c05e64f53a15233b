"""The words a Chinese query is cut into: jieba's dictionary words that occur in the site.

jieba runs at build time over every section; the browser gets only the words it found
(a few thousand, ~30 KB), and cuts a query into the fewest such words (see engine), so
`模型一直重复` becomes 模型 / 一直 / 重复 the same way in the browser and the terminal.
"""
from __future__ import annotations

import logging
import re

import jieba

_WORD = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,8}")


def corpus_words(texts: list[str]) -> list[str]:
    """Sorted dictionary words (2–8 Chinese characters) jieba finds in `texts`."""
    jieba.setLogLevel(logging.WARNING)
    words: set[str] = set()
    for text in texts:
        for token in jieba.cut(text, HMM=False):
            if _WORD.fullmatch(token):
                words.add(token)
    return sorted(words)
