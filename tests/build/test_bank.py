"""Bank questions link to the answered questions that cover them; the rest invite a contribution."""
from __future__ import annotations

import re
from pathlib import Path

from kb.links.bank import BANK_LINKS_FILE, load_bank_links
from kb.links.questions import build_index
from tests.build.conftest import read_docs

ROOT = Path(__file__).resolve().parents[2]

PAGES = {
    "index.md": "# 首页\n",
    "bank.md": """\
        # 题库

        ## 第 1 章 {#ch-01}

        ### Q1：什么是 GRPO？ {#bank-001}

        主题：[强化学习](topics/rl.md)
        {: .kb-bank-topic }

        ### Q2：什么是 Flash Attention？ {#bank-002}

        主题：[注意力](topics/attention.md)
        {: .kb-bank-topic }
        """,
    "topics/rl.md": "# 强化学习\n\n## GRPO 的原理？ {#r1-021}\n\n出处：论文\n{: .kb-source }\n\n回答。\n\n"
                    "## GRPO 与 PPO？ {#r1-035}\n\n出处：论文\n{: .kb-source }\n\n回答。\n",
    "topics/attention.md": "# 注意力\n\n## 什么是注意力机制？ {#basics-017}\n\n出处：论文\n{: .kb-source }\n\n回答。\n",
}
LINKS = {"data/bank-links.yml": "links:\n  bank-001: [r1-021, r1-035]\n"}


def section(html: str, bank_id: str) -> str:
    start = html.index(f'id="{bank_id}"')
    following = html.find('<h3 id="bank-', start + 1)
    return html[start : following if following != -1 else len(html)]


def test_linked_question_lists_its_answers(make_site):
    data = {"data/bank-links.yml": "links:\n  bank-001: [r1-021, r1-035]\n  bank-002: [basics-017]\n"}
    result = make_site(PAGES, data=data)
    assert result.ok, result.errors
    q1 = section(result.html("bank.md"), "bank-001")
    assert re.findall(r'href="([^"]+)"', q1.split("kb-bank-answers", 1)[1]) == ["../topics/rl/#r1-021", "../topics/rl/#r1-035"]


def test_a_bank_question_without_an_answer_fails_the_build(make_site):
    result = make_site(PAGES, data=LINKS)
    assert not result.ok
    assert "题库有 1 道题没有解答" in result.errors
    assert "data/bank-links.yml: 题库题目 `bank-002`（Q2：什么是 Flash Attention？）没有链接到任何解答" in result.errors


def test_unknown_ids_name_file_and_line(make_site):
    data = {"data/bank-links.yml": "links:\n  bank-001: [r1-021, r1-999]\n  bank-404: [r1-021]\n"}
    result = make_site(PAGES, data=data)
    assert not result.ok
    assert "data/bank-links.yml:2:" in result.errors and "r1-999" in result.errors
    assert "data/bank-links.yml:3:" in result.errors and "bank-404" in result.errors


def test_file_that_is_not_a_mapping_names_file_and_line(make_site):
    result = make_site(PAGES, data={"data/bank-links.yml": "- bank-001\n"})
    assert not result.ok
    assert "data/bank-links.yml:1:" in result.errors and "links:" in result.errors


def test_real_mapping_links_at_least_120_bank_questions():
    index = build_index(read_docs(ROOT))
    links = load_bank_links(ROOT / BANK_LINKS_FILE, index)
    assert len(index.bank) == 200
    assert len(links) >= 120
    assert all(links.values())
