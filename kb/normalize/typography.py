"""Chinese typography by AutoCorrect (autocorrect-py), with the rules in `.autocorrectrc`.

AutoCorrect's Markdown reader does not know `$…$` math and reads the 4-space indent of
answer tabs as code, so it is given plain text, one line at a time: fenced code and
display math are skipped, and inline code, formulas, link targets, HTML tags, URLs and
attribute lists and bold markers stand in as Latin placeholders — AutoCorrect sees them as words (so
"公式 $x$ ，" still loses its stray space) and they come back unchanged.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import autocorrect_py

from kb.normalize.segments import map_prose_lines

CONFIG = Path(__file__).resolve().parents[2] / ".autocorrectrc"
_DISPLAY = re.compile(r"^[ \t]*\$\$[ \t]*\n.*?\n[ \t]*\$\$[ \t]*$", re.S | re.M)
_KEEP = re.compile(
    r"(`+).+?\1"  # inline code
    r"|\$\$.+?\$\$|\$[^$\n]+?\$"  # formulas
    r"|<[^>\n]+>|\]\([^)\n]*\)|(?:https?|ftp)://[^\s)）]+"  # tags, link targets, URLs
    r"|[ \t]*\{[:#][^}\n]*\}"  # attribute lists, with the space attr_list needs before a heading's {#id}
    r"|\*\*"  # bold markers: AutoCorrect does not see "**加粗** ：" as a space before "："
)
_PLACEHOLDER = re.compile(r"Zq(\d+)qZ")


@cache
def _configured() -> None:
    autocorrect_py.load_config(CONFIG.read_text(encoding="utf-8"))


def _line(line: str) -> str:
    kept: list[str] = []

    def hold(m: re.Match[str]) -> str:
        kept.append(m.group(0))
        return f"Zq{len(kept) - 1}qZ"

    core = line.strip(" ")
    if not core:
        return line
    lead, trail = line[: len(line) - len(line.lstrip(" "))], line[len(line.rstrip(" ")) :]
    out = autocorrect_py.format(_KEEP.sub(hold, core))
    return lead + _PLACEHOLDER.sub(lambda m: kept[int(m.group(1))], out) + trail


def _lines(text: str) -> str:
    pieces, pos = [], 0
    for m in _DISPLAY.finditer(text):
        pieces += ["\n".join(map(_line, text[pos : m.start()].split("\n"))), m.group(0)]
        pos = m.end()
    return "".join([*pieces, "\n".join(map(_line, text[pos:].split("\n")))])


def typeset(md: str) -> str:
    """`md` with the site's typography applied to its prose; lines, code and math unchanged."""
    _configured()
    return map_prose_lines(md, _lines)
