"""Helpers shared by the parsers: numbering ids and turning raw bodies into clean Markdown."""
from __future__ import annotations

import re

from kb.model import AnswerPart
from kb.normalize.blocks import layout_blocks
from kb.normalize.context import Context
from kb.normalize.html_text import escape_tag_like_text
from kb.normalize.markup import normalize_markup
from kb.normalize.math_delims import normalize_math
from kb.normalize.math_text import greek_letters_as_math
from kb.normalize.privacy import drop_private_addresses
from kb.normalize.punctuation import full_width_punctuation


def question_id(doc: str, number: int, seen: set[str], ctx: Context) -> str:
    """`doc-NNN`; a number printed twice in a source gets `-2`, `-3` … in order (and is reported)."""
    base = f"{doc}-{number:03d}"
    qid, n = base, 1
    while qid in seen:
        n += 1
        qid = f"{base}-{n}"
    if n > 1:
        ctx.note("structure", f"编号 {number} 重复出现，id 记为 {qid}")
    seen.add(qid)
    return qid


def clean_body(md: str, ctx: Context) -> str:
    """The normalization every answer goes through, in a fixed order."""
    md = drop_private_addresses(md, ctx)
    md = normalize_markup(md, ctx)
    md = layout_blocks(md, ctx)
    md = normalize_math(md, ctx)
    md = greek_letters_as_math(md, ctx)
    md = escape_tag_like_text(md, ctx)
    md = full_width_punctuation(md)
    return md.strip("\n")


def clean_title(text: str, ctx: Context) -> str:
    """Titles are one line of inline Markdown without bold markers."""
    text = re.sub(r"\s+", " ", text.replace("**", "")).strip()
    text = greek_letters_as_math(normalize_math(text, ctx), ctx)
    return full_width_punctuation(escape_tag_like_text(text, ctx))


def part(label: str | None, md: str, ctx: Context) -> AnswerPart:
    return AnswerPart(label, clean_body(md, ctx))
