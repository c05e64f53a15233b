"""`python -m kb import`: build in memory, report, then write (or check) docs/."""
from __future__ import annotations

import sys
from pathlib import Path

from kb.errors import ConfigError
from kb.importer.build import build
from kb.importer.report import format_report, format_writes
from kb.importer.safeguards import back_up, problems
from kb.importer.writer import plan, write_atomic


def run_import(root: Path, force: bool = False, check: bool = False, quiet: bool = False, verbose: bool = False) -> int:
    try:
        result = build(root)
    except ConfigError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    if not quiet:
        print(format_report(result.docs, result.parsed, verbose))
    todo = plan(result.pages, root / "docs", force)
    if check:
        for p in todo.write:
            print(f"过期：{p.relative_to(root)} 与导入结果不一致 — 运行 `make import` 后提交", file=sys.stderr)
        for p in todo.remove:
            print(f"多余：{p.relative_to(root)} 已不再由导入程序生成 — 运行 `make import` 删除后提交", file=sys.stderr)
        for p in todo.kept:
            print(f"手工编辑：{p.relative_to(root)}（导入时会保留）")
        return 1 if todo.write or todo.remove else 0
    blocked = problems(todo, result.pages, root)
    if blocked:
        print("错误：导入会丢失题目，没有写入任何文件：\n" + "\n".join(f"  {b}" for b in blocked), file=sys.stderr)
        return 1
    if force:
        for line in back_up(todo, result.pages, root):
            print(line)
    for path in todo.write:
        write_atomic(path, result.pages[path])
    for path in todo.remove:
        path.unlink()
    print(format_writes(root, todo))
    return 0
