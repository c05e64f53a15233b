"""`python -m kb search`: top questions with page, anchor and review state, from the site's own
index, answered by the browser's engine (run in Node)."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kb.search.cli import run_search
from kb.search.index import INDEX_FILE
from kb.search.node import run_queries

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def need_node():
    if not shutil.which("node"):
        pytest.skip("没有 node，终端搜索无法运行")


def project_with_index(tmp_path: Path, built_site: Path) -> Path:
    """A project root whose site/ holds the real built index (nothing newer to rebuild from)."""
    target = tmp_path / "site" / INDEX_FILE
    target.parent.mkdir(parents=True)
    shutil.copy(built_site / INDEX_FILE, target)
    return tmp_path


def args(query: str, limit: int = 5, as_json: bool = False) -> argparse.Namespace:
    return argparse.Namespace(query=query, limit=limit, json=as_json)


def test_prints_top_questions_with_page_anchor_and_review_state(tmp_path, built_site, capsys):
    root = project_with_index(tmp_path, built_site)
    assert run_search(root, args("KV缓存", limit=3)) == 0
    out = capsys.readouterr().out
    (engine,) = run_queries(built_site / INDEX_FILE, ["KV缓存"], limit=3, describe=True)
    assert out.startswith(f"共 {engine['total']} 条结果，显示前 3 条")
    for rank, hit in enumerate(engine["hits"], 1):
        assert f"{rank:>2}. {hit['title']}" in out
        assert f"{hit['page']} · {hit['location']}" in out
    reviewed = next(h for h in run_queries(built_site / INDEX_FILE, ["MoE"], describe=True)[0]["hits"] if h["review"])
    assert run_search(root, args(reviewed["title"], limit=1)) == 0
    assert f"审校：{reviewed['review']}" in capsys.readouterr().out


def test_json_output_matches_the_engine(tmp_path, built_site, capsys):
    root = project_with_index(tmp_path, built_site)
    assert run_search(root, args("大模型幻觉", limit=4, as_json=True)) == 0
    data = json.loads(capsys.readouterr().out)
    (engine,) = run_queries(built_site / INDEX_FILE, ["大模型幻觉"], limit=4)
    assert [r["location"] for r in data["results"]] == [h["location"] for h in engine["hits"]]
    assert all(r["page"] and r["title"] and "review" in r and "answered" in r for r in data["results"])


def test_typos_are_corrected_and_said(tmp_path, built_site, capsys):
    root = project_with_index(tmp_path, built_site)
    assert run_search(root, args("transfomer", limit=2)) == 0
    assert "transfomer → transformer" in capsys.readouterr().out


def test_no_match_suggests_and_bad_arguments_fail(tmp_path, built_site, capsys):
    root = project_with_index(tmp_path, built_site)
    assert run_search(root, args("zzqqxx")) == 0
    assert "没有找到" in capsys.readouterr().out
    assert run_search(root, args("ppoo")) == 0  # a 4-letter word one insertion away: suggested, not corrected
    assert "你是不是要找：ppo" in capsys.readouterr().out
    assert run_search(root, args("  ")) == 2
    assert run_search(root, args("KV", limit=0)) == 2
    assert "--limit" in capsys.readouterr().err


def test_unbuildable_project_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    assert run_search(tmp_path, args("KV")) == 1
    assert "构建搜索索引失败" in capsys.readouterr().err


def test_stale_index_format_is_a_clear_error(tmp_path, capsys):
    target = tmp_path / "site" / INDEX_FILE
    target.parent.mkdir(parents=True)
    target.write_text('window.__kbSearchIndex={"v":4,"pages":[]};\n', encoding="utf-8")
    assert run_search(tmp_path, args("KV")) == 1
    assert "索引版本 4" in capsys.readouterr().err


def test_command_line_entry_point(built_site):
    """The real command, run on this repository (builds its own index when site/ is stale)."""
    proc = subprocess.run(
        [sys.executable, "-m", "kb", "search", "MoE负载均衡", "-n", "2", "--json"],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    (engine,) = run_queries(built_site / INDEX_FILE, ["MoE负载均衡"], limit=2)
    assert [r["location"] for r in data["results"]] == [h["location"] for h in engine["hits"]]
