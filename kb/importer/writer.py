"""Write generated pages, never overwriting a page edited by hand unless forced.

Each generated page carries `kb_generated: <hash>` in its front matter: the hash
of the whole file without that line. A page whose text no longer matches it was
edited after it was generated (e.g. in a pull request); the importer keeps it.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

_HASH_LINE = re.compile(r"^kb_generated:[ \t]*(\S+)[ \t]*\n", re.M)


def _hash(text_without_hash_line: str) -> str:
    return "sha256-" + hashlib.sha256(text_without_hash_line.encode("utf-8")).hexdigest()[:16]


def with_front_matter(meta: dict[str, str], body: str) -> str:
    """Front matter (values quoted, so any title is valid YAML) with the page's hash last."""
    head = "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in meta.items())
    tail = "---\n\n" + body
    return head + f"kb_generated: {_hash(head + tail)}\n" + tail


def generated_hash(text: str) -> str | None:
    """The recorded hash, or None for a page the importer did not write."""
    front_end = text.find("\n---\n", 4)
    m = _HASH_LINE.search(text, 0, front_end + 1) if text.startswith("---\n") and front_end > 0 else None
    return m.group(1) if m else None


def edited_by_hand(text: str) -> bool:
    """True when the page is not ours, or any part of it (front matter included) changed since."""
    recorded = generated_hash(text)
    return recorded is None or _hash(_HASH_LINE.sub("", text, count=1)) != recorded


@dataclass
class WritePlan:
    write: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # edited by hand, left alone
    remove: list[Path] = field(default_factory=list)  # generated earlier, no longer produced


def plan(pages: dict[Path, str], docs: Path, force: bool) -> WritePlan:
    result = WritePlan()
    for path, text in sorted(pages.items()):
        if not path.exists():
            result.write.append(path)
            continue
        old = path.read_text(encoding="utf-8")
        if old == text:
            result.unchanged.append(path)
        elif edited_by_hand(old) and not force:
            result.kept.append(path)
        else:
            result.write.append(path)
    for path in sorted(docs.rglob("*.md")):
        if path in pages:
            continue
        old = path.read_text(encoding="utf-8")
        if generated_hash(old) is None:
            continue  # a hand-written page: not the importer's business
        if edited_by_hand(old) and not force:
            result.kept.append(path)
        else:
            result.remove.append(path)
    return result


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, so a page is never half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".kb-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
