"""`python -m kb search`: top questions with page and anchor, from the site's own index."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from kb.search.cli import run_search
from kb.search.engine import Engine
from kb.search.index import INDEX_FILE, load_js

ROOT = Path(__file__).resolve().parents[3]


def project_with_index(tmp_path: Path, built_site: Path) -> Path:
    """A project root whose site/ holds the real built index (nothing newer to rebuild from)."""
    target = tmp_path / "site" / INDEX_FILE
    target.parent.mkdir(parents=True)
    shutil.copy(built_site / INDEX_FILE, target)
    return tmp_path


def args(query: str, limit: int = 5, as_json: bool = False) -> argparse.Namespace:
    return argparse.Namespace(query=query, limit=limit, json=as_json)


def test_prints_top_questions_with_page_and_anchor(tmp_path, built_site, capsys):
    root = project_with_index(tmp_path, built_site)
    assert run_search(root, args("KV缓存", limit=3)) == 0
    out = capsys.readouterr().out
    engine = Engine(load_js(built_site / INDEX_FILE))
    top = engine.search("KV缓存")[:3]
    assert out.startswith(f"共 {len(engine.search('KV缓存'))} 条结果，显示前 3 条")
    for rank, hit in enumerate(top, 1):
        section = engine.sections[hit.section]
        assert f"{rank:>2}. {section[2]}" in out
        assert f"{engine.pages[section[0]][1]} · {engine.location(hit.section)}" in out


def test_json_output_matches_the_engine(tmp_path, built_site, capsys):
    root = project_with_index(tmp_path, built_site)
    assert run_search(root, args("大模型幻觉", limit=4, as_json=True)) == 0
    data = json.loads(capsys.readouterr().out)
    engine = Engine(load_js(built_site / INDEX_FILE))
    assert [r["location"] for r in data["results"]] == [engine.location(h.section) for h in engine.search("大模型幻觉")[:4]]
    assert all(r["page"] and r["title"] for r in data["results"])


def test_no_match_and_bad_arguments(tmp_path, built_site, capsys):
    root = project_with_index(tmp_path, built_site)
    assert run_search(root, args("zzqqxx")) == 0
    assert "没有找到" in capsys.readouterr().out
    assert run_search(root, args("  ")) == 2
    assert run_search(root, args("KV", limit=0)) == 2
    assert "--limit" in capsys.readouterr().err


def test_unbuildable_project_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    assert run_search(tmp_path, args("KV")) == 1
    assert "构建搜索索引失败" in capsys.readouterr().err


def test_command_line_entry_point(built_site):
    """The real command, run on this repository (builds its own index when site/ is stale)."""
    proc = subprocess.run(
        [sys.executable, "-m", "kb", "search", "MoE负载均衡", "-n", "2", "--json"],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    engine = Engine(load_js(built_site / INDEX_FILE))
    assert [r["location"] for r in data["results"]] == [engine.location(h.section) for h in engine.search("MoE负载均衡")[:2]]
