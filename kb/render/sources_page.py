"""The sources page: attribution for each document, what was normalized and what was left out."""
from __future__ import annotations

from collections import Counter

from kb.answers.load import ANSWERS_DIR
from kb.answers.model import ORIGIN_KEY, SiteAnswer
from kb.model import Document, Mapping, SourceDoc
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


def _literal(text: str) -> str:
    """A reason as written: its backslashes (`\\(p\\)`) are text, not Markdown escapes."""
    return text.replace("\\", "\\\\")


def _site_section(answers: list[SiteAnswer], mapping: Mapping | None) -> str:
    """Where the answers written by this site come from, and how they are kept honest."""
    by_topic = Counter(a.topic for a in answers)
    names = {slug: t.title for slug, t in mapping.topics.items()} if mapping else {}
    topics = "、".join(f"[{names.get(slug, slug)}](topics/{slug}.md)（{n}）" for slug, n in by_topic.items())
    sources = len({s.url for a in answers for s in a.sources})
    return "\n\n".join([
        f"## 本站撰写的解答 {{#src-{ORIGIN_KEY}}}",
        (
            f"五份资料回答不了的题目（题库中原本没有答案的题，以及解答太少的主题），由本站自己撰写了 {len(answers)} 篇解答："
            "先给出面试时可以直接说的核心回答，再展开机制、公式与例子，最后是常见追问。每个事实性说法都注明所依据的一手资料"
            f"（论文的章节、表格或官方文档，共引用 {sources} 份），文中的数字都有出处；句子是本站自己写的，不照抄任何来源。"
            "每篇解答都经过另一位审校者逐句核对后才标为“已核对”。"
        ),
        "\n".join([
            f"- **篇数**：{len(answers)}（{topics}）",
            f"- **原文文件**：仓库的 `{ANSWERS_DIR}/<主题>/<名字>.md`，写法见 CONTRIBUTING.md",
            f"- **撰写日期**：{min(a.written for a in answers)} 起",
        ]),
    ])


def render_sources(docs: list[SourceDoc], parsed: dict[str, Document], answers: list[SiteAnswer] | None = None,
                   mapping: Mapping | None = None) -> str:
    total = sum(len(p.questions) for p in parsed.values())
    out = [
        "# 资料来源",
        (
            f"本站内容整理自下面 {len(docs)} 份资料，共 {total} 道题。原文原样保存在仓库的 `sources/` 目录；"
            "导入程序只规范形式（标记、公式定界符、标点、失效的锚点），不改变意思——也就是说，原文的错误也原样保留。"
            "内容是否正确由本站另行审校：每份资料的审校结论写在下面各节末尾，逐条意见见[审校](review.md)页。"
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
        fixes = [n for n in p.notes if n.kind == "fix"]
        if fixes:
            listed = "\n".join(f"- 原文第 {n.line} 行：{_literal(n.reason)}" for n in sorted(fixes, key=lambda n: n.line))
            lines.append(f"审校修正（{len(fixes)} 处，改动写在仓库的 `data/edits/` 中）：\n\n{listed}")
        if p.drops:
            drops = "\n".join(f"- 原文第 {x.line} 行：{x.reason}" for x in p.drops)
            lines.append(f"未发布的内容（{len(p.drops)} 处）：\n\n{drops}")
        out.append("\n\n".join(lines))
    if answers:
        out.append(_site_section(answers, mapping))
    return "\n\n".join(out)
