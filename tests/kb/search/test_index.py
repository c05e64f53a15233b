"""The index file: written as a script the browser can load, read back by the terminal."""
from __future__ import annotations

import pytest

from kb.search.extract import Section
from kb.search.index import Page, build_index, check_index, dump_js, load_js, text_bytes


def sample() -> dict:
    group = Section("g", 2, "什么是混合专家？", nav_parts=["本题汇集 2 个回答。"], group=True)
    term = Section("term-moe", 3, "MoE", ["稀疏激活。"], names=["混合专家"], explained_by=["g", "nowhere"])
    pages = [
        Page("topics/moe/", "混合专家 MoE", [
            Section("", 1, "混合专家 MoE", ["导语"]), group,
            Section("a", 3, "解释 MoE", ["门控"], review="已核对"), Section("b", 3, "专家", nav_parts=["出处"], review="未核对"),
            Section("p", 2, "练习题", nav_parts=["Q1"]), Section("c", 3, "不属于组", ["x"]),
        ]),
        Page("glossary/", "术语表", [term], boost=0.5),
        Page("", "首页", [Section("", 1, "首页", ["欢迎"])], boost=0.3),
    ]
    return build_index(pages, [["MoE", "混合专家"]])


def test_members_point_at_their_group_only():
    index = sample()
    owners = {s[1]: s[4] for s in index["sections"] if s[1]}
    group = next(i for i, s in enumerate(index["sections"]) if s[1] == "g")
    assert owners == {"g": -1, "a": group, "b": group, "p": -1, "c": -1, "term-moe": -1}
    assert index["pages"][2] == ["", "首页", 0.3]
    words = index["words"].split("|")
    assert "专家" in words and len(index["rarity"]) == len(words) and index["rarity"].isdigit()


def test_sections_carry_review_navigation_and_whether_they_answer():
    by = {s[1]: s for s in load_js_roundtrip(sample())["sections"]}
    assert by["a"][5] == "已核对" and by["a"][7] == 1
    assert by["b"][3] == "" and by["b"][6] == "出处" and by["b"][7] == 0  # only navigation: no answer
    assert by["g"][6] == "本题汇集 2 个回答。" and by["g"][7] == 1  # a group answers when a member does
    assert by["g"][5] == "已核对、未核对"  # and shows its answers' review states
    assert by["p"][7] == 0


def test_glossary_terms_list_names_and_the_sections_that_explain_them():
    index = sample()
    at = {s[1]: i for i, s in enumerate(index["sections"])}
    assert index["terms"] == [[at["term-moe"], ["MoE", "混合专家"], [at["g"]]]]  # unknown anchors are dropped


def load_js_roundtrip(index: dict) -> dict:
    import json

    return json.loads(json.dumps(index))


def test_round_trip_and_size(tmp_path):
    index = sample()
    path = tmp_path / "kb_index.js"
    path.write_text(dump_js(index), encoding="utf-8")
    assert load_js(path) == index
    check_index(path)
    assert text_bytes(index) == sum(len((s[2] + s[3] + s[6]).encode()) for s in index["sections"])


def test_foreign_or_old_file_is_a_clear_error(tmp_path):
    path = tmp_path / "kb_index.js"
    path.write_text("var x = 1;", encoding="utf-8")
    for read in (load_js, check_index):
        with pytest.raises(ValueError, match="不是搜索索引文件"):
            read(path)
    path.write_text(dump_js({**sample(), "v": 4}), encoding="utf-8")
    for read in (load_js, check_index):
        with pytest.raises(ValueError, match="索引版本 4"):
            read(path)
