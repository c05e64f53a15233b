"""Show the review on a page: the claim highlighted, a note after its block, a state by each question."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kb.reviews.answers import Answer
from kb.reviews.model import Reviews
from kb.reviews.place import Placement

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


# Where a line of the annotated page comes from: an int is the index of the page's own line,
# a (file, line) pair is a line of a review file (a note's text).
Origin = int | tuple[str, int]


@dataclass(frozen=True)
class Edit:
    """Lines ``[start, end)`` of the page replaced by ``lines``, each with its origin."""

    start: int
    end: int
    lines: list[str]
    origins: list[Origin]


def note_block(placement: Placement, indent: int) -> list[str]:
    """A Material admonition (勘误 / 存疑 / 说明) with the correction and its sources.

    A claim inside a code block cannot be highlighted; the note then quotes it and carries its anchor.
    """
    return [line for line, _ in _note_lines(placement, indent)]


def _note_lines(placement: Placement, indent: int) -> list[tuple[str, Origin]]:
    """The admonition's lines, each with the review-file line it comes from."""
    note = placement.note
    pad = " " * indent
    sources = "；".join(c.markdown() for c in note.citations)
    text = note.note.split("\n")
    start = note.note_line or note.line
    # A one-line note sits on its key's line; the lines of a block scalar (`note: |`) start below it.
    text_origins = [(note.file, start)] if len(text) == 1 else [(note.file, start + 1 + k) for k in range(len(text))]
    body: list[tuple[str, Origin]] = [*zip(text, text_origins, strict=True), ("", (note.file, note.line)),
                                      (f"依据：{sources}", (note.file, note.line))]
    if placement.block.code:
        quoted = note.quote.replace("`", "")
        body = [(f'<span id="{placement.anchor}"></span>上面代码框中的“`{quoted}`”：', (note.file, note.line)),
                ("", (note.file, note.line)), *body]
    head: Origin = (note.file, note.line)
    return [
        (f'{pad}!!! {note.kind} "{note.label}（本站审校）"', head),
        ("", head),
        *[(f"{pad}    {line}" if line.strip() else "", origin) for line, origin in body],
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


def annotation_edits(lines: list[str], placements: Iterable[Placement], answers: Iterable[Answer], reviews: Reviews,
                     review_page: str) -> list[Edit]:
    """The edits that show every placement of this page and every answer's review state, bottom-up."""
    by_block: dict[tuple[int, int], list[Placement]] = defaultdict(list)
    for p in placements:
        by_block[(p.block.start, p.block.end)].append(p)
    edits: list[Edit] = []
    for (start, end), group in by_block.items():
        block = group[0].block
        text = "\n".join(lines[start:end])
        marked = text if block.code else _mark(text, [(p.span, p) for p in group])
        marked_lines = marked.split("\n")  # a mark never adds a line: one origin per page line
        edits.append(Edit(start, end, marked_lines, list(range(start, end))))
        at, indent = _note_position(lines, block)
        inserted: list[tuple[str, Origin]] = []
        for p in sorted(group, key=lambda p: p.number):
            inserted += [("", at - 1), *_note_lines(p, indent)]
        edits.append(Edit(at, at, [*(line for line, _ in inserted), ""], [*(origin for _, origin in inserted), at - 1]))
    for answer in answers:
        source = _source_line(lines, answer)
        if source is not None:
            badge = state_badge(reviews, answer.question, review_page)
            edits.append(Edit(source, source + 1, [f"{lines[source]} · {badge}"], [source]))
    # bottom-up; where a note goes in at the line a marked block starts, the block is replaced first
    return sorted(edits, key=lambda e: (e.start, e.end), reverse=True)


def annotate(markdown: str, placements: Iterable[Placement], answers: Iterable[Answer], reviews: Reviews,
             review_page: str) -> str:
    """``markdown`` with every placement of this page shown and every answer's review state."""
    lines = markdown.split("\n")
    for edit in annotation_edits(lines, placements, answers, reviews, review_page):
        lines[edit.start : edit.end] = edit.lines
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
    return answer.source_line if 0 <= answer.source_line < len(lines) else None
