"""Lay out lists, tables, code and display math the way the source's author meant them.

The sources are written for CommonMark-like renderers (and one was copied by a web
clipper that indents freely); the site renders with Python-Markdown, which needs
4 spaces per list level, a blank line before a list or table, and reads any line
indented by 4 spaces after a blank line as code. This normalizer reads each answer
as the author laid it out and writes it back in that form:

* a list item is the child of the open item whose content column it reaches
  (3-space sub-bullets under `1. ` are children), written 4 spaces deeper;
* a numbered run written right under a bullet that ends in a colon is that
  bullet's sub-list ("* **优势**：" followed by "1. …");
* a bold label line (`**结果**：…`) right after a list item is a section label
  that closes the list — the clipper indented it under the item;
* a `$$` block or a code fence right after an item line (or indented to its
  content) belongs to that item;
* prose is never code: an indented paragraph outside a list is dedented;
* lists, tables and display blocks get the blank lines Python-Markdown needs,
  and a list that changes kind (bullets → numbers) at the same level starts anew.

Only whitespace and line breaks change; no character of text, code or math does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.normalize.context import Context

_ITEM = re.compile(r"^( *)([-*+]|\d{1,3}\.)( +)(\S.*)$")
_LABEL = re.compile(r"^\s*\*\*[^*\n]{1,40}?\*\*\s*[：:]")
_FENCE = re.compile(r"^( *)(`{3,}|~{3,})")
_MATH_OPEN = re.compile(r"^( *)(\$\$|\\\[)\s*$")
_MATH_LINE = re.compile(r"^( *)\$\$.+\$\$\s*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_COLON_END = re.compile(r"[：:]\s*(\*\*)?\s*$")
STEP = "    "


@dataclass
class _Item:
    marker_col: int  # where the marker stands in the source
    content_col: int  # where the item's text starts in the source
    depth: int  # nesting level on the page
    ordered: bool
    colon_label: bool  # its text ends in a colon: a numbered run right under it is its sub-list
    adopted_col: int = -1  # source column of a numbered run adopted as its sub-list


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _units(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Split into ("blank" | "item" | "text" | "table" | "block", lines); fences and `$$` blocks stay whole."""
    units: list[tuple[str, list[str]]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = _FENCE.match(line)
        math = _MATH_OPEN.match(line)
        if fence or math:
            if fence:
                mark = fence.group(2)
                done = lambda x, mark=mark: x.strip().startswith(mark) and not x.strip().lstrip(mark[0])  # noqa: E731
            else:
                close = "$$" if math.group(2) == "$$" else "\\]"
                done = lambda x, close=close: x.strip() == close  # noqa: E731
            j = i + 1
            while j < len(lines) and not done(lines[j]):
                j += 1
            units.append(("block", lines[i : j + 1]))
            i = j + 1
            continue
        if not line.strip():
            units.append(("blank", [line]))
        elif _MATH_LINE.match(line):
            units.append(("block", [line]))
        elif _TABLE_ROW.match(line):
            units.append(("table", [line]))
        elif _ITEM.match(line):
            units.append(("item", [line]))
        else:
            units.append(("text", [line]))
        i += 1
    return units


def _shift(block: list[str], indent: str) -> list[str]:
    """Re-indent a fence or math block as a whole: each line keeps its indent relative to the first."""
    base = _indent(block[0])
    out = []
    for line in block:
        cut = min(base, _indent(line))
        out.append(indent + line[cut:] if line.strip() else "")
    return out


class _Layout:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.out: list[str] = []
        self.stack: list[_Item] = []
        self.blank = True  # a blank line since the last text
        self.after_text = False  # the last unit was paragraph text (an item line or a text line)
        self.last_kind: dict[int, bool] = {}  # depth → ordered? of the last item at that depth
        self.own_paragraph = False  # the last text is an item's own paragraph (after a blank line)

    def emit(self, line: str) -> None:
        if line or (self.out and self.out[-1]):
            self.out.append(line)

    def close_lists(self) -> None:
        self.stack.clear()
        self.last_kind.clear()

    def item(self, line: str) -> None:
        m = _ITEM.match(line)
        assert m
        col, marker, gap, text = len(m.group(1)), m.group(2), m.group(3), m.group(4)
        ordered = marker[0].isdigit()
        parent = self.stack[-1] if self.stack else None
        right_under = parent and not self.blank and self.after_text and col == parent.marker_col
        if right_under and ordered and not parent.ordered and parent.colon_label:
            parent.adopted_col = col
            self.ctx.note("structure", f"加冒号的要点下紧跟的编号列表作为它的子列表：{text[:30]}")
        while self.stack:
            top = self.stack[-1]
            inside = col >= top.content_col or (ordered and col == top.adopted_col)
            if inside:
                break
            self.stack.pop()
            for d in [d for d in self.last_kind if d > len(self.stack)]:
                del self.last_kind[d]
        depth = len(self.stack)
        if depth in self.last_kind and self.last_kind[depth] != ordered:
            self.emit("")  # a list of the other kind: with sane_lists a blank line keeps the two apart
        elif (depth == 0 and depth not in self.last_kind) or self.own_paragraph:
            self.emit("")  # a list after a paragraph, or an item after an item's paragraph, needs a blank line
        self.own_paragraph = False
        self.last_kind[depth] = ordered
        self.emit(STEP * depth + marker + " " + text)
        self.stack.append(_Item(col, col + len(marker) + len(gap), depth, ordered, bool(_COLON_END.search(text))))
        self.blank, self.after_text = False, True

    def owner(self, col: int) -> _Item | None:
        """The open item a non-item line belongs to, closing the items it does not reach."""
        if self.stack and not self.blank and self.after_text:
            return self.stack[-1]  # a lazy continuation line
        while self.stack and col < self.stack[-1].content_col:
            self.stack.pop()
        if not self.stack:
            self.close_lists()
        return self.stack[-1] if self.stack else None

    def text(self, line: str) -> None:
        if not self.blank and _LABEL.match(line) and self.out and self.out[-1]:
            # A line that opens with a bold label is a new section: in a list the clipper indented
            # it under the last item, in prose the source ended the line before with a hard break.
            if self.stack:
                self.ctx.note("structure", f"列表后的小标题不再并入上一项：{line.strip()[:30]}")
            self.close_lists()
            self.emit("")
            self.emit(line.strip())
            self.blank, self.after_text = False, True
            return
        owner = self.owner(_indent(line))
        self.own_paragraph = False
        if owner is None:
            if self.blank and _indent(line) >= 4:
                self.ctx.note("structure", f"缩进的段落不是代码，取消缩进：{line.strip()[:30]}")
            self.emit(line.strip())
        else:
            if self.blank:
                self.emit("")
                self.own_paragraph = True
            self.emit(STEP * (owner.depth + 1) + line.strip())
        self.blank, self.after_text = False, True

    def table(self, line: str) -> None:
        owner = self.owner(_indent(line)) if self.stack else None
        indent = STEP * (owner.depth + 1) if owner else ""
        starts = not (self.out and _TABLE_ROW.match(self.out[-1].strip()))
        if starts and self.out and self.out[-1]:
            self.emit("")
        self.emit(indent + line.strip())
        self.blank, self.after_text = False, False

    def block(self, lines: list[str]) -> None:
        col = _indent(lines[0])
        owner = self.owner(col) if self.stack else None  # right after an item's text: that item
        indent = STEP * (owner.depth + 1) if owner else ""
        self.emit("")
        self.out.extend(_shift(lines, indent))
        self.emit("")
        self.blank, self.after_text = True, False

    def blank_line(self) -> None:
        self.emit("")
        self.blank = True


def layout_blocks(md: str, ctx: Context) -> str:
    """Re-indent one answer's lists, tables, code fences and `$$` blocks for Python-Markdown."""
    state = _Layout(ctx)
    for kind, lines in _units(md.split("\n")):
        if kind == "blank":
            state.blank_line()
        elif kind == "item":
            state.item(lines[0])
        elif kind == "text":
            state.text(lines[0])
        elif kind == "table":
            state.table(lines[0])
        else:
            state.block(lines)
    while state.out and not state.out[-1]:
        state.out.pop()
    return "\n".join(state.out)
