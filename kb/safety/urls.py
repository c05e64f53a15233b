"""URLs as a browser reads them: which scheme, which host, and whether a page may point there.

Browsers drop tabs and newlines anywhere in a URL and C0 controls and spaces around it, accept
`\\` for `/` and any number of slashes after `http:`, and read `//host` as a link to another host;
so the scheme and the host are taken the same way here before the allow-list is applied.
"""
from __future__ import annotations

import re

from kb.normalize.privacy import private_host

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
SPECIAL_SCHEMES = frozenset({"http", "https", "ftp", "ws", "wss"})
# Images the notebooks embed (matplotlib PNG, SVG is not allowed: it can hold script when opened).
DATA_IMAGE = re.compile(r"data:image/(?:png|jpeg|gif|webp)(?:;base64)?,", re.I)
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_STRIP = "".join(chr(c) for c in range(0x21))  # C0 controls and space


def browser_form(url: str) -> str:
    """The URL after the browser's clean-up: trimmed, tabs and newlines removed."""
    return re.sub(r"[\t\n\r]", "", url.strip(_STRIP))


def scheme_of(url: str) -> str | None:
    """The URL's scheme in lower case, or None for a relative URL."""
    match = _SCHEME.match(browser_form(url))
    return match.group(1).lower() if match else None


def host_of(url: str) -> str | None:
    """The host a browser would contact for ``url`` (None when the URL names no host)."""
    url = browser_form(url)
    scheme = scheme_of(url)
    if scheme is None:
        if not re.match(r"[/\\]{2}", url):
            return None
        rest = url
    elif scheme in SPECIAL_SCHEMES:
        rest = url[len(scheme) + 1 :]
    else:
        rest = url[len(scheme) + 1 :]
        if not rest.startswith("//"):
            return None
    authority = re.split(r"[/\\?#]", rest.lstrip("/\\"), maxsplit=1)[0]
    host = authority.rsplit("@", 1)[-1]
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if ":" in host else host


def url_problem(url: str, *, image: bool = False) -> str | None:
    """Why a page must not hold ``url`` (in Chinese), or None. ``image``: the URL is an image's source."""
    scheme = scheme_of(url)
    if scheme == "data" and image and DATA_IMAGE.match(browser_form(url)):
        return None
    if scheme is not None and scheme not in ALLOWED_SCHEMES:
        return f"`{scheme}:` 链接（只允许 http、https、mailto 与站内链接）"
    host = host_of(url)
    if host and private_host(host):
        return f"指向内网或本机地址 `{host}` 的链接"
    return None
