"""One long-lived Node process renders formulas with the npm `katex` package, in batches.

Starting Node and loading KaTeX costs far more than rendering a formula, so every formula
of a build goes to the same process in one request. Results are cached by content hash in
memory (so `mkdocs serve` never renders an unchanged formula twice) and on disk under
`.cache/katex/` (so a fresh `mkdocs build` reuses the previous build's work). The build plugin
owns one Renderer for as long as MkDocs runs and closes it on shutdown.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

SERVER = Path(__file__).with_name("render_server.mjs")


class KatexUnavailable(RuntimeError):
    """Node or the npm katex package is missing, or the renderer died."""


@dataclass(frozen=True)
class Result:
    """KaTeX's answer for one formula: HTML, or KaTeX's error message and position."""

    html: str | None = None
    error: str | None = None
    position: int | None = None


def katex_dir(start: Path = SERVER.parent) -> Path:
    """The katex package that Node will load for SERVER (same lookup: parent node_modules)."""
    for folder in (start, *start.parents):
        candidate = folder / "node_modules" / "katex"
        if (candidate / "package.json").is_file():
            return candidate
    raise KatexUnavailable("找不到 npm 包 katex：请在仓库根目录运行 make setup（其中执行 npm ci）")


def katex_version() -> str:
    return json.loads((katex_dir() / "package.json").read_text(encoding="utf-8"))["version"]


def cache_namespace() -> str:
    """Changes whenever KaTeX or its options change, so stale cache entries are never used."""
    digest = hashlib.sha256(SERVER.read_bytes())
    digest.update(katex_version().encode())
    return digest.hexdigest()[:16]


def formula_key(tex: str, display: bool) -> str:
    return hashlib.sha256(f"{int(display)}\0{tex}".encode()).hexdigest()


class Renderer:
    """Batch client of render_server.mjs with an in-memory and an optional on-disk cache."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        # Node writes to a file, not a pipe, so a chatty stderr can never block it.
        self._stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115 - lives with the renderer
        self._lock = threading.Lock()
        self._request_id = 0
        self.memory: dict[str, Result] = {}
        self.namespace = cache_namespace()
        self.version = katex_version()
        self.stats = {"requested": 0, "rendered": 0, "batches": 0, "processes": 0}

    # -- cache -----------------------------------------------------------------------------
    def disk_cache_path(self, cache_dir: Path) -> Path:
        return cache_dir / f"formulas-{self.namespace}.json"

    def load_disk_cache(self, cache_dir: Path) -> int:
        """Merge a previous build's results; returns how many were loaded."""
        path = self.disk_cache_path(cache_dir)
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return 0
        loaded = 0
        for key, value in stored.items():
            if key not in self.memory and isinstance(value, dict):
                self.memory[key] = Result(**{k: value.get(k) for k in ("html", "error", "position")})
                loaded += 1
        return loaded

    def save_disk_cache(self, cache_dir: Path, keys: set[str], keep_others: bool = False) -> None:
        """Write the results of `keys` (the formulas of this build) atomically, and keep only those
        in memory, so a long `mkdocs serve` holds the formulas in use, not every one ever typed.

        ``keep_others`` (a --dirty build, which sees only the changed pages) keeps everything.
        """
        if not keep_others:
            self.memory = {key: value for key, value in self.memory.items() if key in keys}
        cache_dir.mkdir(parents=True, exist_ok=True)
        data = {key: value.__dict__ for key, value in sorted(self.memory.items())}
        path = self.disk_cache_path(cache_dir)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # builds running side by side never share one
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
        for old in cache_dir.glob("formulas-*.json"):
            if old != path:
                old.unlink(missing_ok=True)

    # -- rendering -------------------------------------------------------------------------
    def render(self, items: list[tuple[str, bool]]) -> dict[str, Result]:
        """Results for (tex, display) pairs keyed by formula_key; misses go in one batch."""
        keys = {formula_key(tex, display): (tex, display) for tex, display in items}
        self.stats["requested"] += len(keys)
        missing = [(key, pair) for key, pair in keys.items() if key not in self.memory]
        if missing:
            answers = self._request([{"tex": tex, "display": display} for _, (tex, display) in missing])
            for (key, _), answer in zip(missing, answers, strict=True):
                self.memory[key] = Result(
                    html=answer.get("html"), error=answer.get("error"), position=answer.get("position")
                )
            self.stats["rendered"] += len(missing)
        return {key: self.memory[key] for key in keys}

    def _request(self, batch: list[dict[str, object]]) -> list[dict[str, object]]:
        with self._lock:
            process = self._ensure_process()
            self._request_id += 1
            assert process.stdin is not None and process.stdout is not None
            try:
                process.stdin.write(json.dumps({"id": self._request_id, "items": batch}) + "\n")
                process.stdin.flush()
                line = process.stdout.readline()
            except (BrokenPipeError, OSError) as err:
                self._fail(f"KaTeX 渲染进程意外退出：{err}")
            if not line:
                self._fail("KaTeX 渲染进程意外退出")
            answer = json.loads(line)
            if answer.get("id") != self._request_id or len(answer.get("results", [])) != len(batch):
                self._fail(f"KaTeX 渲染进程答非所问：{line[:200]}")
            self.stats["batches"] += 1
            return answer["results"]

    def _ensure_process(self) -> subprocess.Popen[str]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        node = shutil.which("node")
        if node is None:
            raise KatexUnavailable("找不到 node：请安装 Node.js 18 以上版本，再运行 make setup")
        katex_dir()  # fail early with the npm hint when the package is missing
        self._process = subprocess.Popen(
            [node, str(SERVER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )
        self.stats["processes"] += 1
        assert self._process.stdout is not None
        ready = self._process.stdout.readline()
        if not ready:
            self._fail("KaTeX 渲染进程无法启动")
        return self._process

    def _fail(self, message: str) -> None:
        detail = ""
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None
            self._stderr.seek(0)
            detail = self._stderr.read().strip()[-2000:]
        raise KatexUnavailable(f"{message}\n{detail}".strip())

    def close(self) -> None:
        """Stop the Node process (it is started again on the next miss)."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.stdin:
            process.stdin.close()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()
