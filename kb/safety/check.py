"""Check parsed HTML against the allow-list: content strictly, the theme's frame for what content can reach.

A page is one document: the content (the Markdown page, notebook or generated page) is the part
between two offsets and must pass the allow-list; the frame around it (navigation, header, head) is
the theme's, which needs scripts and forms, so there only what content could smuggle in is refused —
inline handlers, unsafe URLs, scripts anywhere but directly in <head>/<body>, frames, redirects.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from kb.safety.allowlist import INPUT_TYPES, URL_ATTRIBUTES, attribute_allowed, element_allowed
from kb.safety.css import style_attribute_problems, stylesheet_problems
from kb.safety.dom import HTML, SVG, Node, parse
from kb.safety.urls import host_of, url_problem

# Inline scripts of mkdocs-jupyter's page template (its copy button), by SHA-256 of their text.
# A new mkdocs-jupyter may change them: read the new script, then list its hash here.
NOTEBOOK_SCRIPTS = frozenset({
    "858c16af2d8aebc7f968172f0b7046eaf4b9e0f928e28b046c7a032c3c7ed0bd",  # @github/clipboard-copy-element
    "1b9c6d787348200f92fb85d58cd274ca455832ec47f8b7dd47d6072f1455be4e",  # its "copied" listener
})
FORBIDDEN_ANYWHERE = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "fencedframe"})
THEME_ELEMENTS = frozenset({"html", "head", "body", "meta", "link", "title", "script", "style", "noscript", "form", "input",
                            "button", "label", "header", "nav", "main", "footer", "article", "section", "dialog", "template"})
LOADING_RELS = frozenset({"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"})
# Where the theme prints titles: a script inside one of these came from a title, not from the theme.
TEXT_CONTAINERS = frozenset({"a", "span", "li", "label", "button", "p", "h1", "h2", "h3", "h4", "h5", "h6", "title", "ul", "ol"})
META_HTTP_EQUIV = frozenset({"x-ua-compatible", "content-type"})


@dataclass(frozen=True)
class Finding:
    what: str  # what is wrong, in Chinese
    needles: tuple[str, ...]  # how it may be written in the source, most specific first
    offset: int  # where in the checked HTML (-1: unknown)


def script_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _url_findings(node: Node, name: str, value: str) -> Iterable[Finding]:
    urls = [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
    for url in urls:
        problem = url_problem(url, image=node.namespace == HTML and node.name in ("img", "source") and name in ("src", "srcset"))
        if problem:
            yield Finding(problem, (url, f"{name}="), node.offset)


def _common(node: Node) -> Iterable[Finding]:
    """What no part of a page may hold: handlers, unsafe URLs or styles, frames, animations of links."""
    if node.name in FORBIDDEN_ANYWHERE:
        yield Finding(f"`<{node.name}>` 标签", (f"<{node.name}",), node.offset)
    for name, value in node.attrs.items():
        lowered = name.lower()
        if lowered.startswith("on"):
            yield Finding(f"内联事件处理属性 `{name}=`", (f"{name}=", name), node.offset)
        elif lowered in URL_ATTRIBUTES or lowered == "srcset":
            yield from _url_findings(node, lowered, value)
        elif lowered == "style":
            for problem in style_attribute_problems(value):
                yield Finding(problem, ("style=",), node.offset)
        elif lowered in ("srcdoc", "formaction", "action"):
            yield Finding(f"`{name}=` 属性", (f"{name}=",), node.offset)


def check_content(nodes: Iterable[Node], *, notebook: bool = False) -> list[Finding]:
    """Every element and attribute of content against the allow-list."""
    findings: list[Finding] = []
    for node in nodes:
        findings.extend(_common(node))
        if node.namespace == HTML and node.name == "style" and notebook:
            findings.extend(Finding(p, ("<style",), node.offset) for p in stylesheet_problems(node.text))
            continue
        if node.namespace == HTML and node.name == "script" and notebook and script_hash(node.text) in NOTEBOOK_SCRIPTS:
            continue
        if not element_allowed(node.namespace, node.name):
            if node.name not in FORBIDDEN_ANYWHERE:
                # a script written by code (a notebook's display(Javascript(…))) is found by its lines
                snippets = [line.strip()[:40] for line in node.text.split("\n") if len(line.strip()) >= 6][:5]
                findings.append(Finding(f"不允许的标签 `<{node.label}>`", (f"<{node.name}", *snippets, node.name), node.offset))
            continue
        for name, value in node.attrs.items():
            if name.lower().startswith("on"):
                continue  # reported above
            if not attribute_allowed(node.namespace, node.name, name):
                findings.append(Finding(f"`<{node.label}>` 上不允许的属性 `{name}`", (f"{name}=", name), node.offset))
            elif node.name == "input" and name == "type" and value.lower() not in INPUT_TYPES:
                findings.append(Finding(f"`<input type=\"{value}\">`（只允许单选框与复选框）", ("<input",), node.offset))
            elif node.namespace == SVG and name in ("href", "xlink:href") and not value.startswith("#"):
                findings.append(Finding(f"`<svg:use>` 只能引用本页的 `#id`，不能引用 `{value[:60]}`", (value, name), node.offset))
    return findings


def check_frame(nodes: Iterable[Node], site_url: str = "") -> list[Finding]:
    """The theme's part of a page: what content (a title, a description) could have smuggled into it.
    ``site_url``: the site's own address (`mkdocs serve` makes it http://127.0.0.1:…/), which the
    theme links to (canonical URL) and which is not an internal address."""
    findings: list[Finding] = []
    for node in nodes:
        findings.extend(f for f in _common(node) if not (site_url and f.needles[0].startswith(site_url)))
        name = node.name
        if node.namespace == HTML and not (element_allowed(HTML, name) or name in THEME_ELEMENTS):
            findings.append(Finding(f"不允许的标签 `<{name}>`", (f"<{name}",), node.offset))
        elif node.namespace != HTML and not element_allowed(node.namespace, name):
            findings.append(Finding(f"不允许的标签 `<{node.label}>`", (f"<{name}",), node.offset))
        elif name == "script" and node.namespace == HTML:
            if any(a.name in TEXT_CONTAINERS for a in node.ancestors()):
                findings.append(Finding("`<script>` 在标题、链接或列表文字里（多半来自标题或描述）", ("<script",), node.offset))
            if node.attrs.get("src") and host_of(node.attrs["src"]) is not None:
                findings.append(Finding(f"从站外加载的脚本 `{node.attrs['src']}`", (node.attrs["src"],), node.offset))
        elif name == "meta" and "http-equiv" in node.attrs and node.attrs["http-equiv"].lower() not in META_HTTP_EQUIV:
            findings.append(Finding(f"`<meta http-equiv=\"{node.attrs['http-equiv']}\">`", ("http-equiv",), node.offset))
        elif name == "link" and LOADING_RELS & set(node.attrs.get("rel", "").lower().split()):
            href = node.attrs.get("href", "")
            if host_of(href) is not None or re.match(r"\s*[a-zA-Z][\w+.-]*:", href):
                findings.append(Finding(f"从站外加载的 `<link>` `{href}`", (href,), node.offset))
        elif name == "form" and ({"action", "method", "target"} & set(node.attrs)):
            findings.append(Finding("带提交地址的 `<form>`", ("<form",), node.offset))
    return findings


def check_page(html: str, content: tuple[int, int] | None, *, notebook: bool = False,
               site_url: str = "") -> tuple[list[Finding], list[Finding]]:
    """``(content findings, frame findings)`` of a whole page; ``content`` is the content's span in ``html``."""
    nodes = parse(html)
    if content is None:
        return [], check_frame(nodes, site_url)
    start, end = content
    inside = [n for n in nodes if start < n.offset <= end]
    outside = [n for n in nodes if not start < n.offset <= end]
    return check_content(inside, notebook=notebook), check_frame(outside, site_url)


def check_html_file(html: str) -> list[Finding]:
    """A standalone .html file copied from docs/: its body is content, its head holds nothing active."""
    findings: list[Finding] = []
    nodes = parse(html)
    body = [n for n in nodes if n.name not in ("html", "head", "body", "title", "meta", "link")]
    findings.extend(check_content(body))
    for node in nodes:
        if node.name == "meta" and "http-equiv" in node.attrs:
            findings.append(Finding(f"`<meta http-equiv=\"{node.attrs['http-equiv']}\">`", ("http-equiv",), node.offset))
        elif node.name == "link":
            findings.extend(check_frame([node]))
        elif node.name in ("html", "head", "body", "title", "meta"):
            findings.extend(_common(node))
    return findings
