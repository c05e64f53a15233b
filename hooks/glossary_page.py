"""Generate the glossary page (glossary.md) from data/glossary.yml at build time.

If docs/glossary.md exists it is kept as the page's introduction and the entries are appended;
otherwise the whole page is a generated file. "Edit this page" points at data/glossary.yml.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository root, for `kb`
from kb.links.glossary import GLOSSARY_FILE, Term
from kb.links.glossary_page import GLOSSARY_PAGE, check_references, render_entries, render_glossary
from kb.links.pages import site_glossary, site_question_index
from kb.links.questions import QuestionIndex

_state: dict[str, object] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.clear()
    terms = site_glossary(Path(config.config_file_path).resolve().parent)
    if terms is not None:
        _state["terms"] = terms
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    terms: list[Term] | None = _state.get("terms")  # type: ignore[assignment]
    if terms is None:
        return files
    index = site_question_index(files)
    problems = check_references(terms, index)
    if problems:
        raise PluginError("术语表数据有误：\n" + "\n".join(problems))
    _state["index"] = index
    if files.get_file_from_path(GLOSSARY_PAGE) is None:
        generated = File.generated(config, GLOSSARY_PAGE, content=render_glossary(terms, index))
        generated.edit_uri = f"../{GLOSSARY_FILE}"
        files.append(generated)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A hand-written docs/glossary.md is the introduction; the entries follow it."""
    terms: list[Term] | None = _state.get("terms")  # type: ignore[assignment]
    index: QuestionIndex | None = _state.get("index")  # type: ignore[assignment]
    if terms is None or index is None or page.file.src_uri != GLOSSARY_PAGE or page.file.generated_by:
        return markdown
    return markdown.rstrip() + "\n\n" + render_entries(terms, index)
