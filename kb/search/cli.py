"""`python -m kb search "KV缓存"`: the site's search in the terminal, over the same index."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from kb.search.engine import Engine, snippet
from kb.search.index import load_js
from kb.search.locate import IndexUnavailable, locate_index

_BOLD = "\033[1m"
_MARK = "\033[1;33m"
_DIM = "\033[2m"
_RESET = "\033[0m"


def _marked(text: str, marks: list[tuple[int, int]], color: bool, style: str = _MARK) -> str:
    if not color:
        return text
    out, pos = [], 0
    for a, b in marks:
        out += [text[pos:a], style, text[a:b], _RESET]
        pos = b
    out.append(text[pos:])
    return "".join(out)


def results(engine: Engine, query: str, limit: int) -> tuple[list[dict], int]:
    """Top `limit` results as plain data, and how many sections matched in all."""
    parsed = engine.parse(query)
    hits = engine.search_query(parsed)
    out = []
    for rank, hit in enumerate(hits[:limit], 1):
        section = engine.sections[hit.section]
        page = engine.pages[section[0]]
        needles = engine.needles(parsed, hit)
        title, title_marks = snippet(section[2], needles, len(section[2]))
        text, text_marks = snippet(engine.display_text(hit.section), needles)
        out.append({
            "rank": rank,
            "title": title,
            "page": page[1],
            "url": page[0],
            "anchor": section[1],
            "location": engine.location(hit.section),
            "review": section[5] if len(section) > 5 else "",
            "score": round(hit.score, 3),
            "snippet": text,
            "missing": [label for label, found in hit.found.items() if not found],
            "_marks": (title_marks, text_marks),
        })
    return out, len(hits)


def print_results(rows: list[dict], total: int, query: str, ms: float, color: bool) -> None:
    if not rows:
        print(f"没有找到与“{query}”匹配的题目。")
        return
    print(f"共 {total} 条结果，显示前 {len(rows)} 条（{ms:.1f} ms）：\n")
    for row in rows:
        title_marks, text_marks = row["_marks"]
        title = _marked(row["title"], title_marks, color)
        head = f"{_BOLD}{title}{_RESET}" if color else title
        where = f"{row['page']} · {row['location']}" + (f" · 审校：{row['review']}" if row["review"] else "")
        print(f"{row['rank']:>2}. {head}")
        print(f"    {_DIM + where + _RESET if color else where}")
        if row["snippet"]:
            print(f"    {_marked(row['snippet'], text_marks, color)}")
        if row["missing"]:
            print(f"    缺少：{'、'.join(row['missing'])}")
        print()


def run_search(root: Path, args: argparse.Namespace) -> int:
    query = args.query.strip()
    if not query:
        print("请给出查询词，例如：python -m kb search \"KV缓存\"", file=sys.stderr)
        return 2
    if args.limit < 1:
        print(f"--limit 应为正整数，而不是 {args.limit}", file=sys.stderr)
        return 2
    try:
        index = load_js(locate_index(root))
    except (IndexUnavailable, ValueError) as exc:
        print(exc, file=sys.stderr)
        return 1
    engine = Engine(index)
    start = time.perf_counter()
    rows, total = results(engine, query, args.limit)
    ms = (time.perf_counter() - start) * 1000
    if args.json:
        clean = [{k: v for k, v in row.items() if not k.startswith("_")} for row in rows]
        json.dump({"query": query, "total": total, "results": clean}, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print_results(rows, total, query, ms, sys.stdout.isatty())
    return 0
