"""Notebook pages: third-party loaders are removed, local scripts kept, leftovers fail the build."""
from __future__ import annotations

from types import SimpleNamespace

from kb.notebooks.offline import strip_loaders, third_party_loads

MATHJAX = ('<!-- Load mathjax -->\n<script src="https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/latest.js"> </script>'
           '<script type="text/x-mathjax-config">init_mathjax = function() {}</script>')
EMPTY_SRC = '<script src=""> </script>'
MERMAID = '<script type="module">const m = (await import("https://cdnjs.cloudflare.com/mermaid.esm.min.mjs")).default;</script>'
LOCAL = '<script>document.addEventListener("clipboard-copy", () => {})</script>'


def _page(src: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src))


def test_strips_mathjax_mermaid_and_empty_src_but_keeps_local_scripts() -> None:
    out = strip_loaders(MATHJAX + EMPTY_SRC + MERMAID + LOCAL + "<p>$x$</p>")
    assert out == LOCAL + "<p>$x$</p>" or out.strip() == (LOCAL + "<p>$x$</p>")
    assert "mathjax" not in out.lower()
    assert third_party_loads(out) == []


def test_a_leftover_third_party_load_is_found() -> None:
    html = '<p>x</p><link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
    (snippet,) = third_party_loads(strip_loaders(html))
    assert "fonts.googleapis.com" in snippet
