"""The shape of an answer — list items with their depth, table rows, code blocks, section labels —
read from the source as its author laid it out, and from HTML as a reader gets it.

The source is read line by line, independently of the importer's normalizers:
  * a list item is a line opening with `-`, `*`, `+` or `N.` (a slide outline: `•` or `-`);
    it is nested under the open items whose marker stands to its left;
  * one reading rule follows the authors rather than indentation: a numbered run written
    right under a bullet that ends in a colon is that bullet's sub-list;
  * a paragraph after a blank line, starting left of every open item's marker, ends the lists;
  * a table row is a line `| … |` (rule rows `|---|` are not rows); a code block is a fence;
  * a section label is a line, not a list item, that opens with `**label**：`.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag

_ITEM = re.compile(r"^( *)([-*+]|\d{1,3}\.)( +)(\S.*)$")
_SLIDE_ITEM = re.compile(r"^( *)([•·]|- )\s*(\S.*)$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_MATH_OPEN = re.compile(r"^\s*(\$\$|\\\[)\s*$")
_ROW = re.compile(r"^\s*\|.*\|")
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_LABEL = re.compile(r"^\s*\*\*([^*\n]{1,40}?)\*\*\s*[：:]")
_SEPARATOR = re.compile(r"^\s*(?:-{3,}|\*(?:\s*\*){2,}|_{3,})\s*$")
_PART_LABELS = {"专业回答", "科普解释", "答"}
_MATH = re.compile(r"\$\$?[^$]*\$\$?")
_GREEK = re.compile(r"[α-ωΑ-Ω]")


def key(text: str, width: int = 4) -> str:
    """The first letters and digits of a text: enough to tell items apart, blind to markup and math."""
    text = _GREEK.sub("", _MATH.sub("", unicodedata.normalize("NFKC", text)))
    return "".join(ch for ch in text if ch.isalnum())[:width].lower()


def _same_item(a: tuple[int, str, str], b: tuple[int, str, str]) -> bool:
    """Same depth and kind; the text of one starts the other's (an item's lines may run on past its label)."""
    return a[:2] == b[:2] and (a[2].startswith(b[2]) or b[2].startswith(a[2]))


@dataclass
class Shape:
    items: list[tuple[int, str, str]] = field(default_factory=list)  # (depth, "ul" | "ol", key)
    rows: int = 0
    code: int = 0
    labels: list[str] = field(default_factory=list)  # keys of section labels

    def differences(self, other: Shape) -> list[str]:
        out = []
        if len(self.items) != len(other.items) or not all(map(_same_item, self.items, other.items)):
            first = next((i for i, (a, b) in enumerate(zip(self.items, other.items, strict=False)) if not _same_item(a, b)), None)
            at = first if first is not None else min(len(self.items), len(other.items))
            out.append(
                f"list items {len(self.items)} vs {len(other.items)}, first difference at #{at + 1}: "
                f"{self.items[at] if at < len(self.items) else '—'} vs {other.items[at] if at < len(other.items) else '—'}"
            )
        if self.rows != other.rows:
            out.append(f"table rows {self.rows} vs {other.rows}")
        if self.code != other.code:
            out.append(f"code blocks {self.code} vs {other.code}")
        missing = [label for label in self.labels if label not in other.labels]
        if missing:
            out.append(f"labels not starting a paragraph: {missing}")
        return out


@dataclass
class _Open:
    col: float  # where the marker stands; a numbered run adopted under its colon bullet stands half a step right
    kind: str
    colon: bool  # the item's text ends in a colon
    adopted: bool = False


def _is_row(line: str, slides: bool) -> bool:
    return line.count("|") >= 2 if slides else bool(_ROW.match(line))


def source_shape(text: str, slides: bool = False) -> Shape:
    """The shape of one answer's source text (Markdown, or a slide outline's plain text)."""
    shape = Shape()
    open_items: list[_Open] = []
    fence: str | None = None
    in_math = False
    blank = False
    for line in (x.expandtabs(4) for x in text.split("\n")):
        if fence:
            fence = None if line.strip().startswith(fence) else fence
            continue
        if in_math:
            in_math = line.strip() not in ("$$", "\\]")
            continue
        if m := _FENCE.match(line):
            fence, shape.code = m.group(1), shape.code + 1
            continue
        if _MATH_OPEN.match(line):
            in_math = True
            continue
        if not line.strip() or _SEPARATOR.match(line):
            blank = True
            continue
        if _is_row(line, slides):
            shape.rows += 0 if _RULE.match(line) and not line.replace("|", "").strip("-: ") else 1
            blank = False
            continue
        item = _SLIDE_ITEM.match(line) if slides else _ITEM.match(line)
        if item:
            col: float = len(item.group(1))
            kind = "ol" if item.group(2)[0].isdigit() else "ul"
            body = item.group(item.lastindex or 0)
            top = open_items[-1] if open_items else None
            adopted = kind == "ol" and any(o.adopted and o.col == col + 0.5 for o in open_items)
            if not adopted and top and not blank and kind == "ol" and top.kind == "ul" and top.colon and top.col == col:
                adopted = True
            col += 0.5 if adopted else 0
            while open_items and open_items[-1].col >= col:
                open_items.pop()
            shape.items.append((len(open_items), kind, key(body)))
            open_items.append(_Open(col, kind, bool(re.search(r"[：:]\s*(\*\*)?\s*$", body)), adopted))
            blank = False
            continue
        label = _LABEL.match(line)
        if label and label.group(1).strip() not in _PART_LABELS and key(label.group(1)):
            shape.labels.append(key(label.group(1)))
            open_items.clear()
        elif blank and open_items and len(line) - len(line.lstrip()) <= open_items[0].col:
            open_items.clear()
        blank = False
    return shape


def _own_text(li: Tag) -> str:
    parts = []
    for child in li.children:
        if isinstance(child, NavigableString):
            parts.append(str(child))
        elif isinstance(child, Tag) and child.name not in ("ul", "ol"):
            parts.append(child.get_text())
    return "".join(parts)


def html_shape(nodes: list[Tag]) -> Shape:
    """The shape of an answer's HTML (the elements between its heading and the next one)."""
    shape = Shape()

    def within(name: str) -> list[Tag]:
        return [t for node in nodes for t in ([node] if node.name == name else []) + node.find_all(name)]

    for node in nodes:
        for hidden in node.select(".katex"):  # a formula is not text: the source side drops `$…$` too
            hidden.decompose()
    for li in within("li"):
        depth = sum(1 for p in li.parents if p.name in ("ul", "ol")) - 1
        shape.items.append((depth, li.parent.name, key(_own_text(li))))
    shape.rows = len(within("tr"))
    shape.code = len(within("pre"))
    for p in within("p"):
        first = next((c for c in p.children if not (isinstance(c, NavigableString) and not c.strip())), None)
        if p.find_parent("li") is None and isinstance(first, Tag) and first.name == "strong":
            rest = p.get_text()[len(first.get_text()) :].lstrip()
            if rest[:1] in ("：", ":"):
                shape.labels.append(key(first.get_text()))
    return shape


