"""Markdown sources of the site's pages, as MkDocs sees them (including generated files)."""
from __future__ import annotations

from mkdocs.structure.files import Files


def page_sources(files: Files) -> dict[str, str]:
    """``{src_uri: markdown}`` for every Markdown page of the build."""
    return {f.src_uri: f.content_string for f in files.documentation_pages() if f.src_uri.endswith(".md")}
