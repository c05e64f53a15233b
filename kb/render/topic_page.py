"""A topic page: its questions (cross-document groups as one entry) and practice questions."""
from __future__ import annotations

from kb.model import Group, Mapping, Question, SourceDoc, Topic
from kb.render.question import number_label, render_question


def _group_entry(group: Group, questions: dict[str, Question], docs: dict[str, SourceDoc]) -> str:
    members = [questions[m] for m in group.members]
    links = "、".join(f"[《{docs[q.doc].title}》{number_label(q, docs[q.doc])}](#{q.id})" for q in members)
    sources = len({q.doc for q in members})
    origin = f"来自 {sources} 份资料" if sources > 1 else "来自同一份资料的不同问题"
    lead = f"本题汇集 {len(members)} 个回答（{origin}）：{links}。\n{{: .kb-group-lead }}"
    parts = [f"## {group.title} {{#{group.id}}}", lead]
    for q in members:
        parts.append(render_question(q, docs[q.doc], 3, "../"))
    return "\n\n".join(parts)


def render_topic(
    topic: Topic,
    entries: list[Question | Group],
    answered: int,
    practice: list[Question],
    questions: dict[str, Question],
    docs: dict[str, SourceDoc],
    moved: str = "",
    site: list[str] | None = None,
) -> str:
    """Entries are questions or groups in page order; practice are bank questions of the topic;
    ``site`` are the rendered answers this site wrote for the topic (kb.render.site_answer), shown after."""
    site = site or []
    title_only = sum(1 for e in entries if isinstance(e, Question) and not e.answered)
    groups = sum(isinstance(e, Group) for e in entries)
    summary = f"本页收录 {answered + len(site)} 道有解答的题目"
    notes = []
    if groups:
        notes.append(f"{groups} 组是同一问题的多个回答，合并展示")
    if site:
        notes.append(f"最后 {len(site)} 道由本站撰写，标有“本站撰写”")
    if notes:
        summary += "（其中 " + "；".join(notes) + "）"
    if title_only:
        summary += f"，{title_only} 个只有标题的条目（原资料的图片缺失）"
    summary += f"，另有 {len(practice)} 道练习题。" if practice else "。"
    out = [f"# {topic.title}", topic.intro, summary] if topic.intro else [f"# {topic.title}", summary]
    for e in entries:
        if isinstance(e, Group):
            out.append(_group_entry(e, questions, docs))
        else:
            out.append(render_question(e, docs[e.doc], 2, "../"))
    out.extend(site)
    if moved:
        out.append(moved)
    if practice:
        bank_doc = docs[practice[0].doc]
        items = "\n".join(f"- [Q{q.number}：{q.title}](../bank.md#{q.id})" for q in practice)
        out.append(
            "## 练习题 {#practice}\n\n"
            f"以下题目来自《{bank_doc.title}》，原书没有给出答案：先自己作答，再对照本页与题库中的链接。\n\n{items}"
        )
    return "\n\n".join(out)


def page_entries(slug: str, mapping: Mapping, ordered: list[Question]) -> list[Question | Group]:
    """Answered questions of a topic in source order; a group stands where its first member stands."""
    entries: list[Question | Group] = []
    placed: set[str] = set()
    for q in ordered:
        if mapping.topic_of.get(q.id) != slug:
            continue
        group = mapping.group_of(q.id)
        if group is None:
            entries.append(q)
        elif group.id not in placed:
            placed.add(group.id)
            entries.append(group)
    return entries
