"""Load YAML and remember the line of each mapping key, for error messages with line numbers."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kb.errors import ConfigError


def _walk(node: yaml.Node, path: tuple, lines: dict[tuple, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = (*path, key.value)
            _walk(value, child, lines)
            lines[child] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), lines)


def load_yaml(path: Path) -> tuple[Any, dict[tuple, int]]:
    """Return (data, {key path: line}); a syntax error names the file and line."""
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise ConfigError(f"{path}:{line}: YAML 语法错误：{exc} — 请检查缩进与引号") from exc
    lines: dict[tuple, int] = {}
    if node is not None:
        _walk(node, (), lines)
    return (data or {}), lines
