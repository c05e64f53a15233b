"""A phone's view of a built page: what extends past the right edge of a 390 px screen.

Under mobile emulation Chromium widens the layout viewport to fit the content, so comparing the
document's scrollWidth with innerWidth misses overflow; every element's box is compared with 390 px
instead. An element that sits inside a box that scrolls sideways is fine when that box itself fits
(the box is checked like any element); one cut off by a box that hides overflow inside the content
is reported too (a formula that cannot be scrolled to).
"""
from __future__ import annotations

from dataclasses import dataclass

WIDTH = 390
PHONE = {
    "viewport": {"width": WIDTH, "height": 844},
    "user_agent": (
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
    ),
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 1,
}

_FIND = """(W) => {
  const describe = (el) => {
    const cls = (el.getAttribute('class') || '').trim().split(/\\s+/).slice(0, 3).join('.');
    return el.tagName.toLowerCase() + (cls ? '.' + cls : '') + (el.id ? '#' + el.id : '');
  };
  const path = (el) => {
    const parts = [];
    for (let a = el; a && a !== document.body && parts.length < 4; a = a.parentElement) parts.unshift(describe(a));
    return parts.join(' > ');
  };
  const found = [];
  const offending = new Set();
  let maxRight = 0;
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= W + 0.5) continue;
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;  // closed dialogs, tooltips
    if (el.closest('.katex-mathml')) continue;  // the MathML for screen readers, visually hidden by KaTeX
    let clip = el.parentElement;
    while (clip && clip !== document.body && getComputedStyle(clip).overflowX === 'visible') clip = clip.parentElement;
    let cut = false;
    if (clip && clip !== document.body) {
      const ox = getComputedStyle(clip).overflowX;
      if (ox === 'auto' || ox === 'scroll') continue;  // scrolls inside its own box (checked itself)
      if (!clip.closest('.md-content')) continue;      // the theme's clipped chrome (titles with ellipsis)
      if (clip.closest('.katex')) continue;            // KaTeX's own clipping of stretchy glyphs
      if (clip.getBoundingClientRect().right >= r.right) continue;
      cut = true;  // hidden overflow inside the content: cut off, cannot be scrolled to
    }
    maxRight = Math.max(maxRight, r.right);
    offending.add(el);
    // Report the outermost offenders only: a wide formula's hundred spans are one problem.
    let a = el.parentElement;
    while (a && !offending.has(a)) a = a.parentElement;
    if (!a) found.push({path: path(el), right: Math.round(r.right), cut});
  }
  return {maxRight: Math.round(maxRight), offenders: found.slice(0, 20)};
}"""


@dataclass(frozen=True)
class Overflow:
    max_right: int  # the right edge of the widest offending element (0 when nothing overflows)
    offenders: list[dict]


def measure(page) -> Overflow:
    """What on the loaded ``page`` extends past 390 px (or is cut off)."""
    result = page.evaluate(_FIND, WIDTH)
    return Overflow(result["maxRight"], result["offenders"])


def overflow(page, url: str) -> Overflow:
    """What on ``url`` extends past 390 px (or is cut off) once the page has drawn."""
    page.goto(url, wait_until="load")
    page.wait_for_timeout(100)
    return measure(page)
