"""Every formula ends up as `$…$` or a `$$` block; prices and escaped dollars stay text."""
from kb.normalize.context import Context
from kb.normalize.math_delims import normalize_math


def _m(md: str) -> str:
    return normalize_math(md, Context("t"))


def test_delimiters_are_unified():
    assert _m("设 \\( P \\) 与 $ 𝑝(𝑥_{1:𝐿})$") == "设 $P$ 与 $p(x_{1:L})$"
    assert _m("提升至 $$( \\sum_k p^k )$$ 。") == "提升至 $\\sum_k p^k$ 。"
    assert _m("文本\n\\[\na\n\\]\n后文") == "文本\n\n$$\na\n$$\n\n后文"


def test_prices_escaped_dollars_and_code_are_not_math():
    assert _m("价格 $5 和 $10 之间") == "价格 $5 和 $10 之间"
    assert _m("转义 \\$ 符号") == "转义 \\$ 符号"
    assert _m("代码 `$ x$`") == "代码 `$ x$`"
