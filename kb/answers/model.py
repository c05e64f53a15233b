"""A site-written answer: the question it answers, where it belongs, what it rests on, and its text."""
from __future__ import annotations

from dataclasses import dataclass

ID_PREFIX = "site-"
ORIGIN_KEY = "site"  # the "document" key these answers are listed under on the sources page


@dataclass(frozen=True)
class Source:
    """One primary source an answer cites, by a short key used in ``[文字](cite:key)`` links."""

    key: str
    title: str
    url: str


@dataclass(frozen=True)
class SiteAnswer:
    id: str  # "site-<slug>", the anchor on the topic page
    title: str
    topic: str
    answers: tuple[str, ...]  # bank question ids this answers
    written: str  # ISO date
    sources: tuple[Source, ...]
    body: str  # Markdown with cite: links still in it
    path: str  # repository-relative path of the file
    body_line: int  # 1-based line of the body's first line in the file
