"""Show the review of every answer: claims highlighted, notes after them, a state by each question.

Runs first among the page hooks: the notes are Markdown (their formulas and links go through the
math hook and the link checks like any other text), and the quotes are found in the page as written.
Also generates the 审校 page (review.md) and adds each document's verdict to the sources page.
"""
from __future__ import annotations

import posixpath
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository root, for `kb`
from kb.answers.model import ORIGIN_KEY
from kb.errors import ConfigError
from kb.links.glossary_page import GLOSSARY_PAGE
from kb.links.pages import page_sources, project_root, site_glossary
from kb.reviews.load import load_reviews
from kb.reviews.page import REVIEW_DATA, REVIEW_PAGE, glossary_sources, nav_order, render_review_page, source_verdicts
from kb.reviews.place import Placed, place
from kb.reviews.render import annotate
from kb.sources import MANIFEST, load_manifest

SOURCES_PAGE = "sources.md"
_state: dict[str, object] = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _state.clear()  # nothing carries over between builds of `mkdocs serve`
    root = project_root(config)
    reviews, errors = load_reviews(root / REVIEW_DATA, root)
    pages = page_sources(files)
    placed = place(reviews, pages)
    errors += placed.errors
    terms = {t.id: t.term for t in site_glossary(root) or []}
    errors += [
        f"{r.file}:{r.line}: 术语 `{r.term}` 不在 data/glossary.yml 中 — 检查 id 拼写，或删除这条审校记录"
        for r in reviews.terms.values() if r.term not in terms
    ]
    if errors:
        raise PluginError(f"审校数据有 {len(errors)} 处错误：\n" + "\n".join(errors))
    try:
        titles = {d.key: d.title for d in load_manifest(root)} if (root / MANIFEST).exists() else {}
        titles[ORIGIN_KEY] = "本站撰写的解答"
    except ConfigError as exc:
        raise PluginError(str(exc)) from None
    if files.get_file_from_path(REVIEW_PAGE) is not None:
        raise PluginError(f"docs/{REVIEW_PAGE} 由 {REVIEW_DATA} 在构建时生成 — 请删除 docs/{REVIEW_PAGE}")
    content = render_review_page(reviews, placed, pages, titles, terms, nav_order(config.nav))
    generated = File.generated(config, REVIEW_PAGE, content=content)
    generated.edit_uri = f"../{REVIEW_DATA}"
    files.append(generated)
    _state.update(reviews=reviews, placed=placed)
    return files


@event_priority(110)  # before the math hook (100) takes formulas out: notes may hold formulas
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "placed" not in _state:
        return markdown
    reviews, placed = _state["reviews"], _state["placed"]
    assert isinstance(placed, Placed)
    uri = page.file.src_uri
    if uri == SOURCES_PAGE:
        return source_verdicts(markdown, reviews, placed)  # type: ignore[arg-type]
    if uri == GLOSSARY_PAGE:
        return glossary_sources(markdown, reviews)  # type: ignore[arg-type]
    here = place(reviews, {uri: markdown})  # type: ignore[arg-type]
    answers = [a for q, (u, a) in here.answers.items() if u == uri and placed.answers.get(q, (None,))[0] == uri]
    if not answers:
        return markdown
    ids = {a.question for a in answers}
    placements = [p for p in here.placements if p.note.question in ids]
    review_page = posixpath.relpath(REVIEW_PAGE, posixpath.dirname(uri) or ".")
    return annotate(markdown, placements, [a for a in answers if a.answered], reviews, review_page)  # type: ignore[arg-type]
