"""Unsafe markup in content: scripts, frames, inline event handlers, javascript: URLs, private addresses."""
from __future__ import annotations

from urllib.parse import urlsplit

from kb.links.html_scan import URL_ATTRIBUTES, HtmlFacts
from kb.normalize.privacy import private_host

FORBIDDEN_TAGS = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base"})
UNSAFE_SCHEMES = frozenset({"javascript", "vbscript", "file"})
URL_LIKE = {name for names in URL_ATTRIBUTES.values() for name in names} | {"srcset", "cite", "background", "ping"}


def url_problem(url: str) -> str | None:
    """Why a URL must not appear in content, or None."""
    compact = "".join(url.split()).lower()
    parts = urlsplit(compact)
    if parts.scheme in UNSAFE_SCHEMES:
        return f"`{parts.scheme}:` 链接"
    if compact.startswith("data:text/html"):
        return "`data:text/html` 链接"
    if parts.netloc:
        host = parts.hostname or ""
        if private_host(host):
            return f"指向内网或本机地址 `{host}` 的链接"
    return None


def unsafe_markup(facts: HtmlFacts) -> list[tuple[int, str, str]]:
    """``(html line, what, needle to find it in Markdown)`` for every unsafe construct."""
    found = []
    for tag, attrs, line in facts.tags:
        if tag in FORBIDDEN_TAGS:
            found.append((line, f"`<{tag}>` 标签", f"<{tag}"))
        for name, value in attrs:
            if name.startswith("on"):
                found.append((line, f"内联事件处理属性 `{name}=`", f"{name}="))
            elif name in URL_LIKE and value:
                for candidate in value.split(",") if name == "srcset" else [value]:
                    url = candidate.strip().split(" ")[0]
                    problem = url_problem(url)
                    if problem:
                        found.append((line, problem, url))
    return found
