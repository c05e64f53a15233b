"""Markdown sources of the site's pages, as MkDocs sees them (including generated files)."""
from __future__ import annotations

from functools import lru_cache

from mkdocs.structure.files import Files

from kb.links.questions import QuestionIndex, build_index


def page_sources(files: Files) -> dict[str, str]:
    """``{src_uri: markdown}`` for every Markdown page of the build."""
    return {f.src_uri: f.content_string for f in files.documentation_pages() if f.src_uri.endswith(".md")}


def site_question_index(files: Files) -> QuestionIndex:
    """The question index of this build, parsed once and shared by every hook that needs it."""
    pages = page_sources(files)
    return _cached_index(tuple(sorted(pages.items())))


@lru_cache(maxsize=2)
def _cached_index(pages: tuple[tuple[str, str], ...]) -> QuestionIndex:
    return build_index(dict(pages))
