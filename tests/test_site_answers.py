"""Answers written by the site, on the real site: every bank question answered, every topic with
at least three answers, provenance and citations visible, counts by origin on the home page."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from kb.answers.load import load_answers

ROOT = Path(__file__).resolve().parent.parent
_SOURCE = re.compile(r'<p class="kb-source">(.*?)</p>', re.S)


def _answers():
    topics = set(yaml.safe_load((ROOT / "data" / "topics.yml").read_text(encoding="utf-8"))["topics"])
    answers, errors = load_answers(ROOT, topics)
    assert errors == []
    return answers


def test_every_bank_question_links_to_an_answer(built_site: Path):
    bank = (built_site / "bank" / "index.html").read_text(encoding="utf-8")
    questions = re.findall(r'<h3 id="(bank-\d{3})"', bank)
    assert len(questions) == 200
    assert "kb-bank-open" not in bank and "待补充" not in bank
    assert bank.count('class="kb-bank-answers"') == len(questions)
    for answer in _answers():
        for bank_id in answer.answers:
            start = bank.index(f'id="{bank_id}"')
            end = bank.find('<h3 id="bank-', start + 1)
            assert f"#{answer.id}" in bank[start:end], f"{bank_id} does not link to {answer.id}"


def test_every_topic_with_practice_questions_has_at_least_three_answers(built_site: Path):
    for page in sorted((built_site / "topics").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        answered = sum(1 for line in _SOURCE.findall(html) if 'class="kb-review' in line)
        if 'id="practice"' in html:
            assert answered >= 3, f"{page.parent.name}: {answered} answered questions"


def test_site_answers_show_who_wrote_them_their_review_and_their_sources(built_site: Path):
    answers = _answers()
    assert len(answers) >= 78
    for answer in answers:
        html = (built_site / "topics" / answer.topic / "index.html").read_text(encoding="utf-8")
        start = html.index(f'id="{answer.id}"')
        end = html.find("<h2 ", start + 1)
        section = html[start : end if end != -1 else len(html)]
        source = _SOURCE.search(section).group(1)
        assert "本站撰写" in source and answer.written in source
        assert re.search(r'class="kb-review kb-review-(ok|flagged)"', source), f"{answer.id} has no review state"
        assert "cite:" not in section
        for s in answer.sources:
            assert f'href="{s.url}"' in section.replace("&amp;", "&"), f"{answer.id}: {s.key} not linked"
        assert "参考资料" in section


def test_home_page_counts_answers_by_origin(built_site: Path):
    home = re.sub(r"<[^>]+>", " ", (built_site / "index.html").read_text(encoding="utf-8"))
    total = int(re.search(r"(\d+) 道有解答的题目", home).group(1))
    from_sources = int(re.search(r"整理自 \d+ 份公开资料\s+(\d+)", home).group(1))
    written = int(re.search(r"本站撰写（[^）]*）\s+(\d+)", home).group(1))
    assert written == len(_answers()) and from_sources + written == total
