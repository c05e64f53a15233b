"""The question bank page: the 200 questions in the book's chapter order, each with an anchor."""
from __future__ import annotations

import re

from kb.model import Document, Mapping, SourceDoc


def chapter_anchor(index: int) -> str:
    return f"ch-{index:02d}"


def render_bank(doc: SourceDoc, parsed: Document, mapping: Mapping) -> str:
    preface = [p for p in parsed.preface.split("\n\n") if p and not p.startswith("# ") and p != doc.author]
    out = [
        f"# {doc.title}",
        *preface,
        (
            f"本页按原书 {len({q.chapter for q in parsed.questions})} 章的顺序列出全部 {len(parsed.questions)} 道题（作者：{doc.author}）。"
            "每道题也作为练习题出现在对应主题页的末尾；题目旁标注了所属主题。"
        ),
    ]
    chapter = None
    index = 0
    for q in parsed.questions:
        if q.chapter != chapter:
            chapter = q.chapter
            index += 1
            title = re.sub(r"\s+", " ", chapter or "未分章")
            out.append(f"## {title} {{#{chapter_anchor(index)}}}")
        topic = mapping.topics[mapping.topic_of[q.id]]
        out.append(
            f"### Q{q.number}：{q.title} {{#{q.id}}}\n\n"
            f"主题：[{topic.title}](topics/{topic.slug}.md)\n{{: .kb-bank-topic }}"
        )
    return "\n\n".join(out)
