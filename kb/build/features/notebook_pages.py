"""Notebook pages as readers get them: no third-party loaders, and headings with working anchors."""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from kb.build.features.base import Feature
from kb.notebooks.headings import fix_headings
from kb.notebooks.offline import strip_loaders, third_party_loads


class NotebookPages(Feature):
    def on_page_content(self, html: str, page: Page) -> str:
        if not page.file.src_uri.endswith(".ipynb"):
            return html
        html = strip_loaders(html)
        leftovers = third_party_loads(html)
        if leftovers:
            raise PluginError(
                f"{page.file.src_uri}: 笔记本页面仍会从第三方地址加载资源：{leftovers[0]!r}。"
                "请在 kb/notebooks/offline.py 中去掉它，或改为站内资源。"
            )
        # Anchors from the heading text as written: before the math feature swaps formulas for tokens.
        return fix_headings(html, list(page.toc))
