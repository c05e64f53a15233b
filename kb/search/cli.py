"""`python -m kb search "KV缓存"`: the site's search in the terminal, over the same index,
answered by the same engine (kb-search.js, run in Node)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kb.search.index import check_index
from kb.search.locate import IndexUnavailable, locate_index
from kb.search.node import NodeUnavailable, run_queries

_BOLD = "\033[1m"
_MARK = "\033[1;33m"
_DIM = "\033[2m"
_RESET = "\033[0m"


def _marked(text: str, marks: list[list[int]], color: bool) -> str:
    if not color:
        return text
    out, pos = [], 0
    for a, b in marks:
        out += [text[pos:a], _MARK, text[a:b], _RESET]
        pos = b
    out.append(text[pos:])
    return "".join(out)


def print_results(answer: dict, color: bool) -> None:
    query, rows = answer["query"], answer["hits"]
    fixes = "、".join(f"{a} → {b}" for a, b in answer["fixes"])
    if not rows:
        print(f"没有找到与“{query}”匹配的题目。")
        if answer["suggest"]:
            print(f"你是不是要找：{answer['suggest']}")
        return
    print(f"共 {answer['total']} 条结果，显示前 {len(rows)} 条（{answer['ms']:.1f} ms）：")
    if fixes:
        print(f"（已按拼写更正搜索：{fixes}）")
    print()
    for rank, row in enumerate(rows, 1):
        title = _marked(row["title"], row["titleMarks"], color)
        head = f"{_BOLD}{title}{_RESET}" if color else title
        where = f"{row['page']} · {row['location']}"
        if row["review"]:
            where += f" · 审校：{row['review']}"
        if not row["answered"]:
            where += " · 暂无解答"
        print(f"{rank:>2}. {head}")
        print(f"    {_DIM + where + _RESET if color else where}")
        if row["snippet"]:
            print(f"    {_marked(row['snippet'], row['snippetMarks'], color)}")
        if row["missing"]:
            print(f"    缺少：{'、'.join(row['missing'])}")
        print()


def as_json(answer: dict) -> dict:
    keep = ("title", "page", "url", "anchor", "location", "review", "answered", "score", "snippet", "missing")
    results = [{"rank": k, **{f: row[f] for f in keep}} for k, row in enumerate(answer["hits"], 1)]
    for row in results:
        row["score"] = round(row["score"], 3)
    fixes = [{"typed": a, "searched": b} for a, b in answer["fixes"]]
    return {"query": answer["query"], "total": answer["total"], "fixes": fixes, "suggest": answer["suggest"],
            "results": results}


def run_search(root: Path, args: argparse.Namespace) -> int:
    query = args.query.strip()
    if not query:
        print("请给出查询词，例如：python -m kb search \"KV缓存\"", file=sys.stderr)
        return 2
    if args.limit < 1:
        print(f"--limit 应为正整数，而不是 {args.limit}", file=sys.stderr)
        return 2
    try:
        index = locate_index(root)
        check_index(index)
        (answer,) = run_queries(index, [query], limit=args.limit, describe=True)
    except (IndexUnavailable, NodeUnavailable, ValueError) as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.json:
        json.dump(as_json(answer), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print_results(answer, sys.stdout.isatty())
    return 0
