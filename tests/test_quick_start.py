"""One command to serve, one to test: the README promises it and CI runs exactly the test one."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _commands(block: str) -> list[str]:
    """Shell lines of a block, without comments and blank lines."""
    lines = (line.split("#", 1)[0].strip() for line in block.splitlines())
    return [line for line in lines if line]


def test_ci_runs_make_test():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.startswith("#!/usr/bin/env bash")
    assert "set -euo pipefail" in script
    assert _commands(script)[-1] == "make test"


def test_readme_quick_start_is_exactly_make_serve_and_make_test():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## 快速开始\n(.*?)(?=^## |\Z)", readme, re.S | re.M)
    assert section, "README has a 快速开始 section"
    blocks = re.findall(r"^```[a-z]*\n(.*?)^```", section.group(1), re.S | re.M)
    assert len(blocks) == 1, "the quick start is one code block"
    assert _commands(blocks[0]) == ["make serve", "make test"]
