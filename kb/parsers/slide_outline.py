"""Format `slide-outline`: plain-text slides; a line ending in `:` is a slide title.

Pipe rows without a header separator become real tables, `•` bullets become
lists, and a slide with no text left (its image was lost) keeps its title.
"""
from __future__ import annotations

import re

from kb.model import Document, Question, SourceDoc
from kb.normalize.context import Context
from kb.parsers.common import clean_title, part, question_id

_TITLE = re.compile(r"^(?![-•\d(（])(.{1,40}?)\s*[:：]$")
_BULLET = re.compile(r"^[•·]\s*")
_NUMBERED = re.compile(r"^(\d+)\.\s*")


def _is_row(line: str) -> bool:
    return line.count("|") >= 2


def _table(rows: list[str], ctx: Context, line: int) -> list[str]:
    """Pipe rows → a Markdown table: header separator added, short rows padded."""
    cells = []
    for row in rows:
        text = row.strip()
        if text.endswith("|"):
            text = text[:-1]
        cells.append([c.strip() for c in text.split("|")])
    width = max(len(c) for c in cells)
    padded = 0
    for c in cells:
        if len(c) < width:
            padded += 1
            c.extend([""] * (width - len(c)))
    ctx.note("table", f"表格补上表头分隔行（{len(rows)} 行 × {width} 列，补齐 {padded} 行缺失单元格）", line=line)
    out = ["| " + " | ".join(c) + " |" for c in cells]
    out.insert(1, "|" + "---|" * width)
    return out


def _body(lines: list[tuple[int, str]], subtitles: set[str], ctx: Context) -> str:
    """Slide lines → Markdown: one paragraph a line, tables and bullet lists kept together."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        no, line = lines[k]
        if _is_row(line) and k + 1 < len(lines) and _is_row(lines[k + 1][1]):
            rows = []
            while k < len(lines) and _is_row(lines[k][1]):
                rows.append(lines[k][1])
                k += 1
            out += ["", *_table(rows, ctx, no), ""]
            continue
        k += 1
        text = line.strip()
        if not text:
            continue
        if text in subtitles:
            out += ["", f"**{text}**", ""]
        elif _BULLET.match(text) or text.startswith("- "):
            item = _BULLET.sub("", text) if _BULLET.match(text) else text[2:]
            if out and out[-1].startswith("- "):
                out.append(f"- {item}")
            else:
                out += ["", f"- {item}"]
        else:
            # Keep the slide's own numbering ("2. …") instead of Markdown renumbering it.
            text = _NUMBERED.sub(lambda m: f"{m.group(1)}\\. ", text)
            out += ["", text, ""]
    return "\n".join(out)


def parse(doc: SourceDoc, text: str) -> Document:
    ctx = Context(doc.key)
    opts = doc.options
    not_titles = set(opts.get("not_titles", []))
    subtitles = set(opts.get("subtitles", []))
    boilerplate = set(opts.get("boilerplate_lines", []))
    references = set(opts.get("reference_sections", []))
    sections: list[tuple[int, str, list[tuple[int, str]]]] = []
    for i, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip()
        if line.strip() in boilerplate:
            ctx.drop(line.strip(), "幻灯片目录页的标题，不是正文", line=i)
            continue
        m = _TITLE.match(line)
        if m and line not in not_titles and not _is_row(line):
            sections.append((i, m.group(1), []))
        elif sections:
            sections[-1][2].append((i, line))
        elif line.strip():
            ctx.note("structure", f"第一张幻灯片之前的文字：{line[:40]}", line=i)
    seen: set[str] = set()
    questions: list[Question] = []
    refs: list[str] = []
    for line_no, title, body in sections:
        ctx.line = line_no
        if title in references:
            refs += [x.strip() for _, x in body if x.strip()]
            continue
        md = _body(body, subtitles, ctx)
        if not md.strip():
            ctx.note("empty", f"幻灯片“{title}”只有标题（原图片已缺失），保留标题并注明")
        number = len(questions) + 1
        questions.append(
            Question(
                doc=doc.key,
                number=str(number),
                id=question_id(doc.key, number, seen, ctx),
                title=clean_title(title, ctx),
                parts=[part(None, md, ctx)],
                line=line_no,
            )
        )
    return Document(doc.key, questions, ctx.drops, ctx.notes, references=refs)
