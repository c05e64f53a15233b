"""`make build` (python -m kb site): a failed build leaves the previous site/ exactly as it was."""
from __future__ import annotations

from pathlib import Path

from kb.build.publish import build_site
from tests.build.conftest import build_project


def _snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_failed_build_keeps_the_previous_site(tmp_path):
    project = tmp_path / "p"
    first = build_project(project, {"index.md": "# 首页\n\n正文。\n"})
    assert first.ok, first.errors
    config, site = project / "mkdocs.yml", project / "public"
    assert build_site(config, site) == 0
    before = _snapshot(site)
    assert "index.html" in before

    # a page the last check (after every page is written) refuses
    (project / "docs" / "bad.md").write_text("# 坏\n\n<svg onload=alert(1)></svg>\n", encoding="utf-8")
    assert build_site(config, site) == 1
    assert _snapshot(site) == before  # not emptied, and the rejected page is not in it
    assert not [p.name for p in project.iterdir() if p.name.startswith(".public-")]  # no half-built folder left

    # fixed: the new site replaces the old one
    (project / "docs" / "bad.md").write_text("# 好\n\n正文。\n", encoding="utf-8")
    assert build_site(config, site) == 0
    assert (site / "bad" / "index.html").is_file()
