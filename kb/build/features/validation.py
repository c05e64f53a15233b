"""The build fails on a broken internal link, naming the Markdown file and line (unsafe content: safety.py).

Pages are checked once every feature has finished with their HTML (on_env, before anything is
written); the theme's parts of each written page (navigation, header, footer) are checked too.
External links are checked only by `make linkcheck`.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from kb.build.features.base import Feature
from kb.links.html_scan import HtmlFacts, merged, scan_html, template_facts
from kb.links.internal import PageDoc, check_pages, check_site


def _fail(title: str, problems: list[str]) -> None:
    listing = "\n".join(f"  {p}" for p in problems)
    raise PluginError(f"{title}（{len(problems)} 处）：\n{listing}")


class InternalLinks(Feature):
    """Every internal link, #anchor and image resolves; ids are unique."""

    def __init__(self, build) -> None:
        super().__init__(build)
        self.written: dict[str, HtmlFacts] = {}  # site path → facts of each HTML file as it was written
        self.page_problems: list[str] = []

    def on_env(self) -> None:
        files = self.build.files
        assert files is not None
        pages, others = [], []
        for file in files:
            page = file.page
            if page is not None and page.content is not None and file.src_uri.endswith(".md"):
                facts = self.build.scans[file.src_uri].facts
                pages.append(PageDoc(self.build.label(file.src_uri), page.url, page.content, file.content_string,
                                     page.markdown or "", facts))
            else:
                others.append(file.url)
        self.page_problems = check_pages(pages, others)  # reported after the safety check (on_post_build)

    def on_post_page(self, output: str, page: Page) -> str:
        """Read what the theme wrapped around the content; the content itself was read with the page."""
        scan = self.build.scans.get(page.file.src_uri)
        content = page.content or ""
        start = output.find(content) if scan is not None and content else -1
        if start < 0:
            self.written[page.file.dest_uri] = scan_html(output)
            return output
        first_line = output.count("\n", 0, start) + 1
        self.written[page.file.dest_uri] = merged(template_facts(output, (start, start + len(content))), scan.facts, first_line)
        return output

    def on_post_template(self, output: str, name: str) -> str:
        if name.endswith(".html"):
            self.written[name] = scan_html(output)
        return output

    def on_post_build(self) -> None:
        if self.page_problems:
            _fail("站内链接检查失败", self.page_problems)
        config = self.build.config
        base_path = urlsplit(config.site_url or "/").path or "/"
        problems = check_site(Path(config.site_dir), base_path, self.written)
        if problems:
            _fail("生成的网站中有失效的站内链接", problems)
