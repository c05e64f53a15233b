"""The catalogue lists every card once, in topic order, stored under stable member ids."""
from __future__ import annotations

import json

import pytest

from kb.links.questions import build_index
from kb.practice.catalog import CatalogError, build_catalog, catalog_script

TOPIC_A = """\
# 甲主题

## 单个问题？ {#r1-001}

出处：x
{: .kb-source }

答。

## 合并问题？ {#group-a}

本题汇集 2 个回答
{: .kb-group-lead }

### 问法一 {#basics-001}

出处：x
{: .kb-source }

### 问法二 {#basics-002}

出处：x
{: .kb-source }

## 本站写的问题？ {#site-own}

出处：[本站撰写](../sources.md#src-site) · 2026-11-28
{: .kb-source }

答。

## 练习题 {#practice}
"""
TOPIC_B = "# 乙主题\n\n简介。\n"
BANK = """\
# 题库

## 第 1 章 {#ch-01}

### Q1：一 {#bank-001}

主题：[乙主题](topics/b.md)
{: .kb-bank-topic }

### Q2：二 {#bank-002}

主题：[甲主题](topics/a.md)
{: .kb-bank-topic }
"""
PAGES = {"topics/a.md": TOPIC_A, "topics/b.md": TOPIC_B, "bank.md": BANK}


def test_cards_follow_the_topic_order_entries_then_bank_questions():
    catalog = build_catalog(build_index(PAGES), PAGES, ["index.md", "topics/b.md", "topics/a.md"])
    assert [(t.slug, t.title) for t in catalog.topics] == [("b", "乙主题"), ("a", "甲主题")]
    assert [(c.id, c.topic, c.members, c.bank) for c in catalog.cards] == [
        ("bank-001", "b", ("bank-001",), True),
        ("r1-001", "a", ("r1-001",), False),
        ("group-a", "a", ("basics-001", "basics-002"), False),
        ("site-own", "a", ("site-own",), False),
        ("bank-002", "a", ("bank-002",), True),
    ]
    assert [s.id for s in catalog.on_page("topics/a.md")] == ["r1-001", "group-a", "site-own"]
    assert catalog.on_page("topics/a.md")[1].members == ("basics-001", "basics-002")


def test_topics_missing_from_the_navigation_come_last_in_name_order():
    catalog = build_catalog(build_index(PAGES), PAGES, ["topics/a.md"])
    assert [t.slug for t in catalog.topics] == ["a", "b"]


def test_a_bank_question_without_its_topic_line_is_reported_with_file_and_line():
    broken = BANK.replace("主题：[乙主题](topics/b.md)", "主题：乙主题")
    pages = {**PAGES, "bank.md": broken}
    with pytest.raises(CatalogError, match=r"docs/bank\.md:5: 题库题目 bank-001 的主题行没有链接到主题页 .*make import"):
        build_catalog(build_index(pages), pages, [])


def test_a_bank_question_of_an_unknown_topic_is_an_error():
    pages = {**PAGES, "bank.md": BANK.replace("topics/b.md", "topics/zz.md")}
    with pytest.raises(CatalogError, match=r"docs/bank\.md:5: 题库题目 bank-001 的主题行链接到不存在的页面 docs/topics/zz\.md"):
        build_catalog(build_index(pages), pages, [])


def test_two_topic_pages_with_one_file_name_are_an_error():
    pages = {**PAGES, "more/a.md": TOPIC_A.replace("{#", "{#x-")}
    with pytest.raises(CatalogError, match=r"文件名相同.*docs/more/a\.md, docs/topics/a\.md"):
        build_catalog(build_index(pages), pages, [])


def test_catalogue_script_carries_urls_and_members():
    catalog = build_catalog(build_index(PAGES), PAGES, ["topics/a.md", "topics/b.md"])
    script = catalog_script(catalog, lambda uri: uri[:-3] + "/", "practice/", "assets/practice/")
    prefix = "window.__kbPracticeCatalog="
    assert script.startswith(prefix)
    data = json.loads(script[len(prefix) :].rstrip().rstrip(";"))
    assert data["topics"] == [["a", "甲主题", "topics/a/"], ["b", "乙主题", "topics/b/"]]
    assert data["pages"][data["bank"]] == "bank/"
    cards = {c[0]: c for c in data["cards"]}
    assert cards["group-a"][3:] == ["basics-001", "basics-002"]
    assert cards["r1-001"][3:] == []  # stored under its own id
    assert data["pages"][cards["r1-001"][2]] == "topics/a/"
