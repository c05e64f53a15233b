"""The glossary (data/glossary.yml): load, validate, and find term mentions in text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kb.errors import ConfigError
from kb.yamlfile import load_yaml

GLOSSARY_FILE = "data/glossary.yml"
ANCHOR_PREFIX = "term-"  # glossary anchors live apart from question and group ids
_TERM_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
MAX_DEFINITION = 120


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    aliases: tuple[str, ...]
    category: str
    definition: str
    questions: tuple[str, ...]
    bank: tuple[str, ...]
    not_in: tuple[str, ...]  # phrases containing an alias that mean something else
    line: int  # 1-based line of the entry in the YAML file

    @property
    def anchor(self) -> str:
        """The id of this term's entry on the glossary page, e.g. ``term-kv-cache``."""
        return ANCHOR_PREFIX + self.id

    @property
    def names(self) -> tuple[str, ...]:
        """The term and its aliases, without duplicates, in declared order."""
        seen: dict[str, None] = {}
        for name in (self.term, *self.aliases):
            seen.setdefault(name, None)
        return tuple(seen)


def _strings(value: object, where: str, field: str, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where}: `{field}` 必须是非空字符串列表 — 例如 [甲, 乙]")
        return ()
    return tuple(v.strip() for v in value)


ALLOWED_FIELDS = ("id", "term", "aliases", "category", "definition", "questions", "bank", "not_in")


def parse_glossary(data: Any, lines: dict[tuple, int], label: str) -> list[Term]:
    """Validate the parsed YAML; raise ConfigError listing every problem as ``file:line: …``."""
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise ConfigError(f"{label}:1: 顶层必须是 `terms:` 列表 — 参见文件开头的说明")
    problems: list[str] = []
    terms: list[Term] = []
    seen_ids: dict[str, int] = {}
    seen_names: dict[str, tuple[str, int]] = {}
    for position, item in enumerate(data["terms"]):
        line = lines.get(("terms", position), 1)
        where = f"{label}:{line}"
        if not isinstance(item, dict):
            problems.append(f"{where}: 每个术语必须是映射（id、term、definition…） — 请按其他条目的格式填写")
            continue
        for key in item:
            if key not in ALLOWED_FIELDS:
                key_line = lines.get(("terms", position, key), line)
                problems.append(f"{label}:{key_line}: 未知字段 `{key}` — 可用字段：{'、'.join(ALLOWED_FIELDS)}")
        term_id = item.get("id")
        if not isinstance(term_id, str) or not _TERM_ID.match(term_id):
            problems.append(f"{where}: `id` 必须由小写字母、数字和连字符组成，例如 kv-cache")
            continue
        if term_id in seen_ids:
            problems.append(f"{where}: 术语 id `{term_id}` 重复（第 {seen_ids[term_id]} 行已使用） — 请换一个 id")
        seen_ids[term_id] = line
        name = item.get("term")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{where}: 术语 `{term_id}` 缺少 `term` — 请填写术语名称")
            name = term_id
        definition = item.get("definition")
        if not isinstance(definition, str) or not definition.strip():
            problems.append(f"{where}: 术语 `{term_id}` 缺少 `definition` — 请写一句话定义")
            definition = ""
        elif "\n" in definition.strip() or len(definition.strip()) > MAX_DEFINITION:
            def_line = lines.get(("terms", position, "definition"), line)
            problems.append(
                f"{label}:{def_line}: 术语 `{term_id}` 的定义应为一行、不超过 {MAX_DEFINITION} 字 — 请精简"
            )
        category = item.get("category")
        if not isinstance(category, str) or not category.strip():
            problems.append(f"{where}: 术语 `{term_id}` 缺少 `category` — 请填写所属类别")
            category = "其他"
        term = Term(
            id=term_id,
            term=name.strip(),
            aliases=_strings(item.get("aliases"), where, "aliases", problems),
            category=category.strip(),
            definition=definition.strip(),
            questions=_strings(item.get("questions"), where, "questions", problems),
            bank=_strings(item.get("bank"), where, "bank", problems),
            not_in=_strings(item.get("not_in"), where, "not_in", problems),
            line=line,
        )
        for alias in term.names:
            key = alias.casefold()
            if key in seen_names and seen_names[key][0] != term_id:
                other, other_line = seen_names[key]
                problems.append(
                    f"{where}: 别名“{alias}”同时属于 `{other}`（第 {other_line} 行）和 `{term_id}` — 一个别名只能指向一个术语"
                )
            seen_names.setdefault(key, (term_id, line))
        for phrase in term.not_in:
            if not any(alias.casefold() in phrase.casefold() for alias in term.names):
                problems.append(f"{where}: `not_in` 中的“{phrase}”不包含 `{term_id}` 的任何别名 — 请删除或改正")
        terms.append(term)
    if problems:
        raise ConfigError("\n".join(problems))
    return terms


def read_glossary(path: Path, label: str = GLOSSARY_FILE) -> list[Term]:
    """Read and validate a glossary file; errors name ``label`` and the line."""
    data, lines = load_yaml(path)
    return parse_glossary(data, lines, label)


def load_glossary(root: Path) -> list[Term]:
    """Read and validate ``data/glossary.yml`` under ``root``."""
    return read_glossary(root / GLOSSARY_FILE)


def _alias_pattern(alias: str) -> str:
    """Regex for one alias: spaces and hyphens are optional, ASCII ends need word boundaries."""
    parts = re.split(r"[\s\-]+", alias.strip())
    body = r"[\s\-]*".join(re.escape(p) for p in parts if p)
    if _ASCII_WORD.match(alias[0]):
        body = r"(?<![A-Za-z0-9_])" + body
    if _ASCII_WORD.match(alias[-1]):
        body += r"(?![A-Za-z0-9_])"
    return body


class TermMatcher:
    """Finds mentions of glossary terms; longest alias wins, ``not_in`` phrases are never matches.

    Aliases are bucketed by their first character, so each text position tries only the few
    aliases that can start there (one big alternation was 50× slower on the real pages).
    """

    def __init__(self, terms: list[Term]):
        self.terms = {t.id: t for t in terms}
        owners: dict[str, str | None] = {}
        for term in terms:
            for alias in term.names:
                owners.setdefault(alias, term.id)
            for phrase in term.not_in:
                owners[phrase] = None
        buckets: dict[str, list[str]] = {}
        for alias in sorted(owners, key=lambda a: (-len(a), a)):
            buckets.setdefault(alias[0].lower(), []).append(alias)
        self._buckets: dict[str, tuple[re.Pattern[str], list[str | None]]] = {}
        for first, aliases in buckets.items():
            pattern = re.compile("|".join(f"({_alias_pattern(a)})" for a in aliases), re.IGNORECASE)
            self._buckets[first] = (pattern, [owners[a] for a in aliases])

    def finditer(self, text: str):
        """Yield ``(start, end, term_id)`` for each mention, left to right, without overlaps."""
        buckets = self._buckets
        position, length = 0, len(text)
        while position < length:
            bucket = buckets.get(text[position].lower())
            if bucket is not None:
                match = bucket[0].match(text, position)
                if match:
                    owner = bucket[1][match.lastindex - 1] if match.lastindex else None
                    if owner is not None:
                        yield match.start(), match.end(), owner
                    position = match.end()
                    continue
            position += 1

    def term_ids(self, text: str) -> set[str]:
        return {term_id for _, _, term_id in self.finditer(text)}
