"""Write generated pages, never overwriting a page edited by hand unless forced.

Each generated page carries `kb_generated: <hash of its body>` in its front
matter. A page whose body no longer matches that hash was edited after it was
generated (e.g. in a pull request); the importer keeps it and says so.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_HASH = re.compile(r"^kb_generated:\s*(\S+)\s*$", re.M)


def body_hash(body: str) -> str:
    return "sha256-" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def with_front_matter(meta: dict[str, str], body: str) -> str:
    """Front matter with the body's hash last; values are single-line strings."""
    lines = [f"{k}: {v}" for k, v in meta.items()]
    lines.append(f"kb_generated: {body_hash(body)}")
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body


def edited_by_hand(text: str) -> bool:
    """True when the page is not ours or its body changed since it was generated."""
    m = _FRONT.match(text)
    recorded = _HASH.search(m.group(1)) if m else None
    if not recorded:
        return True
    body = text[m.end() :].removeprefix("\n")
    return body_hash(body) != recorded.group(1)


@dataclass
class WritePlan:
    write: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # edited by hand, left alone


def plan(pages: dict[Path, str], force: bool) -> WritePlan:
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
    return result


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".kb-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    os.replace(tmp, path)
