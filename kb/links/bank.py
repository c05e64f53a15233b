"""Question bank → answered questions: the reviewed mapping (data/bank-links.yml) and its rendering."""
from __future__ import annotations

from pathlib import Path

from kb.links.id_lists import load_id_lists
from kb.links.questions import QuestionIndex, link_text, md_link

BANK_LINKS_FILE = "data/bank-links.yml"


def load_bank_links(path: Path, index: QuestionIndex, label: str = BANK_LINKS_FILE) -> dict[str, list[str]]:
    """``{bank id: [answered question ids]}``, every id checked against the pages."""
    if not path.exists():
        return {}

    def key_problem(bank_id: str) -> str | None:
        return None if bank_id in index.bank else f"题库中没有 `{bank_id}` — 请检查 id（形如 bank-001）"

    def value_problem(bank_id: str, targets: object) -> str | None:
        if targets is None or isinstance(targets, list):
            return None
        return f"`{bank_id}` 的值必须是题目 id 列表，例如 [r1-021, basics-005]"

    def target_problem(bank_id: str, target: str) -> str | None:
        if target in index.anchors:
            return None
        return f"`{bank_id}` 指向的题目 `{target}` 不在任何页面上（没有带这个 id 和出处行的题目）— 请检查 id"

    links = load_id_lists(
        path, label, "links", "题库 id → 已解答题目 id 列表", key_problem, value_problem, target_problem
    )
    return {bank_id: ids for bank_id, ids in links.items() if ids}


def unanswered(index: QuestionIndex, links: dict[str, list[str]], label: str = BANK_LINKS_FILE) -> list[str]:
    """Every bank question must lead to an answer: one problem for each that does not."""
    return [
        f"{label}: 题库题目 `{bank_id}`（{index.bank[bank_id].title}）没有链接到任何解答 — "
        f"在 {label} 中为它列出回答它的题目 id，或在 answers/ 中撰写一篇解答（front matter 的 answers 写上 {bank_id}）"
        for bank_id in index.bank if bank_id not in links
    ]


def render_answers(bank_id: str, targets: list[str], index: QuestionIndex) -> str:
    links = []
    page = index.bank[bank_id].src_uri
    for target in targets:
        anchor = index.anchors[target]
        links.append(f"[{link_text(anchor.title)}]({md_link(page, anchor.src_uri, anchor.id)})")
    return "相关解答：" + " · ".join(links) + "\n{: .kb-bank-answers }"
