"""Real MkDocs builds of small projects with the site's plugin: math output, errors, cache, browser."""
from __future__ import annotations

import functools
import html
import http.server
import json
import os
import re
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from kb.search.index import INDEX_FILE, load_js
from tests.build.conftest import write_config, write_files

ROOT = Path(__file__).resolve().parents[2]

RICH_PAGE = textwrap.dedent(
    r"""
    ---
    title: 公式测试
    ---
    # 公式测试

    ## 缩放 $\sqrt{d_k}$ 的作用 {#scale}

    注意力分数除以 $\sqrt{d_k}$，概率为 $p(x_i \mid x_{<i})$。价格 $5 和 $10 不是公式，
    转义的 \$100 也不是，代码 `$not_math$` 保持原样。

    ## 学习率 $\alpha$ 的选择 {#lr}

    | 名称 | 公式 |
    |---|---|
    | 范数 | $\|w\|_2 + |b|$ |
    | 价格 | $5 |

    !!! note "门控"
        $$
        G(x) = \operatorname{softmax}(W_g x)
        $$

    === "专业回答"
        损失 $\mathcal{L} = -\sum_i \log p_\theta(x_i)$。

    === "科普解释"
        概率之和为 $1$。

    ```python
    cost = "$5$"
    ```
    """
).lstrip()

RICH_FORMULAS = [
    r"\sqrt{d_k}",
    r"p(x_i \mid x_{<i})",
    r"\alpha",
    r"\|w\|_2 + |b|",
    r"G(x) = \operatorname{softmax}(W_g x)",
    r"\mathcal{L} = -\sum_i \log p_\theta(x_i)",
    "1",
]

BROKEN_PAGE = textwrap.dedent(
    r"""
    ---
    title: 坏公式
    ---
    # 坏公式

    正常 $x^2$。

    第一处 $\frac{1}{2$ 少了括号。

    $$
    a = b +
    \sofmax(z)
    $$

    第三处 $R_{总}$ 直接写了中文。
    """
).lstrip()

NOTEBOOK = {
    "cells": [
        {
            "cell_type": "markdown",
            "id": "c1",
            "metadata": {},
            "source": [
                "# 笔记 $\\beta$\n", "\n", "行内 $a<b$，价格 $5 和 $10。\n", "\n",
                "$$\n", "\\frac{e^{z_i}}{\\sum_j e^{z_j}}\n", "$$\n",
            ],
        },
        {"cell_type": "code", "execution_count": None, "id": "c2", "metadata": {}, "outputs": [], "source": ["s = '$x$'"]},
    ],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}


def write_project(root: Path, pages: dict[str, str], notebooks: dict[str, dict] | None = None, search: bool = True) -> Path:
    plugins = ["search"] if search else []
    config = {
        "site_name": "测试",
        "theme": {"name": "material", "language": "zh", "font": False},
        "markdown_extensions": [
            "admonition",
            "attr_list",
            "tables",
            {"toc": {"permalink": True}},
            "pymdownx.superfences",
            {"pymdownx.tabbed": {"alternate_style": True}},
        ],
        "plugins": [*plugins, "kb"],
    }
    write_config(root, config)
    write_files(root / "docs", pages)
    write_files(root / "docs", {name: json.dumps(nb, ensure_ascii=False) for name, nb in (notebooks or {}).items()})
    return root


