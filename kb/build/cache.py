"""Results of pure, slow functions of text (jieba's word cuts), kept between builds on disk.

One JSON file per kind under the cache folder, keyed by a hash of the text. A build loads the file
when it first needs it and, at its end, writes back only the entries it used: the file holds the
current site's texts, never the history of every edit. A kind's name carries a version of
everything the result depends on (word lists, patterns, the jieba version), so a change there
starts a fresh file instead of reusing stale results.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any


class TextCache:
    """``cached(text)``: ``compute(text)`` from this build, the previous builds' file, or computed now."""

    def __init__(self, folder: Path, kind: str, compute: Callable[[str], Any]) -> None:
        self.path = folder / f"{kind}.json"
        self.compute = compute
        self.hits = self.misses = 0
        self._stored: dict[str, Any] | None = None
        self._used: dict[str, Any] = {}

    def __call__(self, text: str) -> Any:
        key = hashlib.sha1(text.encode("utf-8")).hexdigest()
        if key in self._used:
            return self._used[key]
        if self._stored is None:
            self._stored = self._load()
        if key in self._stored:
            self.hits += 1
            value = self._stored[key]
        else:
            self.misses += 1
            value = self.compute(text)
        self._used[key] = value
        return value

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def save(self, keep_others: bool = False) -> None:
        """Write the entries this build used (atomically); nothing when nothing was computed or dropped.
        ``keep_others`` (a --dirty build, which sees only the changed pages) keeps the stored ones too."""
        if not self._used or (self.misses == 0 and self._stored is not None and len(self._stored) == len(self._used)):
            return
        if keep_others:
            self._used = {**(self._stored or self._load()), **self._used}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")  # builds running side by side never share one
        tmp.write_text(json.dumps(self._used, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        tmp.replace(self.path)


def version(*parts: object) -> str:
    """A short hash of what a cached result depends on, for a kind's name."""
    return hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()[:12]
