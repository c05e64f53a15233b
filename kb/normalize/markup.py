"""Repair Markdown markup: broken bold, headings used as text, tab indents, blank-line runs.

Block layout (lists, tables, indentation) is kb.normalize.blocks' job.
"""
from __future__ import annotations

import re

from kb.normalize.context import Context
from kb.normalize.segments import MATH, map_prose_lines

_HEADING_AS_TEXT = re.compile(r"^(\s*(?:[-*+]\s+)?)#{1,6}\s+(.*)$")
_DOUBLE_BOLD = re.compile(r"\*\*\*\*")
_INLINE_CODE = re.compile(r"(`+).+?\1")
_SEPARATOR = re.compile(r"^\s*(?:-{3,}|\*(?:\s*\*){2,}|_{3,})\s*$")


def _expand_tabs(line: str) -> str:
    """Leading tabs → 4 spaces each, the indent Python-Markdown needs for nesting."""
    stripped = line.lstrip("\t")
    return "    " * (len(line) - len(stripped)) + stripped


def _heading_to_text(line: str, ctx: Context) -> str:
    m = _HEADING_AS_TEXT.match(line)
    if not m:
        return line
    prefix, text = m.groups()
    text = text.strip()
    if not text:
        ctx.note("markup", "删除空的 ### 标题行")
        return ""
    ctx.note("markup", f"正文中的 ### 标题改为加粗段落：{text[:40]}")
    if not (text.startswith("**") and text.endswith("**") and text.count("**") == 2):
        text = "**" + text.replace("**", "").strip() + "**"
    if prefix.strip():
        return prefix + text
    return f"\n{prefix}{text}\n"  # a heading is a block of its own: the line after it starts a new one


def _collapse_blank_lines(lines: list[str]) -> list[str]:
    """At most one blank line between blocks; trailing spaces go (prose only)."""
    out: list[str] = []
    for line in lines:
        if line.strip():
            out.append(line.rstrip())
        elif out and out[-1]:
            out.append("")
    return out


def _prose_mask(line: str) -> str:
    """The line with inline code and math blanked out, so markers inside them do not count."""

    def blank(m: re.Match[str]) -> str:
        return "\0" * len(m.group(0))

    return MATH.sub(blank, _INLINE_CODE.sub(blank, line))


def _fix_bold(line: str, ctx: Context) -> str:
    if line.strip() == "**":
        ctx.note("markup", "删除空的加粗标记 **")
        return ""
    if _DOUBLE_BOLD.search(_prose_mask(line)):
        ctx.note("markup", "拆开粘连的加粗 ****")
        mask = _prose_mask(line)
        cuts = [m.start() for m in _DOUBLE_BOLD.finditer(mask)]
        for at in reversed(cuts):
            line = line[:at] + "**\n\n**" + line[at + 4 :]
        return "\n".join(_fix_bold(part, ctx) for part in line.split("\n"))
    mask = _prose_mask(line)
    if mask.count("**") % 2 == 1:
        ctx.note("markup", f"补全未闭合的加粗：{line.strip()[:40]}")
        at = mask.rindex("**")
        head, tail = line[:at], line[at + 2 :]
        sep = next((i for i, ch in enumerate(tail) if ch in "：:"), -1)
        line = head + "**" + (tail[: sep + 1] + "**" + tail[sep + 1 :] if sep >= 0 else tail + "**")
    return line


def normalize_markup(md: str, ctx: Context) -> str:
    """Fix structure in prose; fenced code keeps its tabs, blank lines and trailing spaces."""

    def block(text: str) -> str:
        lines = []
        for raw in text.split("\n"):
            line = _expand_tabs(raw)
            if _SEPARATOR.match(line):
                ctx.note("markup", "删除分隔线")
                lines.append("")
                continue
            line = _heading_to_text(line, ctx)
            lines.extend(_fix_bold(line, ctx).split("\n"))
        return "\n".join(_collapse_blank_lines(lines))

    return map_prose_lines(md, block).strip("\n")
