"""Normalizers see prose only: fenced code, inline code and math are passed through."""
from kb.normalize.segments import map_prose_lines, map_text


def _upper(text: str) -> str:
    return text.upper()


def test_fenced_code_is_untouched_and_a_fence_closes_only_on_its_own_kind():
    md = "a\n````md\n```\nb\n````\nc"
    assert map_prose_lines(md, _upper) == "A\n````md\n```\nb\n````\nC"


def test_inline_code_and_math_are_untouched():
    assert map_text("x `y` $z$ $$w$$ v", _upper) == "X `y` $z$ $$w$$ V"
