"""Render `$…$` / `$$…$$` with KaTeX at build time; bad math fails the build with every error at once.

Each formula is swapped for an opaque token in the Markdown (so Markdown never sees TeX) and, for
notebooks, in the converted HTML; on_env renders every formula of the build in one batch through
the plugin's Node process and puts the HTML into page content, table of contents and titles.
Error lines come from the page's source map: a formula in a review note names its review file.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from kb.build.features.base import Feature
from kb.build.page_assets import link_stylesheet
from kb.code_math import Formula, find_math
from kb.math.assets import STYLESHEET, add_assets
from kb.math.notebook import find_notebook_math
from kb.math.renderer import KatexUnavailable, Result, formula_key
from kb.math.report import MathError, format_errors, hint_for, shorten

TOKEN = re.compile(r"KBMATH(\d+)Z")
_MATHML = re.compile(r'<span class="katex-mathml">.*?</math></span>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@dataclass
class Where:
    """Where a formula is written: a file and line, or a notebook cell (``place`` says which)."""

    path: str
    line: int  # 0 for notebooks and headings
    place: str = ""  # "单元格 3 第 2 行" or "标题"


@dataclass
class PageMath:
    """The formulas of one page, by token number, and where each one is written."""

    page: Page
    formulas: list[Formula] = field(default_factory=list)
    where: list[Where] = field(default_factory=list)


def token(index: int) -> str:
    return f"KBMATH{index}Z"


def _delimited(formula: Formula) -> str:
    mark = "$$" if formula.display else "$"
    return f"{mark}{formula.tex}{mark}"


def _walk_toc(items: Iterable[AnchorLink] | None) -> Iterator[AnchorLink]:
    for item in items or []:
        yield item
        yield from _walk_toc(item.children)


class Math(Feature):
    def __init__(self, build) -> None:
        super().__init__(build)
        self.pages: dict[str, PageMath] = {}
        self.errors: list[MathError] = []
        self.keys: set[str] = set()

    def on_post_page(self, output: str, page: Page) -> str:
        """KaTeX's stylesheet only on pages that show a formula (it blocks rendering: 23 KB plus a request)."""
        if self.build.formulas.get(page.file.src_uri):
            return link_stylesheet(output, STYLESHEET, page)
        return output

    def on_files(self, files: Files) -> None:
        try:
            add_assets(files, self.build.config)
        except KatexUnavailable as err:
            raise PluginError(str(err)) from err

    def on_page_markdown(self, markdown: str, page: Page) -> str:
        if not page.file.src_uri.endswith(".md"):
            return markdown
        source = self.build.source_map(page)
        scan = find_math(markdown)
        record = PageMath(page)
        for problem in scan.problems:
            path, line = source.locate(problem.line)
            self.errors.append(
                MathError(path, line, shorten(markdown[problem.start :].split("\n", 1)[0]), problem.message, problem.hint,
                          source="定界符")
            )
        edits: list[tuple[int, int, str]] = [(i, i + 2, "&#36;") for i in scan.escapes]
        for formula in scan.formulas:
            edits.append((formula.start, formula.end, token(len(record.formulas))))
            record.formulas.append(formula)
            record.where.append(Where(*source.locate(formula.line)))
        self.pages[page.file.src_uri] = record
        pieces, pos = [], 0
        for start, end, replacement in sorted(edits):
            pieces += [markdown[pos:start], replacement]
            pos = end
        pieces.append(markdown[pos:])
        return "".join(pieces)

    def on_page_content(self, html_text: str, page: Page) -> str:
        if not page.file.src_uri.endswith(".ipynb"):
            return html_text
        record = PageMath(page)
        path = self.build.label(page.file.src_uri)
        found = find_notebook_math(html_text, Path(page.file.abs_src_path or ""))
        pieces, pos = [], 0
        for item in found:
            pieces += [html_text[pos : item.formula.start], token(len(record.formulas))]
            pos = item.formula.end
            record.formulas.append(item.formula)
            record.where.append(Where(path, 0, f"单元格 {item.cell} 第 {item.line} 行" if item.cell else "?"))
        pieces.append(html_text[pos:])
        self.pages[page.file.src_uri] = record
        for anchor in _walk_toc(page.toc):
            anchor.title = self._tokenise_text(anchor.title, record, path)
        if page.title:
            page.title = self._tokenise_text(page.title, record, path)
        return "".join(pieces)

    @staticmethod
    def _tokenise_text(text: str, record: PageMath, path: str) -> str:
        """Replace formulas in a notebook heading text by tokens of formulas already collected."""
        pieces, pos = [], 0
        for formula in find_math(text).formulas:
            tex = html.unescape(formula.tex)
            index = next(
                (i for i, f in enumerate(record.formulas) if f.tex == tex and f.display == formula.display), None
            )
            if index is None:
                index = len(record.formulas)
                record.formulas.append(Formula(tex, formula.display, -1, -1, 0))
                record.where.append(Where(path, 0, "标题"))
            pieces += [text[pos : formula.start], token(index)]
            pos = formula.end
        pieces.append(text[pos:])
        return "".join(pieces)

    def on_env(self) -> None:
        renderer = self.build.renderer
        wanted = [(f.tex, f.display) for record in self.pages.values() for f in record.formulas]
        try:
            results = renderer.render(wanted)
        except KatexUnavailable as err:
            raise PluginError(str(err)) from err
        self.keys = set(results)
        errors = list(self.errors)
        for record in self.pages.values():
            for formula, where in zip(record.formulas, record.where, strict=True):
                result = results[formula_key(formula.tex, formula.display)]
                if result.error is not None:
                    errors.append(_error(formula, where, result))
        if errors:
            raise PluginError(format_errors(errors, renderer.version))
        for uri, record in self.pages.items():
            self.build.formulas[uri] = _apply(record, results)
        rendered = renderer.stats["rendered"] - renderer.stats.get("_last", 0)
        renderer.stats["_last"] = renderer.stats["rendered"]
        self.build.log.info(
            "KaTeX %s: %d formulas (%d unique), %d rendered in this build, Node processes so far: %d",
            renderer.version, len(wanted), len(results), rendered, renderer.stats["processes"],
        )

    def on_post_build(self) -> None:
        cache = self.build.path(self.build.options.cache_dir) / "katex"
        self.build.renderer.save_disk_cache(cache, self.keys, keep_others=self.build.dirty)


