"""Text HTML would swallow is escaped; real tags, autolinks, code and math are kept."""
from kb.normalize.context import Context
from kb.normalize.html_text import escape_tag_like_text


def _esc(md: str) -> str:
    return escape_tag_like_text(md, Context("t"))


def test_tag_like_text_is_escaped():
    assert _esc("形成<prompt, answer>数据对，符号<X>") == "形成&lt;prompt, answer&gt;数据对，符号&lt;X&gt;"


def test_allowed_tags_autolinks_code_and_math_are_kept():
    assert _esc("换行<br>与<br/>，<https://a.cn>") == "换行<br>与<br/>，<https://a.cn>"
    assert _esc("`<think>` 与 $a<b>c$") == "`<think>` 与 $a<b>c$"
