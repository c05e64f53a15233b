"""Turn KaTeX's error messages into build errors an author can act on (where, what, how)."""
from __future__ import annotations

from dataclasses import dataclass

SUPPORTED = "https://katex.org/docs/supported.html"

# (substring of KaTeX's message, hint). First match wins; the last entry is the fallback.
_HINTS: list[tuple[str, str]] = [
    ("unicodeTextInMathMode", "公式里的中文或其他文字请写进 \\text{…}，例如 R_{\\text{总}}"),
    ("Unrecognized Unicode character", "改用 LaTeX 命令（如 \\alpha、\\leq、\\cdot），文字写进 \\text{…}"),
    ("unknownSymbol", "改用 LaTeX 命令（如 \\alpha、\\leq、\\cdot），文字写进 \\text{…}"),
    ("Untrusted command", "公式里不能有链接或图片（\\href、\\url、\\includegraphics 等）：把链接写在公式外面，用 Markdown 的 [文字](网址)"),
    ("exceeds the limit", "尺寸过大：公式里的长度不能超过 20em，请改小"),
    ("Too many expansions", "宏展开次数过多（可能是递归的 \\def）：请简化公式"),
    ("Undefined control sequence", f"命令拼写有误或 KaTeX 不支持，可用命令见 {SUPPORTED}"),
    ("Double subscript", "同一处出现两个下标：用花括号分组，例如 x_{i_j} 或 {x_i}_j"),
    ("Double superscript", "同一处出现两个上标：用花括号分组，例如 x^{a^b}"),
    ("Expected '\\right'", "\\left 与 \\right 必须成对出现"),
    ("Expected group after", "命令缺少参数：在后面补上 {…}，例如 x^{2}、\\frac{a}{b}"),
    ("Unexpected end of input", "花括号 { } 不配对：检查每个 { 是否都有对应的 }"),
    ("Expected '}'", "花括号 { } 不配对：检查每个 { 是否都有对应的 }"),
    ("Expected 'EOF', got '}'", "多了一个 }：检查花括号是否配对"),
    ("Can't use function '$'", "公式里的美元符号要写成 \\$；若这里本不是公式，把 $ 写成 \\$"),
    ("Can't use function '\\(", "不要在 $…$ 里再写 \\( \\)"),
    ("Expected 'EOF'", "公式中有多余的符号或未配对的括号"),
    ("", f"对照 KaTeX 支持的命令表修改公式（{SUPPORTED}）；若 $ 不是公式（如价格），写成 \\$"),
]


def hint_for(message: str) -> str:
    for needle, hint in _HINTS:
        if needle in message:
            return hint
    return _HINTS[-1][1]


@dataclass(frozen=True)
class MathError:
    """One bad formula or delimiter, located in a source file."""

    path: str  # shown as is, e.g. docs/topics/attention.md
    line: int
    formula: str  # with its delimiters, as written
    message: str
    hint: str
    source: str = "KaTeX"  # who found it: KaTeX, or the delimiter scan

    def format(self) -> str:
        return (
            f"{self.path}{f':{self.line}' if self.line else ''}: 公式 {self.formula}\n"
            f"    {self.source}：{self.message}\n"
            f"    提示：{self.hint}"
        )


def format_errors(errors: list[MathError], version: str) -> str:
    """All errors of a build, sorted by file and line, under one heading."""
    ordered = sorted(errors, key=lambda e: (e.path, e.line))
    body = "\n".join(error.format() for error in ordered)
    return f"数学公式有 {len(errors)} 处错误（KaTeX {version}，严格模式）：\n{body}"


def shorten(formula: str, limit: int = 160) -> str:
    """Keep long display formulas readable in a terminal."""
    flat = " ".join(formula.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
