"""The build's shared question index is parsed once, however many other pages hooks add afterwards."""
from __future__ import annotations

from mkdocs.structure.files import File, Files

from kb.links.pages import site_question_index


def test_index_is_shared_after_a_non_question_page_is_added(tmp_path):
    docs = tmp_path / "docs"
    pages = {
        "index.md": "# 首页\n",
        "topics/a.md": "# A\n\n## 问题一 {#r1-001}\n\n回答。\n",
        "glossary.md": "# 术语表\n",
        "topics/b.md": "# B\n\n## 问题二 {#r1-002}\n\n回答。\n",
    }
    for rel, text in pages.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text, encoding="utf-8")

    def file(rel: str) -> File:
        return File(rel, str(docs), str(tmp_path / "site"), True)

    files = Files([file("index.md"), file("topics/a.md")])
    first = site_question_index(files)
    files.append(file("glossary.md"))  # as hooks/glossary_page.py does after the index is built
    assert site_question_index(files) is first
    assert list(first.anchors) == ["r1-001"]
    files.append(file("topics/b.md"))
    assert list(site_question_index(files).anchors) == ["r1-001", "r1-002"]
