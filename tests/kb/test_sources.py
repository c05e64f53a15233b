"""The manifest: a key names ids and anchors, so a hyphenated key is fine and anything else is refused clearly."""
from __future__ import annotations

from pathlib import Path

import pytest

from kb.errors import ConfigError
from kb.sources import load_manifest


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
