"""Show the review on a page: the claim highlighted, a note after its block, a state by each question."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from kb.reviews.answers import Answer
from kb.reviews.model import Reviews
from kb.reviews.place import Placement

SOURCE_ATTR = "{: .kb-source }"
STATE_OK = "已核对"
STATE_NONE = "未核对"


def state_label(reviews: Reviews, question_id: str) -> str:
    review = reviews.state(question_id)
    if review is None:
        return STATE_NONE
    return f"有 {len(review.notes)} 处勘误/存疑" if review.notes else STATE_OK


def state_badge(reviews: Reviews, question_id: str, review_page: str) -> str:
    """The inline Markdown shown in a question's source line."""
    review = reviews.state(question_id)
    if review is None:
        return f"[{STATE_NONE}]({review_page}#states){{: .kb-review .kb-review-none title=\"这道题还没有对照一手资料核对\" }}"
    if not review.notes:
        return f"[{STATE_OK}]({review_page}#states){{: .kb-review .kb-review-ok title=\"已对照一手资料核对，未发现问题\" }}"
    kinds = ", ".join(sorted({n.label for n in review.notes}))
    return (
        f"[{state_label(reviews, question_id)}](#review-{question_id}-1)"
        f"{{: .kb-review .kb-review-flagged title=\"{kinds}：见答案中标出的文字与其后的说明\" }}"
    )


def note_block(placement: Placement, indent: int) -> list[str]:
    """A Material admonition (勘误 / 存疑 / 说明) with the correction and its sources.

    A claim inside a code block cannot be highlighted; the note then quotes it and carries its anchor.
    """
    note = placement.note
    pad = " " * indent
    sources = "；".join(c.markdown() for c in note.citations)
    body = [*note.note.split("\n"), "", f"依据：{sources}"]
    if placement.block.code:
        quoted = note.quote.replace("`", "")
        body = [f'<span id="{placement.anchor}"></span>上面代码框中的“`{quoted}`”：', "", *body]
    return [
        f'{pad}!!! {note.kind} "{note.label}（本站审校）"',
        "",
        *[f"{pad}    {line}" if line.strip() else "" for line in body],
    ]


def _mark(text: str, spans: list[tuple[tuple[int, int], Placement]]) -> str:
    for (start, end), p in sorted(spans, key=lambda s: s[0][0], reverse=True):
        block = " kb-claim-block" if text[start:end].lstrip().startswith("$$") else ""  # a display formula
        text = (
            text[:start]
            + f'<mark class="kb-claim kb-claim-{p.note.kind}{block}" id="{p.anchor}" title="{p.note.label}：见下方说明">'
            + text[start:end]
            + "</mark>"
            + text[end:]
        )
    return text


def annotate(markdown: str, placements: Iterable[Placement], answers: Iterable[Answer], reviews: Reviews,
             review_page: str) -> str:
    """``markdown`` with every placement of this page shown and every answer's review state."""
    lines = markdown.split("\n")
    by_block: dict[tuple[int, int], list[Placement]] = defaultdict(list)
    for p in placements:
        by_block[(p.block.start, p.block.end)].append(p)
    edits: list[tuple[int, int, list[str]]] = []  # (start, end, replacement lines), applied bottom-up
    for (start, end), group in by_block.items():
        block = group[0].block
        text = "\n".join(lines[start:end])
        marked = text if block.code else _mark(text, [(p.span, p) for p in group])
        edits.append((start, end, marked.split("\n")))
        at, indent = _note_position(lines, block)
        inserted = [line for p in sorted(group, key=lambda p: p.number) for line in ["", *note_block(p, indent)]]
        edits.append((at, at, [*inserted, ""]))
    for answer in answers:
        source = _source_line(lines, answer)
        if source is not None:
            badge = state_badge(reviews, answer.question, review_page)
            edits.append((source, source + 1, [f"{lines[source]} · {badge}"]))
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        lines[start:end] = replacement
    return "\n".join(lines)


_ITEM_LINE = re.compile(r"^ *(?:[-*+]|\d{1,3}[.)]) +\S")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _in_list(line: str, base: int) -> bool:
    """A line that belongs to a list whose items start at ``base``: an item there, or anything deeper."""
    return bool(line.strip()) and (_indent(line) > base or (_indent(line) == base and bool(_ITEM_LINE.match(line))))


def _list_bounds(lines: list[str], block) -> tuple[int, int]:
    """Lines [start, end) of the outermost list holding ``block`` (blank lines inside it included)."""
    start = block.start
    while start > 0:
        above = start - 1
        while above > 0 and not lines[above].strip():
            above -= 1
        if not _in_list(lines[above], block.base) or lines[above].lstrip().startswith(("===", "#")):
            break
        start = above
    end = block.end
    while end < len(lines) and (not lines[end].strip() or _in_list(lines[end], block.base)):
        end += 1
    while end > block.end and not lines[end - 1].strip():
        end -= 1
    return start, end


def _note_position(lines: list[str], block) -> tuple[int, int]:
    """Where the note goes (line index) and its indentation.

    Right after its block, nested in it, wherever that cannot change how the page parses. Inside a
    tight list (items with no blank line between them) a nested note would make Python-Markdown read
    the following items as text, and a list item indented by other than a multiple of four cannot hold
    a nested admonition: there the note follows the whole list, at the container's indentation.
    """
    if not block.item and block.indent <= block.base:
        return block.end, block.indent
    start, end = _list_bounds(lines, block)
    tight = any(_ITEM_LINE.match(lines[i]) and lines[i - 1].strip() for i in range(start + 1, end))
    aligned = (block.indent - block.base) % 4 == 0
    if block.item and aligned and not tight:
        return block.end, block.indent
    return end, block.base


def _source_line(lines: list[str], answer: Answer) -> int | None:
    """The last text line of the question's source paragraph (the one before ``{: .kb-source }``)."""
    for i in range(answer.heading_line + 1, min(len(lines), answer.heading_line + 8)):
        if lines[i].strip() == SOURCE_ATTR:
            return i - 1
    return None
