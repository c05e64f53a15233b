"""The 复习 page (practice.md), generated at build time: the browser fills it in from the reader's progress."""
from __future__ import annotations

PRACTICE_PAGE = "practice.md"
FSRS_URL = "https://github.com/open-spaced-repetition/ts-fsrs"

# Chinese paragraphs are written as one line each: a line break inside would show as a space.
INTRO = "".join([
    "在主题页或题库打开“练习模式”，每道题先想好再点“显示答案”，然后如实自评“会 / 模糊 / 不会”。",
    f"本站用间隔重复算法 [FSRS]({FSRS_URL}) 根据自评安排下次复习的日子：越熟的题隔得越久，不会的题第二天再来。",
    "这里列出今天到期的题目，一次一题地复习。",
])
DATA = "".join([
    "练习进度只保存在这个浏览器里（localStorage）：不需要账号，不上传到任何地方；",
    "站点更新后进度仍在，因为它按每道题固定的 id 记录（题目换了页面也跟着走）。清除浏览器的网站数据会一并清除它。",
    "换设备或换浏览器时，先在这里导出为 JSON 文件，再到另一处导入：同一道题保留较新的那次记录。",
    "从离线压缩包（file://）打开的站点与在线站点各存一份进度，也用导出、导入来合并。",
])

PAGE = f"""\
# 复习

{INTRO}

<div class="kb-practice-app"></div>

复习需要浏览器启用 JavaScript。关闭 JavaScript 时，各主题页与题库照常显示全部答案。
{{: .kb-practice-nojs }}

## 快捷键 {{#keys}}

| 按键 | 作用 |
|---|---|
| ++space++ | 显示答案 |
| ++1++ / ++2++ / ++3++ | 自评：会 / 模糊 / 不会 |
| ++j++ / ++k++ | 下一题 / 上一题 |

手机上直接点按钮即可。

## 进度数据 {{#progress-data}}

{DATA}

<div class="kb-practice-transfer"></div>
"""


def practice_page() -> str:
    return PAGE
