"""Make a converted notebook a light, valid page styled by the site, not by a copy of JupyterLab.

mkdocs-jupyter's template puts into every page ~590 KB of inline CSS (JupyterLab's stylesheet, the
Pygments theme twice — once as a Python list repr, because nbconvert2.py formats the list itself —
and a Mermaid block), a clipboard custom element whose markup carries a stray ``,`` attribute plus
its script and a hidden copy of each cell's source, and a tab stop on every cell. Here all of that
goes: code cells become the theme's code blocks (``.highlight > pre > code``: the site's highlighting
colours in both schemes, its copy button, keyboard scrolling), text outputs become labelled,
focusable scroll boxes, and the little layout the cells need is the site's ``kb-notebook.css``,
served once and cached. Everything is matched exactly as the template writes it; a page where a
pattern no longer matches is reported by ``leftovers`` (the build fails naming the page).
"""
from __future__ import annotations

import itertools
import re

_STYLE = re.compile(r"<style\b[^>]*>.*?</style\s*>\s*", re.S | re.I)
_SCRIPT = re.compile(r"<script>(?P<body>.*?)</script\s*>\s*", re.S)
_COPY_BUTTON = re.compile(r'<div class="zeroclipboard-container">\s*<clipboard-copy\b.*?</clipboard-copy>\s*</div>\s*', re.S)
_COPY_TEXT = re.compile(r'<div (?:id="cell-\d+" )?class="clipboard-copy-txt"(?: id="cell-\d+")?>.*?</div>\s*', re.S)
_CODE = re.compile(r'<div class="highlight-ipynb (?P<classes>[^"]*)"><pre>(?P<code>.*?)</pre></div>', re.S)
_CELL_TAB_STOP = re.compile(r'(<div class="jp-Cell-inputWrapper") tabindex="0"')
_TEXT_OUTPUT = re.compile(r'(<div class="jp-RenderedText jp-OutputArea-output"[^>]*?) tabindex="0">')
_LEFTOVERS = re.compile(r"<style\b|<clipboard-copy\b|clipboard-copy-txt|highlight-ipynb|,=", re.I)


def _script(match: re.Match[str]) -> str:
    body = match.group("body")
    return "" if "clipboard-copy" in body or "ClipboardCopyElement" in body else match.group(0)


def _code(match: re.Match[str]) -> str:
    classes = " ".join(c for c in match.group("classes").split() if c.startswith("hl-"))
    code = match.group("code")
    lead = "<span></span>" if code.startswith("<span></span>") else ""
    return f'<div class="highlight {classes}"><pre>{lead}<code>{code[len(lead):]}</code></pre></div>'


def lighten(html: str) -> str:
    """The notebook HTML without inline styles and the clipboard element, code cells as theme code blocks."""
    html = _STYLE.sub("", html)
    html = _SCRIPT.sub(_script, html)
    html = _COPY_BUTTON.sub("", html)
    html = _COPY_TEXT.sub("", html)
    html = _CODE.sub(_code, html)
    html = _CELL_TAB_STOP.sub(r"\1", html)
    count = itertools.count(1)
    return _TEXT_OUTPUT.sub(lambda m: f'{m.group(1)} tabindex="0" role="region" aria-label="运行结果 {next(count)}">', html)


def leftovers(html: str) -> list[str]:
    """Snippets of what ``lighten`` should have removed but did not (the template changed)."""
    return [html[max(m.start() - 40, 0) : m.end() + 60] for m in _LEFTOVERS.finditer(html)]
