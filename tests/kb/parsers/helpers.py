"""Build a SourceDoc around an excerpt so each parser can be tested on real source text."""
from __future__ import annotations

from pathlib import Path

from kb.sources import SourceDoc, load_manifest

ROOT = Path(__file__).resolve().parents[3]


def manifest_doc(key: str) -> SourceDoc:
    return next(d for d in load_manifest(ROOT) if d.key == key)


def source_lines(key: str, start: int, end: int) -> str:
    """Lines start..end (1-based, inclusive) of the real source file."""
    lines = manifest_doc(key).path.read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[start - 1 : end])
