"""Parser `bold-qa` on real excerpts of the DeepSeek Q&A document."""
from kb.parsers.bold_qa import parse
from tests.kb.parsers.helpers import manifest_doc, source_lines


def test_question_with_and_without_wen_label():
    doc = parse(manifest_doc("dsrl"), source_lines("dsrl", 74, 300))
    ids = [q.id for q in doc.questions]
    assert ids == ["dsrl-006", "dsrl-007", "dsrl-008", "dsrl-009", "dsrl-010", "dsrl-011", "dsrl-012", "dsrl-013"]
    llmops = doc.questions[5]
    assert llmops.title == "什么是LLMOps"


def test_answer_label_removed_and_tab_lists_nested():
    q = parse(manifest_doc("dsrl"), source_lines("dsrl", 74, 90)).questions[0]
    md = q.parts[0].markdown
    assert not md.startswith("答")
    assert "\n    - **平衡中小模型（10B参数以下）：**" in md  # tab → 4-space nested item


def test_headings_used_as_text_become_bold_paragraphs():
    q = parse(manifest_doc("dsrl"), source_lines("dsrl", 167, 250)).questions[0]
    md = q.parts[0].markdown
    assert "###" not in md
    assert "**A. LLMOps的定义与背景**" in md
    assert "- **定义 ：LLMOps是面向大型语言模型的MLOps" in md
    assert "| **维度**" in md and "| ---" in md  # the table survives


def test_glued_bold_is_split():
    q = parse(manifest_doc("dsrl"), source_lines("dsrl", 123, 145)).questions[0]
    assert "****" not in q.parts[0].markdown
    assert "**B、数据阶段**\n\n**数据集准备 ：**" in q.parts[0].markdown


def test_missing_answer_label_is_noted():
    doc = parse(manifest_doc("dsrl"), source_lines("dsrl", 257, 284))
    assert doc.questions[0].answered
    assert any(n.kind == "structure" and "答" in n.detail for n in doc.notes)
