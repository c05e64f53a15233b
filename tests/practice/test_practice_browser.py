"""Practice mode in Chromium, on the real build: over HTTP, and from file:// with the network off.

Each test starts from a fresh browser profile (a new context) unless it says otherwise; the clock
is Playwright's fake clock wherever days matter. No request may leave the site.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.support.browser import files_only, serve_site

ROOT = Path(__file__).resolve().parents[2]
KEY = "kb-practice"
DAY0 = datetime(2025, 3, 3, 10, 0)
MOE_SINGLE = "basics-022"  # an answered question on topics/moe (its own h2)
MOE_GROUP = "moe-definition"  # a group on topics/moe: basics-005 and basics-023 answer it
GROUP_MEMBERS = ("basics-005", "basics-023")


@pytest.fixture(scope="module")
def site(built_site: Path) -> Iterator[str]:
    with serve_site(built_site) as base:
        yield base


@contextmanager
def profile(browser, base: str, **options):
    """A fresh browser profile that fails the test on any script error or any request off the site."""
    context = browser.new_context(accept_downloads=True, **options)
    problems: list[str] = []
    context.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:")) else problems.append(r.url))
    context.on("page", lambda p: p.on("pageerror", lambda e: problems.append(f"script error: {e}")))
    try:
        yield context
    finally:
        context.close()
    assert not problems, problems


def stored(page) -> dict:
    text = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(text)["cards"] if text else {}


def switch_on(page) -> None:
    switch = page.locator("button.kb-practice-switch")
    switch.click()
    assert switch.get_attribute("aria-checked") == "true"


def top_of(page, card: str):
    """The 显示答案 bar of a card on a topic or bank page."""
    return page.locator(f".kb-practice-top:has(+ div.kb-answer[data-kb-card='{card}']), "
                        f"[id='{card}'] ~ .kb-practice-top").first


def bottom_of(page, card: str):
    return page.locator(f"div.kb-answer[data-kb-card='{card}'] + .kb-practice-bottom")


def reveal_and_rate(page, card: str, label: str) -> None:
    top_of(page, card).locator("button.kb-practice-reveal").click()
    bottom = bottom_of(page, card)
    bottom.get_by_role("button", name=label, exact=True).click()
    bottom.locator(".kb-practice-message").filter(has_text=f"已记录“{label}”").wait_for()


def stat(page, name: str) -> int:
    return int(page.locator(f".kb-practice-n-{name}").first.inner_text())


def answers_hidden(page) -> list[bool]:
    return page.eval_on_selector_all("div.kb-answer", "ds => ds.map(d => d.hidden && d.offsetParent === null)")


def test_reveal_rate_and_reload_keeps_progress(browser, site: str):
    with profile(browser, site) as context:
        page = context.new_page()
        page.goto(f"{site}/topics/moe/")
        answer = page.get_by_text("常见的语言模型开发主要依赖于")
        assert answer.is_visible() and page.locator(".kb-practice-reveal").count() == 0  # reading mode
        switch_on(page)
        assert all(answers_hidden(page)) and not answer.is_visible()
        assert page.locator(".kb-practice-bottom:visible").count() == 0

        top_of(page, MOE_SINGLE).locator("button.kb-practice-reveal").click()
        assert answer.is_visible()
        assert top_of(page, MOE_SINGLE).locator("button.kb-practice-reveal").get_attribute("aria-expanded") == "true"
        bottom_of(page, MOE_SINGLE).get_by_role("button", name="模糊", exact=True).click()
        bottom_of(page, MOE_SINGLE).get_by_text("已记录“模糊”，下次复习：").wait_for()
        reveal_and_rate(page, MOE_GROUP, "不会")
        cards = stored(page)
        assert cards[MOE_SINGLE]["grade"] == 2
        assert cards[GROUP_MEMBERS[0]] == cards[GROUP_MEMBERS[1]] and cards[GROUP_MEMBERS[0]]["grade"] == 3
        assert MOE_GROUP not in cards  # progress is kept under the stable source question ids

        page.reload()
        assert page.locator("button.kb-practice-switch").get_attribute("aria-checked") == "true"
        assert all(answers_hidden(page))
        assert (stat(page, "practised"), stat(page, "due"), stat(page, "unknown")) == (2, 0, 1)
        assert top_of(page, MOE_SINGLE).locator(".kb-practice-state").inner_text().startswith("上次：模糊 · 下次 ")

        page.locator("button.kb-practice-switch").click()  # off again: every answer is back
        assert not any(answers_hidden(page)) and answer.is_visible()
        assert page.locator(".kb-practice-top").count() == 0


def test_keyboard_reveals_rates_and_moves_between_questions(browser, site: str):
    with profile(browser, site) as context:
        page = context.new_page()
        page.goto(f"{site}/topics/moe/")
        switch_on(page)
        page.locator("h1").click()  # focus on the page, not on a button
        page.keyboard.press("Space")
        assert not page.locator(f"div.kb-answer[data-kb-card='{MOE_GROUP}']").first.is_hidden()
        page.keyboard.press("1")
        bottom_of(page, MOE_GROUP).last.get_by_text("已记录“会”").wait_for()
        page.keyboard.press("j")
        focused = page.evaluate("document.activeElement.closest('.kb-practice-top').nextElementSibling.dataset.kbCard")
        assert focused == MOE_SINGLE
        page.keyboard.press("Space")  # on the focused 显示答案 button: the button's own action
        assert page.locator(f"div.kb-answer[data-kb-card='{MOE_SINGLE}']").is_visible()
        page.keyboard.press("3")
        bottom_of(page, MOE_SINGLE).get_by_text("已记录“不会”").wait_for()
        page.keyboard.press("k")
        assert page.evaluate("document.activeElement.closest('.kb-practice-top').classList.contains('kb-practice-active')")
        assert top_of(page, MOE_GROUP).locator("button.kb-practice-reveal").evaluate("b => b === document.activeElement")
        before = stored(page)
        assert before[GROUP_MEMBERS[0]]["grade"] == 1 and before[MOE_SINGLE]["grade"] == 3

        page.locator("input.md-search__input").click()
        page.keyboard.type("2")  # typed into the search box: not a rating
        page.keyboard.press("Escape")
        assert stored(page) == before


def test_review_page_shows_exactly_the_questions_due_after_a_day(browser, site: str):
    with profile(browser, site) as context:
        context.clock.install(time=DAY0)
        page = context.new_page()
        page.goto(f"{site}/topics/moe/")
        switch_on(page)
        reveal_and_rate(page, MOE_SINGLE, "不会")
        reveal_and_rate(page, MOE_GROUP, "会")
        page.goto(f"{site}/practice/")
        page.get_by_text("今天没有到期的题。").wait_for()
        page.get_by_text("下一道题 明天到期。").wait_for()

        context.clock.set_system_time(DAY0 + timedelta(days=1))
        page.goto(f"{site}/practice/")
        page.get_by_text("今天到期 1 题，来自 1 个主题。").wait_for()
        listed = page.eval_on_selector_all(".kb-practice-due-list li a", "as => as.map(a => a.getAttribute('href'))")
        assert listed == [f"../topics/moe/#{MOE_SINGLE}"]
        nav = page.locator(".md-nav--primary a.md-nav__link[href$='topics/moe/'] .kb-practice-navdue")
        assert nav.text_content() == "（1 题今天到期）" and nav.is_visible()

        page.get_by_role("button", name="开始复习（1 题）").click()
        card = page.locator(".kb-practice-card")
        assert "如何解决模型规模过大导致的难以扩展问题" in card.locator(".kb-practice-title").inner_text()
        assert card.locator(".kb-practice-body").is_hidden()
        page.keyboard.press("Space")
        assert card.locator(".kb-practice-body").is_visible()
        page.keyboard.press("2")
        page.get_by_text("今天到期的 1 题复习完了。").wait_for()
        assert stored(page)[MOE_SINGLE]["grade"] == 2 and stored(page)[MOE_SINGLE]["reps"] == 2

        page.goto(f"{site}/")
        assert stat(page, "due") == 0 and stat(page, "practised") == 2
        # the day the later of the two is due, both are
        later = max(datetime.fromisoformat(r["due"].replace("Z", "+00:00")) for r in stored(page).values())
        context.clock.set_system_time(later.replace(tzinfo=None) + timedelta(minutes=1))
        page.goto(f"{site}/")
        assert stat(page, "due") == 2
        assert page.locator(".kb-practice-col").filter(has_text="到期 2").count() == 1  # the 混合专家 row


def test_export_then_import_into_a_fresh_profile(browser, site: str, tmp_path: Path):
    with profile(browser, site) as first:
        page = first.new_page()
        page.goto(f"{site}/topics/moe/")
        switch_on(page)
        reveal_and_rate(page, MOE_SINGLE, "会")
        reveal_and_rate(page, MOE_GROUP, "模糊")
        page.goto(f"{site}/bank/")  # practice mode is remembered
        reveal_and_rate(page, "bank-008", "不会")  # an open question (待补充)
        mine = stored(page)
        page.goto(f"{site}/practice/")
        with page.expect_download() as download:
            page.get_by_role("button", name="导出进度").click()
        exported = tmp_path / download.value.suggested_filename
        download.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "llm-interview-kb/practice" and data["version"] == 1
    assert data["cards"] == mine and set(mine) == {MOE_SINGLE, *GROUP_MEMBERS, "bank-008"}

    with profile(browser, site) as second:
        page = second.new_page()
        page.goto(f"{site}/practice/")
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name="导入进度").click()
        chooser.value.set_files(str(exported))
        page.get_by_text("新增 4 条，更新 0 条").wait_for()
        assert stored(page) == mine
        page.goto(f"{site}/topics/moe/")
        assert (stat(page, "practised"), stat(page, "unknown")) == (2, 0)
        page.goto(f"{site}/bank/")
        assert (stat(page, "practised"), stat(page, "unknown")) == (1, 1)


def rated_one_on_the_review_page(context, site: str):
    """A profile that has rated one question 会, now on the 复习 page."""
    page = context.new_page()
    page.goto(f"{site}/topics/moe/")
    switch_on(page)
    reveal_and_rate(page, MOE_SINGLE, "会")
    page.goto(f"{site}/practice/")
    return page


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{ this is not json", "不是有效的 JSON"),
        (b'{"deck": "anki", "notes": []}', "这不是本站导出的练习进度文件"),
        (
            json.dumps({"format": "llm-interview-kb/practice", "version": 1,
                        "cards": {"r1-001": {"due": "tomorrow", "grade": 1}}}).encode(),
            "没有导入任何内容",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "不是有效的 JSON"),
    ],
)
def test_a_corrupt_or_foreign_import_is_refused_and_changes_nothing(browser, site: str, content: bytes, message: str):
    with profile(browser, site) as context:
        page = rated_one_on_the_review_page(context, site)
        before = page.evaluate(f"localStorage.getItem('{KEY}')")
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name="导入进度").click()
        chooser.value.set_files({"name": "进度.json", "mimeType": "application/json", "buffer": content})
        alert = page.locator(".kb-practice-transfer [role=alert]")
        alert.filter(has_text=message).wait_for()
        assert alert.inner_text().startswith("没有导入“进度.json”：")
        assert page.evaluate(f"localStorage.getItem('{KEY}')") == before


def test_clearing_progress_asks_first(browser, site: str):
    with profile(browser, site) as context:
        page = rated_one_on_the_review_page(context, site)
        asked: list[str] = []

        def answer(accept: bool):
            def handle(dialog):
                asked.append(dialog.message)
                dialog.accept() if accept else dialog.dismiss()
            return handle

        page.once("dialog", answer(False))
        page.get_by_role("button", name="清除进度").click()
        page.get_by_text("没有清除。").wait_for()
        assert stored(page) and "1 条记录" in asked[0]
        page.once("dialog", answer(True))
        page.get_by_role("button", name="清除进度").click()
        page.get_by_text("练习进度已清除。").wait_for()
        assert stored(page) == {} and len(asked) == 2
        assert stat(page, "practised") == 0


def test_offline_zip_from_disk_with_the_network_off(browser, offline_site: Path):
    context = browser.new_context(offline=True)
    refused = files_only(context)
    failed: list[str] = []
    errors: list[str] = []

    page = context.new_page()
    # a load the page itself cancelled by moving on (the favicon while a link is followed) is not a
    # missing file: that fails as net::ERR_FILE_NOT_FOUND
    page.on("requestfailed", lambda r: None if r.failure == "net::ERR_ABORTED" else failed.append(f"{r.url} {r.failure}"))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((offline_site / "topics" / "moe.html").as_uri())
    switch_on(page)
    reveal_and_rate(page, MOE_SINGLE, "模糊")
    page.get_by_role("link", name="抽一题").click()
    page.wait_for_url("**/practice.html#draw=moe")
    card = page.locator(".kb-practice-card")
    card.wait_for()
    card.get_by_role("button", name="显示答案").click()
    card.get_by_role("button", name="会", exact=True).click()
    card.get_by_text("已记录“会”").wait_for()
    link = card.get_by_role("link", name="在原页面查看").get_attribute("href")
    assert link.startswith(("topics/", "bank.html#")), link
    page.goto((offline_site / "index.html").as_uri())
    assert stat(page, "practised") == 2
    context.close()
    assert not refused and not failed and not errors, (refused, failed, errors)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_width_has_no_horizontal_scroll(browser, site: str, scheme: str):
    with profile(browser, site, viewport={"width": 390, "height": 844}, color_scheme=scheme, has_touch=True) as context:
        page = context.new_page()
        page.goto(f"{site}/topics/moe/")
        switch_on(page)
        top_of(page, MOE_SINGLE).locator("button.kb-practice-reveal").tap()
        bottom_of(page, MOE_SINGLE).get_by_role("button", name="不会", exact=True).tap()
        bottom_of(page, MOE_SINGLE).get_by_text("已记录“不会”").wait_for()
        views = {"topic": page.evaluate("[document.documentElement.scrollWidth, innerWidth]")}
        for name, url in [("bank", "/bank/"), ("home", "/"), ("review", "/practice/"), ("draw", "/practice/#draw=all")]:
            page.goto(site + url)
            if name == "draw":
                page.locator(".kb-practice-card button.kb-practice-reveal").tap()
            views[name] = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert all(width <= inner for width, inner in views.values()), views


def test_without_javascript_every_answer_stays_visible(browser, site: str):
    with profile(browser, site, java_script_enabled=False) as context:
        page = context.new_page()
        page.goto(f"{site}/topics/moe/")
        assert page.locator("div.kb-answer").count() == 3
        assert all(page.locator("div.kb-answer").nth(i).is_visible() for i in range(3))
        assert page.get_by_text("常见的语言模型开发主要依赖于").is_visible()
        assert page.locator(".kb-practice-bar, .kb-practice-top").count() == 0
        page.goto(f"{site}/bank/")
        assert page.locator("div.kb-answer:visible").count() == page.locator("div.kb-answer").count() == 200
        page.goto(f"{site}/practice/")
        assert page.get_by_text("复习需要浏览器启用 JavaScript").is_visible()


CONTRAST = """
() => {
  const rgba = (c) => { const v = c.match(/[\\d.]+/g).map(Number); return v.length === 3 ? [...v, 1] : v; };
  const over = (top, under) => top.slice(0, 3).map((x, i) => x * top[3] + under[i] * (1 - top[3]));
  const backdrop = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reverse().reduce((acc, c) => over(c, acc), [255, 255, 255]);
  };
  const lum = (rgb) => {
    const [r, g, b] = rgb.map((x) => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const out = [];
  const sel = ['.kb-practice-bar *', '.kb-practice-top *', '.kb-practice-bottom *', '.kb-practice-navdue',
               '.kb-practice-card .kb-practice-where', '.kb-practice-chip'].join(', ');
  for (const el of document.querySelectorAll(sel)) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const bg = backdrop(el);
    const fg = over(rgba(getComputedStyle(el).color), bg);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    out.push([el.className || el.tagName, el.textContent.trim().slice(0, 12), (a + 0.05) / (b + 0.05)]);
  }
  return out;
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_controls_are_named_buttons_with_visible_focus_and_aa_contrast(browser, site: str, scheme: str):
    with profile(browser, site, color_scheme=scheme) as context:
        context.clock.install(time=DAY0)
        page = context.new_page()
        page.goto(f"{site}/topics/moe/")
        switch_on(page)
        reveal_and_rate(page, MOE_SINGLE, "模糊")
        bottom_of(page, MOE_SINGLE).get_by_role("button", name="不会", exact=True).click()  # changes the rating
        bottom_of(page, MOE_SINGLE).get_by_text("已记录“不会”").wait_for()
        assert stored(page)[MOE_SINGLE]["reps"] == 1 and stored(page)[MOE_SINGLE]["grade"] == 3  # not a second review
        reveal_and_rate(page, MOE_GROUP, "会")
        context.clock.set_system_time(DAY0 + timedelta(days=1))
        page.reload()
        assert page.locator(".kb-practice-navdue:visible").count() >= 2  # the topic and 复习
        nameless = page.eval_on_selector_all(
            ".kb-practice-bar button, .kb-practice-top button, .kb-practice-bottom button",
            "bs => bs.filter(b => !(b.getAttribute('aria-label') || b.textContent).trim()).length",
        )
        assert nameless == 0
        assert page.get_by_role("switch", name="练习模式").count() == 1
        top_of(page, MOE_SINGLE).locator("button.kb-practice-reveal").click()
        low = [c for c in page.evaluate(CONTRAST) if c[2] < 4.5]
        assert not low, low
        page.locator("h1").click()
        for _ in range(30):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('kb-practice-switch')"):
                break
        outline = page.evaluate("(s => [s.outlineStyle, parseFloat(s.outlineWidth)])(getComputedStyle(document.activeElement))")
        assert outline[0] != "none" and outline[1] >= 2
        page.goto(f"{site}/practice/#draw=moe")
        page.locator(".kb-practice-card button.kb-practice-reveal").click()
        low = [c for c in page.evaluate(CONTRAST) if c[2] < 4.5]
        assert not low, low


def test_damaged_stored_progress_is_reported_and_never_overwritten_until_cleared(browser, site: str):
    with profile(browser, site) as context:
        page = context.new_page()
        page.goto(f"{site}/topics/moe/")
        page.evaluate(f"localStorage.setItem('{KEY}', '{{oops')")
        page.reload()
        page.locator(".kb-practice-bar [role=alert]").filter(has_text="本浏览器里保存的练习进度已损坏").wait_for()
        switch_on(page)
        top_of(page, MOE_SINGLE).locator("button.kb-practice-reveal").click()
        bottom_of(page, MOE_SINGLE).get_by_role("button", name="会", exact=True).click()
        bottom_of(page, MOE_SINGLE).get_by_text("评分没有保存：本浏览器里保存的练习进度已损坏").wait_for()
        assert page.evaluate(f"localStorage.getItem('{KEY}')") == "{oops"
        page.goto(f"{site}/practice/")
        page.once("dialog", lambda d: d.accept())
        page.get_by_role("button", name="清除进度").click()
        page.get_by_text("练习进度已清除。").wait_for()
        page.goto(f"{site}/topics/moe/")
        reveal_and_rate(page, MOE_SINGLE, "会")
        assert stored(page)[MOE_SINGLE]["grade"] == 1
