"""One question as Markdown: heading with a stable id, source line, answer parts."""
from __future__ import annotations

from kb.model import Question, SourceDoc
from kb.parsers import FORMATS

EMPTY_ANSWER = (
    '!!! note "原资料只有标题"\n\n'
    "    这一页幻灯片的内容是一张图片，原资料中已缺失。欢迎点击页面右上角的“编辑此页”补充解答。"
)


def indent(md: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line.strip() else "" for line in md.split("\n"))


def number_label(q: Question, doc: SourceDoc) -> str:
    """How the source numbers the question: 问题 21 / Q16 / 第 3 节 / 第 5 题."""
    return FORMATS[doc.format].number_label.format(q.number)


def source_line(q: Question, doc: SourceDoc, link_prefix: str) -> str:
    chapter = f" · {q.chapter}" if q.chapter else ""
    return (
        f"出处：[《{doc.title}》]({link_prefix}sources.md#src-{doc.key}) · "
        f"{number_label(q, doc)}{chapter}\n{{: .kb-source }}"
    )


def answer(q: Question) -> str:
    if not q.answered:
        return EMPTY_ANSWER
    if len(q.parts) == 1 and q.parts[0].label is None:
        return q.parts[0].markdown
    blocks = []
    for p in q.parts:
        label = p.label or "回答"
        blocks.append(f'=== "{label}"\n\n{indent(p.markdown)}')
    return "\n\n".join(blocks)


def render_question(q: Question, doc: SourceDoc, level: int, link_prefix: str, title: str | None = None) -> str:
    heading = "#" * level + f" {title or q.title} {{#{q.id}}}"
    return "\n\n".join([heading, source_line(q, doc, link_prefix), answer(q)])
