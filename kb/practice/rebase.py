"""Move an HTML fragment from one page to another without breaking its relative links."""
from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

_URL_ATTR = re.compile(r'(\s(?:href|src)=")([^"]*)(")')


def _directory(page_url: str) -> str:
    """The folder a page's relative links start from: ``topics/moe/`` → ``topics/moe``, ``topics/moe.html`` → ``topics``."""
    return page_url[:-1] if page_url.endswith("/") else posixpath.dirname(page_url)


def rebase_url(url: str, from_page: str, to_page: str) -> str:
    """``url`` as written on ``from_page``, rewritten to lead to the same place from ``to_page``.

    Page URLs are MkDocs' (relative to the site root: ``topics/moe/``, ``topics/moe.html``, ``""``
    for the home page); absolute URLs and other schemes are returned unchanged.
    """
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("/") or not url:
        return url
    if not parts.path:  # "#anchor" or "?query": the same page
        target = from_page
    else:
        target = posixpath.normpath(posixpath.join(_directory(from_page) or ".", parts.path))
        target = "" if target == "." else target + ("/" if parts.path.endswith("/") else "")
    folder = target == "" or target.endswith("/")
    relative = posixpath.relpath(target or ".", _directory(to_page) or ".")
    if folder:
        relative = "./" if relative == "." else relative.rstrip("/") + "/"
    suffix = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    return relative + suffix


def rebase_html(html: str, from_page: str, to_page: str) -> str:
    """Every href and src in ``html`` rewritten with :func:`rebase_url`."""
    return _URL_ATTR.sub(lambda m: m.group(1) + rebase_url(m.group(2), from_page, to_page) + m.group(3), html)
