"""Render the glossary page (docs/glossary.md is generated at build time from data/glossary.yml)."""
from __future__ import annotations

import re

from kb.code_math import without_math
from kb.links.glossary import GLOSSARY_FILE, Term
from kb.links.questions import QuestionIndex, link_text, md_link

GLOSSARY_PAGE = "glossary.md"
INTRO = (
    "本页收录大模型面试中常见的 {count} 个术语，每条给出别名、一句话定义，以及站内讲解它的题目。"
    "其他页面中某个术语第一次出现时会链接到这里，鼠标悬停即可看到定义。"
    "术语数据保存在仓库的 `{data}` 中，欢迎通过 Pull Request 补充。"
)


def check_references(terms: list[Term], index: QuestionIndex, label: str = GLOSSARY_FILE) -> list[str]:
    """Problems for question or bank ids that no page renders, as ``file:line: …``."""
    problems = []
    for term in terms:
        for question_id in term.questions:
            if question_id not in index.anchors:
                problems.append(
                    f"{label}:{term.line}: 术语 `{term.id}` 引用的题目 `{question_id}` 不在任何页面上"
                    "（没有带这个 id 和出处行的题目）— 请检查 id"
                )
        for bank_id in term.bank:
            if bank_id not in index.bank:
                problems.append(f"{label}:{term.line}: 术语 `{term.id}` 引用的题库题目 `{bank_id}` 不存在 — 请检查 id")
    return problems


def _category_ids(terms: list[Term]) -> dict[str, str]:
    ids: dict[str, str] = {}
    for term in terms:
        ids.setdefault(term.category, f"glossary-{len(ids) + 1:02d}")
    return ids


def render_entries(terms: list[Term], index: QuestionIndex) -> str:
    """Terms grouped by category (h2), one h3 per term, in file order within a category."""
    lines: list[str] = []
    for category, category_id in _category_ids(terms).items():
        lines += [f"## {category} {{#{category_id}}}", ""]
        for term in (t for t in terms if t.category == category):
            lines += [f"### {term.term} {{#{term.anchor}}}", ""]
            aliases = [a for a in term.names if a != term.term]
            if aliases:
                lines += ["别名：" + " · ".join(_escape(a) for a in aliases), "{: .kb-term-aliases }", ""]
            lines += [term.definition, "{: .kb-term-definition }", ""]
            explained = []
            for question_id in term.questions:
                anchor = index.anchors[question_id]
                target = md_link(GLOSSARY_PAGE, anchor.src_uri, anchor.id)
                explained.append(f"[{link_text(anchor.title)}]({target})")
            if explained:
                lines += ["讲解：" + " · ".join(explained), "{: .kb-term-questions }", ""]
            bank = []
            for bank_id in term.bank:
                question = index.bank[bank_id]
                label = question.title.split("：", 1)[0] if "：" in question.title else bank_id
                bank.append(f'[{label}]({md_link(GLOSSARY_PAGE, question.src_uri, bank_id)} "{_attr(question.title)}")')
            if bank:
                lines += ["题库：" + " · ".join(bank), "{: .kb-term-bank }", ""]
    return "\n".join(lines)


def render_glossary(terms: list[Term], index: QuestionIndex, label: str = GLOSSARY_FILE) -> str:
    """The whole generated page: front matter, title, introduction and entries."""
    head = [
        "---",
        "title: 术语表",
        "description: 大模型面试常见术语：别名、一句话定义与讲解它的题目。",
        "---",
        "",
        "# 术语表",
        "",
        INTRO.format(count=len(terms), data=label),
        "",
    ]
    return "\n".join(head) + render_entries(terms, index)


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text)


def _attr(text: str) -> str:
    """Plain text for a link title attribute: no math delimiters (math must not render inside an attribute)."""
    return without_math(text).replace("\\", "\\\\").replace('"', "“").replace("\n", " ")
