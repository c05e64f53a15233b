"""At a phone's width (390 px, phone user agent) nothing on any page runs past the screen's edge.

Wide formulas, tables, code and printed output scroll inside their own boxes; nothing is cut off
by a box that hides what overflows it (tests/support/phone.py says exactly what is measured).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.a11y.conftest import site_pages
from tests.support.phone import PHONE, WIDTH, measure, overflow


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def test_no_page_is_wider_than_a_phone(phone, site_url: str, built_site: Path) -> None:
    pages = site_pages(built_site)
    assert len(pages) > 30 and "topics/pretraining/" in pages and "notebooks/kv-cache/" in pages
    problems = []
    for path in pages:
        found = overflow(phone, f"{site_url}/{path}")
        if found.offenders:
            cut = "（被裁掉，无法滚动查看）"
            shown = "\n      ".join(f"{o['path']} → {o['right']} px{cut if o['cut'] else ''}" for o in found.offenders[:5])
            problems.append(f"/{path}: 最宽处 {found.max_right} px > {WIDTH} px\n      {shown}")
    assert not problems, "手机宽度下超出屏幕的元素：\n  " + "\n  ".join(problems)


def test_the_check_sees_overflow_and_clipping(phone, site_url: str) -> None:
    """The measurement itself: a wide block is reported, in a scroll box it is not, clipped it is."""
    url = f"{site_url}/topics/pretraining/"
    assert not overflow(phone, url).offenders
    article = "document.querySelector('.md-content article')"
    wide = "<div style='width:600px;height:10px'></div>"
    cases = {
        "plain": (wide, 1),
        "scrolls": (f"<div style='overflow-x:auto'>{wide}</div>", 0),
        "clipped": (f"<div style='overflow:hidden'>{wide}</div>", 1),
    }
    for name, (markup, expected) in cases.items():
        phone.goto(url, wait_until="load")
        phone.evaluate(f"{article}.insertAdjacentHTML('beforeend', {markup!r})")
        reported = measure(phone).offenders
        assert len(reported) == expected, (name, reported)
