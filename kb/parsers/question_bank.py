"""Format `question-bank`: `## 第 N 章` chapters and `QN:`/`QN：` questions without answers."""
from __future__ import annotations

import re

from kb.model import Document, Question, SourceDoc
from kb.normalize.context import Context
from kb.parsers.common import clean_title, question_id

_CHAPTER = re.compile(r"^##\s+(.+?)\s*$")
_QUESTION = re.compile(r"^Q(\d+)\s*[:：]\s*(.*)$")
_CJK_END = re.compile(r"[\u3000-\u9fff\uff00-\uffef]$")
_CJK_START = re.compile(r"^[\u3000-\u9fff\uff00-\uffef]")


def _join(a: str, b: str) -> str:
    """Join a question wrapped over several lines; no space between CJK characters."""
    if _CJK_END.search(a) or _CJK_START.search(b):
        return a + b
    return f"{a} {b}"


def parse(doc: SourceDoc, text: str) -> Document:
    ctx = Context(doc.key)
    chapter: str | None = None
    seen: set[str] = set()
    questions: list[Question] = []
    preface: list[str] = []
    current: Question | None = None
    for i, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if m := _CHAPTER.match(line):
            chapter, current = m.group(1), None
            continue
        if m := _QUESTION.match(line):
            number = int(m.group(1))
            current = Question(doc.key, str(number), question_id(doc.key, number, seen, ctx), m.group(2), line=i, chapter=chapter)
            questions.append(current)
            continue
        if not line:
            continue
        if current is not None:
            ctx.note("structure", f"Q{current.number} 跨行，已合并为一行", line=i)
            current.title = _join(current.title, line)
        elif chapter is None:
            preface.append(line)
        else:
            ctx.note("structure", f"章节内的非问题文字：{line[:40]}", line=i)
    for q in questions:
        ctx.line = q.line
        q.title = clean_title(q.title, ctx)
    return Document(doc.key, questions, ctx.drops, ctx.notes, "\n\n".join(preface))
