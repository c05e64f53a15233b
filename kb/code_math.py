"""What is code and what is math in the site's Markdown: the one module every reader of Markdown asks.

Used by the math feature (formulas to render), the question index and cross-links (headings and ids
are never read inside code), the link checks and review notes (code is shown as is), and, for
rendered HTML, the term linker (CODE_TAGS, MATH_CLASSES: never linked inside). The importer's own
normalizers still split prose with kb/normalize/segments.py (see that module).

Math rules follow Pandoc's `tex_math_dollars`, which GitHub and Obsidian also follow closely:
an opening `$` must be followed by a non-space, a closing `$` must follow a non-space and
must not be followed by a digit. So "$5 和 $10" stays text, while `$x$` is math. `\\$` is a
literal dollar. Fenced code, inline code spans, HTML comments and raw <code>/<pre>/<script>
are never searched. A formula never crosses a blank line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE_OPEN = re.compile(r"^[ \t]*(?:>[ \t]?)*(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)$")
_BLANK_LINE = re.compile(r"\n[ \t]*(?:>[ \t]*)*\n")
_RAW_HTML = re.compile(
    r"<!--.*?-->|<(?P<tag>code|pre|script|style|kbd|samp)\b[^>]*>.*?</(?P=tag)\s*>",
    re.DOTALL | re.IGNORECASE,
)
_BACKTICKS = re.compile(r"`+")
# In rendered HTML a formula never crosses a block boundary.
_BLOCK_TAG = re.compile(
    r"</?(?:p|h[1-6]|li|ul|ol|dl|dt|dd|table|thead|tbody|tr|td|th|div|blockquote|hr|br)\b[^>]*>",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Formula:
    """One formula: its TeX, whether it is display math, and where it stands in the text."""

    tex: str
    display: bool
    start: int  # offset of the opening delimiter
    end: int  # offset just past the closing delimiter
    line: int  # 1-based line of the opening delimiter


@dataclass(frozen=True)
class Problem:
    """A delimiter that cannot be right, e.g. a `$$` that is never closed."""

    message: str
    hint: str
    start: int
    line: int


@dataclass
class Scan:
    """Everything math-related found in one text."""

    formulas: list[Formula]
    escapes: list[int]  # offsets of the backslash of each `\\$`
    problems: list[Problem]


def _fenced_ranges(text: str) -> list[tuple[int, int]]:
    """Offsets of fenced code blocks (``` or ~~~, also indented inside lists or admonitions)."""
    ranges: list[tuple[int, int]] = []
    pos = 0
    open_start = -1
    fence = ""
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\n")
        if open_start < 0:
            match = _FENCE_OPEN.match(stripped)
            if match and not (match["fence"][0] == "`" and "`" in match["info"]):
                open_start, fence = pos, match["fence"]
        else:
            body = stripped.strip().lstrip("> ").strip()
            if body and set(body) == {fence[0]} and len(body) >= len(fence):
                ranges.append((open_start, pos + len(line)))
                open_start = -1
        pos += len(line)
    if open_start >= 0:
        ranges.append((open_start, len(text)))
    return ranges


def _code_span_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Inline code spans in text[start:end]: a run of n backticks up to the next run of n."""
    ranges: list[tuple[int, int]] = []
    pos = start
    while True:
        opener = _BACKTICKS.search(text, pos, end)
        if not opener:
            return ranges
        if _is_escaped(text, opener.start()):
            pos = opener.start() + 1
            continue
        size = len(opener.group())
        limit = _paragraph_end(text, opener.end(), end)
        closer = None
        for candidate in _BACKTICKS.finditer(text, opener.end(), limit):
            if len(candidate.group()) == size:
                closer = candidate
                break
        if closer is None:
            pos = opener.end()
            continue
        ranges.append((opener.start(), closer.end()))
        pos = closer.end()


def _is_escaped(text: str, index: int) -> bool:
    """True when text[index] is preceded by an odd number of backslashes."""
    count = 0
    while index - count - 1 >= 0 and text[index - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _paragraph_end(text: str, pos: int, end: int) -> int:
    blank = _BLANK_LINE.search(text, pos, end)
    return blank.start() if blank else end


def protected_ranges(text: str, html: bool = False) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ranges where `$` means nothing: code and raw HTML code/comments.

    With html=True the text is rendered HTML: block tags are barriers too.
    """
    ranges = _fenced_ranges(text) if not html else []
    gaps = _gaps(ranges, len(text))
    for gap_start, gap_end in gaps:
        raw = [m.span() for m in _RAW_HTML.finditer(text, gap_start, gap_end)]
        if html:
            raw = sorted(raw + [m.span() for m in _BLOCK_TAG.finditer(text, gap_start, gap_end)])
        ranges.extend(raw)
        for sub_start, sub_end in _gaps(raw, gap_end, gap_start):
            ranges.extend(_code_span_ranges(text, sub_start, sub_end))
    return sorted(ranges)


def _gaps(ranges: list[tuple[int, int]], end: int, start: int = 0) -> list[tuple[int, int]]:
    gaps = []
    pos = start
    for r_start, r_end in sorted(ranges):
        if r_start > pos:
            gaps.append((pos, r_start))
        pos = max(pos, r_end)
    if pos < end:
        gaps.append((pos, end))
    return gaps


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _find_closer(text: str, pos: int, end: int, double: bool) -> int:
    """Offset of the closing delimiter, or -1. Skips `\\x` escapes inside the TeX."""
    limit = _paragraph_end(text, pos, end)
    i = pos
    while i < limit:
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "$":
            if double:
                if text.startswith("$$", i):
                    return i
            elif (
                not text[i - 1].isspace()
                and not text.startswith("$$", i)
                and not (i + 1 < len(text) and text[i + 1].isdigit())
            ):
                return i
        i += 1
    return -1


def find_math(text: str, html: bool = False) -> Scan:
    """Scan Markdown (or rendered HTML) for formulas, escaped dollars and broken `$$`."""
    scan = Scan(formulas=[], escapes=[], problems=[])
    for start, end in _gaps(protected_ranges(text, html), len(text)):
        _scan_region(text, start, end, scan)
    return scan


def _scan_region(text: str, start: int, end: int, scan: Scan) -> None:
    i = start
    while i < end:
        char = text[i]
        if char == "\\":
            if text.startswith("$", i + 1) and i + 1 < end:
                scan.escapes.append(i)
            i += 2
            continue
        if char != "$":
            i += 1
            continue
        if text.startswith("$$", i):
            closer = _find_closer(text, i + 2, end, double=True)
            tex = text[i + 2 : closer] if closer >= 0 else ""
            if closer < 0 or not tex.strip():
                scan.problems.append(
                    Problem(
                        message="“$$” 没有配对的结尾 “$$”" if closer < 0 else "“$$…$$” 之间是空的",
                        hint="补上结尾的 $$（公式中间不能有空行）；若不是公式，把 $ 写成 \\$",
                        start=i,
                        line=_line_of(text, i),
                    )
                )
                i = closer + 2 if closer >= 0 else i + 2
                continue
            scan.formulas.append(Formula(tex, True, i, closer + 2, _line_of(text, i)))
            i = closer + 2
            continue
        following = text[i + 1] if i + 1 < end else " "
        if following.isspace():
            i += 1
            continue
        closer = _find_closer(text, i + 1, end, double=False)
        if closer < 0:
            i += 1
            continue
        scan.formulas.append(Formula(text[i + 1 : closer], False, i, closer + 1, _line_of(text, i)))
        i = closer + 1


def code_mask(lines: list[str]) -> list[bool]:
    """True for every line inside (or delimiting) a fenced code block, also one indented in a list,
    an admonition or a content tab (``` or ~~~, as for math)."""
    text = "\n".join(lines)
    mask = [False] * len(lines)
    for start, end in _fenced_ranges(text):
        first = text.count("\n", 0, start)
        last = text.count("\n", 0, max(start, end - 1))
        for index in range(first, min(last, len(lines) - 1) + 1):
            mask[index] = True
    return mask


def without_math(text: str) -> str:
    """``text`` with each formula's delimiters dropped (``$β$`` → ``β``), for places where no formula
    renders; a dollar that is not math (a price, ``\\$``) stays as written."""
    pieces, position = [], 0
    for formula in find_math(text).formulas:
        pieces += [text[position : formula.start], formula.tex]
        position = formula.end
    pieces.append(text[position:])
    return "".join(pieces)


def atomic_spans(text: str) -> list[tuple[int, int]]:
    """Spans a highlight must not cut in two: formulas and inline code spans."""
    spans = [(f.start, f.end) for f in find_math(text).formulas]
    spans += _code_span_ranges(text, 0, len(text))
    return sorted(spans)


# In rendered HTML: elements whose text is code, and classes of rendered (or wrapped) math.
CODE_TAGS = frozenset({"code", "pre", "kbd", "samp", "var"})
MATH_TAGS = frozenset({"math", "svg"})
MATH_CLASSES = frozenset({"katex", "katex-display", "arithmatex", "math"})
