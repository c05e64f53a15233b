"""Notebook pages in Chromium: the plots show, and nothing is fetched from another host."""
from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.notebooks.build import sources

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = [s.stem for s in sources(ROOT)]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(built_site: Path) -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(built_site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_page_shows_plots_offline(browser: object, server: str, name: str, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{server}/notebooks/{name}/", wait_until="networkidle")

    widths = page.evaluate("Array.from(document.querySelectorAll('.jp-OutputArea-output img')).map(i => i.naturalWidth)")
    assert widths and all(w > 200 for w in widths), widths
    first_plot = page.locator(".jp-OutputArea-output img").first
    first_plot.scroll_into_view_if_needed()
    assert first_plot.is_visible()
    assert page.locator("h1").first.is_visible()
    page.screenshot(path=str(tmp_path / f"{name}.png"))

    foreign = [u for u in requests if not u.startswith(server) and not u.startswith("data:")]
    assert not foreign, foreign
    assert not errors, errors
    page.close()
