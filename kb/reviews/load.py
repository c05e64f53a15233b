"""Read data/reviews/*.yml into `Reviews`, collecting every problem as `file:line: what — how to fix`."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kb.errors import ConfigError
from kb.reviews.model import VERDICTS, Citation, QuestionReview, ReviewNote, Reviews, SourceVerdict, TermReview
from kb.yamlfile import load_yaml

REFERENCES_FILE = "references.yml"
_URL = re.compile(r"^https?://[^\s<>\"']+$")
# YAML folds a long line at a space; between two Chinese characters that space is not meant.
_FOLD_SPACE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])")


def _prose(value: Any) -> str:
    """A prose field: trimmed, with the spaces YAML folding left between Chinese characters removed."""
    return _FOLD_SPACE.sub("", str(value or "").strip())
_NOTE_KEYS = {"quote", "verdict", "note", "cite"}
_CITE_KEYS = {"ref", "title", "url", "at"}


class _File:
    """One YAML file with its key lines, and the errors found in it."""

    def __init__(self, path: Path, root: Path, errors: list[str]) -> None:
        self.where = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
        self.data, self.lines = load_yaml(path, root if path.is_relative_to(root) else None)
        self.errors = errors

    def line(self, *key: Any) -> int:
        while key and key not in self.lines:
            key = key[:-1]
        return self.lines.get(key, 1)

    def error(self, key: tuple, message: str) -> None:
        self.errors.append(f"{self.where}:{self.line(*key)}: {message}")


def load_references(path: Path, root: Path, errors: list[str]) -> dict[str, Citation]:
    """The shared bibliography: ``references: {key: {title, url}}``."""
    if not path.exists():
        return {}
    f = _File(path, root, errors)
    refs: dict[str, Citation] = {}
    table = f.data.get("references", {}) if isinstance(f.data, dict) else None
    if not isinstance(table, dict):
        f.error((), "应有 `references:` 映射（键 → {title, url}）")
        return refs
    for key, value in table.items():
        if not isinstance(value, dict) or not str(value.get("title", "")).strip() or not _URL.match(str(value.get("url", ""))):
            f.error(("references", key), f"文献 `{key}` 需要 title 和以 http(s):// 开头的 url")
            continue
        refs[str(key)] = Citation(str(value["title"]).strip(), str(value["url"]).strip())
    return refs


def _citation(f: _File, key: tuple, raw: Any, refs: dict[str, Citation]) -> Citation | None:
    if not isinstance(raw, dict):
        f.error(key, "每条引用应是映射：{ref: 文献键, at: 章节} 或 {title, url, at}")
        return None
    unknown = set(raw) - _CITE_KEYS
    if unknown:
        f.error(key, f"引用里有未知字段 {sorted(unknown)} — 可用字段：ref、title、url、at")
    at = str(raw.get("at", "") or "").strip()
    if "ref" in raw:
        ref = refs.get(str(raw["ref"]))
        if ref is None:
            f.error((*key, "ref"), f"引用的文献 `{raw['ref']}` 不在 data/reviews/{REFERENCES_FILE} 中 — 先在那里加上它的 title 和 url")
            return None
        return Citation(ref.title, ref.url, at)
    title, url = str(raw.get("title", "") or "").strip(), str(raw.get("url", "") or "").strip()
    if not title or not _URL.match(url):
        f.error(key, "引用需要 `ref`（data/reviews/references.yml 里的文献键），或者 `title` 加以 http(s):// 开头的 `url`")
        return None
    return Citation(title, url, at)


def _note(f: _File, qid: str, i: int, raw: Any, refs: dict[str, Citation]) -> ReviewNote | None:
    key = ("questions", qid, "notes", i)
    if not isinstance(raw, dict):
        f.error(key, "每条审校意见应是映射：quote、verdict、note、cite")
        return None
    unknown = set(raw) - _NOTE_KEYS
    if unknown:
        f.error(key, f"审校意见里有未知字段 {sorted(unknown)} — 可用字段：quote、verdict、note、cite")
    quote = str(raw.get("quote", "") or "").strip()
    verdict = str(raw.get("verdict", "") or "").strip()
    note = _prose(raw.get("note"))
    ok = True
    if not quote:
        f.error(key, "审校意见缺少 `quote`：逐字引用答案中被指出的那句话")
        ok = False
    if verdict not in VERDICTS:
        f.error((*key, "verdict"), f"verdict 应是 {' / '.join(VERDICTS)} 之一，现在是 `{verdict}`")
        ok = False
    if not note:
        f.error(key, "审校意见缺少 `note`：用本站自己的话写出更正或说明")
        ok = False
    cites = raw.get("cite")
    if not isinstance(cites, list) or not cites:
        f.error(key, "审校意见没有引用任何来源 — 在 `cite:` 下至少列出一条（论文 + 章节/表/图，或文档网址）")
        return None
    citations = [c for j, raw_cite in enumerate(cites) if (c := _citation(f, (*key, "cite", j), raw_cite, refs))]
    if not ok or len(citations) != len(cites):
        return None
    return ReviewNote(qid, quote, verdict, note, tuple(citations), f.where, f.line(*key), f.line(*key, "note"))


def _summary(f: _File, reviews: Reviews) -> None:
    """``source`` + ``summary``: the reviewers' verdict on a whole document (one file may give it)."""
    if "summary" not in f.data and "source" not in f.data:
        return
    doc, text = str(f.data.get("source", "") or "").strip(), _prose(f.data.get("summary"))
    if not doc or not text:
        key = ("summary",) if "summary" in f.data else ("source",)
        f.error(key, "`source`（资料的 key）和 `summary`（这份资料可靠程度的结论）要一起写")
        return
    if doc in reviews.summaries:
        other = reviews.summaries[doc]
        f.error(("source",), f"资料 `{doc}` 的结论已写在 {other.file}:{other.line} — 每份资料只写一处")
        return
    reviews.summaries[doc] = SourceVerdict(doc, text, f.where, f.line("summary"))


