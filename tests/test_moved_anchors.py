"""A question that moved to another topic, or a split group, is still reachable at its old URL."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from kb.errors import ConfigError
from kb.importer.build import build


def test_every_old_anchor_leads_to_the_question_now(built_site: Path, import_result):
    moved = import_result.mapping.moved
    assert {"r1-091", "r1-041", "mixed-precision", "quantization-speed-accuracy", "ethics-alignment"} <= set(moved)
    for old in moved.values():
        page = built_site / "topics" / old.topic / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.find(id=old.id) is None, f"{old.id} is still an id on {old.topic}"
        alias = soup.find("a", attrs={"name": old.id})  # what a browser scrolls to for #old-id
        assert alias is not None, f"topics/{old.topic}/#{old.id} leads nowhere"
        link = alias.find_next("a", href=re.compile(f"#{re.escape(old.to)}$"))
        assert link is not None and link.find_parent("p") is alias.find_parent("p"), f"#{old.id} names no new place"
        url = urlsplit(urljoin(f"http://site/topics/{old.topic}/", link["href"]))
        target = built_site / url.path.lstrip("/") / "index.html"
        assert url.fragment == old.to and BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=old.to)


def test_an_old_anchor_for_a_question_still_on_its_page_is_refused(tmp_path: Path, root: Path):
    for name in ("sources", "data"):
        shutil.copytree(root / name, tmp_path / name)
    shutil.copy(root / "mkdocs.yml", tmp_path)
    mapping = tmp_path / "data" / "mapping.yml"
    mapping.write_text(mapping.read_text(encoding="utf-8") + "  r1-001: {from: reasoning, to: r1-001}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="r1-001"):
        build(tmp_path)
