"""The glossary (data/glossary.yml): load, validate, and find term mentions in text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kb.links.yamlload import DataError, LineDict, LineList, line_of, load_yaml

GLOSSARY_FILE = "data/glossary.yml"
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


def parse_glossary(data: object, label: str) -> list[Term]:
    """Validate the parsed YAML; raise DataError listing every problem with its line."""
    problems: list[str] = []
    if not isinstance(data, LineDict) or not isinstance(data.get("terms"), LineList):
        raise DataError([f"{label}:1: 顶层必须是 `terms:` 列表 — 参见文件开头的说明"])
    terms: list[Term] = []
    seen_ids: dict[str, int] = {}
    seen_names: dict[str, tuple[str, int]] = {}
    allowed = {"id", "term", "aliases", "category", "definition", "questions", "bank", "not_in"}
    for position, item in enumerate(data["terms"]):
        line = line_of(data["terms"], position)
        where = f"{label}:{line}"
        if not isinstance(item, LineDict):
            problems.append(f"{where}: 每个术语必须是映射（id、term、definition…） — 请按其他条目的格式填写")
            continue
        for key in item:
            if key not in allowed:
                problems.append(
                    f"{label}:{line_of(item, key)}: 未知字段 `{key}` — 可用字段：{', '.join(sorted(allowed))}"
                )
        term_id = item.get("id")
        if not isinstance(term_id, str) or not _TERM_ID.match(term_id):
            problems.append(f"{where}: `id` 必须是小写字母、数字和连字符，例如 kv-cache")
            continue
        if term_id in seen_ids:
            problems.append(f"{where}: 术语 id `{term_id}` 重复（第 {seen_ids[term_id]} 行已使用） — 请换一个 id")
        seen_ids[term_id] = line
        name = item.get("term")
        definition = item.get("definition")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{where}: 术语 `{term_id}` 缺少 `term` — 请填写术语名称")
            name = term_id
        if not isinstance(definition, str) or not definition.strip():
            problems.append(f"{where}: 术语 `{term_id}` 缺少 `definition` — 请写一句话定义")
            definition = ""
        elif "\n" in definition.strip() or len(definition.strip()) > MAX_DEFINITION:
            problems.append(
                f"{label}:{line_of(item, 'definition')}: 术语 `{term_id}` 的定义应为一行、不超过 "
                f"{MAX_DEFINITION} 字 — 请精简"
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
                    f"{where}: 别名“{alias}”同时属于 `{other}`（第 {other_line} 行）和 `{term_id}` — "
                    "一个别名只能指向一个术语"
                )
            seen_names.setdefault(key, (term_id, line))
        for phrase in term.not_in:
            if not any(alias.casefold() in phrase.casefold() for alias in term.names):
                problems.append(
                    f"{where}: `not_in` 中的“{phrase}”不包含 `{term_id}` 的任何别名 — 请删除或改正"
                )
        terms.append(term)
    if problems:
        raise DataError(problems)
    return terms


def load_glossary(root: Path) -> list[Term]:
    """Read and validate ``data/glossary.yml`` under ``root``."""
    return parse_glossary(load_yaml(root / GLOSSARY_FILE, GLOSSARY_FILE), GLOSSARY_FILE)


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
    """Finds mentions of glossary terms; longest alias wins, ``not_in`` phrases are never matches."""

    def __init__(self, terms: list[Term]):
        self.terms = {t.id: t for t in terms}
        owners: dict[str, str | None] = {}
        for term in terms:
            for alias in term.names:
                owners.setdefault(alias, term.id)
            for phrase in term.not_in:
                owners[phrase] = None
        ordered = sorted(owners, key=lambda a: (-len(a), a))
        self._owners = [owners[a] for a in ordered]
        if ordered:
            group = "|".join(f"({_alias_pattern(a)})" for a in ordered)
            self._regex: re.Pattern[str] | None = re.compile(group, re.IGNORECASE)
        else:
            self._regex = None

    def finditer(self, text: str):
        """Yield ``(start, end, term_id)`` for each mention, left to right, without overlaps."""
        if self._regex is None:
            return
        for match in self._regex.finditer(text):
            owner = self._owners[match.lastindex - 1] if match.lastindex else None
            if owner is not None:
                yield match.start(), match.end(), owner

    def term_ids(self, text: str) -> set[str]:
        return {term_id for _, _, term_id in self.finditer(text)}
