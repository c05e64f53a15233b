"""The reviewed mapping (data/mapping.yml) and topics (data/topics.yml), validated against the sources."""
from __future__ import annotations

from pathlib import Path

from kb.errors import ConfigError
from kb.model import Group, Mapping, Moved, Question, Topic
from kb.yamlfile import expect, load_yaml


def load_topics(root: Path) -> dict[str, Topic]:
    path = root / "data" / "topics.yml"
    data, lines = load_yaml(path, root)
    expect(data, dict, "data/topics.yml:1", "文件顶层")
    topics: dict[str, Topic] = {}
    for slug, item in expect(data.get("topics") or {}, dict, "data/topics.yml:1", "`topics`").items():
        if not isinstance(item, dict) or not item.get("title"):
            raise ConfigError(f"data/topics.yml:{lines.get(('topics', slug), 1)}: 主题 `{slug}` 缺少 title")
        for key in ("title", "intro"):  # printed by the theme as page title and <meta name="description">
            if set(str(item.get(key, ""))) & set('<>"'):
                raise ConfigError(
                    f"data/topics.yml:{lines.get(('topics', slug), 1)}: 主题 `{slug}` 的 {key} 不是纯文本 — "
                    "不能含 < > \"，请删掉这些字符或改写"
                )
        topics[slug] = Topic(slug, item["title"], item.get("intro", ""))
    return topics


def load_mapping(root: Path, questions: dict[str, Question]) -> Mapping:
    """Every question is placed exactly once; groups join answered questions of several documents."""
    topics = load_topics(root)
    path = root / "data" / "mapping.yml"
    data, lines = load_yaml(path, root)
    rel = "data/mapping.yml"
    expect(data, dict, f"{rel}:1", "文件顶层")
    errors: list[str] = []
    topic_of: dict[str, str] = {}
    for qid, slug in expect(data.get("questions") or {}, dict, f"{rel}:1", "`questions`").items():
        line = lines.get(("questions", qid), 1)
        if qid not in questions:
            errors.append(f"{rel}:{line}: 没有 id 为 `{qid}` 的问题 — 检查拼写（id 形如 r1-021）")
        elif slug not in topics:
            errors.append(f"{rel}:{line}: `{qid}` 的主题 `{slug}` 不在 data/topics.yml 中 — 请先添加该主题")
        topic_of[qid] = slug
    for qid, q in questions.items():
        if qid not in topic_of:
            errors.append(f"{rel}:1: 问题 `{qid}`（{q.title[:30]}）没有分配主题 — 在 questions: 下加一行 `{qid}: <主题>`")
    groups: dict[str, Group] = {}
    used: dict[str, str] = {}
    for gid, item in expect(data.get("groups") or {}, dict, f"{rel}:1", "`groups`").items():
        line = lines.get(("groups", gid), 1)
        expect(item, dict, f"{rel}:{line}", f"合并组 `{gid}`")
        members = tuple(expect(item.get("members") or [], list, f"{rel}:{line}", f"合并组 `{gid}` 的 members"))
        topic = item.get("topic")
        if not item.get("title") or topic not in topics or len(members) < 2:
            errors.append(f"{rel}:{line}: 合并组 `{gid}` 需要 title、有效的 topic 和至少两个 members")
            continue
        for m in members:
            if m not in questions:
                errors.append(f"{rel}:{line}: 合并组 `{gid}` 的成员 `{m}` 不存在")
            elif not questions[m].answered:
                errors.append(f"{rel}:{line}: 合并组 `{gid}` 的成员 `{m}` 没有答案，不能合并")
            elif topic_of.get(m) != topic:
                errors.append(f"{rel}:{line}: 合并组 `{gid}` 的成员 `{m}` 的主题是 `{topic_of.get(m)}`，应与组的主题 `{topic}` 一致")
            if m in used:
                errors.append(f"{rel}:{line}: `{m}` 同时出现在合并组 `{used[m]}` 和 `{gid}` 中")
            used[m] = gid
        if gid in questions:
            errors.append(f"{rel}:{line}: 合并组 id `{gid}` 与问题 id 相同 — 换一个名字")
        groups[gid] = Group(gid, item["title"], topic, members)
    moved = _load_moved(data, lines, questions, topic_of, groups, topics, errors)
    if errors:
        raise ConfigError("\n".join(errors))
    return Mapping(topics, topic_of, groups, moved)


def _load_moved(
    data: dict,
    lines: dict[tuple, int],
    questions: dict[str, Question],
    topic_of: dict[str, str],
    groups: dict[str, Group],
    topics: dict[str, Topic],
    errors: list[str],
) -> dict[str, Moved]:
    """`moved:` — old anchors. An id may only be aliased on a page it is no longer on."""
    rel = "data/mapping.yml"
    moved: dict[str, Moved] = {}
    for old, item in expect(data.get("moved") or {}, dict, f"{rel}:1", "`moved`").items():
        line = lines.get(("moved", old), 1)
        if not isinstance(item, dict) or item.get("from") not in topics or not item.get("to"):
            errors.append(f"{rel}:{line}: `moved` 的 `{old}` 需要 from（原来所在的主题）和 to（现在的题目或合并组 id）")
            continue
        to = item["to"]
        if to not in questions and to not in groups:
            errors.append(f"{rel}:{line}: `{old}` 的 to `{to}` 既不是题目 id 也不是合并组 id")
            continue
        still_here = (old in questions and topic_of.get(old) == item["from"]) or (old in groups and groups[old].topic == item["from"])
        if still_here:
            errors.append(f"{rel}:{line}: `{old}` 仍在主题 `{item['from']}` 的页面上，不需要旧链接")
            continue
        moved[old] = Moved(old, item["from"], to)
    return moved
