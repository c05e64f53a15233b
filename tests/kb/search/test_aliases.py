"""Alias groups: the project's list, the glossary's terms, and clear errors for bad files."""
from __future__ import annotations

from pathlib import Path

import pytest

from kb.search.aliases import AliasError, glossary_groups, load_alias_file, load_aliases, merge_groups


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_project_alias_file_loads_and_covers_the_documented_pairs(root: Path):
    groups = load_aliases(root)
    by_spelling = {s.lower(): g for g in groups for s in g}
    assert "KV Cache" in by_spelling["kv 缓存"]
    assert "MoE" in by_spelling["混合专家"]
    assert "token" in by_spelling["词元"]


@pytest.mark.parametrize(
    ("text", "line", "hint"),
    [
        ("aliases:\n  - [KV Cache, KV 缓存\n", 3, "YAML 语法错误"),
        ("aliases:\n  - [only one]\n", 2, "至少要有两个写法"),
        ("aliases:\n  - KV Cache\n", 2, "别名组应是列表"),
        ("aliases:\n  - [a, [b]]\n", 2, "非空字符串"),
        ("alias:\n  - [a, b]\n", 1, "未知的键"),
        ("- [a, b]\n", 1, "顶层应是"),
    ],
)
def test_bad_alias_file_names_file_line_and_fix(tmp_path, text, line, hint):
    path = write(tmp_path, "data/search-aliases.yml", text)
    with pytest.raises(AliasError) as err:
        load_alias_file(path)
    assert str(err.value).startswith(f"{path}:{line}: ")
    assert hint in str(err.value)


def test_glossary_terms_with_aliases_become_groups(tmp_path):
    write(tmp_path, "data/glossary.yml", """
terms:
  - {id: kv-cache, term: KV Cache, aliases: [键值缓存, KV 缓存], category: 推理, definition: 缓存 K 与 V。}
  - {id: perplexity, term: 困惑度, aliases: [Perplexity], category: 评测, definition: 语言模型的评测指标。}
  - {id: lonely, term: 孤立词条, category: 其他, definition: 没有别名。}
""")
    assert glossary_groups(tmp_path) == [["KV Cache", "键值缓存", "KV 缓存"], ["困惑度", "Perplexity"]]


def test_bad_glossary_is_an_alias_error_naming_file_and_line(tmp_path):
    write(tmp_path, "data/glossary.yml", "terms:\n  - {id: kv-cache, term: KV Cache, category: 推理}\n")
    with pytest.raises(AliasError) as err:
        glossary_groups(tmp_path)
    assert "data/glossary.yml:2:" in str(err.value) and "definition" in str(err.value)


def test_groups_sharing_a_spelling_merge():
    merged = merge_groups([["KV Cache", "KV 缓存"], ["kv cache", "键值缓存"], ["MoE", "混合专家"]])
    assert merged == [["KV Cache", "KV 缓存", "键值缓存"], ["MoE", "混合专家"]]


def test_glossary_file_is_read_when_present(tmp_path):
    write(tmp_path, "data/search-aliases.yml", "aliases:\n  - [MoE, 混合专家]\n")
    moe = "{id: moe, term: 混合专家模型, aliases: [混合专家], category: 架构, definition: 稀疏激活。}"
    write(tmp_path, "data/glossary.yml", f"terms:\n  - {moe}\n")
    assert load_aliases(tmp_path) == [["MoE", "混合专家", "混合专家模型"]]
