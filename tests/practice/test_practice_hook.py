"""hooks/practice.py in throwaway projects: what it adds to a build, and its errors."""
from __future__ import annotations

from pathlib import Path

from tests.hooks.conftest import build_project

TOPIC = """\
# 甲主题

## 单个问题？ {#r1-001}

出处：资料
{: .kb-source }

答案在这里。
"""
BANK = """\
# 题库

## 第 1 章 {#ch-01}

### Q1：一 {#bank-001}

主题：[甲主题](topics/a.md)
{: .kb-bank-topic }
"""
NAV = {"nav": [{"首页": "index.md"}, {"基础": ["topics/a.md"]}, {"题库": "bank.md"}, {"复习": "practice.md"}]}


def build(tmp_path: Path, pages: dict[str, str]):
    return build_project(tmp_path / "p", {"index.md": "# 首页\n", **pages}, hooks=["practice.py"], extra=NAV)


def test_a_small_site_gets_cards_the_review_page_and_bundled_scripts(tmp_path: Path):
    result = build(tmp_path, {"topics/a.md": TOPIC, "bank.md": BANK})
    assert result.ok, result.errors
    topic = result.html("topics/a.md")
    assert '<div class="kb-answer" data-kb-card="r1-001"><p>答案在这里。</p></div>' in topic
    assert '<div class="kb-answer" data-kb-card="bank-001"></div>' in result.html("bank.md")
    assert "kb-practice-app" in result.html("practice.md")
    for path in ("assets/javascripts/kb-practice.js", "assets/javascripts/kb-practice-fsrs.js",
                 "assets/practice/catalog.js", "assets/practice/a.js"):
        assert (result.site / path).stat().st_size > 0, path
    assert '"bank-001"' in (result.site / "assets/practice/a.js").read_text(encoding="utf-8")


def test_a_hand_written_practice_page_is_refused(tmp_path: Path):
    result = build(tmp_path, {"topics/a.md": TOPIC, "bank.md": BANK, "practice.md": "# 复习\n"})
    assert not result.ok
    assert "docs/practice.md 由 hooks/practice.py 在构建时生成 — 请删除 docs/practice.md" in result.errors


def test_a_question_without_its_source_line_names_the_page_and_the_question(tmp_path: Path):
    broken = TOPIC.replace("出处：资料\n{: .kb-source }\n", "")
    result = build(tmp_path, {"topics/a.md": broken, "bank.md": BANK})
    assert not result.ok
    assert "练习模式：docs/topics/a.md: 题目 r1-001：标题 #r1-001 下面应紧跟出处行（class kb-source）" in result.errors
