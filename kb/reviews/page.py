"""The 审校 page (review.md, generated at build time): every note by topic, counts by source."""
from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from kb.links.markdown_index import headings, insert_after_sections
from kb.links.questions import link_text
from kb.reviews.model import VERDICTS, Reviews
from kb.reviews.place import Placed

REVIEW_PAGE = "review.md"
REVIEW_DATA = "data/reviews/"

STATES = """\
## 审校状态与结论 {#states}

每道有解答的题目标题下方的出处行末尾都标有审校状态：

- **已核对**：已对照论文、技术报告或官方文档逐句核对，没有发现问题。
- **有 N 处勘误/存疑**：答案中被指出的原话以底色标出，紧跟其后的提示框给出更正或说明，
  以及依据的一手资料（论文章节、表格、图，或文档网址）。原文保持不变。
- **未核对**：还没有人核对过，请谨慎参考。

提示框按结论分三种：

- **勘误**（结论：错误）：一手资料的说法与答案不同，例如数字、模型版本、定义或公式有误。
- **存疑**（结论：无出处）：答案给出的具体数字或说法在任何一手资料中都找不到，无法核实；本站不会替它编一个“正确”数字。
- **说明**（结论：不准确或过时）：大体不错，但说得不准确、以偏概全，或已被后来的资料更新。
"""

CONTRIBUTE = f"""\
## 参与审校 {{#contribute}}

审校意见保存在仓库的 `{REVIEW_DATA}` 目录（每份资料一个 YAML 文件），每条意见写明题目 id、逐字引用的原话、结论、更正说明和至少一条引用。
发现新的问题或不同意某条意见，都可以直接修改这些文件并发起 Pull Request，写法见仓库中的 CONTRIBUTING.md。
原话一旦在答案中找不到（答案被改过）、意见没有引用来源，或题目 id 不存在，构建都会失败并指出文件和行号。
"""


@dataclass(frozen=True)
class PageInfo:
    """What the review page needs to know about each topic page."""

    title: str


def _page_titles(pages: Mapping[str, str]) -> dict[str, str]:
    titles = {}
    for uri, md in pages.items():
        h1 = next((h for h in headings(md) if h.level == 1), None)
        titles[uri] = h1.title if h1 else posixpath.splitext(posixpath.basename(uri))[0]
    return titles


def render_review_page(reviews: Reviews, placed: Placed, pages: Mapping[str, str], doc_titles: Mapping[str, str],
                       term_names: Mapping[str, str] | None = None, order: list[str] | None = None) -> str:
    """The whole page, from the reviews as placed on this build's pages; ``term_names``: glossary id → term;
    ``order``: page paths in navigation order (topics are listed in it)."""
    titles = _page_titles(pages)
    if order:
        rank = {uri: i for i, uri in enumerate(order)}
        titles = dict(sorted(titles.items(), key=lambda kv: rank.get(kv[0], len(rank))))
    answered = {q: a for q, a in placed.answers.items() if a[1].answered}
    notes_of = {q: [p for p in placed.placements if p.note.question == q] for q in answered}
    out = [
        "---",
        "title: 审校",
        "description: 本站对每道题的答案逐条对照一手资料核对的结果：勘误、存疑与说明，以及各份资料的可靠程度。",
        "---",
        "",
        "# 审校",
        "",
        (
            "本站的答案整理自五份公开资料，资料本身并不都可靠。我们对照论文、技术报告和官方文档逐题核对了每个答案"
            f"（专业回答与科普解释都在内）：共 {len(answered)} 道有解答的题目，已核对 "
            f"{sum(1 for q in answered if reviews.state(q))} 道，其中 {sum(1 for q in answered if notes_of[q])} 道"
            f"有问题，共 {sum(len(v) for v in notes_of.values())} 条意见。下面先说明状态与结论的含义，再按资料和主题列出每一条意见。"
        ),
        "",
        STATES,
        _by_source(reviews, answered, notes_of, doc_titles),
        _by_topic(answered, notes_of, titles),
        glossary_section(reviews, term_names) if term_names else "",
        CONTRIBUTE,
    ]
    return "\n".join(out)


def _counts(notes: list) -> list[str]:
    c = Counter(p.note.verdict for p in notes)
    return [str(c[v]) for v in VERDICTS]


def _by_source(reviews: Reviews, answered, notes_of, doc_titles: Mapping[str, str]) -> str:
    head = "| 资料 | 有解答的题目 | 已核对 | 有问题的题目 | " + " | ".join(f"{VERDICTS[v][0]}（{v}）" for v in VERDICTS) + " |"
    rows = [head, "|" + "---|" * (4 + len(VERDICTS))]
    docs = sorted({a.doc or "" for _, a in answered.values()}, key=lambda d: list(doc_titles).index(d) if d in doc_titles else 99)
    for doc in docs:
        qs = [q for q, (_, a) in answered.items() if (a.doc or "") == doc]
        notes = [p for q in qs for p in notes_of[q]]
        label = doc_titles.get(doc, "")
        label = label if label.startswith("本站") else f"《{label}》"
        name = f"[{label}](sources.md#src-{doc})" if doc in doc_titles else "（其他）"
        rows.append(
            f"| {name} | {len(qs)} | {sum(1 for q in qs if reviews.state(q))} | {sum(1 for q in qs if notes_of[q])} | "
            + " | ".join(_counts(notes)) + " |"
        )
    return "## 各份资料 {#by-source}\n\n各份资料的可靠程度与审校结论也写在[资料来源](sources.md)页。\n\n" + "\n".join(rows) + "\n"


