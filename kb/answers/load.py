"""Read answers/<topic>/<slug>.md: YAML front matter + Markdown body; every problem as file:line."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from kb.answers.model import ID_PREFIX, SiteAnswer, Source
from kb.reviews.load import REFERENCES_FILE, load_references

ANSWERS_DIR = "answers"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_BANK = re.compile(r"^bank-\d{3}$")
_CITE = re.compile(r"\]\(cite:([A-Za-z0-9_-]+)\)")
_URL = re.compile(r"^https?://\S+$")
_FIELDS = {"title", "topic", "answers", "written", "sources"}
MIN_CITES = 3
SECTIONS = ("**核心回答**", "**展开**", "**常见追问**")


def _front_matter(text: str) -> tuple[dict[str, Any] | None, int, str]:
    """(front matter, first body line, body); None when the file has no front matter."""
    if not text.startswith("---\n"):
        return None, 1, text
    end = text.find("\n---\n", 4)
    if end == -1:
        return None, 1, text
    head = text[4:end]
    data = yaml.safe_load(head) or {}
    body = text[end + 5 :]
    return data, head.count("\n") + 4, body


def load_answer(path: Path, root: Path, refs: dict, topics: set[str], errors: list[str]) -> SiteAnswer | None:
    where = path.relative_to(root).as_posix()
    slug = path.stem
    try:
        meta, body_line, body = _front_matter(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        errors.append(f"{where}:1: front matter 不是合法的 YAML：{exc}")
        return None
    if not isinstance(meta, dict):
        errors.append(f"{where}:1: 文件开头缺少 front matter（--- 之间的 title、topic、answers、written、sources）")
        return None
    problems: list[str] = []
    if not _SLUG.match(slug):
        problems.append(f"{where}:1: 文件名 `{slug}` 只能用小写字母、数字和连字符（它决定题目 id：{ID_PREFIX}{slug}）")
    unknown = set(meta) - _FIELDS
    if unknown:
        problems.append(f"{where}:1: front matter 里有未知字段 {sorted(unknown)} — 可用字段：{', '.join(sorted(_FIELDS))}")
    title = str(meta.get("title", "") or "").strip()
    if not title:
        problems.append(f"{where}:1: 缺少 `title`（这道题的问题）")
    topic = str(meta.get("topic", "") or "")
    if topic not in topics:
        problems.append(f"{where}:1: `topic: {topic}` 不是 data/topics.yml 中的主题")
    elif path.parent.name != topic:
        problems.append(f"{where}:1: 文件应放在 answers/{topic}/ 下（与 topic 一致）")
    answers = meta.get("answers") or []
    if not isinstance(answers, list) or not all(isinstance(a, str) and _BANK.match(a) for a in answers):
        problems.append(f"{where}:1: `answers` 应是题库题目 id 列表，如 [bank-172]")
        answers = []
    written = meta.get("written")
    if isinstance(written, dt.date):
        written = written.isoformat()
    if not isinstance(written, str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", written):
        problems.append(f"{where}:1: `written` 应是撰写日期，如 2026-11-28")
        written = ""
    sources: list[Source] = []
    raw_sources = meta.get("sources")
    if not isinstance(raw_sources, dict) or not raw_sources:
        problems.append(f"{where}:1: `sources` 应列出依据的一手资料：键 → {{ref: 文献键}} 或 {{title, url}}")
        raw_sources = {}
    for key, value in raw_sources.items():
        if isinstance(value, dict) and "ref" in value and value["ref"] in refs:
            ref = refs[value["ref"]]
            sources.append(Source(str(key), ref.title, ref.url))
        elif isinstance(value, dict) and str(value.get("title", "")).strip() and _URL.match(str(value.get("url", ""))):
            sources.append(Source(str(key), str(value["title"]).strip(), str(value["url"]).strip()))
        else:
            problems.append(
                f"{where}:1: 来源 `{key}` 需要 {{ref: data/reviews/{REFERENCES_FILE} 中的键}} 或 {{title, url}}（url 以 http 开头）"
            )
    keys = {s.key for s in sources}
    used: set[str] = set()
    for offset, line in enumerate(body.split("\n")):
        for key in _CITE.findall(line):
            used.add(key)
            if key not in raw_sources:
                problems.append(f"{where}:{body_line + offset}: 引用 `cite:{key}` 不在 front matter 的 sources 中")
    if len(_CITE.findall(body)) < MIN_CITES:
        problems.append(f"{where}:{body_line}: 正文只有 {len(_CITE.findall(body))} 处引用 — 每个事实性说法都要用 [文字](cite:键) 注明出处")
    for key in sorted(keys - used):
        problems.append(f"{where}:1: 来源 `{key}` 列在 sources 中，但正文没有引用它")
    for section in SECTIONS:
        if section not in body:
            problems.append(f"{where}:{body_line}: 正文缺少 {section} 一节（依次是 核心回答、展开、常见追问）")
    errors += problems
    if problems:
        return None
    return SiteAnswer(f"{ID_PREFIX}{slug}", title, topic, tuple(answers), written, tuple(sources), body.strip("\n"), where, body_line)


def load_answers(root: Path, topics: set[str]) -> tuple[list[SiteAnswer], list[str]]:
    """Every answer file, sorted by path; bank questions answered twice are errors too."""
    errors: list[str] = []
    refs = load_references(root / "data" / "reviews" / REFERENCES_FILE, root, errors)
    found: list[SiteAnswer] = []
    for path in sorted((root / ANSWERS_DIR).glob("*/*.md")):
        answer = load_answer(path, root, refs, topics, errors)
        if answer:
            found.append(answer)
    seen: dict[str, str] = {}
    for answer in found:
        for bank in answer.answers:
            if bank in seen:
                errors.append(f"{answer.path}:1: 题库题目 {bank} 已由 {seen[bank]} 回答 — 一道题库题目只链接一个本站解答")
            seen[bank] = answer.path
    return found, errors
