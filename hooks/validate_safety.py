"""Fail the build when page content carries <script>, <iframe>, inline event handlers (onclick= …),
javascript: URLs or links to private or internal addresses, naming the Markdown file and line.

Checked on the final HTML of each Markdown page, so code samples that merely show such markup pass.
"""
from __future__ import annotations

import sys
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository root, for `kb`
from kb.links.html_scan import scan_page
from kb.links.locate import find_line
from kb.links.pages import docs_label
from kb.links.safety import unsafe_markup

FIX = "内容中不允许脚本、内嵌框架、事件处理属性或内网链接，请删除或改为普通链接"


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    problems = []
    for file in files.documentation_pages():
        page = file.page
        if page is None or page.content is None or not file.src_uri.endswith(".md"):
            continue
        label = docs_label(config, file.src_uri)
        for html_line, what, needle in unsafe_markup(scan_page(page.content)):
            line = find_line(file.content_string, [needle])
            where = f"{label}:{line}" if line else f"{label}:{html_line}（构建时生成的内容）"
            problems.append(f"{where}: {what} — {FIX}")
    if problems:
        listing = "\n".join(f"  {p}" for p in sorted(set(problems)))
        raise PluginError(f"内容安全检查失败（{len(set(problems))} 处）：\n{listing}")
    return env
