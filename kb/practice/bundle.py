"""Bundle the practice scripts with esbuild (npm, pinned in package-lock.json) during the build.

Two files: the practice code every page loads, and the FSRS scheduler (ts-fsrs) it loads only
when the reader practises. Nothing is committed: the build produces both from the sources in
overrides/assets/javascripts/practice/ and node_modules/.
"""
from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

SOURCE_DIR = "overrides/assets/javascripts/practice"
ENTRIES = {"kb-practice.js": "main.js", "kb-practice-fsrs.js": "fsrs.js"}
TARGET = "es2020"
REPO = Path(__file__).resolve().parents[2]  # where node_modules and the sources are, whatever site is built


class BundleError(RuntimeError):
    """esbuild is missing or the sources do not bundle (the message says how to fix it)."""


def _esbuild(root: Path) -> Path:
    binary = root / "node_modules" / ".bin" / "esbuild"
    if not binary.exists():
        raise BundleError("练习模式的脚本由 esbuild 在构建时打包，但没有找到 node_modules/.bin/esbuild — 请运行 make setup（npm ci）")
    return binary


def _license_banner(root: Path) -> str:
    """ts-fsrs is MIT licensed: its notice travels with the code we ship."""
    meta = json.loads((root / "node_modules" / "ts-fsrs" / "package.json").read_text(encoding="utf-8"))
    return f"/*! ts-fsrs {meta['version']} | {meta.get('license', 'MIT')} License | https://github.com/open-spaced-repetition/ts-fsrs */"


def bundle(root: Path = REPO) -> dict[str, str]:
    """``{file name: minified script}`` for every entry in ENTRIES."""
    binary = _esbuild(root)
    sources = root / SOURCE_DIR
    with tempfile.TemporaryDirectory() as out:
        args = [
            str(binary), *(f"{name[:-3]}={sources / entry}" for name, entry in ENTRIES.items()),
            "--bundle", "--minify", "--format=iife", f"--target={TARGET}", "--charset=utf8",
            "--legal-comments=none", f"--outdir={out}", "--log-level=warning",
        ]
        proc = subprocess.run(args, cwd=root, capture_output=True, text=True)
        if proc.returncode != 0 or proc.stderr.strip():
            raise BundleError(f"esbuild 打包练习脚本失败（{SOURCE_DIR}）：\n{proc.stderr.strip()}")
        built = {name: (Path(out) / name).read_text(encoding="utf-8") for name in ENTRIES}
    built["kb-practice-fsrs.js"] = _license_banner(root) + "\n" + built["kb-practice-fsrs.js"]
    return built
