"""The real search box in Chromium: typed queries over HTTP, and from file:// with no network.

What the box shows must be what the engine ranks when the terminal runs it in Node; every
result counted must be reachable by scrolling, with no empty `?h=` in its links; strings
Chromium renders on a page must find their question; the offline build must search and
open results from disk with every request refused except file:// ones.
"""
from __future__ import annotations

import random
import time
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from kb.search.index import INDEX_FILE
from kb.search.node import run_queries
from tests.support.browser import files_only, serve_site

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ["KV缓存", "大模型幻觉", "MoE负载均衡", "GRPO优势函数", "LoRA", "transfomer", "deepseekv3"]
LONG = ["微调", "模型", "训练"]  # queries with 150 results or more: the first that has them is scrolled


def type_query(page, query: str) -> list[str]:
    """Type into the header search box; return each result's question link, in order."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=20)
    page.wait_for_function("q => window.__kbSearchLast === q", arg=query)
    return page.eval_on_selector_all(
        ".md-search-result__item",
        "items => items.map(li => { const a = li.querySelectorAll('a'); return a[a.length - 1].href; })",
    )


def location_of(href: str, base: str) -> str:
    """`http://host/topics/moe/?h=…#id` → `topics/moe/#id` (the engine's location form)."""
    parts = urlsplit(href)
    path = unquote(parts.path)[len(urlsplit(base).path):].lstrip("/")
    return f"{path}#{unquote(parts.fragment)}" if parts.fragment else path


def engine_locations(site: Path, queries: list[str]) -> list[list[str]]:
    return [[h["location"] for h in a["hits"]] for a in run_queries(site / INDEX_FILE, queries)]


def test_search_box_over_http_shows_the_engines_ranking(built_site: Path, browser):
    expected = engine_locations(built_site, QUERIES)
    with serve_site(built_site) as base:
        page = browser.new_page()
        page.goto(f"{base}/topics/moe/")
        for query, want in zip(QUERIES, expected, strict=True):
            shown = [location_of(h, base + "/") for h in type_query(page, query)]
            assert shown, query
            assert shown == want[: len(shown)], query
        assert page.evaluate("window.__kbSearchTimings.length") >= len(QUERIES)


def test_opened_result_highlights_the_query_on_the_page(built_site: Path, browser):
    """Material's highlighter (feature search.highlight) still marks `?h=` terms: it reads the
    config kept in search/search_index.json."""
    with serve_site(built_site) as base:
        page = browser.new_page()
        page.goto(f"{base}/topics/moe/?h=负载均衡")
        page.wait_for_selector("article mark:not(.kb-claim)", timeout=10_000)
        marks = page.eval_on_selector_all("article mark:not(.kb-claim)", "ms => ms.map(m => m.textContent)")
        page.close()
    assert marks and set(marks) == {"负载均衡"}, marks


def test_enter_opens_the_best_result(built_site: Path, browser):
    best = engine_locations(built_site, ["混合精度训练"])[0][0]
    with serve_site(built_site) as base:
        page = browser.new_page()
        page.goto(f"{base}/")
        type_query(page, "混合精度训练")
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url: "#" in url)
        assert location_of(page.url, base + "/") == best


def test_offline_build_searches_from_disk_with_the_network_off(offline_site: Path, browser):
    expected = engine_locations(offline_site, QUERIES[:3])
    context = browser.new_context(offline=True)
    refused = files_only(context)

    failed: list[str] = []
    page = context.new_page()
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto((offline_site / "topics" / "moe.html").as_uri())
    base = offline_site.as_uri() + "/"
    for query, want in zip(QUERIES[:3], expected, strict=True):
        shown = [location_of(h, base) for h in type_query(page, query)]
        assert shown == want[: len(shown)], query
        assert all(".html" in s or s == "index.html" for s in shown), shown
    assert not [u for u in failed if u.startswith("file:")], failed
    assert not [u for u in refused if "search" in u or "javascripts" in u or "stylesheets" in u], refused
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "#" in url)
    anchor = urlsplit(page.url).fragment
    assert page.locator(f"[id='{anchor}']").count() == 1
    context.close()


