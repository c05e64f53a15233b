"""Review notes: claims highlighted, notes after their block, a state by every question, the 审校 page.

The notes are Markdown inserted into the page as written (the quotes are found there), so they run
first: their formulas and links then go through the math feature and the link checks like any
other text, and the page's source map says which inserted line comes from which review file line.
"""
from __future__ import annotations

import posixpath

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kb.answers.model import ORIGIN_KEY
from kb.build.features.base import Feature
from kb.nav import nav_order
from kb.reviews.load import load_reviews
from kb.reviews.model import Reviews
from kb.reviews.page import REVIEW_PAGE, glossary_sources, render_review_page, source_verdicts
from kb.reviews.place import Placed, place
from kb.reviews.render import annotation_edits

SOURCES_PAGE = "sources.md"
GLOSSARY_PAGE = "glossary.md"


class ReviewNotes(Feature):
    reviews: Reviews | None = None
    placed: Placed | None = None

    def on_files(self, files: Files) -> None:
        build = self.build
        directory = build.path(build.options.reviews)
        if not directory.is_dir():
            return
        reviews, errors = load_reviews(directory, build.root)
        placed = place(reviews, build.sources)
        errors += placed.errors
        terms = {t.id: t.term for t in build.glossary or []}
        errors += [
            f"{r.file}:{r.line}: 术语 `{r.term}` 不在 {build.options.glossary} 中 — 检查 id 拼写，或删除这条审校记录"
            for r in reviews.terms.values() if r.term not in terms
        ]
        if errors:
            raise PluginError(f"审校数据有 {len(errors)} 处错误：\n" + "\n".join(errors))
        if files.get_file_from_path(REVIEW_PAGE) is not None:
            raise PluginError(f"docs/{REVIEW_PAGE} 由 {build.options.reviews}/ 在构建时生成 — 请删除 docs/{REVIEW_PAGE}")
        titles = {**build.doc_titles, ORIGIN_KEY: "本站撰写的解答"}
        content = render_review_page(reviews, placed, build.sources, titles, terms, nav_order(build.config.nav))
        generated = File.generated(build.config, REVIEW_PAGE, content=content)
        generated.edit_uri = f"../{build.options.reviews.rstrip('/')}/"
        files.append(generated)
        self.reviews, self.placed = reviews, placed

    def on_page_markdown(self, markdown: str, page: Page) -> str:
        if self.reviews is None or self.placed is None:
            return markdown
        uri = page.file.src_uri
        if uri == SOURCES_PAGE:
            return source_verdicts(markdown, self.reviews, self.placed)
        if uri == GLOSSARY_PAGE:
            return glossary_sources(markdown, self.reviews)
        here = place(self.reviews, {uri: markdown})
        answers = [a for q, (u, a) in here.answers.items() if u == uri and self.placed.answers.get(q, (None,))[0] == uri]
        if not answers:
            return markdown
        ids = {a.question for a in answers}
        placements = [p for p in here.placements if p.note.question in ids]
        review_page = posixpath.relpath(REVIEW_PAGE, posixpath.dirname(uri) or ".")
        lines = markdown.split("\n")
        edits = annotation_edits(lines, placements, [a for a in answers if a.answered], self.reviews, review_page)
        return "\n".join(self.build.source_map(page).apply(lines, edits))
