"""No Ctrl+F miss on the real site: any string cut from a section finds that section."""
from __future__ import annotations

import random
from pathlib import Path

from kb.search.engine import Engine
from kb.search.index import INDEX_FILE, load_js
from kb.search.normalize import compact


def test_random_strings_from_sections_find_their_section(built_site: Path):
    index = load_js(built_site / INDEX_FILE)
    engine = Engine(index)
    rng = random.Random(20240601)
    sections = [i for i, s in enumerate(index["sections"]) if len(s[3]) > 12]
    misses = []
    for i in rng.sample(sections, min(150, len(sections))):
        text = index["sections"][i][3]
        size = rng.randint(2, 10)
        start = rng.randrange(0, len(text) - size)
        piece = text[start : start + size]
        if len(compact(piece)) < 2:
            continue
        owner = index["sections"][i][4] if index["sections"][i][4] >= 0 else i
        found = {h.section for h in engine.search(piece)}
        if owner not in found:
            misses.append((piece, index["sections"][i][1]))
    assert not misses, misses[:5]


def test_every_section_finds_itself_by_its_title(built_site: Path):
    index = load_js(built_site / INDEX_FILE)
    engine = Engine(index)
    for i, s in enumerate(index["sections"]):
        if s[1] and len(compact(s[2])) >= 2:
            owner = s[4] if s[4] >= 0 else i
            assert owner in {h.section for h in engine.search(s[2])}, s[2]
