"""Chromium for browser tests: Debian's /usr/bin/chromium driven by Playwright, and a local server.

Tests skip (with the reason) when chromium or Playwright is missing; `make test` installs
chromium when it runs as root.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def require_browser() -> None:
    if not CHROMIUM.exists():
        pytest.skip("没有 /usr/bin/chromium（apt-get install -y chromium），跳过浏览器测试")
    pytest.importorskip("playwright.sync_api", reason="没有安装 playwright（pip install -r requirements.txt）")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve_site(site: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 (a free port) for the duration; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def start_browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def files_only(context) -> list[str]:
    """Let the context load file: URLs only; returns the list that collects every other URL it asked for."""
    refused: list[str] = []

    def route(request_route) -> None:
        if request_route.request.url.startswith("file:"):
            request_route.continue_()
        else:
            refused.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    return refused
