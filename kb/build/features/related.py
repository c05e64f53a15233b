"""Every answered question on a topic page ends with 2–5 related questions from other topics or sources.

Computed once per build from the pages' text (TF-IDF over jieba tokens plus shared glossary terms,
kb/links/related.py), so the lists are the same on every run; data/related.yml overrides them.
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kb.answers.model import ORIGIN_KEY
from kb.build.cache import version
from kb.build.features.base import Feature
from kb.errors import ConfigError
from kb.links.markdown_index import insert_after_sections
from kb.links.related import TOKENS_VERSION, load_overrides, related_questions, render_block, words


class RelatedQuestions(Feature):
    related: dict[str, list[str]] | None = None

    def on_files(self, files: Files) -> None:
        build = self.build
        try:
            overrides = load_overrides(build.path(build.options.related), build.questions, build.options.related)
        except ConfigError as exc:
            raise PluginError(f"相关问题数据有误：\n{exc}") from None
        words_of = build.text_cache(f"related-words-{version(*TOKENS_VERSION)}", words)
        matcher = build.term_matcher
        terms_of = None
        if matcher is not None:  # the terms a text mentions depend on the text and the glossary file
            glossary = build.path(build.options.glossary).read_bytes()
            terms_of = build.text_cache(f"related-terms-{version(glossary, TOKENS_VERSION)}", lambda text: sorted(matcher.term_ids(text)))
        self.related = related_questions(build.questions, matcher, overrides, words_of, terms_of)

    def on_page_markdown(self, markdown: str, page: Page) -> str:
        entries = [e for e in self.build.questions.entries if e.src_uri == page.file.src_uri]
        if not entries or self.related is None:
            return markdown
        names = {key: f"《{title}》" for key, title in self.build.doc_titles.items()}
        names[ORIGIN_KEY] = "本站撰写"
        index = self.build.questions
        blocks = {entry.id: render_block(entry, self.related.get(entry.id, []), index, names) for entry in entries}
        return insert_after_sections(markdown, {entry_id: block for entry_id, block in blocks.items() if block})
