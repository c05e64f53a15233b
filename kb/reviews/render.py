"""Show the review on a page: the claim highlighted, a note after its block, a state by each question."""
from __future__ import annotations

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


def _note_position(lines: list[str], block) -> tuple[int, int]:
    """Where the note goes (line index) and its indentation.

    After the block itself, nested in it; but a list item indented by other than a multiple of four
    (two-space nesting) cannot hold a nested admonition in Python-Markdown, so the note then follows
    the whole list, at the container's indentation.
    """
    if not block.item or (block.indent - 4 - block.base) % 4 == 0:
        return block.end, block.indent
    end = block.end
    while end < len(lines):
        line = lines[end]
        indent = len(line) - len(line.lstrip(" "))
        if line.strip() and indent <= block.base and line.lstrip()[:1] not in "-*+" and not line.lstrip()[:1].isdigit():
            break
        if line.strip() and indent < block.base:
            break
        end += 1
    while end > block.end and not lines[end - 1].strip():
        end -= 1
    return end, block.base


def _source_line(lines: list[str], answer: Answer) -> int | None:
    """The last text line of the question's source paragraph (the one before ``{: .kb-source }``)."""
    for i in range(answer.heading_line + 1, min(len(lines), answer.heading_line + 8)):
        if lines[i].strip() == SOURCE_ATTR:
            return i - 1
    return None
