"""lighten(): mkdocs-jupyter's inline CSS, clipboard element and cell tab stops go; code becomes theme code blocks."""
from __future__ import annotations

from pathlib import Path

from kb.build.features.notebooks import CONVERT
from kb.notebooks.lighten import leftovers, lighten

ROOT = Path(__file__).resolve().parents[3]


def _converted() -> str:
    from mkdocs_jupyter import convert

    return convert.nb2html(str(ROOT / "docs" / "notebooks" / "kv-cache.ipynb"), **CONVERT)


def test_a_real_conversion_is_lightened_completely() -> None:
    raw = _converted()
    assert "<style" in raw and "<clipboard-copy" in raw and "['pre { line-height" in raw  # what mkdocs-jupyter writes
    assert leftovers(raw)
    light = lighten(raw)
    assert not leftovers(light)
    assert len(light) < len(raw) / 4
    assert light.count('<div class="highlight hl-python"><pre><span></span><code>') == raw.count('class="highlight-ipynb')
    assert 'class="jp-Cell-inputWrapper" tabindex' not in light
    assert 'tabindex="0" role="region" aria-label="运行结果 1"' in light
    assert "jp-OutputArea-output" in light and "<img" in light  # outputs and plots stay


def test_other_scripts_stay() -> None:
    html = '<script>console.log("keep")</script><script>customElements.define("clipboard-copy", C)</script>'
    assert lighten(html) == '<script>console.log("keep")</script>'
