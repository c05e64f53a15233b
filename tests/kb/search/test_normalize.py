"""Compact text: what Ctrl+F would match, whatever the spacing, case or width — the same in the build and the engine."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from kb.search.normalize import collapse, compact

ENGINE = Path(__file__).resolve().parents[3] / "overrides" / "assets" / "javascripts" / "kb-search.js"
SAMPLES = ["KV 缓存", "ＫＶ\u3000缓存", "a\u200bb\tc\nd", "DeepSeek-V3", "İstanbul", "ΣΑΣ", "𠀀模型", "Pass@1"]


def test_compact_ignores_spaces_case_and_full_width():
    assert compact("KV 缓存") == compact("kv缓存") == compact("ＫＶ\u3000缓存") == "kv缓存"
    assert compact("a\u200bb\tc\nd") == "abcd"
    assert collapse("  a \n\t b ") == "a b"


def test_build_and_engine_compact_alike():
    if not shutil.which("node"):
        pytest.skip("没有 node")
    script = "const k=require(process.argv[1]);console.log(JSON.stringify(JSON.parse(process.argv[2]).map(k.compact)))"
    out = subprocess.run(["node", "-e", script, str(ENGINE), json.dumps(SAMPLES)], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [compact(s) for s in SAMPLES]
