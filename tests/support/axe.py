"""axe-core (pinned in package-lock.json) run in Chromium on built pages, in the light or the dark scheme.

The site follows the reader's system scheme (mkdocs.yml palette `media`), so the dark scheme is the
page loaded with `prefers-color-scheme: dark`. Results are reduced to what comparisons need: per rule,
the nodes (CSS target and a short HTML excerpt).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCHEMES = ("light", "dark")


@dataclass(frozen=True)
class Violation:
    rule: str
    target: str
    html: str
    summary: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.target}  {self.html[:160]}\n      {self.summary[:300]}"


def new_context(browser, scheme: str):
    """A desktop browser context in ``scheme``; CSP is bypassed only so that axe itself can be injected."""
    return browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme, bypass_csp=True)


def run_axe(page, url: str) -> list[Violation]:
    """Every axe violation on ``url`` (WCAG 2.x A/AA and best practices), once the page has settled."""
    page.goto(url, wait_until="load")
    page.wait_for_timeout(150)  # the theme's scripts finish drawing (palette, tabs, code copy buttons)
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => v.nodes.map(n => ({
                rule: v.id, target: n.target.join(' '), html: n.html, summary: n.failureSummary || ''})));
        }"""
    )
    return [Violation(**node) for rule in results for node in rule]


def site_violations(browser, site_url: str, pages: list[str], scheme: str) -> dict[str, list[Violation]]:
    """``{page: violations}`` for every page of a served site in ``scheme``."""
    context = new_context(browser, scheme)
    page = context.new_page()
    try:
        return {path: run_axe(page, f"{site_url}/{path}") for path in pages}
    finally:
        context.close()


def _theme_target(target: str) -> str:
    """A target with the ids the theme derives from the content (``#__code_3``) made alike."""
    return re.sub(r"#__code_\S+", "#__code_*", target)


def beyond_baseline(ours: dict[str, list[Violation]], plain: dict[str, list[Violation]]) -> list[str]:
    """Our violations that plain Material does not also have: same rule on the same element (CSS target)
    of the same page, or, for the theme's chrome, of any page (pages only we make have no twin)."""
    anywhere = {(v.rule, _theme_target(v.target)) for found in plain.values() for v in found}
    problems = []
    for path, found in ours.items():
        same_page = {(v.rule, v.target) for v in plain.get(path, [])}
        for v in found:
            if (v.rule, v.target) not in same_page and (v.rule, _theme_target(v.target)) not in anywhere:
                problems.append(f"/{path}  {v}")
    return problems
