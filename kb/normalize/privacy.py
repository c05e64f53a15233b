"""Private and internal addresses: one rule for the importer, the build checks and the tests.

`private_host` decides; the finder only locates candidates in plain text (URLs
and bare IPv4 addresses; the word "localhost" in prose is a concept, not a link). The importer drops what it finds and
reports each drop; an enclosing `()` goes too when it held nothing but the address.
"""
from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import unquote, urlsplit

from kb.normalize.context import Context

PRIVATE_SUFFIXES = (".localhost", ".local", ".internal", ".intranet", ".lan", ".corp", ".home.arpa", ".test", ".invalid")

_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
_NUMBER = re.compile(r"0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*")  # a part that makes a browser read IPv4
_URL = re.compile(r"(?:https?|ftp)://[^\s)）\]，,。、；<>\"'`]+", re.I)
_BARE_IP = re.compile(r"(?<![\w.:/])\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?:/[^\s)）\]，,。、；<>\"'`]*)?(?![\w.])")


def browser_host(host: str) -> str:
    """The host as a browser sees it: percent-decoded, width-folded (ＡＢＣ, １２７), lower-case, with
    ideographic full stops read as dots and without the trailing dot."""
    host = unicodedata.normalize("NFKC", unquote(host)).lower().strip("[]")
    return host.translate(_DOTS).rstrip(".")


def browser_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The IPv4 address a browser reads in ``host`` (WHATWG URL rules), or None when it is a name.

    Browsers accept 1 to 4 dotted parts, each decimal, octal (leading 0) or hex (0x); the last part
    fills the remaining bytes: 127.1, 0177.0.0.1, 0x7f.1 and 2130706433 are all 127.0.0.1.
    """
    parts = host.split(".")
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()
    if not parts or not _NUMBER.fullmatch(parts[-1]) or len(parts) > 4:
        return None
    numbers = []
    for part in parts:
        if not _NUMBER.fullmatch(part):
            return None
        if part[:2] in ("0x", "0X"):
            numbers.append(int(part[2:] or "0", 16))
        elif len(part) > 1 and part[0] == "0":
            numbers.append(int(part, 8))
        else:
            numbers.append(int(part))
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        return None
    value = last
    for index, number in enumerate(head):
        value += number << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


def private_host(host: str) -> bool:
    """True for loopback, private, link-local or reserved IPs (however a browser would spell them)
    and for internal host names."""
    host = browser_host(host)
    if not host:
        return False
    address: ipaddress.IPv4Address | ipaddress.IPv6Address | None = browser_ipv4(host)
    if address is None:
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return host in {"localhost", "intranet"} or host.endswith(PRIVATE_SUFFIXES) or "." not in host
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return (address.is_private or address.is_loopback or address.is_link_local or address.is_reserved
            or address.is_unspecified or address.is_multicast)


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
