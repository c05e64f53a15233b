"""Broken links, anchors, images and duplicate ids fail the build, naming file and line."""
from __future__ import annotations

import pytest

from kb.links.internal import check_site

OK_PAGES = {
    "index.md": "# 首页\n\n见 [注意力](topics/a.md#q-1)。\n",
    "topics/a.md": "# A\n\n## 问题一 {#q-1}\n\n回答。\n",
}


def test_valid_site_builds(make_site):
    result = make_site(OK_PAGES)
    assert result.ok, result.errors
    assert check_site(result.site, "/kb/") == []


@pytest.mark.parametrize(
    ("page", "text", "where", "expected"),
    [
        ("index.md", "# 首页\n\n正文。\n\n见 [缺失](topics/missing.md)。\n", "docs/index.md:5:", ["topics/missing.md"]),
        ("index.md", "# 首页\n\n见 [注意力](topics/a.md#q-404)。\n", "docs/index.md:3:", ["#q-404"]),
        ("topics/a.md", "# A\n\n## 问题一 {#q-1}\n\n回答，参见 [上文](#q-2)。\n", "docs/topics/a.md:5:", ["#q-2"]),
        ("index.md", "# 首页\n\n![示意图](img/attention.png)\n", "docs/index.md:3:", ["图片", "img/attention.png"]),
        ("index.md", '# 首页\n\n<p><a href="nowhere/">原始 HTML 链接</a></p>\n', "docs/index.md:3:", ["nowhere/"]),
    ],
    ids=["broken-link", "broken-anchor", "same-page-anchor", "missing-image", "raw-html-link"],
)
def test_broken_target_names_file_and_line(make_site, page, text, where, expected):
    result = make_site({**OK_PAGES, page: text})
    assert not result.ok
    assert where in result.errors
    for needle in expected:
        assert needle in result.errors


def test_existing_image_passes(make_site):
    pages = {**OK_PAGES, "index.md": "# 首页\n\n![示意图](img/attention.png)\n"}
    result = make_site(pages, data={"docs/img/attention.png": b"\x89PNG\r\n\x1a\n"})
    assert result.ok, result.errors


def test_broken_link_in_a_theme_template_fails_after_the_build(make_site):
    """Only the whole-site pass sees links that templates add around the page content."""
    template = '{% extends "base.html" %}\n{% block content %}{{ super() }}<a href="missing-page/">缺失</a>{% endblock %}\n'
    result = make_site(
        OK_PAGES,
        data={"overrides/main.html": template},
        extra={"theme": {"name": "mkdocs", "custom_dir": "overrides"}},
    )
    assert not result.ok
    assert "生成的网站中有失效的站内链接" in result.errors
    assert "site/index.html:" in result.errors and "missing-page/" in result.errors


def test_duplicate_id_on_one_page(make_site):
    pages = {**OK_PAGES, "topics/a.md": "# A\n\n## 问题一 {#q-1}\n\n回答。\n\n## 问题二 {#q-1}\n\n回答。\n"}
    result = make_site(pages)
    assert not result.ok
    assert "docs/topics/a.md:" in result.errors and "`q-1`" in result.errors


def test_duplicate_id_across_pages_names_both(make_site):
    pages = {**OK_PAGES, "topics/b.md": "# B\n\n正文。\n\n## 另一题 {#q-1}\n\n回答。\n"}
    result = make_site(pages)
    assert not result.ok
    assert "docs/topics/a.md:3:" in result.errors
    assert "docs/topics/b.md:5:" in result.errors
    assert "全站不唯一" in result.errors


def test_every_problem_is_listed(make_site):
    pages = {
        "index.md": "# 首页\n\n[一](gone.md)\n\n[二](topics/a.md#nope)\n",
        "topics/a.md": "# A\n\n## 问题一 {#q-1}\n\n![图](x.png)\n",
    }
    result = make_site(pages)
    assert not result.ok
    for expected in ("docs/index.md:3:", "docs/index.md:5:", "docs/topics/a.md:5:"):
        assert expected in result.errors
    assert "（3 处）" in result.errors


def test_code_is_not_a_link(make_site):
    pages = {**OK_PAGES, "index.md": "# 首页\n\n```markdown\n[示例](missing.md)\n```\n\n`[x](gone.md)`\n"}
    result = make_site(pages)
    assert result.ok, result.errors


def test_site_check_finds_broken_links_in_built_html(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">A</a>\n<a href="a/#x">x</a>\n<a href="b/">B</a>\n', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<h1 id="top">A</h1>\n<img src="../logo.png">\n', encoding="utf-8")
    problems = check_site(tmp_path)
    assert any("site/index.html:2:" in p and "#x" in p for p in problems)
    assert any("site/index.html:3:" in p and "b/" in p for p in problems)
    assert any("site/a/index.html:2:" in p and "logo.png" in p for p in problems)
    assert len(problems) == 3
