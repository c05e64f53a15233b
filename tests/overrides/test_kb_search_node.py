"""The browser engine (kb-search.js) and the terminal engine (kb/search) rank alike.

Runs the JavaScript twin in Node on the real built index and compares, query by query,
every result and score with the Python engine. Skips when node is missing.
"""
from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from kb.search.engine import Engine
from kb.search.index import INDEX_FILE, load_js

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ROOT / "overrides" / "assets" / "javascripts" / "kb-search.js"
TRICKY = [
    "KV 缓存", "ＫＶ缓存", "kv cache", "什么是token", "为什么", "Transformer decoder", "QLoRA",
    "GPT-4", "Pass@1", "<think>", "a", "。", "模型一直重复同样的话", "DeepSeek-R1-Zero纯强化学习",
    "𠀀模型", "😀 幻觉", "İstanbul", "ΣΑΣ", "\u200b混合\u200b专家", "1024",
]


def node_search(site: Path, queries: list[str]) -> list[dict]:
    proc = subprocess.run(
        ["node", str(ROOT / "benchmarks" / "kb_search.js"), str(site), "0"],
        input=json.dumps(queries, ensure_ascii=False), capture_output=True, text=True, check=True,
    )
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def queries(built_site: Path) -> list[str]:
    bench = yaml.safe_load((ROOT / "benchmarks" / "search_queries.yml").read_text(encoding="utf-8"))
    index = load_js(built_site / INDEX_FILE)
    rng = random.Random(99)
    pieces = []
    for s in rng.sample(index["sections"], 60):
        text = s[3] or s[2]
        start = rng.randrange(0, max(1, len(text) - 6))
        pieces.append(text[start : start + rng.randint(2, 12)])
    return [q["q"] for q in bench["queries"]] + TRICKY + pieces


def test_javascript_and_python_rank_the_same(built_site: Path, queries: list[str]):
    if not shutil.which("node"):
        pytest.skip("没有 node，无法运行浏览器端引擎")
    engine = Engine(load_js(built_site / INDEX_FILE))
    for query, js in zip(queries, node_search(built_site, queries), strict=True):
        py = engine.search(query)
        assert js["total"] == len(py), query
        assert js["terms"] == [t.label for t in engine.parse(query).terms], query
        for (location, score), hit in zip(js["hits"], py, strict=True):
            assert location == engine.location(hit.section), query
            assert score == pytest.approx(hit.score, rel=1e-9), query


def test_client_loads_as_a_plain_script_and_as_a_module():
    if not shutil.which("node"):
        pytest.skip("没有 node")
    check = (
        "const api = require(process.argv[1]);"
        "if (typeof api.Engine !== 'function' || typeof globalThis.KbSearch !== 'object') process.exit(1);"
        "console.log(api.compact('ＫＶ 缓存'))"
    )
    out = subprocess.run(["node", "-e", check, str(CLIENT)], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "kv缓存"
