"""One parser per source format; the manifest's `format` picks it."""
from __future__ import annotations

from collections.abc import Callable

from kb.model import Document
from kb.parsers import bold_qa, dual_answer, html_headings, question_bank, slide_outline
from kb.sources import SourceDoc

Parser = Callable[[SourceDoc, str], Document]

PARSERS: dict[str, Parser] = {
    "bold-qa": bold_qa.parse,
    "question-bank": question_bank.parse,
    "slide-outline": slide_outline.parse,
    "dual-answer": dual_answer.parse,
    "html-headings": html_headings.parse,
}
