"""Format `bold-qa`: `**N. 问：…**` headings, `**答：**` answers (label sometimes missing)."""
from __future__ import annotations

import re

from kb.model import Document, Question, SourceDoc
from kb.normalize.context import Context
from kb.parsers.common import clean_title, part, question_id

_QUESTION = re.compile(r"^\*\*\s*(\d+)\s*[.．、]\s*(?:问\s*[：:])?\s*(.+?)\s*\*\*\s*$")
_ANSWER_LABEL = re.compile(r"^\s*(?:\*\*)?\s*答\s*[：:]\s*(?:\*\*)?\s*")


def parse(doc: SourceDoc, text: str) -> Document:
    ctx = Context(doc.key)
    lines = text.split("\n")
    starts = [(i, m) for i, line in enumerate(lines) if (m := _QUESTION.match(line))]
    if not starts:
        ctx.note("structure", "未找到任何 `**N. 问：…**` 形式的问题", line=1)
    seen: set[str] = set()
    questions = []
    for k, (i, m) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        body_lines = lines[i + 1 : end]
        for j, line in enumerate(body_lines):
            if line.strip():
                if _ANSWER_LABEL.match(line):
                    body_lines[j] = _ANSWER_LABEL.sub("", line, count=1)
                else:
                    ctx.note("structure", "答案缺少“答：”标签，按答案处理", line=i + 2 + j)
                break
        ctx.line = i + 1
        number = int(m.group(1))
        questions.append(
            Question(
                doc=doc.key,
                number=str(number),
                id=question_id(doc.key, number, seen, ctx),
                title=clean_title(m.group(2), ctx),
                parts=[part(None, "\n".join(body_lines), ctx)],
                line=i + 1,
            )
        )
    preface = "\n".join(lines[: starts[0][0]]).strip() if starts else ""
    return Document(doc.key, questions, ctx.drops, ctx.notes, preface)
