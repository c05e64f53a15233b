"""One rule for private addresses; the importer drops only the address (and parens that held only it)."""
from kb.normalize.context import Context
from kb.normalize.privacy import drop_private_addresses, find_private_addresses


def test_finds_private_urls_and_bare_ips_but_not_public_or_lookalikes():
    text = "见 http://10.1.12.10:8501/ 与 (http://192.168.1.2/x)、http://printer.local/x、172.20.0.5、v10.1.2.3、8.8.8.8、https://github.com/a"
    assert find_private_addresses(text) == ["http://10.1.12.10:8501/", "http://192.168.1.2/x", "http://printer.local/x", "172.20.0.5"]


def test_prose_localhost_and_version_numbers_are_kept():
    assert find_private_addresses("部署在 localhost 上，版本 v10.1.2.3，端口 172.32.0.1") == []


def test_drop_removes_wrapping_parens_only_with_the_address():
    ctx = Context("t")
    out = drop_private_addresses("f()表示激活函数；演示(http://10.1.12.10:8501/)。model.eval() 调用", ctx)
    assert out == "f()表示激活函数；演示。model.eval() 调用"
    assert [d.text for d in ctx.drops] == ["(http://10.1.12.10:8501/)"]


def test_drop_keeps_the_text_around_an_address_in_a_remark():
    ctx = Context("t")
    assert drop_private_addresses("（基于 qwen 的演示，http://10.0.0.1/）", ctx) == "（基于 qwen 的演示，）"
    assert len(ctx.drops) == 1