def _terms(f: _File, refs: dict[str, Citation], reviews: Reviews) -> None:
    """``terms: {term-id: {cite: [...], was: 原定义, reason: 理由}}`` — the glossary's review."""
    table = f.data["terms"]
    if not isinstance(table, dict):
        f.error(("terms",), "`terms` 应是映射（术语 id → {cite: [...]}）")
        return
    for term, body in table.items():
        key = ("terms", term)
        if not isinstance(body, dict) or set(body) - {"cite", "was", "reason"}:
            f.error(key, f"术语 `{term}` 的值应是 {{cite: [...]}}，更正过定义时再加 was（原定义）和 reason（理由）")
            continue
        cites = body.get("cite")
        if not isinstance(cites, list) or not cites:
            f.error(key, f"术语 `{term}` 没有引用任何来源 — 在 `cite:` 下至少列出一条支撑其定义的一手资料")
            continue
        citations = [c for j, raw in enumerate(cites) if (c := _citation(f, (*key, "cite", j), raw, refs))]
        was, reason = _prose(body.get("was")), _prose(body.get("reason"))
        if bool(was) != bool(reason):
            f.error(key, f"术语 `{term}`：`was`（原定义）和 `reason`（为什么改）要一起写")
            continue
        if str(term) in reviews.terms:
            f.error(key, f"术语 `{term}` 已在 {reviews.terms[str(term)].file}:{reviews.terms[str(term)].line} 审校过")
            continue
        if len(citations) == len(cites):
            reviews.terms[str(term)] = TermReview(str(term), tuple(citations), was, reason, f.where, f.line(*key))


def load_reviews(directory: Path, root: Path) -> tuple[Reviews, list[str]]:
    """All review files under ``directory``; returns the reviews and every error found."""
    errors: list[str] = []
    reviews = Reviews()
    if not directory.is_dir():
        return reviews, errors
    try:
        refs = load_references(directory / REFERENCES_FILE, root, errors)
    except ConfigError as exc:
        return reviews, [str(exc)]
    for path in sorted(directory.glob("*.yml")):
        if path.name == REFERENCES_FILE:
            continue
        try:
            f = _File(path, root, errors)
        except ConfigError as exc:
            errors.append(str(exc))
            continue
        if isinstance(f.data, dict) and "terms" in f.data and "questions" not in f.data:
            _terms(f, refs, reviews)
            continue
        table = f.data.get("questions") if isinstance(f.data, dict) else None
        if not isinstance(table, dict):
            f.error((), "应有 `questions:` 映射（题目 id → {notes: [...]}）")
            continue
        unknown = set(f.data) - {"questions", "source", "summary"}
        if unknown:
            f.error((sorted(unknown)[0],), f"未知的顶层字段 {sorted(unknown)} — 可用字段：source、summary、questions")
        _summary(f, reviews)
        for qid, body in table.items():
            qid = str(qid)
            if qid in reviews.questions:
                other = reviews.questions[qid]
                f.error(("questions", qid), f"题目 `{qid}` 已在 {other.file}:{other.line} 审校过 — 合并到一处")
                continue
            if body is None:
                body = {}
            if not isinstance(body, dict) or set(body) - {"notes"}:
                f.error(("questions", qid), f"`{qid}` 的值应是 {{}}（已核对，未发现问题）或 {{notes: [...]}}")
                continue
            review = QuestionReview(qid, f.where, f.line("questions", qid))
            raw_notes = body.get("notes") or []
            if not isinstance(raw_notes, list):
                f.error(("questions", qid, "notes"), "`notes` 应是列表（- quote: …）")
                continue
            for i, raw in enumerate(raw_notes):
                note = _note(f, qid, i, raw, refs)
                if note:
                    review.notes.append(note)
            reviews.questions[qid] = review
    return reviews, errors
