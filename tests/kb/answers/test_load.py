"""Site-written answers: the file format, and every mistake as file:line."""
import textwrap
from pathlib import Path

from kb.answers.load import load_answers

REFS = 'references:\n  rag:\n    title: "Lewis et al. RAG"\n    url: https://arxiv.org/abs/2005.11401\n'

GOOD = """\
---
title: 什么是 RAG？
topic: rag
answers: [bank-172]
written: 2026-11-28
sources:
  rag: {ref: rag}
  dpr: {title: "Karpukhin et al. DPR", url: "https://arxiv.org/abs/2004.04906"}
---

**核心回答**

先检索再生成（[RAG §1](cite:rag)）。

**展开**

检索器是双编码器（[DPR §3](cite:dpr)），生成器是 BART（[RAG §2.2](cite:rag)）。

**常见追问**

- **追问：为什么？**

    答：见上。
"""


def _load(tmp_path: Path, files: dict[str, str]):
    (tmp_path / "data" / "reviews").mkdir(parents=True)
    (tmp_path / "data" / "reviews" / "references.yml").write_text(REFS, encoding="utf-8")
    for rel, text in files.items():
        path = tmp_path / "answers" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_answers(tmp_path, {"rag", "agents"})


def test_a_good_answer_loads_with_its_sources(tmp_path):
    [answer], errors = _load(tmp_path, {"rag/rag-basics.md": GOOD})
    assert errors == []
    assert answer.id == "site-rag-basics" and answer.answers == ("bank-172",) and answer.written == "2026-11-28"
    assert [(s.key, s.url) for s in answer.sources] == [("rag", "https://arxiv.org/abs/2005.11401"),
                                                       ("dpr", "https://arxiv.org/abs/2004.04906")]


def test_an_unknown_cite_and_an_unused_source_are_errors_at_their_lines(tmp_path):
    text = GOOD.replace("(cite:dpr)", "(cite:colbert)")
    _, errors = _load(tmp_path, {"rag/rag-basics.md": text})
    assert "answers/rag/rag-basics.md:17: 引用 `cite:colbert` 不在 front matter 的 sources 中" in errors
    assert "answers/rag/rag-basics.md:1: 来源 `dpr` 列在 sources 中，但正文没有引用它" in errors


def test_missing_sections_wrong_folder_and_a_bank_question_answered_twice(tmp_path):
    _, errors = _load(tmp_path, {
        "agents/rag-basics.md": GOOD.replace("**常见追问**", "**追问**"),
        "rag/again.md": GOOD,
        "rag/more.md": GOOD,
    })
    assert "answers/agents/rag-basics.md:1: 文件应放在 answers/rag/ 下（与 topic 一致）" in errors
    assert any(e.startswith("answers/agents/rag-basics.md:") and "缺少 **常见追问**" in e for e in errors)
    assert any(e.startswith("answers/rag/more.md:1: 题库题目 bank-172 已由 answers/rag/again.md 回答") for e in errors)


def test_too_few_citations_is_an_error(tmp_path):
    text = GOOD.replace("（[RAG §1](cite:rag)）", "").replace("，生成器是 BART（[RAG §2.2](cite:rag)）", "")
    _, errors = _load(tmp_path, {"rag/x.md": text.replace("  rag: {ref: rag}\n", "")})
    assert any("正文只有 1 处引用" in e for e in errors)
