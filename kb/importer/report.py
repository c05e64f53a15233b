"""The import report: what was normalized (counts) and every editorial drop (in full)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from kb.importer.writer import WritePlan
from kb.model import Document, SourceDoc


def _excerpt(text: str, width: int = 70) -> str:
    one = " ".join(text.split())
    return one if len(one) <= width else one[: width - 1] + "…"


def format_report(docs: list[SourceDoc], parsed: dict[str, Document], verbose: bool) -> str:
    out = ["导入报告", "========"]
    for d in docs:
        p = parsed[d.key]
        answered = sum(q.answered for q in p.questions)
        out.append(f"\n[{d.key}] sources/{d.file} — {d.title}")
        out.append(f"  题目 {len(p.questions)}（有解答 {answered}）")
        kinds = Counter(n.kind for n in p.notes)
        if kinds:
            out.append("  规范化：" + "，".join(f"{k} {v}" for k, v in sorted(kinds.items())))
        if verbose:
            out += [f"    {d.file}:{n.line}: [{n.kind}] {n.detail}" for n in p.notes]
        for x in p.drops:
            out.append(f"  删除 {d.file}:{x.line}: {x.reason}：{_excerpt(x.text)}")
        if not verbose:
            out += [f"  修正 {d.file}:{n.line}: {n.detail}" for n in p.notes if n.kind == "fix"]
    return "\n".join(out)


def format_writes(root: Path, todo: WritePlan) -> str:
    out = [f"\n写入 {len(todo.write)} 个页面，{len(todo.unchanged)} 个未变化，删除 {len(todo.remove)} 个不再生成的页面。"]
    for path in todo.remove:
        out.append(f"删除 {path.relative_to(root)}（导入结果中已没有这一页）")
    for path in todo.kept:
        out.append(f"保留手工编辑过的页面 {path.relative_to(root)}（用 --force 覆盖）")
    return "\n".join(out)
