"""Render `$…$` / `$$…$$` to HTML with KaTeX at build time and fail the build on bad math.

Flow: on_page_markdown swaps each formula for an opaque token, so Markdown (tables,
emphasis, headings) never sees TeX; on_env renders every formula of the build in one batch
through one Node process, reports all errors at once, and puts the HTML into page content,
table of contents and titles. Pages get KaTeX's CSS and fonts from the site; no math script.
"""
from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment
from katex_math.assets import STYLESHEET, add_assets
from katex_math.find import Formula, find_math
from katex_math.notebook import find_notebook_math
from katex_math.renderer import KatexUnavailable, Result, formula_key, shared_renderer
from katex_math.report import MathError, format_errors, hint_for, shorten
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

log = logging.getLogger("mkdocs.hooks.math_render")

TOKEN = re.compile(r"KBMATH(\d+)Z")
_MATHML = re.compile(r'<span class="katex-mathml">.*?</math></span>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@dataclass
class PageMath:
    """The formulas of one page, by token number, and where they come from."""

    page: Page
    path: str  # source path as shown in errors, e.g. docs/topics/attention.md
    formulas: list[Formula] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # "12" or "单元格 3 第 2 行" per formula


@dataclass
class BuildState:
    root: Path
    docs_prefix: str
    pages: dict[str, PageMath] = field(default_factory=dict)
    errors: list[MathError] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)


_state: BuildState | None = None


def _token(index: int) -> str:
    return f"KBMATH{index}Z"


def _delimited(formula: Formula) -> str:
    mark = "$$" if formula.display else "$"
    return f"{mark}{formula.tex}{mark}"


def _front_matter_lines(page: Page, markdown: str) -> int:
    """Lines that MkDocs stripped (YAML front matter) before handing us the Markdown."""
    try:
        original = Path(page.file.abs_src_path or "").read_text(encoding="utf-8-sig")
    except OSError:
        return 0
    original = original.replace("\r\n", "\n")
    if markdown and original.endswith(markdown):
        return original[: len(original) - len(markdown)].count("\n")
    return 0


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    root = Path(config.config_file_path).resolve().parent
    docs = Path(config.docs_dir).resolve()
    try:
        prefix = docs.relative_to(root).as_posix()
    except ValueError:
        prefix = docs.as_posix()
    _state = BuildState(root=root, docs_prefix=prefix)
    try:
        renderer = shared_renderer()
    except KatexUnavailable as err:
        raise PluginError(str(err)) from err
    renderer.load_disk_cache(root / ".cache" / "katex")
    if STYLESHEET not in config.extra_css:
        config.extra_css.insert(0, STYLESHEET)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    add_assets(files, config)
    return files


@event_priority(100)  # before other hooks, so line numbers match the file on disk
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _state is not None
    if not page.file.src_uri.endswith(".md"):
        return markdown
    offset = _front_matter_lines(page, markdown)
    scan = find_math(markdown)
    record = PageMath(page=page, path=f"{_state.docs_prefix}/{page.file.src_uri}")
    for problem in scan.problems:
        _state.errors.append(
            MathError(
                record.path,
                problem.line + offset,
                shorten(markdown[problem.start :].split("\n", 1)[0]),
                problem.message,
                problem.hint,
                source="定界符",
            )
        )
    edits: list[tuple[int, int, str]] = [(i, i + 2, "&#36;") for i in scan.escapes]
    for formula in scan.formulas:
        edits.append((formula.start, formula.end, _token(len(record.formulas))))
        record.formulas.append(formula)
        record.lines.append(str(formula.line + offset))
    _state.pages[page.file.src_uri] = record
    pieces, pos = [], 0
    for start, end, replacement in sorted(edits):
        pieces += [markdown[pos:start], replacement]
        pos = end
    pieces.append(markdown[pos:])
    return "".join(pieces)


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _state is not None
    if not page.file.src_uri.endswith(".ipynb"):
        return html_text
    record = PageMath(page=page, path=f"{_state.docs_prefix}/{page.file.src_uri}")
    found = find_notebook_math(html_text, Path(page.file.abs_src_path or ""))
    pieces, pos = [], 0
    for item in found:
        pieces += [html_text[pos : item.formula.start], _token(len(record.formulas))]
        pos = item.formula.end
        record.formulas.append(item.formula)
        record.lines.append(f"单元格 {item.cell} 第 {item.line} 行" if item.cell else "?")
    pieces.append(html_text[pos:])
    _state.pages[page.file.src_uri] = record
    for anchor in _walk_toc(page.toc):
        anchor.title = _tokenise_text(anchor.title, record)
    if page.title:
        page.title = _tokenise_text(page.title, record)
    return "".join(pieces)  # mkdocs-jupyter's MathJax loader is removed by hooks/notebook_offline.py


def _tokenise_text(text: str, record: PageMath) -> str:
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
            record.lines.append("标题")
        pieces += [text[pos : formula.start], _token(index)]
        pos = formula.end
    pieces.append(text[pos:])
    return "".join(pieces)


def _walk_toc(items: Iterable[AnchorLink] | None) -> Iterator[AnchorLink]:
    for item in items or []:
        yield item
        yield from _walk_toc(item.children)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    assert _state is not None
    renderer = shared_renderer()
    wanted = [(f.tex, f.display) for record in _state.pages.values() for f in record.formulas]
    try:
        results = renderer.render(wanted)
    except KatexUnavailable as err:
        raise PluginError(str(err)) from err
    _state.keys = set(results)
    errors = list(_state.errors)
    for record in _state.pages.values():
        for formula, line in zip(record.formulas, record.lines, strict=True):
            result = results[formula_key(formula.tex, formula.display)]
            if result.error is not None:
                errors.append(_error(record, formula, line, result))
    if errors:
        raise PluginError(format_errors(errors, renderer.version))
    for record in _state.pages.values():
        _apply(record, results)
    stats = renderer.stats
    log.info(
        "KaTeX %s: %d formulas (%d unique), %d rendered in this build, Node processes so far: %d",
        renderer.version, len(wanted), len(results), stats["rendered"] - stats.get("_last", 0), stats["processes"],
    )
    stats["_last"] = stats["rendered"]
    return env


def _error(record: PageMath, formula: Formula, line: str, result: Result) -> MathError:
    """Locate KaTeX's error on the exact source line (multi-line display math counts lines)."""
    message = result.error or ""
    shown = shorten(_delimited(formula))
    if line.isdigit():
        number = int(line) + formula.tex[: result.position or 0].count("\n")
    else:  # notebook: the cell and line go with the formula
        number, shown = 0, f"{shown}（{line}）"
    return MathError(record.path, number, shown, message, hint_for(message))


def _apply(record: PageMath, results: dict[str, Result]) -> None:
    """Put rendered HTML where the tokens are: content, table of contents, titles."""
    rendered = [results[formula_key(f.tex, f.display)].html or "" for f in record.formulas]

    def body(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return rendered[index] if index < len(rendered) else match.group(0)

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


def on_post_build(config: MkDocsConfig) -> None:
    assert _state is not None
    shared_renderer().save_disk_cache(_state.root / ".cache" / "katex", _state.keys)


def on_shutdown() -> None:
    shared_renderer().close()
