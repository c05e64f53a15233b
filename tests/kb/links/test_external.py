"""`make linkcheck`: broken external links are listed with file and line (tested against a local server)."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kb.links.external import check, find_urls, main


class _Handler(BaseHTTPRequestHandler):
    def _answer(self) -> None:
        self.send_response(200 if self.path.startswith("/ok") else 404)
        self.end_headers()

    do_HEAD = _answer
    do_GET = _answer

    def log_message(self, *args) -> None:
        return


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_broken_links_are_listed_with_file_and_line(tmp_path, server):
    page = tmp_path / "a.md"
    page.write_text(f"# 标题\n\n[好]({server}/ok)\n\n坏链接：{server}/missing。\n\n```\n{server}/in-code\n```\n", encoding="utf-8")
    problems = check([tmp_path], timeout=5)
    assert problems == [f"{page.as_posix()}:5: {server}/missing — HTTP 404"]


def test_inline_code_urls_are_found_fenced_ones_ignored_and_punctuation_trimmed(tmp_path):
    page = tmp_path / "a.md"
    page.write_text("见 https://example.org/x。\n\n`https://example.org/code`\n\n```\nhttps://example.org/fence\n```\n", encoding="utf-8")
    assert set(find_urls([page])) == {"https://example.org/x", "https://example.org/code"}


def test_unreachable_host_is_reported_and_exit_code_is_one(tmp_path, capsys):
    page = tmp_path / "a.yml"
    page.write_text("url: http://127.0.0.1:9/nothing-listens-here\n", encoding="utf-8")
    assert main([str(page), "--timeout", "2"]) == 1
    assert f"{page.as_posix()}:1: http://127.0.0.1:9/nothing-listens-here — 无法访问" in capsys.readouterr().out
