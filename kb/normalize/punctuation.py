"""ASCII punctuation written inside Chinese text → full-width, as Chinese typography expects."""
from __future__ import annotations

import re

from kb.normalize.segments import map_prose

_CJK = r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’]"
_AFTER_CJK = re.compile(rf"(?<={_CJK})([,;:?!])(?!//)|(?<=[)）])([,;:])(?={_CJK})")
_OPEN_AFTER_CJK = re.compile(rf"(?<={_CJK})\(([^()\n]*)\)")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_MATH = re.compile(r"(\$\$.+?\$\$|\$[^$\n]+\$|<[^>\n]+>|\[[^\]\n]*\]\([^)\n]*\))", re.S)


def _fix(text: str) -> str:
    text = _OPEN_AFTER_CJK.sub(lambda m: f"（{m.group(1)}）", text)
    return _AFTER_CJK.sub(lambda m: _FULL[m.group(1) or m.group(2)], text)


def full_width_punctuation(md: str) -> str:
    """Only in prose: code, math, HTML tags and link targets are left as they are."""

    def outside(text: str) -> str:
        parts = _MATH.split(text)
        return "".join(p if i % 2 else _fix(p) for i, p in enumerate(parts))

    return map_prose(md, outside)
