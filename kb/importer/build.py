"""Everything the importer produces, computed in memory before anything is written."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kb.answers.load import load_answers
from kb.answers.model import SiteAnswer
from kb.errors import ConfigError
from kb.importer.edits import apply_edits, load_edits
from kb.importer.mapping import Mapping, load_mapping
from kb.importer.writer import with_front_matter
from kb.model import Document, Question, SourceDoc
from kb.nav import topic_groups
from kb.normalize.typography import typeset
from kb.parsers import FORMATS
from kb.render.bank_page import render_bank
from kb.render.home_page import render_home
from kb.render.moved import render_moved
from kb.render.site_answer import render_site_answer
from kb.render.sources_page import render_sources
from kb.render.topic_page import page_entries, render_topic
from kb.sources import load_manifest, read_source


@dataclass
class ImportResult:
    docs: list[SourceDoc]
    parsed: dict[str, Document]
    mapping: Mapping
    pages: dict[Path, str]  # absolute path → full text
    answers: list[SiteAnswer]  # written by this site (answers/)


def parse_all(root: Path) -> tuple[list[SourceDoc], dict[str, Document]]:
    """Parse every document after applying its reviewed edits; edits join the report."""
    docs = load_manifest(root, FORMATS)
    edits = load_edits(root)
    unknown = {e.doc for e in edits} - {d.key for d in docs}
    if unknown:
        where = next(e.where for e in edits if e.doc in unknown)
        raise ConfigError(f"{where}: 没有 key 为 {sorted(unknown)} 的文档 — 检查 sources/manifest.yml")
    parsed: dict[str, Document] = {}
    for d in docs:
        text = read_source(d)
        text, drops, notes = apply_edits(d.key, text, edits)
        doc = FORMATS[d.format].parse(d, text)
        if not doc.questions:
            raise ConfigError(
                f"sources/{d.file}:1: 按格式 `{d.format}` 没有解析出任何问题 — 检查 sources/manifest.yml 中这份文档的 format 与 options"
            )
        doc.drops[:0] = drops
        doc.notes[:0] = notes
        doc.drops.sort(key=lambda x: x.line)
        parsed[d.key] = doc
    return docs, parsed


def build(root: Path) -> ImportResult:
    docs, parsed = parse_all(root)
    by_key = {d.key: d for d in docs}
    ordered: list[Question] = [q for d in docs for q in parsed[d.key].questions]
    questions = {q.id: q for q in ordered}
    mapping = load_mapping(root, questions)
    groups = topic_groups(root)
    in_nav = {s for _, slugs in groups for s in slugs}
    missing = [s for s in mapping.topics if s not in in_nav]
    if missing:
        raise ConfigError(f"mkdocs.yml: nav 缺少主题页 {', '.join(f'topics/{s}.md' for s in missing)} — 请加到 nav 的某个分组中")
    banks = [d for d in docs if not FORMATS[d.format].answered]
    if len(banks) > 1:
        raise ConfigError(f"sources/manifest.yml: 只能有一份题库（{', '.join(d.key for d in banks)}）— bank.md 只容纳一份题库")
    topical = [q for q in ordered if FORMATS[by_key[q.doc].format].answered]
    bank = [q for q in ordered if not FORMATS[by_key[q.doc].format].answered]
    answers, problems = load_answers(root, set(mapping.topics))
    bank_ids = {q.id for q in bank}
    problems += [f"{a.path}:1: `answers` 中的 {b} 不是题库题目 — 检查 id" for a in answers for b in a.answers if b not in bank_ids]
    problems += [f"{a.path}:1: 题目 id `{a.id}` 与资料中的题目重名 — 改文件名" for a in answers if a.id in questions]
    if problems:
        raise ConfigError(f"本站撰写的解答有 {len(problems)} 处错误：\n" + "\n".join(problems))
    pages: dict[Path, str] = {}
    answered_count: dict[str, int] = {}
    practice_count: dict[str, int] = {}
    for slug, topic in mapping.topics.items():
        entries = page_entries(slug, mapping, topical)
        practice = [q for q in bank if mapping.topic_of[q.id] == slug]
        answered_count[slug] = sum(q.answered for q in topical if mapping.topic_of[q.id] == slug)
        practice_count[slug] = len(practice)
        moved = render_moved(slug, mapping, questions)
        # the topic's overview answers (no bank question) first, then in the bank's order
        mine = sorted((a for a in answers if a.topic == slug), key=lambda a: (bool(a.answers), sorted(a.answers), a.id))
        site = [render_site_answer(a) for a in mine]
        body = render_topic(topic, entries, answered_count[slug], practice, questions, by_key, moved, site)
        answered_count[slug] += len(site)
        meta = {"title": topic.title, "description": topic.intro}
        pages[root / "docs" / "topics" / f"{slug}.md"] = with_front_matter(meta, typeset(body) + "\n")
    for d in banks:
        body = render_bank(d, parsed[d.key], mapping)
        pages[root / "docs" / "bank.md"] = with_front_matter({"title": "题库"}, typeset(body) + "\n")
    sources = render_sources(docs, parsed, answers, mapping)
    pages[root / "docs" / "sources.md"] = with_front_matter({"title": "资料来源"}, typeset(sources) + "\n")
    home = render_home(groups, mapping, answered_count, practice_count, sum(answered_count.values()), len(bank), len(docs),
                       len(answers))
    pages[root / "docs" / "index.md"] = with_front_matter({"title": "首页"}, typeset(home))
    return ImportResult(docs, parsed, mapping, pages, answers)