def _by_topic(answered, notes_of, titles: Mapping[str, str]) -> str:
    out = ["## 按主题列出的意见 {#by-topic}", ""]
    topics: dict[str, list[str]] = {}
    for q, (uri, _) in answered.items():
        topics.setdefault(uri, []).append(q)
    for uri in sorted(topics, key=lambda u: list(titles).index(u) if u in titles else 0):
        flagged = [q for q in topics[uri] if notes_of[q]]
        total = sum(len(notes_of[q]) for q in flagged)
        slug = posixpath.splitext(posixpath.basename(uri))[0]
        out += [f"### {titles.get(uri, uri)} {{#rv-{slug}}}", ""]
        if not flagged:
            out += [f"本主题 {len(topics[uri])} 道题均已核对，没有发现问题。" if all(notes_of.get(q) is not None for q in topics[uri])
                    else "", ""]
            continue
        out += [f"本主题 {len(topics[uri])} 道题中有 {len(flagged)} 道共 {total} 条意见。", ""]
        for q in flagged:
            _, answer = answered[q]
            out += [f"**[{link_text(answer.title)}]({uri}#{q})**", "{: .kb-review-question }", ""]
            for p in notes_of[q]:
                note = p.note
                sources = "；".join(c.markdown() for c in note.citations)
                out += [
                    f"- **{note.label}**（{note.verdict}）：“{_plain(note.quote)}” — [在答案中查看]({uri}#{p.anchor})",
                    "",
                    *[f"    {line}" if line.strip() else "" for line in note.note.split("\n")],
                    "",
                    f"    依据：{sources}",
                    "",
                ]
    return "\n".join(out)


def _plain(text: str) -> str:
    """A quote as it reads in the answer; a ``**`` cut off by the quote's edge would show literally."""
    return text.replace("**", "")


def source_verdicts(markdown: str, reviews: Reviews, placed: Placed) -> str:
    """The sources page with each document's review result at the end of its section."""
    blocks: dict[str, str] = {}
    for h in headings(markdown):
        if not h.id or not h.id.startswith("src-"):
            continue
        doc = h.id[len("src-"):]
        qs = [q for q, (_, a) in placed.answers.items() if a.doc == doc and a.answered]
        if not qs:
            continue
        notes = [p for p in placed.placements if p.note.question in set(qs)]
        flagged = len({p.note.question for p in notes})
        checked = sum(1 for q in qs if reviews.state(q))
        counts = Counter(p.note.verdict for p in notes)
        detail = "、".join(f"{VERDICTS[v][0]} {counts[v]} 条" for v in VERDICTS if counts[v])
        text = (
            f"{len(qs)} 道有解答的题目中已核对 {checked} 道，{flagged} 道有问题"
            + (f"（{detail}）" if detail else "")
            + "，逐条列在[审校](review.md#by-topic)页。"
        )
        verdict = reviews.summaries.get(doc)
        if verdict:
            text += "\n\n" + verdict.summary
        body = "\n".join(f"    {line}" if line.strip() else "" for line in text.split("\n"))
        blocks[h.id] = f'!!! abstract "审校结论"\n\n{body}'

    return insert_after_sections(markdown, blocks)


def glossary_sources(markdown: str, reviews: Reviews) -> str:
    """The glossary page with each definition's sources under it."""
    blocks = {}
    for h in headings(markdown):
        term = h.id[len("term-"):] if h.id and h.id.startswith("term-") else None
        review = reviews.terms.get(term) if term else None
        if review:
            sources = "；".join(c.markdown() for c in review.citations)
            blocks[h.id] = f"依据：{sources}\n{{: .kb-term-sources }}"
    return insert_after_sections(markdown, blocks)


def glossary_section(reviews: Reviews, names: Mapping[str, str]) -> str:
    """The 审校 page's account of the glossary: how many definitions were checked, which were corrected."""
    checked = [t for t in reviews.terms if t in names]
    changed = [reviews.terms[t] for t in checked if reviews.terms[t].was]
    out = [
        "## 术语表 {#glossary}",
        "",
        f"[术语表](glossary.md)的 {len(names)} 条定义是本站自己写的，其中 {len(checked)} 条已对照一手资料核对，"
        "每条定义下方注明了依据。" + (f"审校中更正了 {len(changed)} 条：" if changed else "审校没有发现需要更正的定义。"),
        "",
    ]
    for t in changed:
        sources = "；".join(c.markdown() for c in t.citations)
        out += [
            f"- **[{names[t.term]}](glossary.md#term-{t.term})**：原定义为“{t.was}”",
            "",
            f"    {t.reason}",
            "",
            f"    依据：{sources}",
            "",
        ]
    return "\n".join(out)
