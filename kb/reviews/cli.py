"""``python -m kb reviews``: check every note against the pages and count what the review found."""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from kb.reviews.load import load_reviews
from kb.reviews.model import VERDICTS
from kb.reviews.place import place


def read_pages(docs: Path) -> dict[str, str]:
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}


def run_reviews(root: Path, args: argparse.Namespace) -> int:
    reviews, errors = load_reviews(root / "data" / "reviews", root)
    pages = read_pages(root / "docs")
    placed = place(reviews, pages)
    errors += placed.errors
    answered = {qid for qid, (_, ans) in placed.answers.items() if ans.answered}
    prefix = args.prefix or ""
    scope = sorted(q for q in answered if q.startswith(prefix))
    reviewed = [q for q in scope if q in reviews.questions]
    notes = [n for n in reviews.notes if n.question.startswith(prefix)]
    print(f"有解答的题目 {len(scope)} 道，已审校 {len(reviewed)} 道，未审校 {len(scope) - len(reviewed)} 道")
    by_verdict = Counter(n.verdict for n in notes)
    print("审校意见：" + "，".join(f"{v} {by_verdict[v]}" for v in VERDICTS) + f"（共 {len(notes)} 条，"
          f"涉及 {len({n.question for n in notes})} 道题）")
    if args.missing:
        for q in scope:
            if q not in reviews.questions:
                print(f"  未审校：{q}（docs/{placed.answers[q][0]}）")
    for error in errors:
        print(error)
    return 1 if errors else 0
