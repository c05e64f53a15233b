"""Find headings with explicit ids (``## 标题 {#id}``) and their sections in Markdown, fence-aware."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from kb.code_math import code_mask

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
_ATTR_ID = re.compile(r"\{:?[^}]*?#([A-Za-z0-9_][\w.:-]*)[^}]*\}[ \t]*$")


@dataclass(frozen=True)
class Heading:
    """A Markdown ATX heading; ``end`` is the 0-based line index where its section stops."""

    level: int
    title: str  # inline Markdown without the attribute list
    id: str | None
    line: int  # 0-based line index of the heading
    end: int  # exclusive: next heading of the same or a higher level, or end of text


def headings(markdown: str) -> list[Heading]:
    """All ATX headings outside code fences, with their explicit ids and section ends."""
    lines = markdown.split("\n")
    mask = code_mask(lines)
    found: list[tuple[int, str, str | None, int]] = []
    for index, line in enumerate(lines):
        if mask[index] or not line.startswith("#"):
            continue
        match = _HEADING.match(line)
        if not match:
            continue
        text = re.sub(r"[ \t]+#+$", "", match.group(2))
        attr = _ATTR_ID.search(text)
        heading_id = attr.group(1) if attr else None
        title = text[: attr.start()].rstrip() if attr else text
        found.append((len(match.group(1)), title, heading_id, index))
    result = []
    for position, (level, title, heading_id, index) in enumerate(found):
        end = len(lines)
        for later_level, _, _, later_index in found[position + 1 :]:
            if later_level <= level:
                end = later_index
                break
        result.append(Heading(level, title, heading_id, index, end))
    return result


def insert_after_sections(markdown: str, blocks: Mapping[str, str]) -> str:
    """Append ``blocks[heading id]`` at the end of that heading's section (before its trailing blank lines).

    Each block is set off by blank lines. When sections end at the same line (a question and
    its last sub-question), the outer section's block comes last.
    """
    lines = markdown.split("\n")
    inserts: list[tuple[int, int, str]] = []
    for heading in headings(markdown):
        if heading.id is None or heading.id not in blocks:
            continue
        end = heading.end
        while end > heading.line + 1 and not lines[end - 1].strip():
            end -= 1
        inserts.append((end, heading.line, blocks[heading.id]))
    for end, _, block in sorted(inserts, key=lambda item: (-item[0], item[1])):
        lines[end:end] = ["", *block.strip("\n").split("\n"), ""]
    return "\n".join(lines)
