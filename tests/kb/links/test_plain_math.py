"""Formulas of reused titles as clean text: no TeX source where no formula renders."""
from kb.links.plain_math import math_as_text
from kb.links.questions import link_text


def test_the_formulas_of_real_titles_read_as_text():
    assert math_as_text("softmax 之前为什么要除以 $\\sqrt{d_k}$ ？") == "softmax 之前为什么要除以 √dₖ ？"
    assert math_as_text("每个块有 $12\\,288 \\times 12\\,288$ 权重矩阵") == "每个块有 12\u2009288 × 12\u2009288 权重矩阵"
    assert math_as_text("king - man + woman $\\approx$ queen") == "king - man + woman ≈ queen"
    assert link_text("KL 散度约束（$β$参数）") == "KL 散度约束（β参数）"


def test_what_unicode_cannot_write_stays_readable_and_prices_stay():
    assert math_as_text("$x_{ij}^{T}$") == "xᵢⱼ^T"  # no superscript T in Unicode: kept as ^T
    assert math_as_text("价格 \\$5 和 \\$10") == "价格 \\$5 和 \\$10"
