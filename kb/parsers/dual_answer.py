"""Format `dual-answer`: `#### **问题 N：…**` with **专业回答** and **科普解释** parts.

Labels are sometimes indented into the preceding list; the part that follows
such a label is dedented by the label's indent so it does not stay in the list.
"""
from __future__ import annotations

import re

from kb.model import Document, Question, SourceDoc
from kb.normalize.context import Context
from kb.parsers.common import clean_title, part, question_id

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_CLIPPER = re.compile(r"^>\s*本文由\s*\[简悦 SimpRead\].*$", re.M)
_CHAPTER = re.compile(r"^###\s+\**\s*(.+?)\s*\**\s*$")
_QUESTION = re.compile(r"^####\s+\**\s*问题\s*(\d+)\s*[：:]\s*(.+?)\s*\**\s*$")
_LABEL = re.compile(r"^(\s*)\*\*(专业回答|科普解释)\*\*\s*[：:]?\s*(.*)$")


def _blank_out(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by its newlines only, so later line numbers stay true."""
    return text[:start] + "\n" * text.count("\n", start, end) + text[end:]


def _split_parts(lines: list[str]) -> list[tuple[str | None, list[str]]]:
    parts: list[tuple[str | None, list[str]]] = [(None, [])]
    indent = ""
    for line in lines:
        m = _LABEL.match(line)
        if m:
            indent = m.group(1)
            parts.append((m.group(2), [m.group(3)] if m.group(3).strip() else []))
            continue
        if indent and line.startswith(indent):
            line = line[len(indent) :]
        parts[-1][1].append(line)
    return [(label, body) for label, body in parts if label or "".join(body).strip()]


def parse(doc: SourceDoc, text: str) -> Document:
    ctx = Context(doc.key)
    if m := _FRONT_MATTER.match(text):
        ctx.drop(m.group(1).strip(), "笔记软件的 JSON front matter（发布设置），不是正文", line=2)
        text = _blank_out(text, m.start(), m.end())
    for m in _CLIPPER.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        ctx.drop(m.group(0), "网页剪藏工具的转码声明（原文地址见“资料来源”页）", line=line)
        text = _blank_out(text, m.start(), m.end())
    lines = text.split("\n")
    chapter: str | None = None
    seen: set[str] = set()
    questions: list[Question] = []
    bodies: list[list[str]] = []  # bodies[k] collects the lines of questions[k]
    collecting = False
    for i, line in enumerate(lines, start=1):
        if m := _QUESTION.match(line):
            number = int(m.group(1))
            ctx.line = i
            qid = question_id(doc.key, number, seen, ctx)
            questions.append(Question(doc.key, str(number), qid, clean_title(m.group(2), ctx), line=i, chapter=chapter))
            bodies.append([])
            collecting = True
        elif m := _CHAPTER.match(line):
            chapter = m.group(1).replace("**", "").strip()
            collecting = False
        elif collecting:
            bodies[-1].append(line)
    for q, body in zip(questions, bodies, strict=True):
        ctx.line = q.line
        split = _split_parts(body)
        if [label for label, _ in split] != ["专业回答", "科普解释"]:
            ctx.note("structure", f"问题 {q.number} 的答案结构：{[label for label, _ in split]}")
        q.parts = [part(label, "\n".join(b), ctx) for label, b in split]
    return Document(doc.key, questions, ctx.drops, ctx.notes)
