"""Plain-text math in prose becomes `$…$`: a Greek letter standing in a sentence is a symbol.

The sources write "β参数", "λ=0.1" or "短序列λ↓" as text; on the site they should look like
the same symbols inside formulas. The letter itself is kept (KaTeX renders `$β$` exactly as
`$\\beta$`), so no word of the source is lost. Letters glued to Latin letters, digits or `_`
are left alone (those are names, or formulas that a reviewed edit repairs).
"""
from __future__ import annotations

import re

from kb.normalize.context import Context
from kb.normalize.segments import map_text

_GREEK = re.compile(r"(?<![A-Za-z0-9_$\\])[α-ωΑ-Ω](?:\s*=\s*-?\d+(?:\.\d+)?)?(?![A-Za-z0-9_])")


def _wrap(text: str, ctx: Context) -> str:
    def one(match: re.Match[str]) -> str:
        formula = re.sub(r"\s+", "", match.group(0))
        ctx.note("math", f"纯文本的希腊字母改为公式：{formula}")
        return f"${formula}$"

    return _GREEK.sub(one, text)


def greek_letters_as_math(md: str, ctx: Context) -> str:
    """Wrap bare Greek letters (and a following `=number`) of prose in `$…$`; code untouched."""
    return map_text(md, lambda text: _wrap(text, ctx))
