"""Stylesheets only some pages need (notebook layout, KaTeX), linked from those pages' <head> alone.

A stylesheet in mkdocs.yml's ``extra_css`` is loaded by every page; one that only some pages use
is linked here instead, page-relative, so it works from a server and from disk (`make offline`).
"""
from __future__ import annotations

from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url


def link_stylesheet(output: str, site_path: str, page: Page) -> str:
    """``output`` (a page's full HTML) with a stylesheet link to ``site_path`` added at the end of its <head>."""
    href = get_relative_url(site_path, page.url)
    tag = f'<link rel="stylesheet" href="{href}">'
    if tag in output:
        return output
    return output.replace("</head>", f"{tag}\n</head>", 1)
