"""Private and internal addresses: one rule for the importer, the build checks and the tests.

`private_host` decides; the finder only locates candidates in plain text (URLs
and bare IPv4 addresses; the word "localhost" in prose is a concept, not a link). The importer drops what it finds and
reports each drop; an enclosing `()` goes too when it held nothing but the address.
"""
from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from kb.normalize.context import Context

PRIVATE_SUFFIXES = (".localhost", ".local", ".internal", ".intranet", ".lan", ".corp", ".home.arpa", ".test", ".invalid")

_URL = re.compile(r"(?:https?|ftp)://[^\s)）\]，,。、；<>\"'`]+", re.I)
_BARE_IP = re.compile(r"(?<![\w.:/])\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?:/[^\s)）\]，,。、；<>\"'`]*)?(?![\w.])")


def private_host(host: str) -> bool:
    """True for loopback, private, link-local or reserved IPs and for internal host names."""
    host = host.strip("[]").lower().rstrip(".")
    if not host:
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host in {"localhost", "intranet"} or host.endswith(PRIVATE_SUFFIXES) or "." not in host
    return address.is_private or address.is_loopback or address.is_link_local or address.is_reserved or address.is_unspecified


def _spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _URL.finditer(text):
        try:
            host = urlsplit(m.group(0)).hostname or ""
        except ValueError:
            continue
        if private_host(host):
            spans.append(m.span())
    taken = [range(a, b) for a, b in spans]
    for m in _BARE_IP.finditer(text):
        host = m.group(0).split("/")[0].rsplit(":", 1)[0]
        if any(m.start() in r for r in taken):
            continue
        try:
            ipaddress.ip_address(host)
        except ValueError:
            continue
        if private_host(host):
            spans.append(m.span())
    return sorted(spans)


def find_private_addresses(text: str) -> list[str]:
    """Every private or internal address in `text`."""
    return [text[a:b] for a, b in _spans(text)]


def drop_private_addresses(md: str, ctx: Context) -> str:
    """Drop each private address and report it, with the `()` around it if it held only the address."""
    out: list[str] = []
    pos = 0
    for a, b in _spans(md):
        left = md[pos:a]
        m_open = re.search(r"[（(]\s*$", left)
        m_close = re.match(r"\s*[)）]", md[b:])
        if m_open and m_close:
            a -= len(m_open.group(0))
            b += len(m_close.group(0))
            left = md[pos:a]
        ctx.drop(md[a:b], "私有/内网地址，公开站点不可访问")
        out.append(left)
        pos = b
    out.append(md[pos:])
    return "".join(out)
