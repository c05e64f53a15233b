"""The search index: one compact file of sections, loadable by the browser and the terminal.

It is a JavaScript file (`window.__kbSearchIndex = {...};`) so a page opened from
file:// can load it with a <script> tag, where fetch() of a JSON file is refused.

Layout (arrays, not objects, to stay small):
    pages:    [[url, title, boost], ...]  boost multiplies the scores of the page's sections
    sections: [[page, anchor, title, text, group, review, nav, answered], ...]
              group: index of the group h2 an h3 answers, else -1; review: the question's review
              state ("" for sections that are not questions; a group: its answers' states, joined
              by 、); nav: generated navigation text
              (related questions, bank links, source line), searchable but weighed little;
              answered: 1 when the section has text of its own (for a group: a member has), else 0
    terms:    [[section, [name, ...], [section, ...]], ...]  glossary entries: their names, and
              the questions they link to as explaining them
    aliases:  [[spelling, spelling, ...], ...]
    stop:     question words that are not search terms (kb.search.normalize.STOPWORDS)
    words:    "|"-joined Chinese words of the site, for cutting queries (kb.search.vocab)
    rarity:   one digit per word of `words`: 0 everyday Chinese … 9 term of art (kb.search.vocab)
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kb.search.normalize import STOPWORDS, compact

if TYPE_CHECKING:  # the terminal reads indexes without loading the build's HTML parser and jieba
    from kb.search.extract import Section

INDEX_FILE = "search/kb_index.js"
VERSION = 5
_PREFIX = "window.__kbSearchIndex="
_SUFFIX = ";\n"


@dataclass
class Page:
    url: str
    title: str
    sections: list[Section]
    boost: float = 1.0


def build_index(
    pages: list[Page],
    aliases: list[list[str]],
    words_of: Callable[[str], Iterable[str]] | None = None,
    rarity_of: Callable[[str], str] | None = None,
) -> dict:
    """Pages in site order → the index dictionary. ``words_of`` (one text's words) and ``rarity_of``
    ("|"-joined words → their rarity digits) default to kb.search.vocab's; the build puts caches in front."""
    from kb.search.vocab import corpus_words, rarity, text_words

    words_of = words_of or text_words
    rarity_of = rarity_of or (lambda joined: rarity(joined.split("|") if joined else []))
    out_pages: list[list[str]] = []
    out_sections: list[list] = []
    glossary: list[tuple[int, Section]] = []
    for p, page in enumerate(pages):
        out_pages.append([page.url, page.title, page.boost])
        group = -1
        for section in page.sections:
            if section.level <= 2:
                group = len(out_sections) if section.group else -1
                owner = -1
            else:
                owner = group
            if section.names or section.explained_by:
                glossary.append((len(out_sections), section))
            answered = int(bool(section.text))
            out_sections.append([p, section.anchor, section.title, section.text, owner, section.review, section.nav, answered])
            if owner >= 0:
                out_sections[owner][7] |= answered
                states = [st for st in out_sections[owner][5].split("、") if st]
                if section.review and section.review not in states:  # a group shows its answers' states
                    out_sections[owner][5] = "、".join([*states, section.review])
    at = {s[1]: i for i, s in enumerate(out_sections) if s[1]}
    terms = [
        [i, [section.title, *section.names], [at[a] for a in section.explained_by if a in at]]
        for i, section in glossary
    ]
    words = "|".join(corpus_words([compact(t) for s in out_sections for t in (s[2], s[3])], words_of))
    return {
        "v": VERSION, "pages": out_pages, "sections": out_sections, "terms": terms, "aliases": aliases,
        "stop": list(STOPWORDS), "words": words, "rarity": rarity_of(words),
    }


def dump_js(index: dict) -> str:
    return _PREFIX + json.dumps(index, ensure_ascii=False, separators=(",", ":")) + _SUFFIX


def load_js(path: Path) -> dict:
    """Read an index file written by dump_js; a foreign or damaged file is a clear error."""
    text = path.read_text(encoding="utf-8")
    if not (text.startswith(_PREFIX) and text.endswith(_SUFFIX)):
        raise ValueError(f"{path}: 不是搜索索引文件 — 请重新运行 `make build`")
    index = json.loads(text[len(_PREFIX) : -len(_SUFFIX)])
    if index.get("v") != VERSION:
        raise ValueError(f"{path}: 索引版本 {index.get('v')} 与程序（{VERSION}）不符 — 请重新运行 `make build`")
    return index


def check_index(path: Path) -> None:
    """What load_js checks, reading only the file's head: the terminal hands the file to Node."""
    with path.open(encoding="utf-8") as f:
        head = f.read(len(_PREFIX) + 16)
    if not head.startswith(_PREFIX):
        raise ValueError(f"{path}: 不是搜索索引文件 — 请重新运行 `make build`")
    version = head[len(_PREFIX):].split(",", 1)[0]
    if version != f'{{"v":{VERSION}':
        found = version.split(":", 1)[-1]
        raise ValueError(f"{path}: 索引版本 {found} 与程序（{VERSION}）不符 — 请重新运行 `make build`")


def text_bytes(index: dict) -> int:
    """UTF-8 bytes of the text the index makes searchable (titles and section texts)."""
    return sum(len(s[2].encode()) + len(s[3].encode()) + len(s[6].encode()) for s in index["sections"])
