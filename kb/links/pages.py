"""What the build's hooks share: page sources, the question index and the glossary, each read once."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from kb.errors import ConfigError
from kb.links.glossary import GLOSSARY_FILE, Term, TermMatcher, load_glossary, term_matcher
from kb.links.questions import BANK_PAGE, TOPIC_DIR, QuestionIndex, build_index


def page_sources(files: Files) -> dict[str, str]:
    """``{src_uri: markdown}`` for every Markdown page of the build."""
    return {f.src_uri: f.content_string for f in files.documentation_pages() if f.src_uri.endswith(".md")}


def site_question_index(files: Files) -> QuestionIndex:
    """The question index of this build, parsed once and shared by every hook that needs it.

    Keyed only on the pages the index reads (topic pages and the bank), so pages that hooks
    add later in on_files (the generated glossary) do not make a second parse.
    """
    pages = {uri: text for uri, text in page_sources(files).items() if uri == BANK_PAGE or uri.startswith(TOPIC_DIR)}
    return _cached_index(tuple(sorted(pages.items())))


@lru_cache(maxsize=2)
def _cached_index(pages: tuple[tuple[str, str], ...]) -> QuestionIndex:
    return build_index(dict(pages))


def site_glossary(root: Path) -> list[Term] | None:
    """The glossary's terms, or None when the project has none; bad data stops the build."""
    if not (root / GLOSSARY_FILE).exists():
        return None
    try:
        return load_glossary(root)
    except ConfigError as exc:
        raise PluginError(f"术语表数据有误：\n{exc}") from None


def site_term_matcher(root: Path) -> TermMatcher | None:
    """The glossary's shared term matcher, or None when the project has no glossary."""
    return term_matcher(root) if site_glossary(root) is not None else None



def project_root(config: MkDocsConfig) -> Path:
    """The folder holding mkdocs.yml, where data/ and sources/ live."""
    return Path(config.config_file_path).resolve().parent


def docs_label(config: MkDocsConfig, src_uri: str) -> str:
    """A page's path as contributors see it, relative to the project: ``docs/topics/a.md``."""
    docs = os.path.relpath(config.docs_dir, project_root(config)).replace(os.sep, "/")
    return f"{docs}/{src_uri}"
