"""Every bypass of issue 11, kept as data (tests/build/hostile/*.yml): each must fail the build at its file:line.

A case is a tiny project — docs pages, other files (data/, notebooks/) — built strictly by the whole
plugin like `mkdocs build`; every string under `expect` must appear in the build's errors.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.build.conftest import build_project

CASES = sorted((Path(__file__).parent / "hostile").glob("*.yml"))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_hostile_input_fails_the_build_at_its_source_line(case: Path, tmp_path):
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    result = build_project(tmp_path, spec["pages"], spec.get("files"))
    assert not result.ok, f"{spec['issue']}: the build passed"
    for expected in spec["expect"]:
        assert expected in result.errors, f"{spec['issue']}: `{expected}` not in\n{result.errors}"


def test_the_corpus_covers_the_issue():
    assert len(CASES) >= 20
