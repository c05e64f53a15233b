"""Parser `html-headings`: numbered <h3>/<h1> questions, duplicate number, TOC and images."""
from kb.parsers.html_headings import parse
from tests.kb.parsers.helpers import manifest_doc


def _whole():
    d = manifest_doc("basics")
    return parse(d, d.path.read_text(encoding="utf-8"))


def test_all_questions_including_unlisted_second_21():
    doc = _whole()
    assert len(doc.questions) == 84
    twenty_ones = [q for q in doc.questions if q.number == "21"]
    assert [q.id for q in twenty_ones] == ["basics-021", "basics-021-2"]
    assert doc.questions[-1].id == "basics-083"  # the source's id typo '883.' does not matter


def test_toc_dropped_with_its_broken_links_reported():
    doc = _whole()
    assert sum(n.kind == "toc" for n in doc.notes) == 4
    assert any("手写目录" in x.reason for x in doc.drops)


def test_missing_images_are_not_linked():
    doc = _whole()
    assert sum("图片" in x.reason for x in doc.drops) == 13
    assert all("![" not in p.markdown for q in doc.questions for p in q.parts)


def test_math_delimiters_normalized():
    doc = _whole()
    q40 = next(q for q in doc.questions if q.id == "basics-040")
    md = q40.parts[0].markdown
    assert "\\(" not in md and "\\[" not in md
    assert "$4 \\times P$" in md
    q11 = next(q for q in doc.questions if q.id == "basics-011")
    assert "$p(x_{1:L})$" in q11.parts[0].markdown  # `$ 𝑝(𝑥_{1:𝐿})$` → plain letters, no stray space


def test_text_html_would_swallow_is_escaped():
    q27 = next(q for q in _whole().questions if q.id == "basics-027")
    assert "特殊符号&lt;X&gt;, &lt;Y&gt;" in q27.parts[0].markdown
