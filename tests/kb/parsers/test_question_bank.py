"""Parser `question-bank` on the 200-question book list."""
from kb.parsers.question_bank import parse
from tests.kb.parsers.helpers import manifest_doc, source_lines


def test_multiline_question_is_joined_and_both_colons_accepted():
    doc = parse(manifest_doc("bank"), source_lines("bank", 201, 233))
    by_id = {q.id: q for q in doc.questions}
    assert by_id["bank-100"].title == (
        "为什么 ViT 不能简单地像处理文本词元那样，为每个图像块分配一个唯一的、离散的 ID，而是必须采用线性投影生成连续的嵌入向量？"
    )
    assert by_id["bank-101"].title.startswith("在 CLIP 训练过程中")  # `Q101：` full-width colon
    assert by_id["bank-098"].chapter == "第 8 章 语义搜索与 RAG"
    assert by_id["bank-100"].chapter == "第 9 章 多模态大模型"


def test_whole_file_without_final_newline():
    d = manifest_doc("bank")
    text = d.path.read_text(encoding="utf-8")
    assert not text.endswith("\n")
    doc = parse(d, text)
    assert [int(q.number) for q in doc.questions] == list(range(1, 201))
    assert len({q.chapter for q in doc.questions}) == 14
    assert doc.questions[-1].title.endswith("？")
