"""Every answered question ends with 2–5 related questions from other topics or sources, the same on every run."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

SOURCE = "出处：[《{title}》](../sources.md#src-{doc}) · 第 1 题\n{{: .kb-source }}"
TITLES = {"r1": "R1 问答", "basics": "基础问答", "slides": "幻灯片"}


def question(level: int, title: str, qid: str, doc: str, answer: str) -> str:
    """A question as the importer writes it (and CONTRIBUTING.md asks for): heading, source line, answer."""
    return f"{'#' * level} {title} {{#{qid}}}\n\n{SOURCE.format(title=TITLES[doc], doc=doc)}\n\n{answer}\n"


PAGES = {
    "index.md": "# 首页\n",
    "sources.md": "# 资料来源\n\n" + "".join(f"## 《{t}》 {{#src-{k}}}\n\n说明。\n\n" for k, t in TITLES.items()),
    "topics/rl.md": "\n".join([
        "# 强化学习\n",
        question(2, "GRPO 算法的设计原理是什么？", "r1-021", "r1",
                 "GRPO 对同一问题采样一组回答，用组内奖励的均值和标准差归一化得到优势，省掉 PPO 的价值模型。"),
        question(2, "如何解决奖励破解？", "r1-030", "r1", "奖励破解指模型钻奖励函数的空子；规则化奖励和 KL 约束可以缓解。"),
        question(2, "GRPO 与 PPO 的区别？", "r1-035", "r1", "PPO 需要价值模型估计优势，GRPO 用组内归一化替代价值模型，显存更省。"),
        "## 练习题 {#practice}\n\n- 题库里的题目。\n",
    ]),
    "topics/distill.md": "\n".join([
        "# 蒸馏\n",
        question(2, "蒸馏技术的核心目标是什么？", "r1-004", "r1", "蒸馏把大模型的推理能力迁移到小模型，学生模型模仿教师模型的输出。"),
        question(2, "蒸馏与强化学习的优劣？", "r1-076", "r1", "蒸馏高效，强化学习在突破能力边界上更关键；GRPO 等算法成本更高。"),
    ]),
    "topics/basics.md": "\n".join([
        "# 基础\n",
        question(2, "什么是 DAPO 算法？", "basics-082", "basics", "DAPO 在 GRPO 基础上改进裁剪范围，动态过滤样本，按词元计算策略损失。"),
        question(2, "什么是 VAPO 算法？", "basics-083", "basics", "VAPO 重新引入价值模型，改进 PPO 的优势估计，适合长推理序列。"),
        "## 什么是智能体？ {#agent-definition}\n\n本题汇集 2 个回答。\n{: .kb-group-lead }\n",
        question(3, "智能体（Agent）", "slides-003", "slides", "智能体能感知环境、规划并调用工具完成任务。"),
        question(3, "什么是大模型智能体？", "basics-007", "basics", "智能体由控制端、感知端和行动端组成，大模型负责规划与决策。"),
    ]),
}


def related_blocks(html: str) -> dict[str, list[str]]:
    """``{entry id: [linked ids]}`` from the built HTML of a topic page."""
    blocks = {}
    for section in re.split(r"(?=<h2 id=)", html)[1:]:
        entry = re.match(r'<h2 id="([^"]+)"', section).group(1)
        block = re.search(r'<div class="kb-related">(.*?)</div>', section, re.S)
        if block:
            blocks[entry] = re.findall(r'href="[^"]*#([^"]+)"', block.group(1))
    return blocks


def all_blocks(result) -> dict[str, list[str]]:
    merged = {}
    for page in ("topics/rl.md", "topics/distill.md", "topics/basics.md"):
        merged.update(related_blocks(result.html(page)))
    return merged


TOPIC = {
    "r1-021": "rl", "r1-030": "rl", "r1-035": "rl", "r1-004": "distill", "r1-076": "distill",
    "basics-082": "basics", "basics-083": "basics", "agent-definition": "basics",
}  # fmt: skip
DOCS = {**{k: {k.split("-")[0]} for k in TOPIC}, "agent-definition": {"slides", "basics"}}


def test_every_answered_question_gets_two_to_five_from_other_topics_or_sources(make_site):
    result = make_site(PAGES)
    assert result.ok, result.errors
    blocks = all_blocks(result)
    assert set(blocks) == set(TOPIC)  # the practice section is not a question
    for entry, targets in blocks.items():
        assert 2 <= len(targets) <= 5, (entry, targets)
        for target in targets:
            assert target != entry
            assert TOPIC[target] != TOPIC[entry] or not DOCS[target] & DOCS[entry], (entry, target)


def test_block_closes_its_own_entry(make_site):
    html = make_site(PAGES).html("topics/rl.md")
    first = html.index('id="r1-021"')
    block = html.index('class="kb-related"', first)
    assert block < html.index('id="r1-030"')


def test_real_pages_give_the_same_lists_under_different_hash_seeds():
    script = (
        "import json, pathlib;"
        "from kb.links.questions import build_index;"
        "from kb.links.glossary import load_glossary, TermMatcher;"
        "from kb.links.related import compute_related;"
        "root = pathlib.Path('.');"
        "from tests.build.conftest import read_docs;"
        "print(json.dumps(compute_related(build_index(read_docs(root)), TermMatcher(load_glossary(root))), sort_keys=True))"
    )
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        outputs.append(json.loads(proc.stdout))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 100 and all(2 <= len(v) <= 5 for v in outputs[0].values())


def test_reviewed_override_replaces_computed_list(make_site):
    data = {"data/related.yml": "overrides:\n  r1-021: [basics-007, r1-076]\n"}
    blocks = all_blocks(make_site(PAGES, data=data))
    assert blocks["r1-021"] == ["basics-007", "r1-076"]


def test_override_file_that_is_not_a_mapping_names_file_and_line(make_site):
    result = make_site(PAGES, data={"data/related.yml": "- r1-021\n"})
    assert not result.ok
    assert "data/related.yml:1:" in result.errors and "overrides:" in result.errors


def test_bad_override_names_file_and_line(make_site):
    data = {"data/related.yml": "overrides:\n  r1-021: [r1-004, r1-999]\n  r1-404: [r1-004, r1-076]\n"}
    result = make_site(PAGES, data=data)
    assert not result.ok
    assert "data/related.yml:2:" in result.errors and "r1-999" in result.errors
    assert "data/related.yml:3:" in result.errors and "r1-404" in result.errors
