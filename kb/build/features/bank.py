"""On the question bank page, each question links to the answered questions that cover it.

The mapping is reviewed data (data/bank-links.yml); questions without an answer are marked
"待补充：欢迎贡献" with a link that opens the GitHub editor on the question's topic page.
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb.build.features.base import Feature
from kb.errors import ConfigError
from kb.links.bank import load_bank_links, render_answers, render_open
from kb.links.markdown_index import headings, insert_after_sections


class BankLinks(Feature):
    links: dict[str, list[str]] | None = None

    def on_files(self, files: Files) -> None:
        build = self.build
        index = build.questions
        if not index.bank:
            return
        try:
            self.links = load_bank_links(build.path(build.options.bank_links), index, build.options.bank_links)
        except ConfigError as exc:
            raise PluginError(f"题库链接数据有误：\n{exc}") from None
        build.log.info("题库：%d / %d 道题链接到本站解答", len(self.links), len(index.bank))

    def _edit_url(self, src_uri: str) -> str | None:
        """MkDocs' own "edit this page" URL (pages listed in the nav exist before any page is rendered)."""
        assert self.build.files is not None
        file = self.build.files.get_file_from_path(src_uri)
        return file.page.edit_url if file is not None and file.page is not None else None

    def on_page_markdown(self, markdown: str, page: Page) -> str:
        index, links = self.build.questions, self.links
        if links is None or page.file.src_uri not in {q.src_uri for q in index.bank.values()}:
            return markdown
        lines = markdown.split("\n")
        blocks: dict[str, str] = {}
        for heading in headings(markdown):
            if heading.id not in index.bank:
                continue
            if heading.id in links:
                blocks[heading.id] = render_answers(heading.id, links[heading.id], index)
            else:
                section = "\n".join(lines[heading.line : heading.end])
                blocks[heading.id] = render_open(section, self._edit_url)
        return insert_after_sections(markdown, blocks)
