"""The source manifest (sources/manifest.yml): which documents exist, their format and attribution."""
from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

from kb.errors import ConfigError
from kb.model import SourceDoc
from kb.yamlfile import expect, load_yaml

MANIFEST = "sources/manifest.yml"
REQUIRED = ("key", "file", "title", "format")
# A key names the document's questions (`<key>-021`) and its anchor (`src-<key>`): lower-case
# letters and digits, words joined by single hyphens, so every id built from it is a valid anchor.
_KEY = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def load_manifest(root: Path, formats: Collection[str] = (), manifest: str = MANIFEST) -> list[SourceDoc]:
    """Read the manifest; each entry must name an existing file (and, given ``formats``, a known format)."""
    path = root / manifest
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
        key = str(entry["key"])
        if not _KEY.match(key):
            raise ConfigError(
                f"{where}: 文档 key `{key}` 不合规 — 只用小写字母、数字和单个连字符，以字母开头，例如 r1、llm-faq"
            )
        if formats and entry["format"] not in formats:
            raise ConfigError(f"{where}: 未知格式 `{entry['format']}` — 可用格式：{', '.join(sorted(formats))}")
        if key in keys:
            raise ConfigError(f"{where}: 文档 key `{key}` 重复 — 每份文档需要唯一的 key")
        keys.add(key)
        file_path = root / "sources" / entry["file"]
        if not file_path.is_file():
            raise ConfigError(f"{where}: 找不到文件 sources/{entry['file']} — 请把原文原样复制到 sources/")
        docs.append(
            SourceDoc(
                key=key,
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
