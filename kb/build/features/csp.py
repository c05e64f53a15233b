"""A strict Content-Security-Policy on every page: even markup the checks missed cannot run script.

Scripts only from the site itself plus the inline scripts that are in the page when it is written
(the theme's, checked by PublishedHtml before), allowed by their SHA-256 computed here, so a new
theme or a feature's inline script keeps working without a list to update; no inline handlers, no
javascript: URLs, no plugins, no <base>, no form submissions, nothing loaded from another host.
Styles may be inline (KaTeX positions every glyph with style attributes) but only from the site.
"""
from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.structure.pages import Page

from kb.build.features.base import Feature

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.I | re.S)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
POLICY = (
    "default-src 'self'; script-src 'self'{hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; worker-src 'self'; frame-src 'none'; object-src 'none'; "
    "base-uri 'self'; form-action 'none'"
)


def inline_script_hashes(html: str) -> list[str]:
    """CSP sources for each distinct inline script of ``html``, in order of appearance."""
    found: dict[str, None] = {}
    for match in _SCRIPT.finditer(html):
        if _SRC.search(match.group(1)):
            continue
        digest = base64.b64encode(hashlib.sha256(match.group(2).encode("utf-8")).digest()).decode()
        found[f"'sha256-{digest}'"] = None
    return list(found)


def with_policy(html: str, *, offline: bool = False) -> str:
    """``html`` with the policy as the first element of <head> (before any script it governs)."""
    head = _HEAD.search(html)
    if head is None:
        return html
    hashes = "".join(f" {h}" for h in inline_script_hashes(html))
    policy = POLICY.format(hashes=hashes)
    if offline:  # pages opened from disk: the site's own files are file: URLs
        policy = policy.replace("'self'", "'self' file:")
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html[: head.end()] + meta + html[head.end() :]


class ContentSecurityPolicy(Feature):
    def on_post_page(self, output: str, page: Page) -> str:
        return with_policy(output, offline=not self.build.config.use_directory_urls)

    def on_post_template(self, output: str, name: str) -> str:
        return with_policy(output, offline=not self.build.config.use_directory_urls) if name.endswith(".html") else output
