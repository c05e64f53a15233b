"""Find each practice card's answer in a rendered page and wrap it so practice mode can hide it.

A card is one question a reader rates, as the question index found it on the page:
  * an answered question (site-written answers too): its heading followed by its source line
    (``p.kb-source``, with the review badge in it);
  * a group: its heading followed by ``p.kb-group-lead``, and under it the members' headings, each
    followed by its source line;
  * a bank question: its heading followed by its topic line (``p.kb-bank-topic``).
What follows that line, up to the next heading of the same or a higher level, is the answer: review
notes, highlighted claims, references, related questions and a bank question's 相关解答 included.
It is wrapped in ``<div class="kb-answer" data-kb-card="ID">``: without JavaScript the div changes
nothing, so every answer stays visible. The question and the line under it stay outside.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kb.practice.blocks import Block, top_blocks

ANSWER_CLASS = "kb-answer"
SOURCE_CLASS = "kb-source"
GROUP_CLASS = "kb-group-lead"
BANK_TOPIC_CLASS = "kb-bank-topic"
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_LEVEL = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


class StructureError(ValueError):
    """The page does not have the shape a card needs (the message says which question and why)."""


@dataclass(frozen=True)
class CardSpec:
    """What the page must hold for one card: its heading id and, for a group, its members' ids."""

    id: str
    members: tuple[str, ...] = ()  # the member questions' ids under a group; empty for any other card
    bank: bool = False


@dataclass(frozen=True)
class CardHtml:
    """One card cut from the rendered page: the question (title and the line under it) and the answer."""

    id: str
    title: str  # the heading's inner HTML, without the "¶" link
    head: str  # the source / group lead / bank topic line, shown with the question
    body: str  # the answer, shown on reveal


@dataclass(frozen=True)
class Marked:
    html: str
    cards: list[CardHtml]


def _index_by_id(blocks: list[Block]) -> dict[str, int]:
    return {b.attrs["id"]: i for i, b in enumerate(blocks) if b.tag in _LEVEL and "id" in b.attrs}


def _section_end(blocks: list[Block], heading: int) -> int:
    """Index of the first block after ``heading`` that is a heading of the same or a higher level."""
    level = _LEVEL[blocks[heading].tag]
    for i in range(heading + 1, len(blocks)):
        if blocks[i].tag in _LEVEL and _LEVEL[blocks[i].tag] <= level:
            return i
    return len(blocks)


def _marker(blocks: list[Block], heading: int, css: str, what: str, card: str) -> int:
    """Index of the line right under the heading, checked to be the one the card needs."""
    nxt = heading + 1
    if nxt >= len(blocks) or css not in blocks[nxt].classes:
        raise StructureError(
            f"题目 {card}：标题 #{blocks[heading].attrs.get('id')} 下面应紧跟{what}（class {css}），"
            "练习模式靠它区分问题与答案 — 请检查这道题的 Markdown（标题下第一段以 {: ." + css + " } 结尾），"
            "或生成这一行的导入程序与构建功能"
        )
    return nxt


def _inner(html: str, block: Block) -> str:
    text = html[block.start : block.end]
    inner = text[text.index(">") + 1 : text.rindex("</")]
    return _HEADERLINK.sub("", inner).strip()


def mark_answers(html: str, specs: Iterable[CardSpec]) -> Marked:
    """``html`` with every card's answer wrapped, and each card's parts for the 复习 page."""
    try:
        blocks = top_blocks(html)
    except ValueError as exc:
        raise StructureError(str(exc)) from None
    where = _index_by_id(blocks)
    inserts: list[tuple[int, str]] = []
    cards: list[CardHtml] = []

    def wrap(card: str, first: int, stop: int, after: int) -> None:
        """Wrap blocks[first:stop]; with no answer at all, an empty wrapper goes at offset ``after``."""
        inserts.append((blocks[first].start if first < stop else after, f'<div class="{ANSWER_CLASS}" data-kb-card="{card}">'))
        inserts.append((blocks[stop - 1].end if first < stop else after, "</div>"))

    for spec in specs:
        if spec.id not in where:
            raise StructureError(f"题目 {spec.id}：页面中找不到 id 为 {spec.id} 的标题")
        heading = where[spec.id]
        end = _section_end(blocks, heading)
        if spec.bank:
            marker = _marker(blocks, heading, BANK_TOPIC_CLASS, "所属主题行", spec.id)
            wrap(spec.id, marker + 1, end, blocks[marker].end)
        elif spec.members:
            marker = _marker(blocks, heading, GROUP_CLASS, "合并说明", spec.id)
            for member in spec.members:
                if member not in where or not heading < where[member] < end:
                    raise StructureError(f"题目 {spec.id}：合并组里找不到它的回答 #{member}")
                source = _marker(blocks, where[member], SOURCE_CLASS, "出处行", spec.id)
                wrap(spec.id, source + 1, _section_end(blocks, where[member]), blocks[source].end)
        else:
            marker = _marker(blocks, heading, SOURCE_CLASS, "出处行", spec.id)
            wrap(spec.id, marker + 1, end, blocks[marker].end)
        body_end = blocks[end - 1].end if end - 1 > marker else blocks[marker].end
        cards.append(
            CardHtml(
                id=spec.id,
                title=_inner(html, blocks[heading]),
                head=html[blocks[marker].start : blocks[marker].end],
                body=html[blocks[marker].end : body_end].strip(),
            )
        )
    pieces, pos = [], 0
    for offset, text in sorted(inserts, key=lambda item: item[0]):
        pieces += [html[pos:offset], text]
        pos = offset
    pieces.append(html[pos:])
    return Marked("".join(pieces), cards)
