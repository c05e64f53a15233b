"""The progress file checks and the FSRS scheduler wrapper, run in Node as the browser runs them.

The modules are bundled with the project's esbuild (as the build does) and fed cases on stdin.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
FORMAT = "llm-interview-kb/practice"
DAY = timedelta(days=1)
T0 = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    if not shutil.which("node") or not ESBUILD.exists():
        pytest.skip("没有 node 或 node_modules/.bin/esbuild（make setup），跳过")
    bundle = tmp_path_factory.mktemp("node") / "driver.cjs"
    subprocess.run(
        [str(ESBUILD), str(Path(__file__).with_name("node_driver.js")), "--bundle", "--platform=node",
         "--format=cjs", f"--outfile={bundle}", "--log-level=warning"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )

    def _run(*cases):
        proc = subprocess.run(
            ["node", str(bundle)], input=json.dumps(cases), capture_output=True, text=True, check=True,
            env={**os.environ, "TZ": "UTC"},  # "today" is the reader's local day: pin it for the cases
        )
        return json.loads(proc.stdout)

    return _run


def iso(when: datetime) -> str:
    return when.isoformat().replace("+00:00", "Z")


def rated(run, grades: list[tuple[int, datetime]], record=None) -> list[dict]:
    return run(["rate", record, [[g, iso(t)] for g, t in grades]])[0]


def days(record: dict) -> float:
    return (datetime.fromisoformat(record["due"]) - datetime.fromisoformat(record["last_review"])) / DAY


def progress(cards: dict) -> str:
    return json.dumps({"format": FORMAT, "version": 1, "cards": cards})


def test_first_ratings_schedule_by_recall(run):
    again, hard, good = (rated(run, [(g, T0)])[0] for g in (3, 2, 1))  # 不会, 模糊, 会
    assert days(again) == 1  # 不会: back tomorrow
    assert 1 <= days(hard) <= days(good)
    assert days(good) >= 2
    assert (again["grade"], hard["grade"], good["grade"]) == (3, 2, 1)
    assert again["last_review"] == iso(T0).replace("Z", ".000Z")


def test_intervals_grow_while_the_reader_knows_the_answer_and_shrink_after_a_lapse(run):
    when, record, history = T0, None, []
    for _ in range(5):
        record = rated(run, [(1, when)], record)[0]
        history.append(days(record))
        when = datetime.fromisoformat(record["due"])
    assert history == sorted(history) and history[-1] > 30
    lapse = rated(run, [(3, when)], record)[0]
    assert lapse["lapses"] == record["lapses"] + 1 and days(lapse) < history[-1]


def test_every_record_the_scheduler_writes_is_accepted_by_the_import_check(run):
    records = rated(run, [(g, T0 + i * DAY) for i, g in enumerate([3, 2, 1, 1, 3, 2])])
    (result,) = run(["parse", progress({f"r1-{i:03d}": r for i, r in enumerate(records)})])
    assert "error" not in result and len(result["progress"]["cards"]) == len(records)


def test_due_today_means_due_before_local_midnight(run):
    record = rated(run, [(3, T0)])[0]  # due T0 + 1 day
    due = datetime.fromisoformat(record["due"])
    assert run(["state", None, iso(T0)]) == ["new"]
    assert run(["state", record, iso(T0)]) == ["later"]
    assert run(["state", record, iso(due.replace(hour=0, minute=1))]) == ["due"]  # the morning of its day
    assert run(["state", record, iso(due + 3 * DAY)]) == ["due"]  # overdue stays due


@pytest.fixture(scope="module")
def good(run) -> dict:
    return rated(run, [(2, T0)])[0]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "不是有效的 JSON"),
        ("", "不是有效的 JSON"),
        ("[1, 2]", "这不是本站导出的练习进度文件"),
        ('{"cards": {}}', "这不是本站导出的练习进度文件"),
        ('{"format": "anki", "version": 1, "cards": {}}', "这不是本站导出的练习进度文件"),
        (json.dumps({"format": FORMAT, "version": 2, "cards": {}}), "来自更新的站点"),
        (json.dumps({"format": FORMAT, "version": "1", "cards": {}}), "本站只认识版本 1"),
        (json.dumps({"format": FORMAT, "version": 1, "cards": []}), "缺少 cards"),
    ],
)
def test_foreign_or_damaged_files_are_refused_with_the_reason(run, text: str, message: str):
    (result,) = run(["parse", text])
    assert "progress" not in result and message in result["error"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"due": "明天"}, "due 不是日期时间"),
        ({"last_review": None}, "last_review 不是日期时间"),
        ({"reps": -1}, "reps 应为非负整数"),
        ({"lapses": 1.5}, "lapses 应为非负整数"),
        ({"stability": "big"}, "stability 应为非负数"),
        ({"difficulty": 11}, "difficulty 应为 1 到 10"),
        ({"state": 7}, "state 应为 0–3"),
        ({"grade": 4}, "grade 应为 1（会）"),
    ],
)
def test_a_file_with_one_bad_record_is_refused_whole(run, good: dict, change: dict, message: str):
    (result,) = run(["parse", progress({"r1-001": good, "r1-002": {**good, **change}})])
    assert "progress" not in result
    assert "r1-002" in result["error"] and message in result["error"] and "没有导入任何内容" in result["error"]


def test_bad_ids_are_refused(run, good: dict):
    (result,) = run(["parse", progress({"<script>": good})])
    assert "题目 id 的写法不对" in result["error"]


def test_merge_keeps_the_newer_record_of_each_question(run):
    old, new = rated(run, [(3, T0), (1, T0 + DAY)])
    mine = {"format": FORMAT, "version": 1, "cards": {"a-001": new, "b-001": old}}
    theirs = {"format": FORMAT, "version": 1, "cards": {"a-001": old, "b-001": new, "c-001": old}}
    (merged,) = run(["merge", mine, theirs])
    assert merged["progress"]["cards"] == {"a-001": new, "b-001": new, "c-001": old}
    assert (merged["added"], merged["updated"], merged["kept"]) == (1, 1, 1)


def test_a_card_reads_the_newest_record_of_its_questions(run):
    """A group card (several source questions) reads what was rated last, whichever member holds it."""
    old, new = rated(run, [(3, T0), (1, T0 + DAY)])
    assert run(["newest", [None, old, new, None]], ["newest", [new, old]], ["newest", [None]]) == [new, new, None]
