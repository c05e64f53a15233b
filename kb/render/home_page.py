"""The home page: what is here, topics with counts, how to search, read offline and contribute."""
from __future__ import annotations

from kb.model import Mapping


def render_home(
    groups: list[tuple[str, list[str]]],
    mapping: Mapping,
    answered_count: dict[str, int],
    practice_count: dict[str, int],
    total_answered: int,
    total_bank: int,
    doc_count: int,
    site_count: int = 0,
) -> str:
    """``total_answered`` counts every answered question, ``site_count`` of them written by this site."""
    rows = []
    for group, slugs in groups:
        for slug in slugs:
            t = mapping.topics[slug]
            rows.append(f"| {group} | [{t.title}](topics/{slug}.md) | {answered_count.get(slug, 0)} | {practice_count.get(slug, 0)} |")
    table = "| 分组 | 主题 | 解答 | 练习题 |\n|---|---|---:|---:|\n" + "\n".join(rows)
    order = " → ".join(g for g, _ in groups)
    return f"""# 大模型面试知识库

把散落在各处的大模型（LLM）面试题整理成一个可以**按主题阅读、中文搜索、离线使用**的知识库：
{total_answered} 道有解答的题目分布在 {len(mapping.topics)} 个主题页中，另有一个 {total_bank} 道题的[题库](bank.md)用来自测。

| 解答的来源 | 题目数 |
|---|---:|
| 整理自 {doc_count} 份公开资料 | {total_answered - site_count} |
| 本站撰写（引用一手资料，经独立审校） | {site_count} |

每道题都标明出处，见[资料来源](sources.md)。

!!! warning "资料并不都可靠：请留意审校标记"

    这些资料里有不少错误和编造的数字。本站逐题对照论文、技术报告和官方文档核对了每个答案：
    每道题的出处行末尾标有审校状态（**已核对**、**有 N 处勘误/存疑**），被指出的原话以底色标出，
    紧随其后的“勘误”“存疑”“说明”框给出更正与依据。原文保持原样，更正从不悄悄替换原话。
    全部意见与各份资料的可靠程度见[审校](review.md)页。

## 怎么用

- **按主题读**：导航把主题按“{order}”分组，宽屏时在页面左侧，手机上点左上角的菜单按钮打开；
  每个主题页都有本页题目的目录，宽屏时在右侧，手机上在菜单里。
- **搜索**：点击顶部的搜索框（手机上是右上角的放大镜按钮，键盘上按 ++slash++），直接输入中文或中英混合的关键词，例如“KV缓存”“GRPO优势函数”。
- **刷题**：[题库](bank.md)保留原书的章节顺序；每道题也出现在对应主题页末尾的“练习题”里。
- **多份资料的同一问题**：不同资料回答同一个问题时合并为一个条目，下面依次给出每份资料的回答，方便对照。
- **引用某一道题**：每道题的标题都有固定的锚点（如 `#r1-021`），修改标题不会改变链接。
- **离线阅读**：下载整站压缩包后直接用浏览器打开 `index.html` 即可，无需联网。

## 主题一览

{table}

## 参与贡献

发现错误或想补充答案？点击任意页面标题旁的 :material-pencil: 按钮即可在 GitHub 上直接编辑并发起 Pull Request；
对某条审校意见有不同看法，或发现了新的问题，可以修改 `data/reviews/` 中的审校文件；
每个 Pull Request 都会自动构建并检查公式、链接和锚点。详见仓库中的 `CONTRIBUTING.md`。
"""
