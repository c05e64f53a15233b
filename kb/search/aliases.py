"""Alias groups that expand queries: `KV 缓存` also finds `KV Cache`.

Two files feed them: data/search-aliases.yml (search's own list) and, when present,
data/glossary.yml (each glossary term with its aliases). Groups sharing a spelling merge.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from kb.search.normalize import collapse, compact

ALIASES_FILE = Path("data/search-aliases.yml")
GLOSSARY_FILE = Path("data/glossary.yml")
# Glossary entry keys that hold a spelling of the term (the first found is its name).
GLOSSARY_NAME_KEYS = ("term", "name", "zh", "en", "title")
GLOSSARY_ALIAS_KEYS = ("aliases", "alias", "synonyms")


class AliasError(ValueError):
    """A malformed alias file: the message names file, line and the fix."""


def _compose(path: Path) -> yaml.Node | None:
    try:
        return yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise AliasError(f"{path}:{line}: YAML 语法错误：{exc} — 请检查缩进与引号") from exc


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _spellings(path: Path, node: yaml.Node) -> list[str]:
    if not isinstance(node, yaml.SequenceNode):
        raise AliasError(f"{path}:{_line(node)}: 别名组应是列表，如 [KV Cache, KV 缓存] — 请改成方括号列表")
    out = []
    for item in node.value:
        if not isinstance(item, yaml.ScalarNode) or not collapse(str(item.value)):
            raise AliasError(f"{path}:{_line(item)}: 别名应是非空字符串 — 请删除空项或嵌套列表")
        out.append(collapse(str(item.value)))
    if len(out) < 2:
        raise AliasError(f"{path}:{_line(node)}: 别名组至少要有两个写法 — 请补充或删除这一行")
    return out


def load_alias_file(path: Path) -> list[list[str]]:
    """`aliases:` → list of groups, each a list of at least two spellings."""
    root = _compose(path)
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        raise AliasError(f"{path}:{_line(root)}: 顶层应是 `aliases:` 键 — 参见文件开头的说明")
    groups: list[list[str]] = []
    for key, value in root.value:
        if key.value != "aliases":
            raise AliasError(f"{path}:{_line(key)}: 未知的键 `{key.value}` — 只允许 `aliases`")
        if not isinstance(value, yaml.SequenceNode):
            raise AliasError(f"{path}:{_line(value)}: `aliases` 应是别名组的列表")
        groups.extend(_spellings(path, item) for item in value.value)
    return groups


def _glossary_entries(data: object) -> list[dict]:
    if isinstance(data, dict):
        for key in ("terms", "glossary", "entries"):
            if isinstance(data.get(key), list):
                return [e for e in data[key] if isinstance(e, dict)]
        return [{"term": k, **v} for k, v in data.items() if isinstance(v, dict)]
    if isinstance(data, list):
        return [e for e in data if isinstance(e, dict)]
    return []


def load_glossary(path: Path) -> list[list[str]]:
    """Spellings of each glossary term; the glossary validates its own file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise AliasError(f"{path}:{line}: YAML 语法错误：{exc} — 请检查缩进与引号") from exc
    groups = []
    for entry in _glossary_entries(data):
        spellings: list[str] = []
        for key in GLOSSARY_NAME_KEYS:
            if isinstance(entry.get(key), str):
                spellings.append(entry[key])
        for key in GLOSSARY_ALIAS_KEYS:
            value = entry.get(key)
            if isinstance(value, str):
                spellings.append(value)
            elif isinstance(value, list):
                spellings.extend(v for v in value if isinstance(v, str))
        spellings = [collapse(s) for s in spellings if collapse(s)]
        if len(spellings) >= 2:
            groups.append(spellings)
    return groups


def merge_groups(groups: list[list[str]]) -> list[list[str]]:
    """Union groups that share a spelling (compared compactly); keep first-seen order."""
    merged: list[list[str]] = []
    owner: dict[str, int] = {}
    for group in groups:
        hits = sorted({owner[compact(s)] for s in group if compact(s) in owner})
        target = hits[0] if hits else len(merged)
        if not hits:
            merged.append([])
        for other in hits[1:]:
            merged[target].extend(merged[other])
            merged[other] = []
        for s in group:
            merged[target].append(s)
        for s in merged[target]:
            owner[compact(s)] = target
    out = []
    for group in merged:
        seen: set[str] = set()
        uniq = [s for s in group if not (compact(s) in seen or seen.add(compact(s)))]
        if len(uniq) >= 2:
            out.append(uniq)
    return out


def load_aliases(root: Path) -> list[list[str]]:
    """All alias groups of the project at `root`."""
    groups: list[list[str]] = []
    if (root / ALIASES_FILE).exists():
        groups += load_alias_file(root / ALIASES_FILE)
    if (root / GLOSSARY_FILE).exists():
        groups += load_glossary(root / GLOSSARY_FILE)
    return merge_groups(groups)
