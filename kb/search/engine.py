"""Ranking: exact substring matching over compact text, so nothing Ctrl+F finds is missed.

A query becomes terms: alias spellings (KV 缓存 ↔ KV Cache), Latin words, and Chinese
runs cut into the fewest words of the site's vocabulary (大模型幻觉 → 大模型 + 幻觉; the
vocabulary is what jieba finds in the pages at build time); question words (什么是, 如何)
are not terms.
Each section scores

    Σ idf(term) × (3 × in title + (1 … 1.75 by count) × in text)
    + idf mass × share of the title the terms cover          (short, exact titles first)

times coverage² (the share of term weight the section contains), plus a bonus when the
whole query (or an alias variant of it) occurs as typed: 4 × in title, 1.5 × in text.
So title matches beat body matches, whole phrases beat scattered terms, and a section
that contains the typed string always scores above zero. Latin terms count fully only
at the start of a word (`lora` in `LoRA`, not in `exploration`). Chinese terms a section
lacks as a whole get partial credit for their character pairs. The page's boost
multiplies the result, and a page's own intro counts half. A group (one question
answered by several sources) is searched with its members' text and stands in for
them in the results.

The browser client (overrides/assets/javascripts/kb-search.js) is a line-by-line twin
of this file; tests run both on the same queries and compare the rankings.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from kb.search.normalize import CAMEL, SPACE_CLASS, WORD, compact, compact_starts, runs

TITLE_WEIGHT = 3.0
TIGHT_WEIGHT = 1.0
PHRASE_TITLE = 4.0
PHRASE_TEXT = 1.5
INSIDE_WORD = 0.3
CAMEL_WORD = 0.8
SINGLE_WEIGHT = 0.25  # a lone Chinese character is weak evidence (一直 → 一 / 直 when 一直 is not a site word)
PARTIAL_WEIGHT = 0.4
PARTIAL_MIN = 0.5
COUNT_CAP = 8
MAX_WORD = 8
INTRO_WEIGHT = 0.5  # a page's own intro (no anchor) ranks below the questions on it
SCAN_CAP = 64
_SEP = "\x01"  # joins texts in the corpus so no match spans two sections


def _latin(ch: str) -> bool:
    return "a" <= ch <= "z" or "0" <= ch <= "9"


@dataclass
class Term:
    """One query term: its spellings (compact), how readers see them, and as typed."""

    label: str
    alts: list[str]
    shows: list[str]
    cjk: bool = False


@dataclass
class Query:
    text: str
    terms: list[Term]
    phrases: list[str]


@dataclass
class Hit:
    section: int
    score: float
    found: dict[str, str | None] = field(default_factory=dict)  # term label → spelling found, or None


def _find(text: str, starts: bytearray, alt: str) -> tuple[float, int, int]:
    """(strength, word-level count, length of alt) of `alt` in one text.

    Strength is 1 for a match at a word start (or any match of a non-Latin spelling),
    CAMEL_WORD at a word start inside a Latin run (QLoRA), INSIDE_WORD when a Latin
    spelling only occurs inside words, 0 when absent.
    """
    latin = _latin(alt[0])
    pos = text.find(alt)
    words = 0
    strength = 0.0
    scans = 0
    while pos >= 0 and words < COUNT_CAP and scans < SCAN_CAP:
        kind = starts[pos] if latin else WORD
        if kind:
            words += 1
        strength = max(strength, 1.0 if kind == WORD else CAMEL_WORD if kind == CAMEL else INSIDE_WORD)
        scans += 1
        pos = text.find(alt, pos + 1)
    return strength, words, len(alt)


class Engine:
    """Search over one loaded index (see kb.search.index for its layout)."""

    def __init__(self, index: dict) -> None:
        self.pages = index["pages"]
        self.sections = index["sections"]
        titles = [compact_starts(s[2]) for s in self.sections]
        texts = [compact_starts(s[3]) for s in self.sections]
        self.titles = [t[0] for t in titles]
        self.title_starts = [t[1] for t in titles]
        self.corpus = _SEP.join(self.titles + [t[0] for t in texts])
        # A group's text includes its members' titles and texts: the group is the question.
        self.members: dict[int, list[int]] = {}
        for i, s in enumerate(self.sections):
            if s[4] >= 0:
                self.members.setdefault(s[4], []).append(i)
        for g, members in self.members.items():
            parts = [texts[g]] + [p for m in members for p in (titles[m], texts[m])]
            texts[g] = (_SEP.join(p[0] for p in parts), bytearray(b"\x00").join(p[1] for p in parts))
        self.texts = [t[0] for t in texts]
        self.text_starts = [t[1] for t in texts]
        self.boost = [float(self.pages[s[0]][2]) for s in self.sections]
        self.groups: list[tuple[list[str], list[str]]] = []
        self.alias: dict[str, int] = {}
        for group in index.get("aliases", []):
            spellings = [compact(s) for s in group]
            self.groups.append((spellings, group))
            for s in spellings:
                self.alias.setdefault(s, len(self.groups) - 1)
        self.alias_keys = sorted(self.alias, key=lambda s: (-len(s), s))
        self.words = set(filter(None, index.get("words", "").split("|")))
        stop = sorted({compact(s) for s in index.get("stop", [])}, key=lambda s: (-len(s), s))
        self.stop = re.compile("|".join(re.escape(s) for s in stop)) if stop else None

    # ----------------------------------------------------------------- query

    def _cut(self, run: str) -> list[str]:
        """Cut a Chinese run into the fewest pieces, each a site word or one character
        (ties: fewer single characters; then the earliest cut)."""
        n = len(run)
        best: list[tuple[int, int, int] | None] = [None] * (n + 1)  # (pieces, singles, previous cut)
        best[0] = (0, 0, -1)
        for i in range(n):
            here = best[i]
            if here is None:
                continue
            for j in range(i + 1, min(n, i + MAX_WORD) + 1):
                single = j - i == 1
                if not single and run[i:j] not in self.words:
                    continue
                cost = (here[0] + 1, here[1] + (1 if single else 0))
                there = best[j]
                if there is None or cost < there[:2]:
                    best[j] = (cost[0], cost[1], i)
        out = []
        j = n
        while j > 0:
            i = best[j][2]
            out.append(run[i:j])
            j = i
        return out[::-1]

    def _segment(self, run: str, stop: bool) -> list[tuple[int, str]]:
        """(offset, piece) of a Chinese run; with `stop`, question words are cut out."""
        if self.stop is None or not stop:
            pieces = [(0, run)]
        else:
            bounds = [0]
            for m in self.stop.finditer(run):
                bounds += [m.start(), m.end()]
            bounds.append(len(run))
            pieces = [(a, run[a:b]) for a, b in zip(bounds[::2], bounds[1::2], strict=True) if a < b]
        out = []
        for offset, piece in pieces:
            for seg in self._cut(piece):
                out.append((offset, seg))
                offset += len(seg)
        return out

    def _alias_spans(self, cq: str, bounds: set[int]) -> list[tuple[int, int, int]]:
        def edge(k: int) -> bool:
            return k <= 0 or k >= len(cq) or k in bounds or not (_latin(cq[k - 1]) and _latin(cq[k]))

        spans = []
        i = 0
        while i < len(cq):
            for key in self.alias_keys:
                if cq.startswith(key, i) and edge(i) and edge(i + len(key)):
                    spans.append((i, i + len(key), self.alias[key]))
                    i += len(key)
                    break
            else:
                i += 1
        return spans

    def parse(self, text: str) -> Query:
        """Terms and phrases of a query; question words count only if nothing else is left."""
        query = self._parse(text, stop=True)
        return query if query.terms else self._parse(text, stop=False)

    def _parse(self, text: str, stop: bool) -> Query:
        cq = compact(text)
        parts = runs(text)
        bounds = {b for start, end, _ in parts for b in (start, end)}
        spans = self._alias_spans(cq, bounds)
        pieces: list[tuple[int, Term]] = []
        for start, end, g in spans:
            spellings, shows = self.groups[g]
            pieces.append((start, Term(cq[start:end], spellings, shows)))
        for start, end, cls in parts:
            cuts = [start]
            for a, b, _ in spans:
                if a < end and b > start:
                    cuts += [max(a, start), min(b, end)]
            cuts.append(end)
            for a, b in zip(cuts[::2], cuts[1::2], strict=True):
                if a >= b:
                    continue
                piece = cq[a:b]
                if cls == "C":
                    for offset, seg in self._segment(piece, stop):
                        pieces.append((a + offset, Term(seg, [seg], [seg], cjk=True)))
                else:
                    if piece not in self.corpus and len(piece) > 3 and piece.endswith("s"):
                        piece = piece[:-1]
                    pieces.append((a, Term(piece, [piece], [piece])))
        pieces.sort(key=lambda p: p[0])
        terms: list[Term] = []
        seen: set[str] = set()
        for _, term in pieces:
            if term.label not in seen:
                seen.add(term.label)
                terms.append(term)
        phrases = [cq] if cq else []
        for start, end, g in spans:
            for alt in self.groups[g][0]:
                variant = cq[:start] + alt + cq[end:]
                if variant not in phrases:
                    phrases.append(variant)
        return Query(text, terms, phrases)

    # ----------------------------------------------------------------- ranking

    def _cell(self, term: Term, i: int) -> tuple[float, float, int, int] | None:
        """(title strength, text strength, text count, length found in title) or None."""
        ts = xs = 0.0
        count = tlen = 0
        for alt in term.alts:
            s, _, n = _find(self.titles[i], self.title_starts[i], alt)
            if s > ts or (s == ts and s and n > tlen):
                ts, tlen = s, n
            s, c, _ = _find(self.texts[i], self.text_starts[i], alt)
            xs = max(xs, s)
            count = min(COUNT_CAP, count + c)
        if ts or xs:
            return ts, xs, count, tlen
        return None

    def search(self, text: str, limit: int | None = None) -> list[Hit]:
        """Every section that matches, best first (ties keep site order)."""
        return self.search_query(self.parse(text), limit)

    def search_query(self, query: Query, limit: int | None = None) -> list[Hit]:
        """`search` for a query already parsed (callers that also need its terms parse once)."""
        if not query.phrases:
            return []
        n = len(self.sections)
        cells: list[list] = []
        weights: list[float] = []
        for term in query.terms:
            row = [self._cell(term, i) for i in range(n)]
            df = sum(1 for c in row if c and max(c[0], c[1]) >= CAMEL_WORD)
            if not df:
                df = sum(1 for c in row if c)
            cells.append(row)
            weight = math.log(1 + (n - df + 0.5) / (df + 0.5)) if df else 0.0
            weights.append(weight * SINGLE_WEIGHT if term.cjk and len(term.label) == 1 else weight)
        total = sum(weights)
        out: list[Hit] = []
        for i in range(n):
            score = 0.0
            matched = 0.0
            tight = 0.0
            found: dict[str, str | None] = {}
            for t, term in enumerate(query.terms):
                w = weights[t]
                cell = cells[t][i]
                if cell:
                    ts, xs, count, tlen = cell
                    f = TITLE_WEIGHT * ts
                    if xs:
                        f += xs * (1 + 0.25 * math.log2(max(count, 1)))
                    score += w * f
                    matched += w * max(ts, xs)
                    if ts >= CAMEL_WORD:
                        tight += tlen * ts
                    found[term.label] = self._first_show(term, i)
                    continue
                found[term.label] = None
                if w and term.cjk and len(term.label) >= 3:
                    frac = self._pair_share(term.label, i)
                    if frac >= PARTIAL_MIN:
                        score += w * PARTIAL_WEIGHT * frac
                        matched += w * PARTIAL_WEIGHT * frac
            if total:
                if self.titles[i]:
                    score += TIGHT_WEIGHT * total * min(1.0, tight / len(self.titles[i]))
                cover = matched / total
                score *= cover * cover
            bonus = max(total, 1.0)
            in_title = max(_find(self.titles[i], self.title_starts[i], p)[0] for p in query.phrases)
            in_text = max(_find(self.texts[i], self.text_starts[i], p)[0] for p in query.phrases)
            score += bonus * max(PHRASE_TITLE * in_title, PHRASE_TEXT * in_text)
            if score > 0:
                out.append(Hit(i, score * self.boost[i] * (1.0 if self.sections[i][1] else INTRO_WEIGHT), found))
        out = self._fold_members(out)
        out.sort(key=lambda h: (-h.score, h.section))
        return out[:limit] if limit else out

    def _fold_members(self, hits: list[Hit]) -> list[Hit]:
        """A group stands for its members: it takes the best member score, members drop out."""
        by_section = {h.section: h for h in hits}
        out = []
        for h in hits:
            group = by_section.get(self.sections[h.section][4])
            if group is None:
                out.append(h)
            elif h.score > group.score:
                group.score = h.score
        return out

    def display_text(self, i: int) -> str:
        """What a snippet is cut from: the section's text; for a group, its members' titles and texts."""
        parts = [] if i in self.members else [self.sections[i][3]]
        for m in self.members.get(i, []):
            parts += [self.sections[m][2], self.sections[m][3]]
        return " ".join(p for p in parts if p)

    def _first_show(self, term: Term, i: int) -> str:
        for alt, show in zip(term.alts, term.shows, strict=True):
            if alt in self.titles[i] or alt in self.texts[i]:
                return show
        return term.shows[0]

    def _pair_share(self, label: str, i: int) -> float:
        pairs = [label[k : k + 2] for k in range(len(label) - 1)]
        got = sum(1 for p in pairs if p in self.titles[i] or p in self.texts[i])
        return got / len(pairs)

    # ----------------------------------------------------------------- display

    def location(self, i: int) -> str:
        page, anchor = self.sections[i][0], self.sections[i][1]
        url = self.pages[page][0]
        return f"{url}#{anchor}" if anchor else url

    def needles(self, query: Query, hit: Hit) -> list[str]:
        """Compact strings to show in a snippet: phrases first, then found spellings by length."""
        found = [s for s in hit.found.values() if s]
        terms = sorted({compact(s) for s in found}, key=lambda s: (-len(s), s))
        return query.phrases + terms


# ----------------------------------------------------------------- snippets

_FULLWIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def loose_pattern(needle: str) -> str:
    """Regex finding a compact needle in display text: any spacing, any case, full-width ASCII."""
    gap = f"[{SPACE_CLASS}]*"
    parts = []
    for ch in needle:
        alts = {ch, ch.upper(), _FULLWIDTH.get(ch, ch), _FULLWIDTH.get(ch.upper(), ch)}
        parts.append("[" + "".join(re.escape(a) for a in sorted(alts)) + "]")
    return gap.join(parts)


def snippet(text: str, needles: list[str], width: int = 90) -> tuple[str, list[tuple[int, int]]]:
    """A window of `text` around the first needle found, and the spans of every needle in it."""
    start = 0
    for needle in needles if width < len(text) else []:
        m = re.search(loose_pattern(needle), text) if needle else None
        if m:
            start = max(0, m.start() - width // 3)
            break
    window = text[start : start + width]
    marks: list[tuple[int, int]] = []
    for needle in needles:
        if not needle:
            continue
        for m in re.finditer(loose_pattern(needle), window):
            if m.end() > m.start() and not any(a < m.end() and m.start() < b for a, b in marks):
                marks.append((m.start(), m.end()))
    marks.sort()
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(text) else ""
    shift = len(prefix)
    return prefix + window + suffix, [(a + shift, b + shift) for a, b in marks]
