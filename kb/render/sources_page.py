"""The sources page: attribution for each document, what was normalized and what was left out."""
from __future__ import annotations

from collections import Counter

from kb.model import Document, SourceDoc
from kb.parsers import FORMATS

KIND_NAMES = {
    "math": "公式定界符",
    "markup": "Markdown 标记",
    "html": "会被 HTML 吞掉的文字",
    "structure": "结构",
    "table": "表格",
    "toc": "失效的目录链接",
    "empty": "只有标题的幻灯片",
    "fix": "审校修正",
}


def _links(references: list[str]) -> str:
    return "\n".join(f"- <{line}>" if line.startswith("http") else f"- {line}" for line in references)


def render_sources(docs: list[SourceDoc], parsed: dict[str, Document]) -> str:
    total = sum(len(p.questions) for p in parsed.values())
    out = [
        "# 资料来源",
        (
            f"本站内容整理自下面 {len(docs)} 份资料，共 {total} 道题。原文原样保存在仓库的 `sources/` 目录；"
            "导入程序只规范形式（标记、公式定界符、标点、失效的锚点），不改变意思。"
            "出于隐私与相关性考虑删去的内容（内网地址、个人评论、与知识无关的段落）都列在下面，没有一处是悄悄删除的。"
        ),
    ]
    for d in docs:
        p = parsed[d.key]
        lines = [f"## 《{d.title}》 {{#src-{d.key}}}", d.description]
        facts = [
            f"- **题目数**：{len(p.questions)}",
            f"- **原文文件**：`sources/{d.file}`",
            f"- **格式**：{FORMATS[d.format].description}",
        ]
        if d.author:
            facts.insert(0, f"- **作者**：{d.author}")
        if d.origin:
            facts.insert(0, f"- **来源**：{d.origin}")
        if d.url:
            facts.append(f"- **原文链接**：<{d.url}>")
        lines.append("\n".join(facts))
        if p.references:
            lines.append("原文列出的参考链接：\n\n" + _links(p.references))
        kinds = Counter(n.kind for n in p.notes)
        if kinds:
            lines.append("规范化处理：" + "，".join(f"{KIND_NAMES.get(k, k)} {v} 处" for k, v in sorted(kinds.items())) + "。")
        if p.drops:
            drops = "\n".join(f"- 原文第 {x.line} 行：{x.reason}" for x in p.drops)
            lines.append(f"未发布的内容（{len(p.drops)} 处）：\n\n{drops}")
        out.append("\n\n".join(lines))
    return "\n\n".join(out)
