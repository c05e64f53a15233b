"""Generate the glossary page (glossary.md) from data/glossary.yml at build time.

The page is a generated file (there is no docs/glossary.md); "Edit this page" points at data/glossary.yml.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository root, for `kb`
from kb.links.glossary import GLOSSARY_FILE, Term
from kb.links.glossary_page import GLOSSARY_PAGE, check_references, render_glossary
from kb.links.pages import site_glossary, site_question_index

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
    if files.get_file_from_path(GLOSSARY_PAGE) is not None:
        raise PluginError(
            f"docs/{GLOSSARY_PAGE} 由 {GLOSSARY_FILE} 在构建时生成 — 请删除 docs/{GLOSSARY_PAGE}，在 {GLOSSARY_FILE} 中修改术语"
        )
    generated = File.generated(config, GLOSSARY_PAGE, content=render_glossary(terms, index))
    generated.edit_uri = f"../{GLOSSARY_FILE}"
    files.append(generated)
    return files
