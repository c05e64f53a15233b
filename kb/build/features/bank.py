"""On the question bank page, each question links to the answered questions that cover it.

The mapping is reviewed data (data/bank-links.yml, plus the bank questions each site-written answer
names). Every bank question must lead to an answer: one that does not fails the build.
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb.build.features.base import Feature
from kb.errors import ConfigError
from kb.links.bank import load_bank_links, render_answers, unanswered
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
        missing = unanswered(index, self.links, build.options.bank_links)
        if missing:
            raise PluginError(f"题库有 {len(missing)} 道题没有解答：\n" + "\n".join(missing))
        build.log.info("题库：%d / %d 道题链接到本站解答", len(self.links), len(index.bank))

    def on_page_markdown(self, markdown: str, page: Page) -> str:
        index, links = self.build.questions, self.links
        if links is None or page.file.src_uri not in {q.src_uri for q in index.bank.values()}:
            return markdown
        blocks = {
            heading.id: render_answers(heading.id, links[heading.id], index)
            for heading in headings(markdown)
            if heading.id in index.bank and heading.id in links
        }
        return insert_after_sections(markdown, blocks)