def build(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(root / "site")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def article(page_html: str) -> str:
    start = page_html.index("<article")
    return page_html[start : page_html.index("</article>", start)]


def visible_text(fragment: str) -> str:
    """What a reader sees: MathML (read by screen readers only), code and tags removed."""
    fragment = re.sub(r'<span class="katex-mathml".*?</math></span>', "", fragment, flags=re.DOTALL)
    fragment = re.sub(r"<(code|pre|script|style)\b.*?</\1>", "", fragment, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def annotations(fragment: str) -> list[str]:
    return [html.unescape(t) for t in re.findall(r'<annotation encoding="application/x-tex">(.*?)</annotation>', fragment, re.DOTALL)]


@pytest.fixture(scope="module")
def rich_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_project(tmp_path_factory.mktemp("rich"), {"index.md": RICH_PAGE})
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_every_formula_is_rendered_by_katex(rich_site: Path):
    page = article((rich_site / "index.html").read_text(encoding="utf-8"))
    rendered = [" ".join(t.split()) for t in annotations(page)]
    for tex in RICH_FORMULAS:
        assert " ".join(tex.split()) in rendered, tex
    assert page.count('class="katex-display"') == 1  # the display formula in the admonition


def test_no_tex_source_is_left_visible(rich_site: Path):
    text = visible_text(article((rich_site / "index.html").read_text(encoding="utf-8")))
    assert not re.search(r"\\[a-zA-Z]+", text), re.findall(r".{20}\\[a-zA-Z]+.{20}", text)
    dollars = [m.group(0) for m in re.finditer(r"\$\S*", text)]
    assert sorted(dollars) == sorted(["$5", "$10", "$100", "$5"])


def test_code_escapes_and_prices_stay_text(rich_site: Path):
    page = article((rich_site / "index.html").read_text(encoding="utf-8"))
    assert "<code>$not_math$</code>" in page
    assert '"$5$"' in page  # inside the highlighted code block
    assert "\\$" not in visible_text(page)


def test_math_inside_tables_admonitions_and_tabs(rich_site: Path):
    page = article((rich_site / "index.html").read_text(encoding="utf-8"))
    row = re.search(r"<tr>\s*<td>范数</td>(.*?)</tr>", page, re.DOTALL)
    assert row is not None
    assert row.group(1).count("<td") == 1 and 'class="katex"' in row.group(1)
    admonition = re.search(r'<div class="admonition note">(.*?)</div>', page, re.DOTALL)
    assert admonition is not None and "katex-display" in admonition.group(1)
    tabs = re.search(r'<div class="tabbed-content">(.*?)</div>\s*</div>', page, re.DOTALL)
    assert tabs is not None and tabs.group(1).count('class="katex"') == 2


def test_pages_load_katex_css_and_fonts_from_the_site_and_no_math_script(rich_site: Path):
    page = (rich_site / "index.html").read_text(encoding="utf-8")
    assert 'href="assets/katex/katex.min.css"' in page
    css = (rich_site / "assets" / "katex" / "katex.min.css").read_text(encoding="utf-8")
    fonts = re.findall(r"url\((fonts/[^)]+)\)", css)
    assert fonts and all((rich_site / "assets" / "katex" / font).is_file() for font in fonts)
    for script in re.findall(r"<script\b[^>]*>.*?</script>", page, re.DOTALL):
        assert not re.search(r"katex|mathjax|math", script, re.IGNORECASE), script[:200]
    assert not list(rich_site.rglob("katex*.js"))


def test_heading_math_reads_cleanly_in_toc_and_search(rich_site: Path):
    page = (rich_site / "index.html").read_text(encoding="utf-8")
    toc = page[page.index('class="md-nav md-nav--secondary"') :]
    link = re.search(r'<a href="#lr" class="md-nav__link">(.*?)</a>', toc, re.DOTALL)
    assert link is not None
    assert 'class="katex"' in link.group(1) and "<math" not in link.group(1)
    assert visible_text(link.group(1)).split().count("α") == 1
    index = load_js(rich_site / INDEX_FILE)
    sections = {s[1]: {"title": s[2], "text": s[3]} for s in index["sections"]}
    lr = sections["lr"]
    assert lr["title"].count("α") == 1, lr["title"]
    assert lr["text"].count("softmax") == 1, lr["text"]  # the formula's HTML, not also its MathML
    scale = sections["scale"]
    assert scale["title"].count("dk") == 1 and scale["text"].count("dk") == 1, scale
    assert scale["text"].count("∣") == 1, scale
    for doc in (lr, scale):
        for field in ("title", "text"):
            assert "KBMATH" not in doc[field], doc[field]
            assert "annotation" not in doc[field] and "\\" not in doc[field], doc[field]
    assert "data-search-exclude" not in page


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    root = write_project(tmp_path_factory.mktemp("broken"), {"index.md": "# 首页\n\n$x$\n", "bad.md": BROKEN_PAGE}, search=False)
    return root, build(root)


def _line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_broken_formulas_fail_the_build_with_file_line_and_hint(broken_build):
    root, result = broken_build
    assert result.returncode != 0
    log = result.stdout + result.stderr
    expected = {
        _line_of(BROKEN_PAGE, r"\frac{1}{2"): r"$\frac{1}{2$",
        _line_of(BROKEN_PAGE, r"\sofmax"): r"\sofmax",
        _line_of(BROKEN_PAGE, "R_{总}"): "$R_{总}$",
    }
    for line, formula in expected.items():
        located = re.search(rf"docs/bad\.md:{line}: 公式 (.*)", log)
        assert located is not None, (line, log)
        assert formula in located.group(1)
    assert "数学公式有 3 处错误" in log
    assert "Undefined control sequence: \\sofmax" in log
    assert log.count("提示：") == 3
    assert "docs/index.md" not in log
    assert not (root / "site" / "bad" / "index.html").exists()


def test_unclosed_display_math_is_reported(tmp_path: Path):
    root = write_project(tmp_path, {"index.md": "# 页\n\n正文\n\n$$\n\\sum_i x_i\n\n后文\n"}, search=False)
    result = build(root)
    assert result.returncode != 0
    assert "docs/index.md:5:" in result.stdout + result.stderr


def test_notebooks_render_math_without_mathjax(tmp_path: Path):
    root = write_project(tmp_path, {"index.md": "# 首页\n"}, notebooks={"notebooks/demo.ipynb": NOTEBOOK}, search=False)
    result = build(root)
    assert result.returncode == 0, result.stderr
    page = (root / "site" / "notebooks" / "demo" / "index.html").read_text(encoding="utf-8")
    assert "mathjax" not in page.lower()
    rendered = annotations(page)
    assert {"\\beta", "a<b"} <= set(rendered)
    assert any("\\frac{e^{z_i}}" in tex for tex in rendered)
    body = visible_text(page[page.index('class="jp-Notebook"') :])
    assert "$5 和 $10" in body and "\\frac" not in body and "$a" not in body
    assert "$x$" in page  # code cell untouched


def test_notebook_errors_name_cell_and_line(tmp_path: Path):
    notebook = json.loads(json.dumps(NOTEBOOK))
    notebook["cells"].append({"cell_type": "markdown", "id": "c3", "metadata": {}, "source": ["正常\n", "错误 $\\fra{1}{2}$\n"]})
    root = write_project(tmp_path, {"index.md": "# 首页\n"}, notebooks={"nb.ipynb": notebook}, search=False)
    result = build(root)
    assert result.returncode != 0
    assert re.search(r"docs/nb\.ipynb: 公式 \$\\fra\{1\}\{2\}\$（单元格 3 第 2 行）", result.stdout + result.stderr)


def test_rebuilds_reuse_rendered_formulas_and_one_process(tmp_path: Path):
    """What `mkdocs serve` does on each change: load the config and build again in the same Python process."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    page = "# 页\n\n" + "\n\n".join(f"公式 $x_{{{i}}} + {i}$" for i in range(40)) + "\n"
    root = write_project(tmp_path, {"index.md": page}, search=False)
    counts: list[tuple[int, int, int]] = []

    def build_once() -> int:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
        plugin = config.plugins["kb"]
        before = plugin.renderer.stats["rendered"] if plugin.renderer else 0
        mkdocs_build(config)
        stats = plugin.renderer.stats
        counts.append((stats["batches"], stats["processes"], id(plugin.renderer)))
        return stats["rendered"] - before

    assert build_once() == 40
    assert build_once() == 0
    (root / "docs" / "index.md").write_text(page.replace("x_{7} + 7", "x_{7} - 7"), encoding="utf-8")
    assert build_once() == 1
    assert counts[2][0] == counts[0][0] + 1  # one batch for the changed formula, none for the unchanged build
    assert len({renderer for _, _, renderer in counts}) == 1 and counts[2][1] <= counts[0][1] + 1
    html_text = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert any(tex == "x_{7} - 7" for tex in annotations(html_text))


def test_disk_cache_makes_a_fresh_build_render_nothing(tmp_path: Path):
    root = write_project(tmp_path, {"index.md": "# 页\n\n$a+b$ 与 $$c$$\n"}, search=False)
    first, second = build(root), build(root)
    assert first.returncode == 0 and second.returncode == 0
    assert "2 rendered in this build" in first.stderr
    assert "0 rendered in this build" in second.stderr
    assert list((root / ".cache" / "katex").glob("formulas-*.json"))


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def test_browser_shows_rendered_math_with_site_fonts_and_no_math_script(rich_site: Path, tmp_path: Path):
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (/usr/bin/chromium)")
    playwright = pytest.importorskip("playwright.sync_api")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(rich_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    try:
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1600})
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.goto(base, wait_until="networkidle")
            page.evaluate("document.fonts.ready")
            boxes = page.eval_on_selector_all(
                ".md-content .katex",
                "els => els.filter(e => e.checkVisibility()).map(e => e.getBoundingClientRect().width)",
            )
            font_ok = page.evaluate("document.fonts.check('16px KaTeX_Main') && document.fonts.check('16px KaTeX_Math')")
            errors = page.locator(".katex-error").count()
            page.screenshot(path=str(tmp_path / "math.png"), full_page=True)
            browser.close()
    finally:
        server.shutdown()
    assert len(boxes) >= len(RICH_FORMULAS) - 1  # one formula sits in the hidden second tab
    assert all(width > 0 for width in boxes)
    assert font_ok
    assert errors == 0
    assert all(url.startswith(base) for url in requests), [u for u in requests if not u.startswith(base)]
    assert any(url.endswith("katex.min.css") for url in requests)
    assert any("/assets/katex/fonts/" in url and url.endswith(".woff2") for url in requests)
    assert not [url for url in requests if url.endswith(".js") and re.search(r"katex|mathjax", url, re.IGNORECASE)]


def test_the_real_site_renders_every_formula_of_docs(root: Path, built_site: Path):
    from kb.code_math import find_math
    from kb.reviews.load import load_reviews
    from kb.reviews.place import place

    reviews, _ = load_reviews(root / "data" / "reviews", root)
    checked = 0
    for source in sorted((root / "docs").rglob("*.md")):
        markdown = source.read_text(encoding="utf-8")
        # review notes placed on the page bring their own formulas
        notes = place(reviews, {source.relative_to(root / "docs").as_posix(): markdown}).placements
        expected = [" ".join(f.tex.split()) for text in [markdown, *(p.note.note for p in notes)] for f in find_math(text).formulas]
        relative = source.relative_to(root / "docs").with_suffix("")
        target = built_site / ("index.html" if relative.name == "index" else relative / "index.html")
        page = article(target.read_text(encoding="utf-8"))
        assert sorted(" ".join(t.split()) for t in annotations(page)) == sorted(expected), source
        text = visible_text(page)
        leftover = re.findall(r"\$[^$\s][^$\n]{0,40}\$|\\(?:frac|sum|text|sqrt|mathrm|operatorname|lambda|beta)\b", text)
        assert not leftover, (source, leftover[:5])
        checked += len(expected)
    assert checked >= 120


def test_the_real_site_has_no_math_script(built_site: Path):
    for page in built_site.rglob("*.html"):
        scripts = re.findall(r"<script\b[^>]*>.*?</script>", page.read_text(encoding="utf-8"), re.DOTALL)
        assert not [s for s in scripts if re.search(r"katex|mathjax", s, re.IGNORECASE)], page


def test_math_in_the_page_title_becomes_plain_text(tmp_path: Path):
    root = write_project(tmp_path, {"index.md": "# 首页\n", "scale.md": "# 缩放 $\\sqrt{d_k}$\n\n正文 $x$。\n"}, search=False)
    result = build(root)
    assert result.returncode == 0, result.stderr
    page = (root / "site" / "scale" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.DOTALL)
    assert title is not None and "KBMATH" not in title.group(1) and "<" not in title.group(1)
    assert html.unescape(title.group(1)).startswith("缩放 dk")
    assert "KBMATH" not in page


def test_missing_node_fails_with_an_install_hint(tmp_path: Path):
    root = write_project(tmp_path, {"index.md": "# 页\n\n$a+b$\n"}, search=False)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PATH": str(tmp_path / "empty")}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(root / "site")],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert result.returncode != 0
    assert "找不到 node" in result.stdout + result.stderr
