"""ASCII punctuation in Chinese prose → full-width; links, images, URLs, code and math untouched."""
from kb.normalize.punctuation import full_width_punctuation as fw


def test_chinese_prose():
    assert fw("智能体(AI Agent),又称代理:它能规划?能!") == "智能体（AI Agent），又称代理：它能规划？能！"


def test_images_links_urls_code_math_are_untouched():
    assert fw("如图![a](b.png)") == "如图![a](b.png)"
    assert fw("见[链接](http://x.cn/a?b=1)") == "见[链接](http://x.cn/a?b=1)"
    assert fw("网址 http://例子.cn/路径?q=1 结束") == "网址 http://例子.cn/路径?q=1 结束"
    assert fw("代码 `a,b` 与 $f(x),g$") == "代码 `a,b` 与 $f(x),g$"


def test_english_text_keeps_ascii_punctuation():
    assert fw("Hello, world: yes?") == "Hello, world: yes?"


def test_the_space_after_an_ascii_mark_goes_with_it():
    assert fw("96 个 Transformer 块, 且每个块有") == "96 个 Transformer 块，且每个块有"
    assert fw("为什么? 如何计算") == "为什么？如何计算"
