"""Show the review on a page: the claim highlighted, a note after its block, a state by each question."""
from __future__ import annotations

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
        text = (
            text[:start]
            + f'<mark class="kb-claim kb-claim-{p.note.kind}" id="{p.anchor}" title="{p.note.label}：见下方说明">'
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
        inserted: list[tuple[str, Origin]] = []
        for p in sorted(group, key=lambda p: p.number):
            inserted += [("", end - 1), *_note_lines(p, block.indent)]
        marked_lines = marked.split("\n")  # a mark never adds a line: one origin per page line
        edits.append(Edit(start, end, [*marked_lines, *(line for line, _ in inserted), ""],
                          [*range(start, end), *(origin for _, origin in inserted), end - 1]))
    for answer in answers:
        source = _source_line(lines, answer)
        if source is not None:
            badge = state_badge(reviews, answer.question, review_page)
            edits.append(Edit(source, source + 1, [f"{lines[source]} · {badge}"], [source]))
    return sorted(edits, key=lambda e: e.start, reverse=True)


def annotate(markdown: str, placements: Iterable[Placement], answers: Iterable[Answer], reviews: Reviews,
             review_page: str) -> str:
    """``markdown`` with every placement of this page shown and every answer's review state."""
    lines = markdown.split("\n")
    for edit in annotation_edits(lines, placements, answers, reviews, review_page):
        lines[edit.start : edit.end] = edit.lines
    return "\n".join(lines)


def _source_line(lines: list[str], answer: Answer) -> int | None:
    """The last text line of the question's source paragraph (the one before ``{: .kb-source }``)."""
    return answer.source_line if 0 <= answer.source_line < len(lines) else None
