"""Keep text like `<think>` or `<prompt, answer>` visible: HTML would swallow it as a tag."""
from __future__ import annotations

import re

from kb.normalize.context import Context
from kb.normalize.segments import map_text

# Tags the sources use on purpose and Markdown may keep as HTML.
_ALLOWED = {"br", "sup", "sub"}
_TAG_LIKE = re.compile(r"<(/?)([^<>\n]{1,80})>")


def escape_tag_like_text(md: str, ctx: Context) -> str:
    """Escape `<…>` in prose unless it is an allowed tag or an autolink."""

    def fix(text: str) -> str:
        def repl(m: re.Match[str]) -> str:
            inner = m.group(2)
            name = inner.split()[0].lower().rstrip("/") if inner.split() else ""
            if name in _ALLOWED or re.match(r"^(https?://|mailto:)", inner):
                return m.group(0)
            ctx.note("html", f"转义会被 HTML 吞掉的文字：{m.group(0)[:40]}")
            return "&lt;" + m.group(1) + inner + "&gt;"

        return _TAG_LIKE.sub(repl, text)

    return map_text(md, fix)
