"""Point a problem found in rendered HTML back to a line of the page's Markdown source."""
from __future__ import annotations

from urllib.parse import unquote

from kb.code_math import code_mask


def find_line(markdown: str, needles: list[str]) -> int | None:
    """1-based line of the first needle found (tried in order), outside code fences."""
    lines = markdown.split("\n")
    mask = code_mask(lines)
    for needle in needles:
        if not needle:
            continue
        lowered = needle.lower()
        for index, line in enumerate(lines):
            if not mask[index] and lowered in line.lower():
                return index + 1
    return None


def find_lines(markdown: str, needle: str, *, code: bool = False) -> list[int]:
    """Every 1-based line holding ``needle`` (any case), outside code fences unless ``code``."""
    lines = markdown.split("\n")
    mask = [False] * len(lines) if code else code_mask(lines)
    lowered = needle.lower()
    return [i + 1 for i, line in enumerate(lines) if not mask[i] and lowered in line.lower()]


def url_needles(url: str) -> list[str]:
    """Ways a rendered URL may be written in the Markdown, most specific first."""
    needles = [url, unquote(url)]
    path, _, fragment = url.partition("#")
    if fragment:
        needles += [f"#{fragment}", f"#{unquote(fragment)}"]
    if path:
        tail = unquote(path).rstrip("/").rsplit("/", 1)[-1]
        needles += [tail, tail + ".md"]
    return needles
