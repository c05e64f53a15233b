"""ASCII punctuation written inside Chinese text → full-width, as Chinese typography expects."""
from __future__ import annotations

import re

from kb.normalize.segments import map_text

_CJK = r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’]"
# `!` before `[` starts an image; `//` follows a URL scheme.
# The spaces an ASCII mark was followed by go with it: "块, 且" → "块，且", not "块， 且".
_AFTER_CJK = re.compile(rf"(?:(?<={_CJK})([,;:?]|!(?!\[))(?!//)|(?<=[)）])([,;:])(?=[ \t]*{_CJK}))[ \t]*")
_OPEN_AFTER_CJK = re.compile(rf"(?<={_CJK})\(([^()\n]*)\)")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
# Left exactly as written: HTML tags, link targets, bare URLs.
_KEEP = re.compile(r"<[^>\n]+>|\]\([^)\n]*\)|(?:https?|ftp)://\S+")


def _fix(text: str) -> str:
    text = _OPEN_AFTER_CJK.sub(lambda m: f"（{m.group(1)}）", text)
    return _AFTER_CJK.sub(lambda m: _FULL[m.group(1) or m.group(2)], text)


def full_width_punctuation(md: str) -> str:
    """Only in prose: code, math, HTML tags, link targets and URLs are left as they are."""

    def outside(text: str) -> str:
        pieces, pos = [], 0
        for m in _KEEP.finditer(text):
            pieces += [_fix(text[pos : m.start()]), m.group(0)]
            pos = m.end()
        return "".join([*pieces, _fix(text[pos:])])

    return map_text(md, outside)
