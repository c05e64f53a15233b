"""Review files: every mistake is reported as file:line with a way to fix it."""
import textwrap
from pathlib import Path

from kb.reviews.load import load_reviews

REFS = """\
references:
  paper:
    title: "A paper"
    url: https://arxiv.org/abs/0000.00000
"""


def _load(tmp_path: Path, files: dict[str, str]):
    folder = tmp_path / "data" / "reviews"
    folder.mkdir(parents=True)
    (folder / "references.yml").write_text(REFS, encoding="utf-8")
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return load_reviews(folder, tmp_path)


def test_a_valid_file_loads_with_states_and_notes(tmp_path):
    reviews, errors = _load(tmp_path, {"a.yml": """\
        questions:
          a-001: {}
          a-002:
            notes:
              - quote: 某句话
                verdict: 错误
                note: 应为另一说法。
                cite:
                  - {ref: paper, at: "§2"}
                  - {title: 文档, url: "https://example.org/doc"}
        """})
    assert errors == []
    assert reviews.state("a-001").notes == []
    [note] = reviews.state("a-002").notes
    assert (note.label, note.kind, note.line) == ("勘误", "danger", 5)
    assert note.citations[0].markdown() == "[A paper](https://arxiv.org/abs/0000.00000)，§2"


def test_a_note_without_citation_is_an_error_at_its_line(tmp_path):
    _, errors = _load(tmp_path, {"a.yml": """\
        questions:
          a-001:
            notes:
              - quote: 某句话
                verdict: 无出处
                note: 没有出处。
        """})
    assert errors == [
        "data/reviews/a.yml:4: 审校意见没有引用任何来源 — 在 `cite:` 下至少列出一条（论文 + 章节/表/图，或文档网址）"
    ]


def test_unknown_verdict_ref_and_duplicates_are_reported_together(tmp_path):
    _, errors = _load(tmp_path, {
        "a.yml": """\
            questions:
              a-001:
                notes:
                  - quote: 某句话
                    verdict: 不对
                    note: x
                    cite: [{ref: nothing, at: "§1"}]
            """,
        "b.yml": """\
            questions:
              a-001: {}
            """,
    })
    assert any(e.startswith("data/reviews/a.yml:5: verdict 应是") for e in errors)
    assert any(e.startswith("data/reviews/a.yml:7: 引用的文献 `nothing`") for e in errors)
    assert any(e.startswith("data/reviews/b.yml:2: 题目 `a-001` 已在 data/reviews/a.yml:2 审校过") for e in errors)
