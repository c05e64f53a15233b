"""Format `html-headings`: `<h1>`/`<h3 id=…>N.title</h3>` questions after a hand-written TOC.

The TOC is replaced by the page's own table of contents (its broken links are
reported); images whose files do not exist are not linked (reported).
"""
from __future__ import annotations

import re

from kb.model import Document, Question, SourceDoc
from kb.normalize.context import Context
from kb.parsers.common import clean_title, part, question_id

_HEADING = re.compile(r"^<h([1-6])[^>]*>\s*(.*?)\s*</h\1>\s*$")
_NUMBERED = re.compile(r"^(\d+)\s*[.．、]\s*(.+)$")
_TOC_LINK = re.compile(r"\[([^\]]+)\]\(([^)]*)\)")
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)[^)]*\)")


def _check_toc(lines: list[tuple[int, str]], anchors: set[str], ctx: Context) -> None:
    for no, line in lines:
        for m in _TOC_LINK.finditer(line):
            target = m.group(2)
            ok = target.startswith("#") and target[1:] in anchors
            if not ok:
                ctx.note("toc", f"原目录链接失效：[{m.group(1)}]({target})", line=no)


def _drop_missing_images(body: str, doc: SourceDoc, ctx: Context, first_line: int) -> str:
    def repl(m: re.Match[str]) -> str:
        path = (doc.path.parent / m.group(2)).resolve()
        if path.is_file():
            return m.group(0)
        line = first_line + body.count("\n", 0, m.start())
        ctx.drop(m.group(0), "图片文件在原资料中不存在，不加链接", line=line)
        return ""

    return _IMAGE.sub(repl, body)


def parse(doc: SourceDoc, text: str) -> Document:
    ctx = Context(doc.key)
    lines = text.split("\n")
    heads = [(i, m) for i, line in enumerate(lines) if (m := _HEADING.match(line))]
    numbered = [(i, m, n) for i, m in heads if (n := _NUMBERED.match(m.group(2)))]
    anchors = {a for line in lines for a in re.findall(r"<h[1-6] id=['\"]([^'\"]+)['\"]", line)}
    if numbered:
        toc_end = numbered[0][0]
        toc = [(i + 1, lines[i]) for i in range(toc_end) if lines[i].strip()]
        _check_toc(toc, anchors, ctx)
        if toc:
            ctx.drop(
                "\n".join(x for _, x in toc),
                "手写目录（含失效链接），由页面自动生成的目录代替",
                line=toc[0][0],
            )
    seen: set[str] = set()
    questions: list[Question] = []
    for k, (i, _m, n) in enumerate(numbered):
        end = numbered[k + 1][0] if k + 1 < len(numbered) else len(lines)
        ctx.line = i + 1
        body = _drop_missing_images("\n".join(lines[i + 1 : end]), doc, ctx, i + 2)
        number = int(n.group(1))
        qid = question_id(doc.key, number, seen, ctx)
        questions.append(Question(doc.key, str(number), qid, clean_title(n.group(2), ctx), [part(None, body, ctx)], line=i + 1))
    return Document(doc.key, questions, ctx.drops, ctx.notes)
