"""Keep notebook pages self-contained: drop the loaders nbconvert adds for MathJax and Mermaid.

The converted notebook always carries a MathJax ``<script src=…>`` (a CDN address, or an empty
``src`` that re-requests the page itself), a MathJax config block, and a Mermaid module that
imports from a CDN. Notebook math is typeset at build time like every other page (the math
feature), and the notebooks contain no Mermaid diagrams, so all of these go. Anything else that
would still load from another host is reported (the build fails naming the page).
"""
from __future__ import annotations

import re

# Per the HTML spec a script element ends at the first "</script": this match is exact.
_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
_SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_EXTERNAL = re.compile(r"""^(?:https?:)?//""", re.I)
# Loading positions that would fetch from another host (src/href of loadable tags, CSS url()/@import).
_THIRD_PARTY_LOAD = re.compile(
    r"""<(?:script|img|iframe|audio|video|source|embed)\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//"""
    r"""|<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//"""
    r"""|url\(\s*["']?(?:https?:)?//"""
    r"""|@import\s+(?:url\()?\s*["']?(?:https?:)?//"""
    r"""|import\(\s*["'](?:https?:)?//""",
    re.I,
)


def _src(attrs: str) -> str | None:
    m = _SRC.search(attrs)
    if not m:
        return None
    return next(g for g in m.groups() if g is not None)


def _drop(match: re.Match[str]) -> str:
    attrs, body = match.group("attrs"), match.group("body")
    src = _src(attrs)
    kind = (_TYPE.search(attrs).group(1) if _TYPE.search(attrs) else "").lower()
    if src is not None and (src.strip() == "" or _EXTERNAL.match(src.strip())):
        return ""  # MathJax loader (CDN or empty src)
    if kind == "text/x-mathjax-config":
        return ""
    if src is None and re.search(r"""import\(\s*["'`]?[^)]*(?:https?:)?//""", body) and "mermaid" in body:
        return ""  # Mermaid loader: imports its library from a CDN when a diagram is present
    return match.group(0)


_LOADER_COMMENT = re.compile(
    r"<!--\s*(?:Load mathjax|MathJax configuration|End of mathjax configuration|End of mermaid configuration)\s*-->", re.I
)


def strip_loaders(html: str) -> str:
    """The notebook HTML without third-party script loaders (and the comments that announce them)."""
    return _LOADER_COMMENT.sub("", _SCRIPT.sub(_drop, html))


def third_party_loads(html: str) -> list[str]:
    """Snippets of HTML that would make the browser fetch from another host."""
    return [html[max(m.start() - 40, 0) : m.end() + 60] for m in _THIRD_PARTY_LOAD.finditer(html)]
