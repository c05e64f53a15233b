"""Split Markdown into code, math and prose, so normalizers change prose only."""
from __future__ import annotations

import re
from collections.abc import Callable

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(.+?)\1", re.S)
# Math as the normalizers leave it: `$$…$$` blocks and `$…$` on one line.
MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+?\$", re.S)


def map_prose_lines(md: str, fn: Callable[[str], str]) -> str:
    """Apply `fn` to each run of lines outside fenced code; a fence closes only on its own kind."""
    out: list[str] = []
    prose: list[str] = []
    fence: str | None = None
    for line in md.split("\n"):
        m = _FENCE.match(line)
        if fence is None and m:
            if prose:
                out.append(fn("\n".join(prose)))
                prose = []
            fence = m.group(1)
            out.append(line)
        elif fence is not None:
            out.append(line)
            closing = line.strip()
            if closing.startswith(fence) and not closing.lstrip(fence[0]):
                fence = None
        else:
            prose.append(line)
    if prose:
        out.append(fn("\n".join(prose)))
    return "\n".join(out)


def _map_between(pattern: re.Pattern[str], text: str, fn: Callable[[str], str]) -> str:
    pieces: list[str] = []
    pos = 0
    for m in pattern.finditer(text):
        pieces.append(fn(text[pos : m.start()]))
        pieces.append(m.group(0))
        pos = m.end()
    pieces.append(fn(text[pos:]))
    return "".join(pieces)


def map_outside_inline_code(text: str, fn: Callable[[str], str]) -> str:
    """Apply `fn` to the text between inline code spans."""
    return _map_between(_INLINE_CODE, text, fn)


def map_outside_math(text: str, fn: Callable[[str], str]) -> str:
    """Apply `fn` to the text between formulas."""
    return _map_between(MATH, text, fn)


def map_prose(md: str, fn: Callable[[str], str]) -> str:
    """Apply `fn` to prose only: outside fenced blocks and outside inline code."""
    return map_prose_lines(md, lambda block: map_outside_inline_code(block, fn))


def map_text(md: str, fn: Callable[[str], str]) -> str:
    """Apply `fn` to prose outside code and outside math."""
    return map_prose(md, lambda text: map_outside_math(text, fn))
