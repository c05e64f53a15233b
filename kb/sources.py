"""The source manifest (sources/manifest.yml): which documents exist, their format and attribution."""
from __future__ import annotations

import hashlib
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
                sha256=str(entry["sha256"]).lower() if entry.get("sha256") else None,
                size=int(entry["size"]) if entry.get("size") is not None else None,
                where=where,
            )
        )
    return docs


def read_source(doc: SourceDoc) -> str:
    """The document's text, only if its bytes are the ones the manifest pins (a truncated or
    re-encoded copy would silently rewrite pages); decode errors name the byte and the likely encoding."""
    data = doc.path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    pin = f"sha256: {digest}\n    size: {len(data)}"
    if doc.sha256 is None or doc.size is None:
        raise ConfigError(
            f"{doc.where}: 文档 `{doc.key}` 没有记录 sha256 与 size — 确认 sources/{doc.file} 是原样复制的原文后，"
            f"在这一条里加上：\n    {pin}"
        )
    if doc.sha256 != digest or doc.size != len(data):
        raise ConfigError(
            f"sources/{doc.file}: 与 {doc.where} 记录的不一致（记录 {doc.size} 字节、sha256 {doc.sha256[:12]}…；"
            f"实际 {len(data)} 字节、sha256 {digest[:12]}…）— 文件被截断或改动过：请从原始出处重新原样复制；"
            f"确实要换成新版本时，在同一次修改中把 {doc.where} 这一条改为：\n    {pin}"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ConfigError(
            f"sources/{doc.file}:{line}: 第 {err.start} 字节起不是合法的 UTF-8（{err.reason}）— {_likely_encoding(data, err)}"
        ) from None


def _likely_encoding(data: bytes, err: UnicodeDecodeError) -> str:
    """What the bytes probably are, and how to fix them (in Chinese)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "文件是 UTF-16 编码（有字节序标记）：请另存为 UTF-8"
    if err.end >= len(data) and err.reason.startswith("unexpected end"):
        return "文件在一个字符的中间被截断：请从原始出处重新原样复制"
    for encoding, name in (("gb18030", "GBK/GB18030"), ("big5", "Big5")):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return f"看起来是 {name} 编码：请转换为 UTF-8（例如 iconv -f {encoding.upper()} -t UTF-8），再更新 manifest 中的 sha256 与 size"
    return "编码无法识别：请确认文件是原样复制的 UTF-8 文本"
