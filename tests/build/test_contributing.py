"""Contributing works end to end, on a copy of the real site built once by the real build.

Two contributions, made exactly as CONTRIBUTING.md describes:
1. a new question written by hand on a topic page (heading with an id that has no source's shape,
   a source line citing a paper, an answer), referenced from the glossary and the bank links;
2. a new source document whose manifest key has a hyphen (`llm-faq`), imported with `make import`
   (python -m kb import) after its questions are given a topic in data/mapping.yml.
Each question gets related questions, is linked from the glossary and the bank, is a search
section, shows its review state, and the strict build with every check passes.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kb.importer.run import run_import
from kb.links.internal import check_site
from kb.search.index import INDEX_FILE, load_js
from tests.build.test_real_site import related_lists

ROOT = Path(__file__).resolve().parents[2]

NEW_QUESTION = """\
## FlashAttention 为什么能加速？ {#flash-attention-speedup}

出处：Dao et al. FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness（arXiv 2205.14135）
{: .kb-source }

FlashAttention 把注意力计算切成小块（tiling），在 GPU 片上的 SRAM 中完成 softmax 与矩阵乘，
不把 $N \\times N$ 的注意力矩阵写回显存（HBM）；反向传播时重算中间结果而不是存下来。
计算量不变，但显存读写大幅减少，所以更快、更省显存。

"""

NEW_SOURCE = """\
**1. 问：KV 缓存为什么能加速自回归解码？**

**答：** KV 缓存把已经算过的键和值保存下来，生成下一个词元时只需为新词元计算注意力，避免重复计算，用显存换取速度。

------

**2. 问：多查询注意力（MQA）如何减少 KV 缓存？**

**答：** MQA 让所有注意力头共享同一组键和值，KV 缓存随头数成倍缩小，显存占用与带宽需求都大幅下降，解码更快。
"""

MANIFEST_ENTRY = """
  - key: llm-faq
    file: 900_llm_faq.txt
    title: 大模型常见问题（测试用）
    origin: 测试用的资料
    format: bold-qa
    description: 两道关于 KV 缓存的问答。
"""


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def contributed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with both contributions, built strictly; returns the project folder."""
    project = tmp_path_factory.mktemp("contributed")
    for name in ("docs", "data", "sources", "answers", "overrides", "notebooks"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project)
    if (ROOT / ".cache" / "katex").is_dir():  # rendered formulas of the real site: nothing new to learn here
        shutil.copytree(ROOT / ".cache" / "katex", project / ".cache" / "katex")

    # 2. a new source with a hyphenated key: manifest, file, topics in mapping.yml, then `make import`
    (project / "sources" / "900_llm_faq.txt").write_text(NEW_SOURCE, encoding="utf-8")
    with (project / "sources" / "manifest.yml").open("a", encoding="utf-8") as manifest:
        manifest.write(MANIFEST_ENTRY)
    _edit(project / "data" / "mapping.yml", "questions:\n", "questions:\n  llm-faq-001: attention\n  llm-faq-002: attention\n")
    assert run_import(project, quiet=True) != 0  # the file is not pinned yet: the error says what to add
    data = (project / "sources" / "900_llm_faq.txt").read_bytes()
    _edit(project / "sources" / "manifest.yml", "    file: 900_llm_faq.txt\n",
          f"    file: 900_llm_faq.txt\n    sha256: {hashlib.sha256(data).hexdigest()}\n    size: {len(data)}\n")
    assert run_import(project, quiet=True) == 0

    # 1. a new question by hand, before the practice section, as CONTRIBUTING.md shows
    _edit(project / "docs" / "topics" / "attention.md", "## 练习题 {#practice}", NEW_QUESTION + "## 练习题 {#practice}")
    # ... referenced from the glossary and the bank links, like every question
    _edit(project / "data" / "glossary.yml", "    bank: [bank-036]\n", "    questions: [flash-attention-speedup]\n    bank: [bank-036]\n")
    _edit(project / "data" / "glossary.yml", "    questions: [slides-013]\n", "    questions: [slides-013, llm-faq-001]\n")
    _edit(project / "data" / "bank-links.yml", "  bank-036: [site-flashattention-io-aware-speedup]\n",
          "  bank-036: [site-flashattention-io-aware-speedup, flash-attention-speedup]\n")
    _edit(project / "data" / "bank-links.yml", "  bank-023: [slides-013]\n", "  bank-023: [slides-013, llm-faq-001]\n")

    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert proc.returncode == 0, f"strict build of the contributed site failed:\n{proc.stdout}\n{proc.stderr}"
    return project


def _page(project: Path, path: str) -> str:
    return (project / "site" / path / "index.html").read_text(encoding="utf-8")


def test_the_importer_wrote_the_hyphenated_source(contributed: Path):
    attention = (contributed / "docs" / "topics" / "attention.md").read_text(encoding="utf-8")
    assert "{#llm-faq-001}" in attention and "sources.md#src-llm-faq" in attention
    assert "{#src-llm-faq}" in (contributed / "docs" / "sources.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("question", ["flash-attention-speedup", "llm-faq-001", "llm-faq-002"])
def test_new_questions_get_two_to_five_related_questions(contributed: Path, question: str):
    lists = related_lists(_page(contributed, "topics/attention"))
    assert question in lists, sorted(lists)
    assert 2 <= len(lists[question]) <= 5


def test_questions_of_one_source_on_one_topic_are_not_related_to_each_other(contributed: Path):
    """Related questions come from another topic or another source: the hyphenated key is that source."""
    lists = related_lists(_page(contributed, "topics/attention"))
    assert "llm-faq-002" not in lists["llm-faq-001"] and "llm-faq-001" not in lists["llm-faq-002"]
    html = _page(contributed, "topics/attention")
    block = html.split('id="llm-faq-001"', 1)[1].split('class="kb-related"', 1)[0]
    assert "大模型常见问题（测试用）" in block  # the source line names the new document


def test_glossary_and_bank_link_to_the_new_questions(contributed: Path):
    glossary = _page(contributed, "glossary")
    assert 'href="../topics/attention/#flash-attention-speedup"' in glossary
    assert 'href="../topics/attention/#llm-faq-001"' in glossary
    bank = _page(contributed, "bank")
    for bank_id, question in (("bank-036", "flash-attention-speedup"), ("bank-023", "llm-faq-001")):
        section = bank.split(f'id="{bank_id}"', 1)[1].split('<h3 id="bank-', 1)[0]
        assert f'href="../topics/attention/#{question}"' in section.split("kb-bank-answers", 1)[1]


def test_new_questions_are_search_sections_and_show_their_review_state(contributed: Path):
    index = load_js(contributed / "site" / INDEX_FILE)
    sections = {s[1]: s for s in index["sections"] if index["pages"][s[0]][0] == "topics/attention/"}
    assert "SRAM" in sections["flash-attention-speedup"][3]
    assert sections["flash-attention-speedup"][2] == "FlashAttention 为什么能加速？"
    assert "MQA" in sections["llm-faq-002"][2]
    assert sections["flash-attention-speedup"][5] == sections["llm-faq-001"][5] == "未核对"


def test_the_contributed_site_passes_the_real_site_checks(contributed: Path):
    assert check_site(contributed / "site", "/llm-interview-kb/") == []
    for page in sorted((contributed / "site" / "topics").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        lists = related_lists(html)
        answered = re.findall(r'<h2 id="([^"]+)"', html.split('<h2 id="practice"', 1)[0])
        assert set(answered) <= set(lists), page
