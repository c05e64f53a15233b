"""A site-written answer on its topic page: the question, a source line that says who wrote it, the
answer with its citations resolved to links, and the primary sources it rests on."""
from __future__ import annotations

import re

from kb.answers.model import ORIGIN_KEY, SiteAnswer

ORIGIN_TITLE = "本站撰写"
_CITE = re.compile(r"\]\(cite:([A-Za-z0-9_-]+)\)")


def resolve_cites(body: str, answer: SiteAnswer) -> str:
    """``[LLaVA §4.1](cite:llava)`` → a link to the source's page."""
    urls = {s.key: s.url for s in answer.sources}
    return _CITE.sub(lambda m: f"]({urls[m.group(1)]})", body)


def render_site_answer(answer: SiteAnswer, link_prefix: str = "../") -> str:
    source = (
        f"出处：[{ORIGIN_TITLE}]({link_prefix}sources.md#src-{ORIGIN_KEY}) · {answer.written} · "
        f"依据 {len(answer.sources)} 份一手资料（见文末参考资料）\n{{: .kb-source }}"
    )
    references = "\n".join(f"{i}. [{s.title}]({s.url})" for i, s in enumerate(answer.sources, 1))
    return "\n\n".join([
        f"## {answer.title} {{#{answer.id}}}",
        source,
        resolve_cites(answer.body, answer),
        f"**参考资料**\n{{: .kb-site-references }}\n\n{references}",
    ])
