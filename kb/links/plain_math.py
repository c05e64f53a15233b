"""A formula as clean text, for places where no formula renders (link texts, tooltips, back-links).

Links to questions are added after the math hook has taken the page's formulas out, so a
`$…$` left in a title would show as TeX source. The formulas in titles are short
(`$\\sqrt{d_k}$`, `$512 \\times 512$`, `$β$`): their symbols have Unicode forms.
"""
from __future__ import annotations

import re

_COMMANDS = {
    "approx": "≈", "times": "×", "cdot": "·", "sqrt": "√", "pm": "±", "leq": "≤", "geq": "≥", "neq": "≠",
    "le": "≤", "ge": "≥", "to": "→", "rightarrow": "→", "infty": "∞", "sum": "∑", "prod": "∏", "ldots": "…",
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "theta": "θ", "lambda": "λ",
    "mu": "μ", "pi": "π", "sigma": "σ", "tau": "τ", "phi": "φ", "omega": "ω",
}
_SPACES = {",": "\u2009", ";": " ", ":": " ", "!": "", " ": " ", "quad": " ", "qquad": "  "}
_SUB = str.maketrans("0123456789aehijklmnoprstuvx+-=()", "₀₁₂₃₄₅₆₇₈₉ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ₊₋₌₍₎")
_SUP = str.maketrans("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ")
_FORMULA = re.compile(r"(?<!\\)\$\$?([^$]+?)\$\$?")
_COMMAND = re.compile(r"\\([A-Za-z]+|[,;:! ])")
_SCRIPT = re.compile(r"([_^])(?:\{([^{}]*)\}|(\w))")


def _script(m: re.Match[str]) -> str:
    """`_k` → `ₖ`, `^2` → `²` when Unicode has every character; otherwise `_{…}` stays as `_…`."""
    body = m.group(2) if m.group(2) is not None else m.group(3)
    table = _SUB if m.group(1) == "_" else _SUP
    return body.translate(table) if all(ord(ch) in table for ch in body) else m.group(1) + body


def tex_as_text(tex: str) -> str:
    """`\\sqrt{d_k}` → `√dₖ`, `12\\,288 \\times 12\\,288` → `12 288 × 12 288`."""
    text = _COMMAND.sub(lambda m: _SPACES.get(m.group(1), _COMMANDS.get(m.group(1), m.group(1))), tex)
    text = _SCRIPT.sub(_script, text)
    return re.sub(r"[{}]", "", text).strip()


def math_as_text(text: str) -> str:
    """`text` with each `$…$` formula written as clean text."""
    return _FORMULA.sub(lambda m: tex_as_text(m.group(1)), text)
