"""CSS in style attributes, <style> elements and .css files: nothing it loads may leave the site.

Read with tinycss2 (the CSS Syntax spec), so `u\\72l(…)` is the `url(` the browser sees. Allowed:
URLs to the site itself and data: images and fonts (an image never runs script); refused: @import (loads more CSS), other hosts, and old
script-running properties (expression(), behavior, -moz-binding).
"""
from __future__ import annotations

import functools
import re

import tinycss2

from kb.safety.urls import browser_form, host_of, scheme_of

_LOADING_FUNCTIONS = frozenset({"url", "src", "image", "image-set", "-webkit-image-set", "cross-fade"})
_SCRIPT_FUNCTIONS = frozenset({"expression"})
_SCRIPT_PROPERTIES = frozenset({"behavior", "-moz-binding"})


def _url_problem(url: str) -> str | None:
    if scheme_of(url) == "data":
        return None if re.match(r"data:(?:image|font)/", browser_form(url), re.I) else "CSS 中的 `data:` 资源（只允许图片和字体）"
    if scheme_of(url) is not None or host_of(url) is not None:
        return f"CSS 从站外加载 `{url[:60]}`（页面只能加载站内资源）"
    return None


def _walk(tokens, problems: list[str]) -> None:
    for token in tokens:
        kind = token.type
        if kind == "url":
            problem = _url_problem(token.value)
            if problem:
                problems.append(problem)
        elif kind == "function":
            name = token.lower_name
            if name in _SCRIPT_FUNCTIONS:
                problems.append(f"CSS 的 `{name}()`")
            elif name in _LOADING_FUNCTIONS:
                for arg in token.arguments:
                    if arg.type == "string":
                        problem = _url_problem(arg.value)
                        if problem:
                            problems.append(problem)
            _walk(token.arguments, problems)
        elif kind in ("() block", "[] block", "{} block"):
            _walk(token.content, problems)
        elif kind == "at-rule":
            if token.lower_at_keyword == "import":
                problems.append("CSS 的 `@import`（页面只能加载站内样式表）")
            _walk(token.prelude, problems)
            if token.content:
                _walk(token.content, problems)
        elif kind == "qualified-rule":
            _walk(token.prelude, problems)
            _walk(token.content, problems)
        elif kind == "declaration":
            if token.lower_name in _SCRIPT_PROPERTIES:
                problems.append(f"CSS 属性 `{token.lower_name}`")
            _walk(token.value, problems)
        elif kind == "ident" and token.lower_value in _SCRIPT_PROPERTIES:
            problems.append(f"CSS 属性 `{token.lower_value}`")


# Cached: KaTeX repeats the same few styles thousands of times, and every notebook page carries the
# same Jupyter stylesheet (reading it is most of a notebook page's check).
@functools.lru_cache(maxsize=4096)
def style_attribute_problems(css: str) -> tuple[str, ...]:
    """What is wrong with the value of a style="…" attribute."""
    problems: list[str] = []
    _walk(tinycss2.parse_blocks_contents(css), problems)
    return tuple(problems)


@functools.lru_cache(maxsize=64)
def stylesheet_problems(css: str) -> tuple[str, ...]:
    """What is wrong with a <style> element or a .css file."""
    problems: list[str] = []
    _walk(tinycss2.parse_stylesheet(css), problems)
    return tuple(problems)
