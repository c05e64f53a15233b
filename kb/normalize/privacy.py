"""Remove private and internal addresses (10.x, 172.16–31.x, 192.168.x, localhost)."""
from __future__ import annotations

import re

from kb.normalize.context import Context

PRIVATE_HOST = (
    r"(?:10(?:\.\d{1,3}){3}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d{1,3}){2}"
    r"|192\.168(?:\.\d{1,3}){2}|127(?:\.\d{1,3}){3}|localhost)"
)
PRIVATE_ADDRESS = re.compile(
    rf"(?:(?:https?|ftp)://)?(?<![\d.]){PRIVATE_HOST}(?![\d])(?::\d+)?(?:/[^\s)）\]，,。]*)?",
    re.I,
)


def find_private_addresses(text: str) -> list[str]:
    """Every private or internal address in `text` (used by tests and checks too)."""
    return [m.group(0) for m in PRIVATE_ADDRESS.finditer(text)]


def drop_private_addresses(md: str, ctx: Context) -> str:
    """Drop each private address and report it; an empty `()` left behind goes too."""

    def repl(m: re.Match[str]) -> str:
        ctx.drop(m.group(0), "私有/内网地址，公开站点不可访问")
        return ""

    out = PRIVATE_ADDRESS.sub(repl, md)
    return re.sub(r"[（(]\s*[)）]", "", out)
