"""Old anchors of a topic page: ids that moved away keep working at their old URL.

Each is an `<a name="id">` (a browser scrolls to it like to an id, and the id stays unique
to the heading it moved with) in a line that links to where the question is now.
"""
from __future__ import annotations

from kb.links.questions import link_text
from kb.model import Mapping, Question


def render_moved(slug: str, mapping: Mapping, questions: dict[str, Question]) -> str:
    lines = []
    for m in sorted((m for m in mapping.moved.values() if m.topic == slug), key=lambda m: m.id):
        group = mapping.groups.get(m.to)
        topic = group.topic if group else mapping.topic_of[m.to]
        title = group.title if group else questions[m.to].title
        target = f"#{m.to}" if topic == slug else f"{topic}.md#{m.to}"
        where = "本页" if topic == slug else f"《{mapping.topics[topic].title}》"
        lines.append(f'<a name="{m.id}"></a>旧链接 `#{m.id}`：现在在{where}的[{link_text(title)}]({target})\n{{: .kb-moved }}')
    if not lines:
        return ""
    return "以下是本页以前的题目链接，题目已移到别处或拆开：\n{: .kb-moved-lead }\n\n" + "\n\n".join(lines)
