"""Find a quoted claim in Markdown however its form was normalized (spacing, punctuation, emphasis).

Both the quote and the answer are *folded*: whitespace, punctuation, quotation marks and Markdown
markup are dropped and letters are NFKC-normalized and lower-cased. A typography fix or a list
re-parse therefore never detaches a note, while any change of wording does.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kb.code_math import atomic_spans

_MARKUP = set("`$~|\\")
# Spans that carry no reader-visible words: link targets, attribute lists, HTML tags.
_INVISIBLE = re.compile(r"\]\([^)\s]*\)|\{:[^}]*\}|</?[A-Za-z][^<>]*>")
# Spans a highlight must not cut besides formulas and code (kb/code_math.py): links and emphasis.
_ATOMIC = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|\*\*[^*\n]+?\*\*|(?<!\*)\*[^*\n]+?\*(?!\*)")


@dataclass(frozen=True)
class Folded:
    """Folded text and, for each folded character, its offset in the original."""

    text: str
    offsets: tuple[int, ...]


def fold(text: str) -> Folded:
    skip = [False] * len(text)
    for m in _INVISIBLE.finditer(text):
        start = m.start() + (1 if m.group(0).startswith("]") else 0)
        for i in range(start, m.end()):
            skip[i] = True
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if skip[i] or ch in _MARKUP or ch.isspace():
            continue
        for c in unicodedata.normalize("NFKC", ch).lower():
            if unicodedata.category(c)[0] in "PZC" or c in _MARKUP:
                continue
            chars.append(c)
            offsets.append(i)
    return Folded("".join(chars), tuple(offsets))


def find_all(quote: str, text: str) -> list[tuple[int, int]]:
    """Every (start, end) span of ``text`` whose folded form equals the folded ``quote``."""
    needle = fold(quote).text
    hay = fold(text)
    if not needle:
        return []
    spans = []
    at = hay.text.find(needle)
    while at != -1:
        spans.append((hay.offsets[at], hay.offsets[at + len(needle) - 1] + 1))
        at = hay.text.find(needle, at + 1)
    return spans


def widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow ``[start, end)`` until it cuts no formula, code span, link or emphasis in two."""
    spans = [*atomic_spans(text), *(m.span() for m in _ATOMIC.finditer(text))]
    changed = True
    while changed:
        changed = False
        for span_start, span_end in spans:
            inside_start = span_start < start < span_end
            inside_end = span_start < end < span_end
            if inside_start or inside_end:
                start, end = min(start, span_start), max(end, span_end)
                changed = True
    return start, end
