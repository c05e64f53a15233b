"""The index file: written as a script the browser can load, read back by the terminal."""
from __future__ import annotations

import pytest

from kb.search.extract import Section
from kb.search.index import Page, build_index, dump_js, load_js, text_bytes


def sample() -> dict:
    group = Section("g", 2, "什么是混合专家？", ["本题汇集 2 个回答。"], group=True)
    pages = [
        Page("topics/moe/", "混合专家 MoE", [
            Section("", 1, "混合专家 MoE", ["导语"]), group,
            Section("a", 3, "解释 MoE", ["门控"]), Section("b", 3, "专家", ["稀疏"]),
            Section("p", 2, "练习题", ["Q1"]), Section("c", 3, "不属于组", ["x"]),
        ]),
        Page("", "首页", [Section("", 1, "首页", ["欢迎"])], boost=0.3),
    ]
    return build_index(pages, [["MoE", "混合专家"]])


def test_members_point_at_their_group_only():
    index = sample()
    owners = {s[1]: s[4] for s in index["sections"] if s[1]}
    group = next(i for i, s in enumerate(index["sections"]) if s[1] == "g")
    assert owners == {"g": -1, "a": group, "b": group, "p": -1, "c": -1}
    assert index["pages"][1] == ["", "首页", 0.3]
    assert "混合" in index["words"].split("|") or "专家" in index["words"].split("|")


def test_round_trip_and_size(tmp_path):
    index = sample()
    path = tmp_path / "kb_index.js"
    path.write_text(dump_js(index), encoding="utf-8")
    assert load_js(path) == index
    assert text_bytes(index) == sum(len((s[2] + s[3]).encode()) for s in index["sections"])


def test_foreign_or_old_file_is_a_clear_error(tmp_path):
    path = tmp_path / "kb_index.js"
    path.write_text("var x = 1;", encoding="utf-8")
    with pytest.raises(ValueError, match="不是搜索索引文件"):
        load_js(path)
    path.write_text(dump_js({**sample(), "v": 0}), encoding="utf-8")
    with pytest.raises(ValueError, match="索引版本"):
        load_js(path)