def test_text_chromium_renders_finds_its_question(built_site: Path, browser):
    """Ctrl+F in the browser: strings from a page's rendered text find the heading above them."""
    rng = random.Random(5)
    with serve_site(built_site) as base:
        page = browser.new_page()
        for slug in ("rl-alignment", "moe", "decoding", "safety"):
            page.goto(f"{base}/topics/{slug}/")
            page.locator("input.md-search__input").click()
            page.wait_for_function("window.__kbSearchIndex !== undefined")
            blocks = page.evaluate(
                """() => {
                    const heads = 'h2[id], h3[id]';
                    const out = [];
                    for (const el of document.querySelectorAll('article p, article li, article td')) {
                        const all = [...document.querySelectorAll('article ' + heads.split(', ').join(', article '))];
                        const before = all.filter(h => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
                        if (before.length && el.innerText.trim().length > 12)
                            out.push([before[before.length - 1].id, el.innerText.trim()]);
                    }
                    return out;
                }"""
            )
            for anchor, text in rng.sample(blocks, min(8, len(blocks))):
                size = rng.randint(3, 10)
                start = rng.randrange(0, len(text) - size)
                piece = text[start : start + size]
                found = page.evaluate(
                    """([piece, anchor]) => {
                        const engine = new KbSearch.Engine(window.__kbSearchIndex);
                        const s = engine.sections;
                        const hits = engine.search(piece).map(h => s[h.section][1]);
                        const own = s.findIndex(x => x[1] === anchor);
                        const owner = s[own][4] >= 0 ? s[s[own][4]][1] : anchor;
                        return hits.includes(owner);
                    }""",
                    [piece, anchor],
                )
                assert found, (slug, anchor, piece)


def scroll_to_the_end(page, total: int, jump: bool) -> int:
    """Scroll the results list to its end until nothing more appears; return how many items show."""
    items = page.locator(".md-search-result__item")
    last, since = -1, time.monotonic()
    while time.monotonic() - since < 5:  # stop when nothing more appears for 5 s
        if jump:  # the End key, a fast flick or the scroll bar: one scroll event, at the end
            page.evaluate("() => { const b = document.querySelector('.md-search__scrollwrap'); b.scrollTop = b.scrollHeight; }")
        else:
            page.mouse.wheel(0, 400)
        page.wait_for_timeout(20)
        count = items.count()
        if count != last:
            last, since = count, time.monotonic()
        if count >= total:
            break
    return items.count()


@pytest.mark.parametrize(("width", "height", "jump"), [(1280, 800, True), (1280, 800, False), (390, 844, True)])
def test_every_result_of_a_long_list_can_be_scrolled_to(built_site: Path, browser, width, height, jump):
    query = next(q for q, a in zip(LONG, run_queries(built_site / INDEX_FILE, LONG), strict=True) if a["total"] >= 150)
    want = engine_locations(built_site, [query])[0]
    with serve_site(built_site) as base:
        page = browser.new_page(viewport={"width": width, "height": height})
        # A slow machine: Material's list and our nudges then lag behind the reader's scrolling
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(f"{base}/")
        if width < 600:
            page.click("label[for=__search]")
        shown = type_query(page, query)
        assert page.inner_text(".md-search-result__meta").startswith(f"{len(want)} ")  # the count shown is the count reachable
        if not jump:
            page.hover(".md-search-result__list")
        assert scroll_to_the_end(page, len(want), jump) == len(want)
        links = page.eval_on_selector_all(".md-search-result__item a", "as => as.map(a => a.href)")
        shown = page.eval_on_selector_all(
            ".md-search-result__item",
            "items => items.map(li => { const a = li.querySelectorAll('a'); return a[a.length - 1].href; })",
        )
        page.close()
    assert [location_of(h, base + "/") for h in shown] == want
    assert all(parse_qs(urlsplit(h).query).get("h", [""])[0].strip() for h in links), "a result link has an empty ?h="


def test_a_query_without_results_offers_the_closest_spelling(built_site: Path, browser):
    with serve_site(built_site) as base:
        page = browser.new_page()
        page.goto(f"{base}/")
        type_query(page, "ppoo")  # a 4-letter word one insertion away from a term: suggested, not corrected
        page.wait_for_selector(".kb-search-suggest a")
        assert page.inner_text(".kb-search-suggest") == "你是不是要找：ppo"
        page.click(".kb-search-suggest a")
        page.wait_for_function("() => window.__kbSearchLast === 'ppo'")
        assert page.locator(".md-search-result__item").count() > 0
        assert page.locator(".kb-search-suggest").count() == 0
        page.close()
