"""The Content-Security-Policy in Chromium: the real site works under it, injected script does not run.

Pages of the real build are opened over HTTP with every CSP violation recorded (console and the
securitypolicyviolation event); search, content tabs and the palette toggle are used. Then markup
the allow-list would refuse is written straight into a built page, as if the checks had been
bypassed, and the policy must stop it.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from tests.support.browser import serve_site

PAGES = ["", "topics/reasoning/", "notebooks/kv-cache/", "glossary/", "review/", "404.html"]
RECORD = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')));
"""


def open_page(browser, url: str):
    """A page with CSP violations recorded in ``page.__violations`` (console) and window.__csp (events)."""
    page = browser.new_page()
    page.add_init_script(RECORD)
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, console


def test_every_kind_of_page_runs_without_a_violation(built_site: Path, browser):
    with serve_site(built_site) as base:
        for path in PAGES:
            page, console = open_page(browser, f"{base}/{path}")
            assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1, path
            assert page.evaluate("window.__csp") == [] and console == [], (path, console)
            page.close()


def test_search_tabs_and_palette_work_under_the_policy(built_site: Path, browser):
    with serve_site(built_site) as base:
        page, console = open_page(browser, f"{base}/topics/reasoning/")
        # content tabs: the second label shows the second panel
        tabs = page.locator(".tabbed-set").first
        tabs.locator("label").nth(1).click()
        assert tabs.locator(".tabbed-block").nth(1).is_visible()
        assert not tabs.locator(".tabbed-block").nth(0).is_visible()
        # palette toggle: the scheme changes and is remembered by the theme's inline script
        before = page.get_attribute("body", "data-md-color-scheme")
        page.locator("form[data-md-component=palette] label:visible").first.click()
        page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') !== s", arg=before)
        # search: results come from the site's own index
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("KV缓存", delay=20)
        page.wait_for_selector(".md-search-result__item")
        assert page.locator(".md-search-result__item").count() > 0
        assert page.evaluate("window.__csp") == [] and console == [], console


def test_injected_handlers_and_scripts_are_blocked(built_site: Path, browser, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    target = site / "topics" / "moe" / "index.html"
    html = target.read_text(encoding="utf-8")
    injected = (
        '<img src="data:," onerror="window.__pwned = 1">'
        '<svg onload="window.__pwned = 2"></svg>'
        "<script>window.__pwned = 3</script>"
        '<a id="evil" href="javascript:window.__pwned = 4">x</a>'
        '<form action="https://example.org/"><input name="p"><button id="send">发送</button></form>'
    )
    target.write_text(html.replace("</article>", injected + "</article>", 1), encoding="utf-8")
    with serve_site(site) as base:
        page, _ = open_page(browser, f"{base}/topics/moe/")
        page.click("#evil")
        page.click("#send", no_wait_after=True)
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned") is None
        assert page.url.startswith(base)  # the form did not send the reader away
        violations = " ".join(page.evaluate("window.__csp"))
        assert "script-src" in violations and "form-action" in violations
