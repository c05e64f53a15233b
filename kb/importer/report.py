"""The import report: what was normalized (counts) and every editorial drop (in full)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from kb.model import Document
from kb.sources import SourceDoc


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
    return "\n".join(out)


def format_writes(root: Path, written: list[Path], unchanged: list[Path], kept: list[Path]) -> str:
    out = [f"\n写入 {len(written)} 个页面，{len(unchanged)} 个未变化。"]
    for path in kept:
        out.append(f"保留手工编辑过的页面 {path.relative_to(root)}（用 --force 覆盖）")
    return "\n".join(out)
