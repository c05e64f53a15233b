"""`mkdocs serve` with the plugin: a change under data/ or the theme overrides is rebuilt and shown,
and a browser asking for a missing page while the site is being rebuilt does not fail the rebuild."""
from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

from kb.build.serve import quiet_missing_pages, watched_paths
from tests.build.conftest import write_files

GLOSSARY = """\
terms:
  - id: kv-cache
    term: KV Cache
    category: 注意力
    definition: {definition}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def _wait_for(url: str, needle: str, seconds: float = 120) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            status, body = _get(url)
            if status == 200 and needle in body:
                return body
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {needle!r}")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write_files(tmp_path, {
        "docs/index.md": "# 首页\n\n正文提到 KV Cache。\n",
        "data/glossary.yml": GLOSSARY.format(definition="第一版定义。"),
        "overrides/main.html": '{% extends "base.html" %}\n{% block footer %}<p>页脚第一版</p>{% endblock %}\n',
    })
    config = {"site_name": "测试", "site_url": "https://example.org/kb/", "strict": True,
              "theme": {"name": "mkdocs", "custom_dir": "overrides", "highlightjs": False},  # no CDN
              "plugins": ["kb"], "markdown_extensions": ["attr_list", {"toc": {"permalink": True}}]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return tmp_path


def test_serve_rebuilds_on_data_and_theme_changes_and_survives_a_404_during_a_rebuild(project: Path):
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    base = f"http://127.0.0.1:{port}/kb/"
    misses: list[int] = []
    stop = threading.Event()

    def ask_for_missing_pages() -> None:  # a browser asking for /favicon.ico and the like, all the time
        while not stop.is_set():
            misses.append(_get(f"http://127.0.0.1:{port}/favicon.ico")[0])
            time.sleep(0.05)

    try:
        _wait_for(base + "glossary/", "第一版定义。")
        asking = threading.Thread(target=ask_for_missing_pages, daemon=True)
        asking.start()
        (project / "data" / "glossary.yml").write_text(GLOSSARY.format(definition="第二版定义。"), encoding="utf-8")
        _wait_for(base + "glossary/", "第二版定义。")
        stop.set()
        asking.join()
        assert misses and set(misses) == {404}
        (project / "overrides" / "main.html").write_text(
            '{% extends "base.html" %}\n{% block footer %}<p>页脚第二版</p>{% endblock %}\n', encoding="utf-8")
        _wait_for(base, "页脚第二版")
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Aborted" not in output and "An error happened during the rebuild" not in output, output[-3000:]


def test_a_404_logged_by_the_server_is_not_a_build_warning():
    quiet_missing_pages()
    counted: list[logging.LogRecord] = []

    class Count(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            counted.append(record)

    handler = Count(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        logging.getLogger("mkdocs.livereload").warning('"GET /missing/ HTTP/1.1" code 404')
        logging.getLogger("mkdocs.livereload").warning("something else")
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    assert [r.getMessage() for r in counted] == ["something else"]


def test_serve_watches_data_overrides_build_code_and_notebooks(root: Path):
    config = load_config(str(root / "mkdocs.yml"))
    watched = {p.relative_to(root).as_posix() for p in watched_paths(config, config.plugins["kb"].config)}
    assert {"data", "overrides", "kb", "notebooks"} <= watched


def test_serve_restarts_with_the_new_build_code_when_kb_changes(project: Path, tmp_path: Path):
    """A change under kb/ is a change of the build itself: serve starts again and loads it."""
    code, repo = tmp_path / "code", Path(__file__).resolve().parents[2]
    shutil.copytree(repo / "kb", code / "kb", ignore=shutil.ignore_patterns("__pycache__"))
    (code / "node_modules").symlink_to(repo / "node_modules")  # KaTeX, found next to the code
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(code)},  # this copy of kb is the build code
    )
    base = f"http://127.0.0.1:{port}/kb/"
    output = ""
    try:
        _wait_for(base + "glossary/", "第一版定义。")
        intro = code / "kb" / "links" / "glossary_page.py"
        intro.write_text(intro.read_text(encoding="utf-8").replace("本页收录大模型面试中常见的", "新代码：本页收录大模型面试中常见的"),
                         encoding="utf-8")
        _wait_for(base + "glossary/", "新代码：本页收录")
    except AssertionError as error:
        server.terminate()
        raise AssertionError(f"{error}\n{server.communicate(timeout=30)[0][-3000:]}") from None
    finally:
        if server.poll() is None:
            server.terminate()
            output = server.communicate(timeout=30)[0]
    assert "重新启动 mkdocs serve" in output, output[-3000:]
