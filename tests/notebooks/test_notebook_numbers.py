"""The numbers the notebooks show are right: checked against independent arithmetic and known facts."""
from __future__ import annotations

import math
import re
from typing import Any

import pytest

KiB = 1024


def test_kv_cache_llama3_8b_is_128_kib_per_token(executed: dict[str, Any]) -> None:
    run = executed["kv-cache"]
    models = run.ns["models"]
    # Llama-3-8B: 32 layers, 8 KV heads, head dim 128, fp16 → 2 × 32 × 8 × 128 × 2 bytes.
    assert models["Llama-3-8B (GQA)"] == 2 * 32 * 8 * 128 * 2 == 128 * KiB
    assert models["Llama-2-7B (MHA)"] == 4 * models["Llama-3-8B (GQA)"]
    assert models["DeepSeek-V3 (MLA)"] == 61 * (512 + 64) * 2
    assert "131,072 字节 =  128.0 KiB" in run.outputs_text()
    assert "128K 上下文  16.00 GiB" in run.outputs_text()


def test_mla_caches_more_than_mqa_but_far_less_than_mha(executed: dict[str, Any]) -> None:
    elements = executed["kv-cache"].ns["elements"]
    assert elements["MLA"] / elements["MQA"] == pytest.approx(2.25)
    assert elements["MHA"] / elements["MLA"] == pytest.approx(32768 / 576)
    assert "MLA / MQA = 2.25" in executed["kv-cache"].outputs_text()


def test_full_finetuning_is_16_bytes_per_parameter(executed: dict[str, Any]) -> None:
    run = executed["finetune-memory"]
    assert run.ns["BYTES_FULL_FT"] == 16
    assert "7B 模型全参数微调：权重+梯度+优化器 =     112 GB" in run.outputs_text()


def test_lora_parameter_count_for_96_blocks_rank_8(executed: dict[str, Any]) -> None:
    ns = executed["finetune-memory"].ns
    assert ns["full_params"] == 96 * 12288 * 12288
    assert ns["lora_params"] == 96 * 8 * (12288 + 12288) == 18_874_368
    assert ns["full_params"] // ns["lora_params"] == 768
    assert ns["flops_lora"] / ns["flops_full"] == pytest.approx(2 / 3, abs=0.01)
    assert ns["QLORA_BITS"] == pytest.approx(4.127, abs=5e-4)


def test_grpo_group_advantages(executed: dict[str, Any]) -> None:
    run = executed["grpo-advantage"]
    adv = run.ns["adv"]
    # 4 of 16 correct: p = 1/4, std = sqrt(p(1-p)); correct +sqrt(3), wrong -1/sqrt(3).
    assert adv[0] == pytest.approx(math.sqrt(3))
    assert adv[-1] == pytest.approx(-1 / math.sqrt(3))
    assert sum(adv) == pytest.approx(0, abs=1e-12)
    assert "答对的优势 +1.7321，答错的优势 -0.5774" in run.outputs_text()


def test_k3_estimator_is_unbiased_nonnegative_and_tighter_than_k1(executed: dict[str, Any]) -> None:
    text = executed["grpo-advantage"].outputs_text()
    exact = float(re.search(r"精确 KL\s*=\s*([0-9.]+)", text).group(1))
    k1_mean, k1_std = map(float, re.search(r"k1 估计均值\s*=\s*([0-9.]+)，标准差 ([0-9.]+)", text).groups())
    k3_mean, k3_std, k3_min = map(float, re.search(r"k3 估计均值\s*=\s*([0-9.]+)，标准差 ([0-9.]+)，最小值 ([0-9.-]+)", text).groups())
    assert k3_min >= 0
    assert k3_mean == pytest.approx(exact, rel=0.03)
    assert k1_mean == pytest.approx(exact, rel=0.1)
    assert k3_std < k1_std
    # Closed-form optimum pi* ∝ pi_ref · exp(r/beta) at beta = 1: 0.2e / (0.2e + 0.8).
    assert "beta = 1.00：最优策略答对概率 0.405" in text
    assert 0.2 * math.e / (0.2 * math.e + 0.8) == pytest.approx(0.405, abs=5e-4)


def test_majority_vote_binomial(executed: dict[str, Any]) -> None:
    run = executed["majority-vote"]
    # N = 5, p = 0.6: P(≥3 correct) = 10·0.6³·0.4² + 5·0.6⁴·0.4 + 0.6⁵ = 0.68256.
    assert "N =  5：p = 0.6 时 0.6826" in run.outputs_text()
    assert pytest.approx(0.68256) == 10 * 0.6**3 * 0.4**2 + 5 * 0.6**4 * 0.4 + 0.6**5
    assert "p = 0.4 时 0.3174" in run.outputs_text()


def test_attention_score_variance_grows_with_dk(executed: dict[str, Any]) -> None:
    variance = executed["attention-scaling"].ns["variance"]
    for d_k, var in variance.items():
        assert var == pytest.approx(int(d_k), rel=0.05)


def test_quantization_group_wise_beats_per_tensor(executed: dict[str, Any]) -> None:
    text = executed["quantization-error"].outputs_text()
    sqnr = {line.split()[0] + " " + line.split()[1] + (" " + line.split()[2] if line.split()[1] == "group" else ""):
            float(line.rsplit("SQNR", 1)[1].split()[0]) for line in text.splitlines() if "SQNR" in line and "RMSE" in line}
    assert sqnr["INT4 group 128"] > sqnr["INT4 per-tensor"] + 10
    assert sqnr["INT8 group 128"] > sqnr["INT8 per-tensor"] + 10
    assert "    64        4.250" in text  # 4 bits + one fp16 scale per 64 weights


def test_elo_expected_score(executed: dict[str, Any]) -> None:
    text = executed["elo-rating"].outputs_text()
    assert f"分差 400：高分方期望得分 {10 / 11:.4f}" in text
    assert "A 1200 胜 B 1200：A 的期望得分 0.500，A 变为 1216.0，B 变为 1184.0" in text
    ns = executed["elo-rating"].ns
    true = ns["true"]
    bt = ns["bt"]
    for i in range(len(true)):
        assert (bt[i] - bt[-1]) == pytest.approx(true[i] - true[-1], abs=40)


def test_training_compute_6nd(executed: dict[str, Any]) -> None:
    text = executed["scaling-law-compute"].outputs_text()
    assert f"C = {6 * 8e9 * 15e12:.2e} FLOPs" in text
    assert f"{6 * 8e9 * 15e12:.2e}" == "7.20e+23"
    assert "C = 5.88e+23：N_opt ≈    70.0B 参数，D_opt ≈   1.40T 词元" in text


def test_decode_is_memory_bound(executed: dict[str, Any]) -> None:
    ns = executed["decode-latency"].ns
    # 8.03e9 params × 2 bytes / 3.35e12 B/s ≈ 4.79 ms per token.
    assert ns["tpot_weights"] == pytest.approx(8.03e9 * 2 / 3.35e12)
    assert ns["tpot_weights"] * 1e3 == pytest.approx(4.79, abs=0.01)
    assert ns["KV_BYTES_PER_TOKEN"] == 128 * KiB
    text = executed["decode-latency"].outputs_text()
    assert "延迟 ≈ 65 ms + 4.79 ms × 500 = 2.46 s" in text
    assert pytest.approx(2.46, abs=0.01) == 0.065 + 0.00479 * 500
