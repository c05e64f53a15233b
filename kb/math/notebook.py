"""Math in Jupyter notebooks rendered by mkdocs-jupyter.

nbconvert leaves `$…$` untouched in the HTML of Markdown cells; here the formulas of
Markdown cells are found in that HTML and located in the notebook source (cell and line)
for error messages. The MathJax loader nbconvert adds is removed by kb/notebooks/offline.py.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from kb.code_math import Formula, find_math

_MARKDOWN_DIV = re.compile(r'<div\b[^>]*class="[^"]*\bjp-RenderedMarkdown\b[^"]*"[^>]*>')
_DIV_TAG = re.compile(r"<(/?)div\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class NotebookFormula:
    """A formula found in notebook HTML, with its place in the notebook source."""

    formula: Formula  # offsets refer to the HTML; tex is unescaped
    cell: int | None  # 1-based index among all cells
    line: int | None  # 1-based line inside the cell


def markdown_regions(content: str) -> list[tuple[int, int]]:
    """Spans of the HTML of each rendered Markdown cell, in document order."""
    regions = []
    for opener in _MARKDOWN_DIV.finditer(content):
        depth = 1
        for tag in _DIV_TAG.finditer(content, opener.end()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                regions.append((opener.end(), tag.start()))
                break
    return regions


def source_formulas(path: Path) -> list[tuple[str, bool, int, int]]:
    """(tex, display, cell, line) for every formula of every Markdown cell of the notebook."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for number, cell in enumerate(notebook.get("cells", []), start=1):
        if cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else source
        for formula in find_math(text).formulas:
            found.append((formula.tex, formula.display, number, formula.line))
    return found


def find_notebook_math(content: str, source: Path) -> list[NotebookFormula]:
    """Formulas in the Markdown cells of notebook HTML, matched to their source lines."""
    unmatched = source_formulas(source)
    result = []
    for start, end in markdown_regions(content):
        for formula in find_math(content[start:end], html=True).formulas:
            tex = html.unescape(formula.tex)
            shifted = Formula(tex, formula.display, formula.start + start, formula.end + start, formula.line)
            cell = line = None
            for index, (src_tex, src_display, src_cell, src_line) in enumerate(unmatched):
                if src_tex == tex and src_display == formula.display:
                    cell, line = src_cell, src_line
                    del unmatched[index]
                    break
            result.append(NotebookFormula(shifted, cell, line))
    return result
