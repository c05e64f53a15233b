"""The answer of each question on a Markdown page, split into the blocks a note can follow."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.code_math import code_mask
from kb.links.markdown_index import headings
from kb.links.questions import SOURCE_CLASS, lead, source_docs

_ITEM = re.compile(r"^( *)(?:[-*+]|\d{1,3}[.)])( +)\S")
_TAB = re.compile(r"^ *=== ")
_ADMONITION = re.compile(r"^ *(?:!!!|\?\?\?\+?) ")
# The importer's stand-in for an answer the source does not have (kb/render/question.py).
UNANSWERED_MARK = '!!! note "原资料只有标题"'


@dataclass(frozen=True)
class Block:
    """A paragraph, list item, table or code block: lines [start, end) of the page, 0-based."""

    start: int
    end: int
    indent: int  # where a note nested under this block starts
    code: bool = False  # a fenced code block: its text is shown as is, so a claim in it cannot be marked
    base: int = 0  # indentation of the container (4 inside a content tab)
    item: bool = False  # a list item

    def text(self, lines: list[str]) -> str:
        return "\n".join(lines[self.start : self.end])


@dataclass(frozen=True)
class Answer:
    """The answer of one question: its heading line and its blocks."""

    question: str
    heading_line: int
    title: str  # the heading's inline Markdown
    doc: str | None  # manifest key of the source document, from the source line's link
    blocks: tuple[Block, ...]
    answered: bool  # False for a title-only entry (the source lost its content)
    source_line: int = -1  # 0-based line of the source line's last text line (before ``{: .kb-source }``)


def _blocks(lines: list[str], start: int, end: int) -> list[Block]:
    """Blocks of an answer. Text indented 4 more than its container after a blank line, outside a
    list, is an indented code block (Python-Markdown shows it in a code box, as is)."""
    mask = code_mask(lines)
    blocks: list[Block] = []
    base = 0  # indentation of the container: 4 inside a content tab
    in_list = False
    i = start
    while i < end:
        line = lines[i]
        if _TAB.match(line):
            base, in_list = len(line) - len(line.lstrip(" ")) + 4, False
            i += 1
            continue
        if not line.strip() or (line.lstrip().startswith("{:") and not mask[i]):
            i += 1
            continue
        indent = len(line) - len(line.lstrip(" "))
        if mask[i]:  # a fenced code block is one block
            j = i
            while j < end and mask[j]:
                j += 1
            blocks.append(Block(i, j, indent, code=True, base=base))
            i = j
            continue
        item = _ITEM.match(line)
        if indent >= base + 4 and not in_list and not item and i > start and not lines[i - 1].strip():
            j = i + 1
            while j < end and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip(" ")) >= base + 4):
                j += 1
            while j > i + 1 and not lines[j - 1].strip():
                j -= 1
            blocks.append(Block(i, j, base, code=True, base=base))
            i = j
            continue
        if item:
            in_list = True
        elif indent < base + 4:
            in_list = False  # text back at the container's margin ends any list
        # Where a nested block (the note) may start: Python-Markdown nests in steps of four spaces.
        nested = indent + 4 if item else base + 4 * max(0, (indent - base) // 4)
        # Python-Markdown lets no list interrupt a paragraph: after paragraph text, a "- " line is more text.
        lists_here = bool(item) or in_list
        j = i + 1
        while j < end and lines[j].strip() and not mask[j] and not (lists_here and _ITEM.match(lines[j])) \
                and not _TAB.match(lines[j]) and not _ADMONITION.match(lines[j]) and not lines[j].lstrip().startswith("#"):
            j += 1
        blocks.append(Block(i, j, nested, base=base, item=bool(item)))
        i = j
    return blocks


def answers(markdown: str) -> dict[str, Answer]:
    """Every answered question of the page (kb/links/questions.py says what one is)."""
    lines = markdown.split("\n")
    found: dict[str, Answer] = {}
    all_headings = headings(markdown)
    for h in all_headings:
        source = lead(lines, h) if h.id else None
        if source is None or source.kind != SOURCE_CLASS:
            continue
        # The answer stops at the first sub-heading (a nested question has its own answer).
        end = next((s.line for s in all_headings if h.line < s.line < h.end), h.end)
        docs = source_docs(lines, source)
        blocks = tuple(_blocks(lines, source.end + 1, end))
        answered = bool(blocks) and lines[blocks[0].start].strip() != UNANSWERED_MARK
        found[h.id] = Answer(h.id, h.line, h.title, docs[0] if docs else None, blocks, answered,  # type: ignore[arg-type]
                             source.end - 1)
    return found
