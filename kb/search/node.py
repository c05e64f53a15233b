"""Run the site's search engine (kb-search.js) in Node: the terminal and the tests use the
very engine the browser runs, so there is one implementation of search."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

RUNNER = Path(__file__).resolve().with_name("node_search.js")


class NodeUnavailable(RuntimeError):
    """Node is missing or the engine failed; the message says what to do."""


def run_queries(index: Path, queries: list[str], limit: int = 0, describe: bool = False) -> list[dict]:
    """One answer per query (see node_search.js for the fields); limit 0 = every hit."""
    node = shutil.which("node")
    if node is None:
        raise NodeUnavailable("终端搜索需要 Node.js（与构建时渲染公式所用的相同）：请安装 nodejs 后重试")
    request = json.dumps({"queries": queries, "limit": limit, "describe": describe}, ensure_ascii=False)
    proc = subprocess.run(
        [node, str(RUNNER), str(index)], input=request, capture_output=True, text=True, encoding="utf-8"
    )
    if proc.returncode != 0:
        raise NodeUnavailable(f"搜索引擎运行失败（{RUNNER.name}）：\n{proc.stderr.strip()}")
    return json.loads(proc.stdout)
