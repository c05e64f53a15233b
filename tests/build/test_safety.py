"""Scripts, frames, inline handlers, javascript: URLs and private addresses in content fail the build."""
from __future__ import annotations

import pytest

from kb.normalize.privacy import private_host
from kb.safety.urls import url_problem


def page(body: str) -> dict[str, str]:
    return {"index.md": f"# 首页\n\n正文。\n\n{body}\n"}


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ('<iframe src="https://example.org/"></iframe>', "<iframe>"),
        ('<p onclick="steal()">点我</p>', "onclick="),
        ('<img src="x.png" onerror="steal()">', "onerror="),
        ("[点我](javascript:alert(1))", "javascript:"),
        ("[内网](http://192.168.1.10/admin)", "192.168.1.10"),
        ("[本机](http://localhost:8000/)", "localhost"),
        ("[内部](https://wiki.corp/page)", "wiki.corp"),
        ("[元数据](http://169.254.169.254/latest/)", "169.254.169.254"),
        ("[属性](https://example.org/){onmouseover=\"x()\"}", "onmouseover="),
    ],
)
def test_unsafe_content_fails_naming_file_and_line(make_site, body, needle):
    result = make_site(page(body))
    assert not result.ok
    assert "docs/index.md:5:" in result.errors
    assert needle in result.errors


def test_markup_shown_in_code_is_fine(make_site):
    body = "```html\n<script>alert(1)</script>\n<a href=\"javascript:x()\" onclick=\"y()\">x</a>\n```\n\n行内 `<iframe>` 也可以。"
    result = make_site(page(body))
    assert result.ok, result.errors


def test_public_links_are_fine(make_site):
    result = make_site(page("[论文](https://arxiv.org/abs/2501.12948) 与 [邮件](mailto:a@example.org)"))
    assert result.ok, result.errors


def test_every_problem_is_listed(make_site):
    result = make_site({"index.md": "# 首页\n\n<script>x()</script>\n", "b.md": "# B\n\n[a](http://10.0.0.1/)\n"})
    assert not result.ok
    assert "docs/index.md:3:" in result.errors and "docs/b.md:3:" in result.errors


def test_private_host_rules():
    assert private_host("127.0.0.1") and private_host("10.1.2.3") and private_host("[::1]")
    assert private_host("printer.local") and private_host("intranet")
    assert not private_host("github.com") and not private_host("8.8.8.8")
    assert url_problem("JavaScript:alert(1)") and url_problem("java\nscript:alert(1)")
    assert url_problem("https://arxiv.org/abs/1") is None


@pytest.mark.parametrize("host", ["127.1", "0177.0.0.1", "0x7f.1", "0x7f000001", "2130706433", "127.0.0.1.", "１２７.０.０.１",
                                  "127。0。0。1", "%31%32%37.0.0.1", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "0", "10.1", "192.168.257"])
def test_every_browser_spelling_of_a_private_address(host):
    assert private_host(host)


@pytest.mark.parametrize("url", ["http://127.1/", "http:\\\\0x7f.1/", "//127.1/x", "/\\127.1", "http:127.1/", "https://u:p@0177.0.0.1:80/",
                                 " jav\tascript:x", "vbscript:x", "data:text/html,x"])
def test_urls_a_browser_would_follow_to_danger(url):
    assert url_problem(url)


def test_public_addresses_and_relative_links_are_fine():
    assert not private_host("8.8.8.8") and not private_host("1.2.3.4.5") and not private_host("example.com")
    assert url_problem("../a/#x") is None and url_problem("mailto:a@b.org") is None
    assert url_problem("data:image/png;base64,AAA", image=True) is None and url_problem("data:image/png;base64,AAA")


def test_math_inside_an_html_attribute_stays_text(make_site):
    result = make_site(page('<span title="面积 $x^2$ 平方米">悬停</span> 与正文公式 $y^2$'))
    assert result.ok, result.errors
    html = result.html("index.md")
    assert 'title="面积 $x^2$ 平方米"' in html
    assert html.count('class="katex"') == 1  # only the formula in the text is rendered


def test_front_matter_and_headings_that_are_plain_text_are_fine(make_site):
    front = "---\ntitle: 首页 & 概览\ndescription: 一句话：A/B 测试\n---\n"
    result = make_site({"index.md": front + "# 首页\n\n## 公式 $a+b$ 的标题\n\n正文。\n"})
    assert result.ok, result.errors
