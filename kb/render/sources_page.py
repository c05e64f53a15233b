"""The sources page: attribution for each document, what was normalized and what was left out."""
from __future__ import annotations

from collections import Counter

from kb.model import Document
from kb.sources import SourceDoc

FORMAT_NAMES = {
    "bold-qa": "加粗问答（`**N. 问：…**` / `**答：**`）",
    "question-bank": "题库（`QN:` 问题列表，分章节，无答案）",
    "slide-outline": "幻灯片文字提纲（以冒号结尾的行为标题）",
    "dual-answer": "双答案问答（专业回答 + 科普解释）",
    "html-headings": "HTML 标题问答（`<h3 id=…>`）",
}


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


def _links(preface: str) -> str:
    items = []
    for line in preface.split("\n"):
        line = line.strip()
        if not line:
            continue
        items.append(f"- <{line}>" if line.startswith("http") else f"- {line}")
    return "\n".join(items)


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
            f"- **格式**：{FORMAT_NAMES.get(d.format, d.format)}",
        ]
        if d.author:
            facts.insert(0, f"- **作者**：{d.author}")
        if d.origin:
            facts.insert(0, f"- **来源**：{d.origin}")
        if d.url:
            facts.append(f"- **原文链接**：<{d.url}>")
        lines.append("\n".join(facts))
        if d.format == "slide-outline" and p.preface:
            lines.append("原提纲列出的参考链接：\n\n" + _links(p.preface))
        kinds = Counter(n.kind for n in p.notes)
        if kinds:
            lines.append("规范化处理：" + "，".join(f"{KIND_NAMES.get(k, k)} {v} 处" for k, v in sorted(kinds.items())) + "。")
        if p.drops:
            drops = "\n".join(f"- 原文第 {x.line} 行：{x.reason}" for x in p.drops)
            lines.append(f"未发布的内容（{len(p.drops)} 处）：\n\n{drops}")
        out.append("\n\n".join(lines))
    return "\n\n".join(out)
