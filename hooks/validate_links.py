"""Fail the build on any broken internal link, #anchor or image, or on a duplicate id.

Checked over the rendered HTML of every page once all hooks have run (on_env, before anything is
written), naming the Markdown file and line; then over the whole built site, theme included
(on_post_build). External links are checked only by `make linkcheck`.
"""
from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository root, for `kb`
from kb.links.internal import PageDoc, check_pages, check_site
from kb.links.pages import docs_label


def _fail(title: str, problems: list[str]) -> None:
    listing = "\n".join(f"  {p}" for p in problems)
    raise PluginError(f"{title}（{len(problems)} 处）：\n{listing}")


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    pages = []
    others = []
    for file in files:
        page = file.page
        if page is not None and page.content is not None and file.src_uri.endswith(".md"):
            pages.append(
                PageDoc(docs_label(config, file.src_uri), page.url, page.content, file.content_string, page.markdown or "")
            )
        else:
            others.append(file.url)
    problems = check_pages(pages, others)
    if problems:
        _fail("站内链接检查失败", problems)
    return env


def on_post_build(config: MkDocsConfig) -> None:
    base_path = urlsplit(config.site_url or "/").path or "/"
    problems = check_site(Path(config.site_dir), base_path)
    if problems:
        _fail("生成的网站中有失效的站内链接", problems)
