"""Links in an answer still lead to the same place when the answer is shown on the 复习 page."""
from __future__ import annotations

import pytest

from kb.practice.rebase import rebase_html, rebase_url


@pytest.mark.parametrize(
    ("url", "from_page", "to_page", "expected"),
    [
        ("../../glossary/#term-moe", "topics/moe/", "practice/", "../glossary/#term-moe"),
        ("#basics-005", "topics/moe/", "practice/", "../topics/moe/#basics-005"),
        ("../../", "topics/moe/", "practice/", "../"),
        ("../..", "topics/moe/", "practice/", "../"),
        ("../sources/#src-basics", "bank/", "practice/", "../sources/#src-basics"),
        ("img/a.png", "topics/moe/", "practice/", "../topics/moe/img/a.png"),
        ("topics/moe/?h=x#y", "", "practice/", "../topics/moe/?h=x#y"),
        # pages as .html files (the offline build)
        ("../glossary.html#term-moe", "topics/moe.html", "practice.html", "glossary.html#term-moe"),
        ("#basics-005", "topics/moe.html", "practice.html", "topics/moe.html#basics-005"),
        ("../index.html", "topics/moe.html", "practice.html", "index.html"),
        ("moe.html", "topics/rag.html", "practice.html", "topics/moe.html"),
        # left alone
        ("https://example.org/a", "topics/moe/", "practice/", "https://example.org/a"),
        ("mailto:a@b.c", "topics/moe/", "practice/", "mailto:a@b.c"),
        ("/abs/path", "topics/moe/", "practice/", "/abs/path"),
    ],
)
def test_rebase_url(url: str, from_page: str, to_page: str, expected: str):
    assert rebase_url(url, from_page, to_page) == expected


def test_rebase_html_rewrites_href_and_src_only():
    html = '<a href="#x" title="#x">x</a><img src="a.png" alt="a.png"><span data-href="#x"></span>'
    assert rebase_html(html, "topics/moe/", "practice/") == (
        '<a href="../topics/moe/#x" title="#x">x</a><img src="../topics/moe/a.png" alt="a.png"><span data-href="#x"></span>'
    )
