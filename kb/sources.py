"""The source manifest: which documents exist, their format and attribution."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kb.errors import ConfigError
from kb.yamlfile import expect, load_yaml


@dataclass(frozen=True)
class SourceDoc:
    key: str
    file: str
    title: str
    format: str
    path: Path
    author: str | None = None
    origin: str | None = None
    url: str | None = None
    description: str = ""
    options: dict[str, Any] = field(default_factory=dict)


MANIFEST = "sources/manifest.yml"
REQUIRED = ("key", "file", "title", "format")


def load_manifest(root: Path) -> list[SourceDoc]:
    """Read sources/manifest.yml and check each entry names an existing file and a known format."""
    from kb.parsers import FORMATS

    path = root / MANIFEST
    data, lines = load_yaml(path, root)
    rel = path.relative_to(root)
    expect(data, dict, f"{rel}:1", "文件顶层")
    docs: list[SourceDoc] = []
    keys: set[str] = set()
    for i, entry in enumerate(expect(data.get("documents") or [], list, f"{rel}:1", "`documents`")):
        where = f"{rel}:{lines.get(('documents', i), 1)}"
        expect(entry, dict, where, "每份文档")
        for name in REQUIRED:
            if not entry.get(name):
                raise ConfigError(f"{where}: 文档缺少字段 `{name}` — 请补上（必需字段：{', '.join(REQUIRED)}）")
        if entry["format"] not in FORMATS:
            raise ConfigError(
                f"{where}: 未知格式 `{entry['format']}` — 可用格式：{', '.join(sorted(FORMATS))}"
            )
        if entry["key"] in keys:
            raise ConfigError(f"{where}: 文档 key `{entry['key']}` 重复 — 每份文档需要唯一的 key")
        keys.add(entry["key"])
        file_path = root / "sources" / entry["file"]
        if not file_path.is_file():
            raise ConfigError(f"{where}: 找不到文件 sources/{entry['file']} — 请把原文原样复制到 sources/")
        docs.append(
            SourceDoc(
                key=entry["key"],
                file=entry["file"],
                title=entry["title"],
                format=entry["format"],
                path=file_path,
                author=entry.get("author"),
                origin=entry.get("origin"),
                url=entry.get("url"),
                description=entry.get("description", ""),
                options=expect(entry.get("options") or {}, dict, where, "`options`"),
            )
        )
    return docs
