"""The MkDocs plugin that builds the site (`plugins: [kb]` in mkdocs.yml), written like Material's own.

Typed options (kb/build/config.py); one BuildState created when a build starts and dropped when it
ends, holding the features of that build; the features run in the order kb/build/order.py states.
What outlives a build is only what must: the KaTeX Node process (slow to start) and what
`mkdocs serve` told us at startup.
"""
from __future__ import annotations

import atexit
import logging

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from kb.build.config import KnowledgeBaseConfig
from kb.build.features.base import Feature
from kb.build.order import FEATURES
from kb.build.serve import code_fingerprint, quiet_missing_pages, restart, restartable, watched_paths
from kb.build.state import BuildState
from kb.math.renderer import KatexUnavailable, Renderer

log = logging.getLogger("mkdocs.plugins.kb")
EVENTS = ("on_config", "on_files", "on_nav", "on_page_read_source", "on_page_markdown", "on_page_content", "on_env", "on_page_context",
          "on_post_page", "on_post_template", "on_post_build")


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.code = code_fingerprint()  # the build code this process loaded
        self.is_serve = False
        self.is_dirty = False
        self.renderer: Renderer | None = None
        self.build: BuildState | None = None
        self.features: dict[str, list[Feature]] = {}

    # -- lifetime of the process ---------------------------------------------------------------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serve = command == "serve"
        self.is_dirty = dirty

    def on_shutdown(self) -> None:
        if self.renderer is not None:
            self.renderer.close()

    # Runs last so that MkDocs' own watches and other plugins' are in place; ours add data/, the
    # theme overrides, the build code and the notebook sources, and a 404 while the site is being
    # rebuilt no longer counts as a warning that fails the rebuild in strict mode.
    @event_priority(-100)
    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        for path in watched_paths(config, self.config):
            server.watch(str(path))
        quiet_missing_pages()
        return server

    # -- one build -------------------------------------------------------------------------------
    # First (high priority): the build state exists before any other plugin's on_config might
    # trigger our events, and Math adds KaTeX's stylesheet in front of the theme's extra CSS.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.is_serve and restartable() and code_fingerprint() != self.code:
            if self.renderer is not None:
                self.renderer.close()
            restart(config, log)
        if self.renderer is None:
            try:
                self.renderer = Renderer()
            except KatexUnavailable as err:
                raise PluginError(str(err)) from err
            atexit.register(self.renderer.close)
        self.build = BuildState(config, self.config, self.renderer, dirty=self.is_dirty)
        self.renderer.load_disk_cache(self.build.path(self.config.cache_dir) / "katex")
        features = [feature(self.build) for feature, _ in FEATURES if feature.option is None or self.config[feature.option]]
        self.features = {event: [f for f in features if f.handles(event)] for event in EVENTS}
        self._run("on_config")
        return config

    # Late: other plugins have settled the file list, so the pages we read (notebooks included) and
    # the pages we generate join a complete list.
    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        build = self._state()
        build.files = files
        for feature in self._handling("on_files"):
            files = feature.on_files(files) or files
            build.files = files
        return files

    # Default: the navigation only tells the search index the order of the pages.
    @event_priority(0)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self._run("on_nav", nav)
        return nav

    # Default: no other plugin of the site reads page sources.
    @event_priority(0)
    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        for feature in self._handling("on_page_read_source"):
            source = feature.on_page_read_source(page)
            if source is not None:
                return source
        return None

    # Default: no other plugin of the site edits Markdown.
    @event_priority(0)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        for feature in self._handling("on_page_markdown"):
            markdown = feature.on_page_markdown(markdown, page)
        return markdown

    # Default: no other plugin of the site edits converted HTML. The page is read once here, after
    # the last feature changed it, for the checks and the search index (kb/build/page_scan.py).
    @event_priority(0)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        for feature in self._handling("on_page_content"):
            html = feature.on_page_content(html, page)
        self._state().scan(page, html)
        return html

    # Default: every page is converted and nothing is written yet, whatever the priority.
    @event_priority(0)
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self._run("on_env")
        return env

    # Before Material's search plugin (0): the search feature marks each page excluded from
    # Material's own index, so Material does not parse the page a second time for nothing.
    @event_priority(50)
    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        self._run("on_page_context", page)
        return context

    # Last: the output as it will be written, after any other plugin changed it.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        for feature in self._handling("on_post_page"):
            output = feature.on_post_page(output, page)
        return output

    # Last: the output as it will be written, after any other plugin changed it.
    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        for feature in self._handling("on_post_template"):
            output_content = feature.on_post_template(output_content, template_name)
        return output_content

    # Last: after Material's search plugin has written its index (the search feature stubs it);
    # then the build is over and its state is dropped.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            self._run("on_post_build")
            self._state().save_caches()
        finally:
            self._end()

    def on_build_error(self, *, error: Exception) -> None:
        self._end()

    # -- helpers -----------------------------------------------------------------------------
    def _state(self) -> BuildState:
        if self.build is None:
            raise PluginError("kb 插件的构建状态不存在：on_config 没有运行")
        return self.build

    def _handling(self, event: str) -> list[Feature]:
        return self.features.get(event, [])

    def _run(self, event: str, *args: object) -> None:
        for feature in self._handling(event):
            getattr(feature, event)(*args)

    def _end(self) -> None:
        self.build = None
        self.features = {}