def fragment(html: str) -> list[Tag]:
    """Top-level elements of an HTML fragment."""
    soup = BeautifulSoup(html, "html.parser")
    return [c for c in soup.children if isinstance(c, Tag)]


def section_after(heading: Tag) -> list[Tag]:
    """Elements after a question heading up to the next heading of the same or a higher level; the
    answer wrapper practice mode adds (``div.kb-answer``) counts as the elements it holds."""
    level = int(heading.name[1])
    out = []
    for sibling in heading.next_siblings:
        if isinstance(sibling, Tag):
            if re.fullmatch(r"h[1-6]", sibling.name) and int(sibling.name[1]) <= level:
                break
            if sibling.name == "div" and "kb-answer" in (sibling.get("class") or []):
                out += [child for child in sibling.children if isinstance(child, Tag)]
            else:
                out.append(sibling)
    return out


def answer_sources(result) -> list[tuple[str, str, str, bool]]:
    """(question id, source file, source text of its answer, is a slide outline) for every answered question.

    The text runs from the line after the question to the next question (or chapter heading, or a
    slide section the outline keeps as references), after the reviewed edits, as the parser saw it.
    """
    from kb.importer.edits import apply_edits, load_edits

    edits = load_edits(_root())
    out = []
    for doc in result.docs:
        parsed = result.parsed[doc.key]
        text, _, _ = apply_edits(doc.key, doc.path.read_text(encoding="utf-8"), edits)
        lines = text.split("\n")
        slides = doc.format == "slide-outline"
        stops = {q.line for q in parsed.questions}
        for title in doc.options.get("reference_sections", []):
            stops |= {i + 1 for i, x in enumerate(lines) if x.strip().rstrip(":：") == title}
        for q in parsed.questions:
            if not q.answered:
                continue
            end = min((s for s in stops if s > q.line), default=len(lines) + 1)
            body = [x for x in lines[q.line : end - 1] if not re.match(r"^#{1,3}\s", x)]
            out.append((q.id, doc.file, "\n".join(body), slides))
    return out


def _root():
    from pathlib import Path

    return Path(__file__).resolve().parents[2]
