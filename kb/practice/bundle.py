"""Bundle the practice scripts with esbuild (npm, pinned in package-lock.json) during the build.

Two files: the practice code every page loads, and the FSRS scheduler (ts-fsrs) it loads only
when the reader practises. Nothing is committed: the build produces both from the browser sources
(the plugin option ``practice_scripts``) and the npm packages next to this code (node_modules,
found the way Node finds them), so a project anywhere on disk bundles with the pinned versions.
"""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

ENTRIES = {"kb-practice.js": "main.js", "kb-practice-fsrs.js": "fsrs.js"}
TARGET = "es2020"
ESBUILD_ARGS = ("--bundle", "--minify", "--format=iife", f"--target={TARGET}", "--charset=utf8",
                "--legal-comments=none", "--log-level=warning")


class BundleError(RuntimeError):
    """esbuild is missing or the sources do not bundle (the message says how to fix it)."""


CODE_DIR = Path(__file__).resolve().parent


def node_modules(start: Path = CODE_DIR) -> Path:
    """The node_modules folder holding esbuild and ts-fsrs: in ``start`` or the nearest folder above it."""
    for folder in (start, *start.parents):
        candidate = folder / "node_modules"
        if (candidate / ".bin" / "esbuild").exists() and (candidate / "ts-fsrs" / "package.json").is_file():
            return candidate
    raise BundleError(
        "练习模式的脚本由 esbuild 在构建时打包，但没有找到 node_modules 中的 esbuild 与 ts-fsrs — 请在仓库根目录运行 make setup（npm ci）"
    )


def _version(modules: Path, package: str) -> dict:
    return json.loads((modules / package / "package.json").read_text(encoding="utf-8"))


def fingerprint(sources: Path, modules: Path) -> str:
    """Everything the bundles depend on, as one text: a cache key (kb/build/cache.py) for :func:`bundle`."""
    parts = [json.dumps([ENTRIES, ESBUILD_ARGS, _version(modules, "esbuild")["version"], _version(modules, "ts-fsrs")["version"]])]
    for path in sorted(sources.rglob("*.js")):
        parts.append(f"\n--- {path.relative_to(sources).as_posix()}\n{path.read_text(encoding='utf-8')}")
    return "".join(parts)


def _license_banner(modules: Path) -> str:
    """ts-fsrs is MIT licensed: its notice travels with the code we ship."""
    meta = _version(modules, "ts-fsrs")
    return f"/*! ts-fsrs {meta['version']} | {meta.get('license', 'MIT')} License | https://github.com/open-spaced-repetition/ts-fsrs */"


def bundle(sources: Path, modules: Path) -> dict[str, str]:
    """``{file name: minified script}`` for every entry in ENTRIES, from the sources in ``sources``."""
    missing = [entry for entry in ENTRIES.values() if not (sources / entry).is_file()]
    if missing:
        raise BundleError(f"练习模式的脚本源文件不在 {sources}（缺少 {', '.join(missing)}）— 请检查 kb 插件的选项 practice_scripts")
    with tempfile.TemporaryDirectory() as out:
        args = [str(modules / ".bin" / "esbuild"), *(f"{name[:-3]}={sources / entry}" for name, entry in ENTRIES.items()),
                *ESBUILD_ARGS, f"--outdir={out}"]
        env = {**os.environ, "NODE_PATH": str(modules)}  # ts-fsrs for sources outside this repository too
        proc = subprocess.run(args, cwd=sources, capture_output=True, text=True, env=env)
        if proc.returncode != 0 or proc.stderr.strip():
            raise BundleError(f"esbuild 打包练习脚本失败（{sources}）：\n{proc.stderr.strip()}")
        built = {name: (Path(out) / name).read_text(encoding="utf-8") for name in ENTRIES}
    built["kb-practice-fsrs.js"] = _license_banner(modules) + "\n" + built["kb-practice-fsrs.js"]
    return built
