"""Questions and worked-example notebooks link both ways (data/notebook-links.yml)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from kb.build.features.base import Feature
from kb.errors import ConfigError
from kb.links.markdown_index import headings
from kb.links.notebooks import LinkedQuestion, add_boxes, back_links, load_notebook_links, notebook_title


@dataclass(frozen=True)
class _Question:
    src_uri: str
    title: str
    page_title: str


class NotebookLinks(Feature):
    def __init__(self, build) -> None:
        super().__init__(build)
        self.links: dict[str, list[str]] = {}
        self.questions: dict[str, _Question] = {}
        self.titles: dict[str, str] = {}

    def on_files(self, files: Files) -> None:
        build = self.build
        label = build.options.notebook_links
        path = build.path(label)
        if not path.exists():
            return
        try:
            data = load_notebook_links(path, label)
        except ConfigError as exc:
            raise PluginError(str(exc)) from None
        questions: dict[str, _Question] = {}
        for uri, text in build.sources.items():
            body, meta = get_data(text)
            for heading in headings(body):
                if heading.id:
                    questions.setdefault(heading.id, _Question(uri, heading.title, str(meta.get("title") or "")))
        for qid, paths in data.links.items():
            line = data.lines[qid]
            if qid not in questions:
                raise PluginError(f"{label}:{line}: 题目 id “{qid}” 在 docs/ 的任何标题里都找不到（{{#{qid}}}）")
            for p in paths:
                file = files.get_file_from_path(p)
                if file is None or file.abs_src_path is None:
                    raise PluginError(f"{label}:{line}: 找不到笔记本 docs/{p}")
                self.titles[p] = notebook_title(Path(file.abs_src_path))
        self.links, self.questions = data.links, questions

    def on_page_markdown(self, markdown: str, page: Page) -> str:
        src = page.file.src_uri
        links = {qid: nbs for qid, nbs in self.links.items() if self.questions[qid].src_uri == src}
        return add_boxes(markdown, src, links, self.titles) if links else markdown

    def on_page_content(self, html: str, page: Page) -> str:
        src = page.file.src_uri
        if not src.endswith(".ipynb"):
            return html
        files = self.build.files
        assert files is not None
        linked = []
        for qid, paths in self.links.items():
            if src not in paths:
                continue
            q = self.questions[qid]
            target = files.get_file_from_path(q.src_uri)
            assert target is not None
            linked.append(LinkedQuestion(qid, q.title, q.page_title, get_relative_url(target.url, page.url) + f"#{qid}"))
        return html + back_links(linked)
