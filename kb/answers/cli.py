"""``python -m kb answers``: check every site-written answer file and count them by topic."""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import yaml

from kb.answers.load import load_answers


def run_answers(root: Path, args: argparse.Namespace) -> int:
    topics = set((yaml.safe_load((root / "data" / "topics.yml").read_text(encoding="utf-8")) or {}).get("topics", {}))
    answers, errors = load_answers(root, topics)
    by_topic = Counter(a.topic for a in answers)
    print(f"本站撰写的解答 {len(answers)} 篇：" + "，".join(f"{t} {n}" for t, n in sorted(by_topic.items())))
    for error in errors:
        print(error)
    return 1 if errors else 0
