"""No answer sentence of any source is lost: letters and digits of every sentence reappear in docs/.

Only the reported drops may be missing. Whitespace, punctuation and markup are
ignored; fullwidth/mathematical letters are folded by NFKC; HTML entities are
unescaped, because the importer escapes text such as `<think>`.
"""
from __future__ import annotations

import html
import re
import unicodedata

from kb.importer.edits import apply_edits, load_edits

_SENTENCE_END = re.compile(r"[。！？；!?;\n]")
# The sources' own numbering and labels; the pages show them in another form
# (heading ids, "出处 … 第 N 题", tab titles), so they are not sentences to find.
_LABELS = re.compile(
    r"<h\d[^>\n]*>\s*\d+\s*\.|</?h\d[^>\n]*>|^\s*\**\s*\d+\.\s*问\s*[：:]|^\s*\**\s*\d+\.\s*|答\s*[：:]|^Q\d+\s*[:：]"
    r"|问题\s*\d+\s*[：:]|专业回答|科普解释",
    re.M,
)


def letters_and_digits(text: str) -> str:
    text = unicodedata.normalize("NFKC", html.unescape(text))
    return "".join(ch for ch in text if ch.isalnum()).lower()


def _source_without_drops(root, doc, parsed) -> str:
    text, _, _ = apply_edits(doc.key, doc.path.read_text(encoding="utf-8"), load_edits(root))
    for drop in parsed.drops:
        for line in drop.text.split("\n"):
            if line.strip():
                text = text.replace(line.strip(), "", 1)
    return _LABELS.sub(" ", text)


def test_every_source_sentence_is_published(root, import_result):
    published = letters_and_digits("\n".join(import_result.pages.values()))
    missing: list[str] = []
    checked = 0
    for doc in import_result.docs:
        source = _source_without_drops(root, doc, import_result.parsed[doc.key])
        for sentence in _SENTENCE_END.split(source):
            key = letters_and_digits(sentence)
            if not key:
                continue
            checked += 1
            if key not in published:
                missing.append(f"{doc.file}: {sentence.strip()[:80]}")
    assert checked > 2500
    assert not missing, f"{len(missing)} sentences lost:\n" + "\n".join(missing[:20])


def test_a_lost_sentence_would_be_caught(import_result):
    """The comparison is strict enough to notice one dropped clause."""
    sample = "冷启动数据用于解决 DeepSeek-R1-Zero 的可读性和语言混合问题"
    published = letters_and_digits("\n".join(import_result.pages.values()))
    assert letters_and_digits(sample) in published
    assert letters_and_digits(sample + "并且不存在的句子") not in published


def test_each_drop_is_reported_at_its_true_source_line(import_result):
    """The report points reviewers at the right place: a drop's first line stands on its line."""
    checked = 0
    for doc in import_result.docs:
        lines = doc.path.read_text(encoding="utf-8").split("\n")
        for drop in import_result.parsed[doc.key].drops:
            assert drop.reason.strip()
            first = next(x.strip() for x in drop.text.split("\n") if x.strip())
            assert first in lines[drop.line - 1], f"{doc.file}:{drop.line}: {first[:40]}"
            checked += 1
    assert checked >= 20
