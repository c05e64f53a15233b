"""Bring every formula to `$…$` (inline) or a `$$…$$` block of its own.

The sources mix `\\( \\)`, `\\[ \\]`, `$$( … )$$` used inline and `$ x$` with
stray spaces; KaTeX and the math hook expect one convention.
"""
from __future__ import annotations

import re
import unicodedata

from kb.normalize.context import Context
from kb.normalize.segments import map_outside_inline_code, map_prose_lines

_PAREN = re.compile(r"\\\((.+?)\\\)")
_BRACKET_LINE_OPEN = re.compile(r"^\s*\\\[\s*$")
_BRACKET_LINE_CLOSE = re.compile(r"^\s*\\\]\s*$")
_INLINE_BRACKET = re.compile(r"\\\[(.+?)\\\]")
_MATH_ALNUM = re.compile(r"[\U0001D400-\U0001D7FF]")


def ascii_math_letters(text: str) -> str:
    """Mathematical alphanumeric symbols (𝑥, 𝐿) → plain letters; KaTeX styles them itself."""
    return _MATH_ALNUM.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)


def _strip_outer_parens(body: str) -> str:
    inner = body.strip()
    if inner.startswith("(") and inner.endswith(")"):
        depth = 0
        for i, ch in enumerate(inner):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0 and i < len(inner) - 1:
                return inner  # the parens do not wrap the whole formula
        return inner[1:-1].strip()
    return inner


def _inline_dollars(line: str, ctx: Context) -> str:
    """Rewrite the `$`/`$$` spans of one prose line."""
    out: list[str] = []
    i = 0
    n = len(line)
    while i < n:
        ch = line[i]
        if ch == "\\" and i + 1 < n:
            out.append(line[i : i + 2])
            i += 2
            continue
        if ch != "$":
            out.append(ch)
            i += 1
            continue
        if line.startswith("$$", i):
            end = line.find("$$", i + 2)
            if end == -1:
                out.append(line[i:])
                break
            body = line[i + 2 : end]
            alone = not line[:i].strip() and not line[end + 2 :].strip()
            if alone:
                out.append("$$" + body.strip() + "$$")
            else:
                inner = _strip_outer_parens(body)
                ctx.note("math", f"行内的 $$( … )$$ 改为 $…$：{inner[:60]}")
                out.append("$" + inner + "$")
            i = end + 2
            continue
        end = line.find("$", i + 1)
        if end == -1 or line[end + 1 : end + 2].isdigit():
            # No closing `$`, or a closing one that starts a number ("$5 和 $10"): a price, not math.
            out.append(line[i : end if end != -1 else n])
            i = end if end != -1 else n
            continue
        body = line[i + 1 : end]
        if body != body.strip():
            ctx.note("math", f"去掉 $ 内侧多余空格：{body.strip()[:60]}")
        out.append("$" + body.strip() + "$")
        i = end + 1
    return "".join(out)


def _isolate_display_blocks(lines: list[str]) -> list[str]:
    """Give every `$$` block blank lines around it so Markdown keeps it whole."""
    out: list[str] = []
    in_block = False
    for line in lines:
        stripped = line.strip()
        opens_or_closes = stripped == "$$" or (
            stripped.startswith("$$") and stripped.endswith("$$") and len(stripped) > 4
        )
        if not in_block and opens_or_closes:
            if out and out[-1].strip():
                out.append("")
            out.append(line)
            if stripped == "$$":
                in_block = True
            else:
                out.append("")
            continue
        if in_block:
            out.append(line)
            if stripped == "$$":
                in_block = False
                out.append("")
            continue
        if out and out[-1] == "" and not stripped and len(out) > 1 and out[-2].strip().endswith("$$"):
            continue
        out.append(line)
    return out


def normalize_math(md: str, ctx: Context) -> str:
    """Normalize math delimiters in prose, leaving code untouched."""

    def block(text: str) -> str:
        lines: list[str] = []
        for line in text.split("\n"):
            if _BRACKET_LINE_OPEN.match(line) or _BRACKET_LINE_CLOSE.match(line):
                ctx.note("math", "\\[ \\] 改为 $$ $$")
                lines.append(line.replace("\\[", "$$").replace("\\]", "$$"))
                continue
            line = map_outside_inline_code(line, _convert_parens)
            line = map_outside_inline_code(line, lambda s: _inline_dollars(s, ctx))
            lines.append(line)
        return "\n".join(_isolate_display_blocks(lines))

    def _convert_parens(s: str) -> str:
        s2 = _PAREN.sub(lambda m: "$" + m.group(1).strip() + "$", s)
        s2 = _INLINE_BRACKET.sub(lambda m: "$$" + m.group(1).strip() + "$$", s2)
        if s2 != s:
            ctx.note("math", "\\( \\) 改为 $ $")
        return s2

    return map_prose_lines(ascii_math_letters(md), block)
