"""Reviewed data files shaped ``section: {id: [id, …]}``: one reader, each file bringing its own rules."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kb.errors import ConfigError
from kb.yamlfile import load_yaml

# A rule returns what is wrong (the message after ``file:line:``), or None.
KeyRule = Callable[[str], str | None]
ValueRule = Callable[[str, object], str | None]
TargetRule = Callable[[str, str], str | None]


def load_id_lists(
    path: Path,
    label: str,
    section: str,
    shape: str,
    key_problem: KeyRule,
    value_problem: ValueRule,
    target_problem: TargetRule,
) -> dict[str, list[str]]:
    """``{key: [target ids]}`` from ``section:`` of the file, or ConfigError listing every problem as ``file:line: …``.

    ``shape`` describes the section for the error message; a key or value with a problem is
    left out, a repeated target is always a problem.
    """
    data, lines = load_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{label}:1: 顶层必须是映射 `{section}:`（{shape}）")
    mapping = data.get(section) or {}
    if not isinstance(mapping, dict):
        raise ConfigError(f"{label}:{lines.get((section,), 1)}: `{section}:` 必须是映射（{shape}）")
    problems: list[str] = []
    result: dict[str, list[str]] = {}
    for raw_key, value in mapping.items():
        key = str(raw_key)
        problem = key_problem(key) or value_problem(key, value)
        if problem:
            problems.append(f"{label}:{lines.get((section, key), 1)}: {problem}")
            continue
        ids: list[str] = []
        for position, raw_target in enumerate(value or []):
            target = str(raw_target)
            problem = target_problem(key, target) or (f"`{target}` 重复 — 请删除重复项" if target in ids else None)
            if problem:
                problems.append(f"{label}:{lines.get((section, key, position), 1)}: {problem}")
            else:
                ids.append(target)
        result[key] = ids
    if problems:
        raise ConfigError("\n".join(problems))
    return result