def _error(formula: Formula, where: Where, result: Result) -> MathError:
    """Locate KaTeX's error on the exact source line (multi-line display math counts lines)."""
    message = result.error or ""
    shown = shorten(_delimited(formula))
    if where.place:  # notebook: the cell and line go with the formula
        return MathError(where.path, 0, f"{shown}（{where.place}）", message, hint_for(message))
    number = where.line + formula.tex[: result.position or 0].count("\n")
    return MathError(where.path, number, shown, message, hint_for(message))


def _apply(record: PageMath, results: dict[str, Result]) -> list[str]:
    """Put rendered HTML where the tokens are: content, table of contents, titles; returns it by token."""
    rendered = [results[formula_key(f.tex, f.display)].html or "" for f in record.formulas]

    def body(match: re.Match[str]) -> str:
        index = int(match.group(1))
        if index >= len(rendered):
            return match.group(0)
        text = match.string
        if text.rfind("<", 0, match.start()) > text.rfind(">", 0, match.start()):  # inside a tag: an attribute
            return html.escape(_delimited(record.formulas[index]))  # left as text, never HTML in an attribute
        return rendered[index]

    def html_only(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return _MATHML.sub("", rendered[index]) if index < len(rendered) else match.group(0)

    def plain(match: re.Match[str]) -> str:
        text = html_only(match)
        return html.unescape(_TAG.sub("", text)).replace("\u200b", "")

    page = record.page
    if page.content:
        page.content = TOKEN.sub(body, page.content)
    for anchor in _walk_toc(page.toc):
        anchor.title = TOKEN.sub(html_only, anchor.title)
    if page.title and TOKEN.search(page.title):
        page.title = TOKEN.sub(plain, page.title)
    return rendered
