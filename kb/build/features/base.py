"""What a feature is: one class whose methods the plugin calls at MkDocs' events, in FEATURES order.

A feature is created at the start of every build with that build's state and dropped at its end,
so whatever it keeps on itself lasts exactly one build. It overrides only the events it needs;
each method receives the page (or nothing) and the build state is ``self.build``.
"""
from __future__ import annotations

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kb.build.state import BuildState


class Feature:
    """Base class: every event is a no-op until a feature overrides it."""

    option: str | None = None  # a boolean plugin option that switches the feature off, if it has one

    def __init__(self, build: BuildState) -> None:
        self.build = build

    def on_config(self) -> None:
        """The configuration is loaded: adjust it (add a stylesheet)."""

    def on_files(self, files: Files) -> Files | None:
        """The file list is complete: read data, check it against the pages, add generated pages
        (or return a new file list)."""

    def on_nav(self, nav: Navigation) -> None:
        """The navigation is built."""

    def on_page_read_source(self, page: Page) -> str | None:
        """The text MkDocs should read as the page's Markdown instead of its file (None: the file)."""
        return None

    def on_page_markdown(self, markdown: str, page: Page) -> str:
        """A page's Markdown, before it is converted: insert or replace Markdown."""
        return markdown

    def on_page_content(self, html: str, page: Page) -> str:
        """A page's content HTML, just converted."""
        return html

    def on_env(self) -> None:
        """Every page is converted, nothing is written yet: whole-site work and checks."""

    def on_page_context(self, page: Page) -> None:
        """A page is about to be written with its template: its content is final."""

    def on_post_page(self, output: str, page: Page) -> str:
        """A page's full HTML, as it will be written."""
        return output

    def on_post_template(self, output: str, name: str) -> str:
        """A static template of the theme (404.html, sitemap.xml) as it will be written."""
        return output

    def on_post_build(self) -> None:
        """Every file is written."""

    @classmethod
    def handles(cls, event: str) -> bool:
        """True when this feature overrides ``event`` (the plugin calls only those)."""
        return getattr(cls, event) is not getattr(Feature, event)
