"""Shared fixture: every notebook executed once from its source (the site build is tests/conftest.py's built_site)."""
from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest

from kb.notebooks.build import OUTPUT_DIR, execute, read_source, sources
from tests.conftest import shared

ROOT = Path(__file__).resolve().parents[2]

# Appended to a copy of each notebook: prints the numbers the notebook computed.
_DUMP = r'''
import json as _json
import numpy as _np
def _plain(v):
    if isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, _np.generic):
        return v.item()
    if isinstance(v, _np.ndarray) and v.dtype.kind in "biuf" and v.size <= 4096:
        return v.tolist()
    if isinstance(v, dict):
        out = {str(k): _plain(x) for k, x in v.items()}
        return out if all(x is not None for x in out.values()) else None
    if isinstance(v, (list, tuple)):
        out = [_plain(x) for x in v]
        return out if all(x is not None for x in out) else None
    return None
print("KB-NAMESPACE" + _json.dumps({k: _plain(v) for k, v in list(globals().items())
                                    if not k.startswith("_") and _plain(v) is not None}))
'''

NOTEBOOKS = [s.stem for s in sources(ROOT)]


class Executed:
    """A fresh execution of one notebook source: the notebook as it would be stored, and its variables."""

    def __init__(self, name: str) -> None:
        source = ROOT / "notebooks" / f"{name}.md"
        self.name = name
        self.stored = nbformat.read(ROOT / OUTPUT_DIR / f"{name}.ipynb", as_version=4)
        # Same steps as `python -m kb notebooks` (read_source + execute), plus one cell that dumps the namespace.
        nb = read_source(source)
        nb.cells.append(nbformat.v4.new_code_cell(_DUMP, id=f"{name}-dump"))
        executed = execute(nb, str(source.relative_to(ROOT)))
        dump = executed.cells.pop()
        text = "".join(o.get("text", "") for o in dump.outputs if o.output_type == "stream")
        self.fresh = executed
        self.ns = json.loads(text.split("KB-NAMESPACE", 1)[1])

    def outputs_text(self) -> str:
        """All text the stored notebook shows in its outputs."""
        parts = []
        for cell in self.stored.cells:
            for out in cell.get("outputs", []):
                parts.append(out.get("text", "") or out.get("data", {}).get("text/plain", ""))
        return "\n".join(parts)


def execute_all() -> dict[str, Executed]:
    """Every notebook executed from its source in a fresh kernel (two at a time: two cores)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(NOTEBOOKS, pool.map(Executed, NOTEBOOKS), strict=True))


@pytest.fixture(scope="session")
def executed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Executed]:
    """The notebooks executed once per test run, whichever worker asks first (tests/conftest.py: shared)."""
    return shared(tmp_path_factory, "executed-notebooks", execute_all)
