"""Form defects a reader sees on the topic pages, counted by class, at two revisions of docs/.

    python benchmarks/form_defects.py [--before REV] [--after REV]

Renders every topic page's Markdown (docs/topics/*.md at each git revision; the worktree when
--after is omitted) with the Markdown extensions of mkdocs.yml, then counts in the HTML, outside
code and math:
  * label in list: a list item that ends in a bold label and a colon ("… **结果**：") — the
    label of the next section swallowed by the previous list;
  * list marker in text: "- ", "* " or "1. " after a line break or colon inside a paragraph, where a
    list was meant (not in bold numbered headings, source lines or math);
  * literal bold: "**" shown as text (in text, or in a code box no lexer read);
  * table as text: a table's "|---" row shown as text;
  * prose in a code box: a code block no lexer read (no language) whose text is mostly Chinese;
  * dangling reference: "（公式 2）", "如下图所示" (the pages have no figures), a "如下：" with
    nothing after it before the next question;
and, over the Markdown bodies, the typography rules of `python -m kb typography` (.autocorrectrc).
Before/after compares the same rules on both revisions, so the numbers show what the form work
changed. The default --before is the last commit before the form work (#10) was merged.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import markdown
from bs4 import BeautifulSoup, NavigableString, Tag
from mkdocs.config import load_config

from kb.normalize.typography import typeset
from kb.typography import _front_matter_lines

ROOT = Path(__file__).resolve().parent.parent
BEFORE_FORM = "e88fbcc^1"

CLASSES = {
    "label_in_list": "标签被吞进上一个列表项",
    "list_marker_in_text": "段落里的列表符号（- / * / 1.）",
    "literal_bold": "显示出来的 **",
    "table_as_text": "表格显示成文字（|---）",
    "prose_in_code": "正文在代码框里",
    "dangling_reference": "悬空的引用（公式 N / 如下图 / 如下：）",
    "typography": "排版规则（AutoCorrect）发现的问题",
}

CJK = re.compile(r"[\u4e00-\u9fff]")
# Inside a paragraph, after a line break or a colon: a paragraph that starts "1. " is written so
# on purpose (an escaped "1\." numbered paragraph), and "A - B" between words is a dash.
MARKER = re.compile(r"(?<=[\n：:。；])[ \t]*(?:[-*]|\d{1,2}\.)[ \t]+(?=\S)")
DANGLING = re.compile(r"（公式\s*\d+|如下图所示|见下图")
LEADS_ON = re.compile(r"如下[：:]\s*$")  # dangling only when nothing follows in the answer
MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+\$", re.S)
LABEL_END = re.compile(r"^\s*[：:]\s*$")


def pages_at(rev: str | None) -> dict[str, str]:
    """Topic-page Markdown at a git revision, or in the worktree when rev is None."""
    if rev is None:
        return {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs/topics").glob("*.md"))}
    names = subprocess.run(["git", "ls-tree", "--name-only", f"{rev}:docs/topics"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.split()
    return {n: subprocess.run(["git", "show", f"{rev}:docs/topics/{n}"], cwd=ROOT, check=True, capture_output=True,
                              text=True).stdout for n in names if n.endswith(".md")}


def renderer() -> markdown.Markdown:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


def body(text: str) -> str:
    return "\n".join(text.split("\n")[_front_matter_lines(text):])


def texts(node: Tag, skip: tuple[str, ...] = ("code", "pre", "script", "style")):
    """Text nodes outside code (and outside any other element named in skip)."""
    for s in node.descendants:
        if isinstance(s, NavigableString) and not any(p.name in skip for p in s.parents):
            yield str(s)


def ends_in_label(node: Tag) -> bool:
    """The element ends "**标签**：" (directly, or in its last paragraph when the list is loose)."""
    kids = [k for k in node.contents if not (isinstance(k, NavigableString) and not k.strip())]
    if kids and isinstance(kids[-1], Tag) and kids[-1].name == "p":
        return ends_in_label(kids[-1])
    return len(kids) >= 2 and isinstance(kids[-2], Tag) and kids[-2].name == "strong" \
        and isinstance(kids[-1], NavigableString) and bool(LABEL_END.match(kids[-1]))


def count_html(html: str) -> Counter:
    soup = BeautifulSoup(html, "html.parser")
    found: Counter = Counter()
    for li in soup.find_all("li"):
        found["label_in_list"] += ends_in_label(li)
    for p in soup.find_all("p"):
        if "kb-source" in (p.get("class") or []):  # "· 问题 3 · 1. 摘要与引言": a section number, not a list
            continue
        # A bold "**1. 标题**" is the author's numbered heading, not a list; math is not text.
        plain = MATH.sub("", "".join(texts(p, ("code", "pre", "strong", "b"))))
        found["list_marker_in_text"] += len(MARKER.findall(plain))
    for t in texts(soup):
        found["literal_bold"] += t.count("**")
        found["table_as_text"] += len(re.findall(r"\|\s*:?-{3,}", t))
    for pre in soup.find_all("pre"):
        # A block a lexer read (a language was named) has token spans; prose in a box has none.
        lexed = any(span.get("class") for span in pre.find_all("span"))
        text = pre.get_text()
        visible = [c for c in text if not c.isspace()]
        if not lexed:
            found["literal_bold"] += text.count("**")  # bold markers the reader sees in a grey box
        if not lexed and visible and len(CJK.findall(text)) / len(visible) > 0.5:
            found["prose_in_code"] += 1
    for block in soup.find_all(["p", "li"]):
        text = "".join(texts(block)).strip()
        found["dangling_reference"] += len(DANGLING.findall(text))
        after = block.find_next_sibling()
        if LEADS_ON.search(text) and (after is None or after.name in ("h1", "h2", "h3", "h4")):
            found["dangling_reference"] += 1
    return found


def count(rev: str | None) -> Counter:
    md = renderer()
    total: Counter = Counter()
    for text in pages_at(rev).values():
        md.reset()
        total += count_html(md.convert(body(text)))
        lines = body(text).split("\n")
        total["typography"] += sum(a != b for a, b in zip(lines, typeset(body(text)).split("\n"), strict=True))
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", default=BEFORE_FORM)
    parser.add_argument("--after", default=None, help="a git revision (default: the worktree)")
    args = parser.parse_args(argv)
    before, after = count(args.before), count(args.after)
    print(f"{'缺陷类别':<34}{'之前':>8}{'之后':>8}")
    for key, title in CLASSES.items():
        print(f"{title:<30}{before[key]:>8}{after[key]:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
