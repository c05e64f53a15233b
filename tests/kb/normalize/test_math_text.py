"""Bare Greek letters in prose become formulas; code, formulas and names stay as they are."""
from kb.normalize.context import Context
from kb.normalize.math_text import greek_letters_as_math


def run(md: str) -> tuple[str, Context]:
    ctx = Context(doc="t")
    return greek_letters_as_math(md, ctx), ctx


def test_letters_and_assignments_become_math():
    out, ctx = run("通过β参数约束；最终β = 0.2，短序列λ↓，如 ε=0.2。")
    assert out == "通过$β$参数约束；最终$β=0.2$，短序列$λ$↓，如 $ε=0.2$。"
    assert len(ctx.notes) == 4 and all(n.kind == "math" for n in ctx.notes)


def test_existing_formulas_code_and_names_are_untouched():
    md = "已是公式 $β \\cdot x$ 与 $$λ_1$$，代码 `λ=1`，名字 λ_actor 与 Aβ。\n\n```\nβ = 1\n```"
    out, ctx = run(md)
    assert out == md and not ctx.notes
