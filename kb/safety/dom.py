"""Parse HTML as a browser does (html5lib, the WHATWG algorithm) and list its elements with offsets.

Python's html.parser reads `<math><style>…` or `<noscript><p title="</noscript>…">` differently
from a browser; html5lib builds the same tree the browser builds (foreign content, raw-text
elements, attributes merged into <body>), so the checks see what readers' browsers will run.
Each element carries the offset just after its start tag, taken from the tokenizer while the tree
is built, so a finding can be placed in the page (content or theme) and on a line.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import html5lib
from html5lib.constants import namespaces
from html5lib.treebuilders import getTreeBuilder

HTML, SVG, MATHML = namespaces["html"], namespaces["svg"], namespaces["mathml"]
PREFIXES = {HTML: "", SVG: "svg:", MATHML: "math:"}
_ETREE = getTreeBuilder("etree")


@dataclass
class Node:
    """One element as the browser builds it."""

    namespace: str
    name: str  # local name, lower case for HTML
    attrs: dict[str, str]  # attribute name (with its prefix, e.g. xlink:href) → value, entities decoded
    offset: int  # offset in the parsed text just after the start tag (-1: created by the parser)
    parent: Node | None
    text: str = ""  # the element's own text (for <script> and <style>)

    @property
    def label(self) -> str:
        return f"{PREFIXES.get(self.namespace, '?:')}{self.name}"

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


def _attr_name(key: str) -> str:
    """``xlink:href`` for the tree's ``{http://www.w3.org/1999/xlink}href``."""
    if key.startswith("{"):
        namespace, _, name = key[1:].partition("}")
        prefix = next((p for p, uri in namespaces.items() if uri == namespace), "?")
        return f"{prefix}:{name}"
    return key


def parse(html: str, *, fragment: bool = False) -> list[Node]:
    """Every element of ``html`` in document order (a whole document, or a fragment in a <div>)."""
    offsets: dict[int, int] = {}
    base_builder = _ETREE

    class Builder(base_builder):  # type: ignore[misc, valid-type]
        def insertElementNormal(self, token):
            element = super().insertElementNormal(token)
            offsets[id(element._element)] = position()
            return element

        def insertElementTable(self, token):
            element = super().insertElementTable(token)
            offsets[id(element._element)] = position()
            return element

    parser = html5lib.HTMLParser(tree=Builder, namespaceHTMLElements=True)
    chars: list[int] = []  # cumulative length of the text before each line

    def position() -> int:
        stream = parser.tokenizer.stream
        line, column = stream.position()
        return chars[line - 1] + column if line - 1 < len(chars) else -1

    total = 0
    for line in html.split("\n"):
        chars.append(total)
        total += len(line) + 1
    # scripting=True: readers' browsers run JavaScript, so <noscript> holds raw text, as there
    root = parser.parseFragment(html, container="div", scripting=True) if fragment else parser.parse(html, scripting=True)
    nodes: list[Node] = []

    def walk(element, parent: Node | None) -> None:
        tag = element.tag
        if not isinstance(tag, str):  # comments, processing instructions
            return
        namespace, _, name = tag[1:].partition("}") if tag.startswith("{") else (HTML, "", tag)
        node = Node(namespace, name, {_attr_name(k): v for k, v in element.attrib.items()},
                    offsets.get(id(element), -1), parent, element.text or "")
        nodes.append(node)
        for child in element:
            walk(child, node)

    if fragment:
        for child in root:
            walk(child, None)
    else:
        walk(root, None)
    return nodes
