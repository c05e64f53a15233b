"""The manifest: a key names ids and anchors, so a hyphenated key is fine and anything else is refused clearly."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kb.errors import ConfigError
from kb.sources import load_manifest, read_source


def manifest(tmp_path: Path, key: str) -> Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text("**1. 问：题？**\n\n**答：** 答。\n", encoding="utf-8")
    (tmp_path / "sources" / "manifest.yml").write_text(
        f"documents:\n  - key: {key}\n    file: a.txt\n    title: 资料\n    format: bold-qa\n", encoding="utf-8"
    )
    return tmp_path


def test_a_hyphenated_key_is_accepted(tmp_path):
    (doc,) = load_manifest(manifest(tmp_path, "llm-faq"), formats={"bold-qa"})
    assert doc.key == "llm-faq"


@pytest.mark.parametrize("key", ["LLM", "llm_faq", "llm--faq", "-llm", "llm-", "1llm", "llm faq"])
def test_a_key_that_cannot_make_ids_is_refused_with_file_and_line(tmp_path, key):
    with pytest.raises(ConfigError, match=r"sources/manifest.yml:2: 文档 key .* 不合规 — 只用小写字母"):
        load_manifest(manifest(tmp_path, f'"{key}"'))


def test_an_unknown_format_is_refused_when_formats_are_given(tmp_path):
    with pytest.raises(ConfigError, match=r"sources/manifest.yml:2: 未知格式 `bold-qa`"):
        load_manifest(manifest(tmp_path, "a"), formats={"question-bank"})


def _pinned(tmp_path: Path, data: bytes, pin: bytes | None = None) -> Path:
    """A project whose one source holds ``data``, pinned in the manifest to ``pin`` (default: ``data``)."""
    (tmp_path / "sources").mkdir(exist_ok=True)
    (tmp_path / "sources" / "a.txt").write_bytes(data)
    pinned = data if pin is None else pin
    (tmp_path / "sources" / "manifest.yml").write_text(
        "documents:\n  - key: a\n    file: a.txt\n    title: 资料\n    format: bold-qa\n"
        f"    sha256: {hashlib.sha256(pinned).hexdigest()}\n    size: {len(pinned)}\n", encoding="utf-8"
    )
    return tmp_path


TEXT = "**1. 问：什么是大模型？**\n\n**答：** 参数量巨大的语言模型。\n\n**2. 问：什么是词元？**\n\n**答：** 模型读写的最小单位。\n"


def test_the_pinned_source_reads(tmp_path):
    (doc,) = load_manifest(_pinned(tmp_path, TEXT.encode()))
    assert read_source(doc) == TEXT


def test_a_truncated_source_is_refused_by_name(tmp_path):
    data = TEXT.encode()
    (doc,) = load_manifest(_pinned(tmp_path, data[: len(data) // 2].rsplit(b"\n", 1)[0], pin=data))
    with pytest.raises(ConfigError, match=r"(?s)sources/a.txt: 与 sources/manifest.yml:2 记录的不一致.*截断或改动过.*sha256: [0-9a-f]{64}"):
        read_source(doc)


def test_an_unpinned_source_is_refused_with_the_lines_to_add(tmp_path):
    (doc,) = load_manifest(manifest(tmp_path, "a"))
    with pytest.raises(ConfigError, match=r"(?s)sources/manifest.yml:2: 文档 `a` 没有记录 sha256 与 size.*size: \d+"):
        read_source(doc)


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (TEXT.encode("gb18030"), "GBK/GB18030"),
        (TEXT.encode() + "模".encode()[:2], "截断"),
        (TEXT.encode("utf-16"), "UTF-16"),
    ],
    ids=["gbk", "half-cut-utf8", "utf16"],
)
def test_a_source_that_is_not_utf8_names_file_byte_and_encoding(tmp_path, data, said):
    (doc,) = load_manifest(_pinned(tmp_path, data))
    with pytest.raises(ConfigError, match=rf"sources/a.txt:\d+: 第 \d+ 字节起不是合法的 UTF-8.*{said}"):
        read_source(doc)
