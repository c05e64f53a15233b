"""Split Markdown into code and prose so normalizers never touch code."""
from __future__ import annotations

import re
from collections.abc import Callable

_FENCE = re.compile(r"^(\s*)(```+|~~~+)")
_INLINE_CODE = re.compile(r"(`+)(.+?)\1", re.S)


def map_prose_lines(md: str, fn: Callable[[str], str]) -> str:
    """Apply `fn` to each block of non-fenced lines; fenced code is passed through unchanged."""
    out: list[str] = []
    prose: list[str] = []
    fence: str | None = None
    for line in md.split("\n"):
        m = _FENCE.match(line)
        if fence is None and m:
            if prose:
                out.append(fn("\n".join(prose)))
                prose = []
            fence = m.group(2)[0] * 3
            out.append(line)
        elif fence is not None:
            out.append(line)
            if line.strip().startswith(fence):
                fence = None
        else:
            prose.append(line)
    if prose:
        out.append(fn("\n".join(prose)))
    return "\n".join(out)


def map_outside_inline_code(text: str, fn: Callable[[str], str]) -> str:
    """Apply `fn` to the text between inline code spans."""
    pieces: list[str] = []
    pos = 0
    for m in _INLINE_CODE.finditer(text):
        pieces.append(fn(text[pos : m.start()]))
        pieces.append(m.group(0))
        pos = m.end()
    pieces.append(fn(text[pos:]))
    return "".join(pieces)


def map_prose(md: str, fn: Callable[[str], str]) -> str:
    """Apply `fn` to prose only: outside fenced blocks and outside inline code."""
    return map_prose_lines(md, lambda block: map_outside_inline_code(block, fn))
