"""Alias groups that expand queries: `KV 缓存` also finds `KV Cache`.

Two files feed them: data/search-aliases.yml (search's own list) and, when present,
data/glossary.yml (each glossary term with its aliases, read by the glossary's own loader).
Groups sharing a spelling merge.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from kb.errors import ConfigError
from kb.links.glossary import GLOSSARY_FILE, Term, load_glossary
from kb.search.normalize import collapse, compact

ALIASES_FILE = Path("data/search-aliases.yml")


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


def glossary_groups(root: Path) -> list[list[str]]:
    """Spellings of each glossary term (its name and aliases) that has more than one."""
    try:
        terms = load_glossary(root)
    except ConfigError as exc:
        raise AliasError(str(exc)) from None
    return term_groups(terms)


def term_groups(terms: list[Term]) -> list[list[str]]:
    """Spellings of each term (its name and aliases) that has more than one."""
    groups = []
    for term in terms:
        spellings = [collapse(name) for name in term.names if collapse(name)]
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
        groups += glossary_groups(root)
    return merge_groups(groups)
