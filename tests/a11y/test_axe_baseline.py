"""The comparison itself: a violation plain Material also has is allowed, a new one is reported."""
from __future__ import annotations

from tests.support.axe import Violation, beyond_baseline


def v(rule: str, target: str) -> Violation:
    return Violation(rule, target, "<a>", "")


def test_only_what_plain_material_lacks_is_reported() -> None:
    plain = {"topics/a/": [v("color-contrast", ".md-copyright"), v("link-in-text-block", "p > a")]}
    ours = {
        "topics/a/": [v("link-in-text-block", "p > a"), v("color-contrast", ".kb-related small")],
        "glossary/": [v("color-contrast", ".md-copyright"), v("link-in-text-block", "p > a")],
    }
    problems = beyond_baseline(ours, plain)
    assert len(problems) == 1 and ".kb-related small" in problems[0]
