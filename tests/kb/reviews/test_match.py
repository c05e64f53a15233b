"""The quote matcher: form may change (spacing, punctuation, emphasis), wording may not."""
from kb.reviews.match import find_all, fold, widen


def test_fold_ignores_spacing_punctuation_and_markup():
    assert fold("**结果**： DeepSeek-R1 在 80% 任务上").text == fold("结果:DeepSeek R1在80%任务上").text


def test_fold_keeps_wording_and_numbers():
    assert fold("从 0.3 升至 0.6").text != fold("从 0.3 升至 0.7").text


def test_find_all_maps_back_to_the_original_text():
    text = "**结果**：DeepSeek-R1 在 80% 非 RL 任务上性能持平或提升，解法多样性指数（HDI）从 0.3 升至 0.6。"
    [(start, end)] = find_all("解法多样性指数(HDI)从0.3升至0.6", text)
    assert text[start:end] == "解法多样性指数（HDI）从 0.3 升至 0.6"


def test_find_all_ignores_link_targets_and_finds_every_occurrence():
    text = "见 [GRPO](../topics/rl.md#grpo) 算法；GRPO 算法"
    assert len(find_all("GRPO 算法", text)) == 2


def test_widen_never_cuts_a_formula_or_emphasis_in_two():
    text = "通过 $\\beta$ 参数（公式 2）和 **KL 散度约束** 限制"
    start = text.index("beta")
    end = text.index("参数") + 2
    s, e = widen(text, start, end)
    assert text[s:e] == "$\\beta$ 参数"
    s, e = widen(text, text.index("散度"), text.index("约束") + 2)
    assert text[s:e] == "**KL 散度约束**"
