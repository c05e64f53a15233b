"""Notebook pages (docs/**/*.ipynb, stored executed): converted to HTML, made self-contained, headings fixed.

The conversion is mkdocs-jupyter's own (`mkdocs_jupyter.convert.nb2html` and its table of contents),
called with the options the site used to give the mkdocs-jupyter plugin, so pages are unchanged. It is
kept in the cache folder by the notebook's bytes and those options: a build whose notebooks did not
change never imports nbconvert or jupytext (a seventh of a build's CPU), and Markdown pages are never
read by jupytext. Then third-party loaders are dropped and headings get anchors that match the TOC.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from importlib.metadata import version
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from kb.build.features.base import Feature
from kb.build.page_assets import link_stylesheet
from kb.notebooks.headings import fix_headings
from kb.notebooks.lighten import leftovers, lighten
from kb.notebooks.offline import strip_loaders, third_party_loads

# What the site asked of mkdocs-jupyter: stored outputs (no kernel), no prompts, no require.js, the
# notebook's first heading as page title, table of contents to h2, the .ipynb offered beside the page.
CONVERT = {
    "execute": False, "kernel_name": "", "theme": "", "allow_errors": True, "show_input": True, "no_input": False,
    "no_prompt": True, "remove_tag_config": {}, "highlight_extra_classes": "", "include_requirejs": False,
    "custom_mathjax_url": "",
}  # fmt: skip
TOC_DEPTH = 2
STYLESHEET = "assets/stylesheets/kb-notebook.css"  # the cells' layout (kb/notebooks/notebook.css), notebook pages only
CLEANING = 3  # bump when kb/notebooks/offline.py or lighten.py changes what it removes or refuses (cached pages are cleaned)


class NotebookFile(File):
    """A notebook that is a page of the site (MkDocs by itself copies .ipynb files as they are)."""

    def is_documentation_page(self) -> bool:
        return True


def is_notebook(page: Page) -> bool:
    return page.file.src_uri.endswith(".ipynb")


class Notebooks(Feature):
    def __init__(self, build) -> None:
        super().__init__(build)
        self.folder = build.path(build.options.cache_dir) / "kb" / "notebooks"
        self.used: set[Path] = set()

    def on_files(self, files: Files) -> Files:
        def page_file(file: File) -> File:
            if not file.src_uri.endswith(".ipynb") or file.abs_src_path is None:
                return file
            return NotebookFile(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls, inclusion=file.inclusion)

        files = Files([page_file(f) for f in files])
        if any(isinstance(f, NotebookFile) for f in files) and files.get_file_from_path(STYLESHEET) is None:
            css = Path(__file__).parents[2] / "notebooks" / "notebook.css"
            files.append(File.generated(self.build.config, STYLESHEET, abs_src_path=str(css)))
        return files

    def on_page_read_source(self, page: Page) -> str | None:
        return "" if is_notebook(page) else None  # the page is the converted notebook, not its JSON as Markdown

    def on_page_content(self, html: str, page: Page) -> str:
        if not is_notebook(page):
            return html
        converted = self._converted(page)
        page.toc = get_toc(converted["toc_tokens"])
        if converted.get("title") is not None:
            page.title = converted["title"]
        # Anchors from the heading text as written: before the math feature swaps formulas for tokens.
        return fix_headings(converted["content"], list(page.toc))

    def _converted(self, page: Page) -> dict:
        """The notebook as HTML without third-party loaders, its TOC and title (cached by content)."""
        path = Path(page.file.abs_src_path or "")
        key = hashlib.sha256(path.read_bytes())
        key.update(json.dumps([CONVERT, TOC_DEPTH, version("mkdocs-jupyter"), version("nbconvert"), CLEANING]).encode())
        cached = self.folder / f"{key.hexdigest()}.json"
        self.used.add(cached)
        try:
            return json.loads(cached.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
        from mkdocs_jupyter import convert  # slow imports (nbconvert, jupytext): only when a notebook changed
        from mkdocs_jupyter.plugin import _get_nb_toc_tokens

        content = lighten(strip_loaders(convert.nb2html(str(path), **CONVERT)))
        loads = third_party_loads(content)
        if loads:
            raise PluginError(
                f"{page.file.src_uri}: 笔记本页面仍会从第三方地址加载资源：{loads[0]!r}。"
                "请在 kb/notebooks/offline.py 中去掉它，或改为站内资源。"
            )
        left = leftovers(content)
        if left:
            raise PluginError(
                f"{page.file.src_uri}: 笔记本页面仍带有 mkdocs-jupyter 的内联样式或复制按钮：{left[0]!r}。"
                "mkdocs-jupyter 的模板可能变了：请更新 kb/notebooks/lighten.py 中的匹配规则。"
            )
        toc_tokens, title = _get_nb_toc_tokens(str(path), TOC_DEPTH)
        converted = {"content": content, "toc_tokens": toc_tokens, "title": title}
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(converted), encoding="utf-8")
        tmp.replace(cached)
        return converted

    def on_post_page(self, output: str, page: Page) -> str:
        if is_notebook(page) and page.file.abs_src_path and page.file.abs_dest_path:
            output = link_stylesheet(output, STYLESHEET, page)
            source = Path(page.file.abs_src_path)  # readers can download the notebook beside its page
            folder = Path(page.file.abs_dest_path).parent
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, folder / source.name)
        return output

    def on_post_build(self) -> None:
        if self.build.dirty or not self.folder.is_dir():
            return
        for stale in self.folder.glob("*.json"):
            if stale not in self.used:
                stale.unlink()
