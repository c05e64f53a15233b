"""One parser per source format; the manifest's `format` picks it.

Everything format-specific that other modules need (how the source numbers its
questions, whether it has answers, how the sources page names it) lives here.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kb.model import Document, SourceDoc
from kb.parsers import bold_qa, dual_answer, html_headings, question_bank, slide_outline

Parser = Callable[[SourceDoc, str], Document]


@dataclass(frozen=True)
class Format:
    parse: Parser
    description: str  # shown on the sources page
    number_label: str  # how the source numbers a question, `{}` = the number
    answered: bool = True  # False: a question bank, listed on bank.md and as practice questions


FORMATS: dict[str, Format] = {
    "bold-qa": Format(bold_qa.parse, "加粗问答（`**N. 问：…**` / `**答：**`）", "第 {} 题"),
    "question-bank": Format(question_bank.parse, "题库（`QN:` 问题列表，分章节，无答案）", "Q{}", answered=False),
    "slide-outline": Format(slide_outline.parse, "幻灯片文字提纲（以冒号结尾的行为标题）", "第 {} 节"),
    "dual-answer": Format(dual_answer.parse, "双答案问答（专业回答 + 科普解释）", "问题 {}"),
    "html-headings": Format(html_headings.parse, "HTML 标题问答（`<h3 id=…>`）", "第 {} 题"),
}
