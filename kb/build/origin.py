"""Where a piece of a built page came from: the file and line a contributor edits.

A finding in a page's HTML carries needles (how the offending markup may be written); they are
looked up, in order, in the page's Markdown (through its source map, so lines inserted from
data/reviews/ name the review file), in the notebook source for notebook pages, and in the
reviewed data files that generated pages and added blocks come from.
"""
from __future__ import annotations

from functools import cached_property
from pathlib import Path

from mkdocs.structure.pages import Page

from kb.build.state import BuildState
from kb.links.locate import find_lines


class Origins:
    """Finds the source file and line of markup in this build's pages."""

    def __init__(self, build: BuildState) -> None:
        self.build = build

    @cached_property
    def data_files(self) -> list[tuple[str, str]]:
        """``(label, text)`` of every reviewed data file (YAML) the build reads."""
        options, found = self.build.options, []
        paths = [options.glossary, options.related, options.bank_links, options.notebook_links, options.search_aliases]
        reviews = self.build.path(options.reviews)
        if reviews.is_dir():
            paths += [p.relative_to(self.build.root).as_posix() for p in sorted(reviews.rglob("*.yml"))]
        for rel in paths:
            path = self.build.path(rel)
            if path.is_file():
                found.append((rel, path.read_text(encoding="utf-8")))
        return found

    def notebook_source(self, page: Page) -> tuple[str, str] | None:
        """``(label, text)`` of the notebooks/<name>.md a notebook page was executed from, else its .ipynb."""
        stem = Path(page.file.src_uri).stem
        source = self.build.root / "notebooks" / f"{stem}.md"
        if source.is_file():
            return f"notebooks/{stem}.md", source.read_text(encoding="utf-8")
        if page.file.abs_src_path:
            return self.build.label(page.file.src_uri), Path(page.file.abs_src_path).read_text(encoding="utf-8")
        return None

    def _page_sources(self, page: Page) -> list[tuple[str, str, object]]:
        """The page's own texts as ``(label, text, source map or None)``."""
        uri = page.file.src_uri
        if uri.endswith(".ipynb"):
            source = self.notebook_source(page)
            return [(source[0], source[1], "code")] if source else []  # outputs come from the code
        found: list[tuple[str, str, object]] = []
        source_map = self.build.source_maps.get(uri)
        if source_map is not None and source_map.text:
            found.append(("", source_map.text, source_map))
        if page.file.abs_src_path is not None:
            found.append((self.build.label(uri), page.file.content_string, None))
        return found

    def locate(self, page: Page | None, needles: tuple[str, ...], fallback: str, *, frame: bool = False,
               occurrence: int = 0) -> str:
        """``file:line`` of the first needle found: in the page (after the data files for a generated page),
        the data files, then (for the theme's frame, which shows every page's title) any page;
        ``occurrence``: the same markup seen before on this page, so a repeat names its own line."""
        own = self._page_sources(page) if page is not None else []
        data = [(label, text, None) for label, text in self.data_files]
        generated = page is not None and page.file.abs_src_path is None
        candidates = data + own if generated else own + data
        if frame:
            candidates += [(self.build.label(uri), text, None) for uri, text in self.build.sources.items()]
        for needle in needles:
            if not needle:
                continue
            found: list[str] = []
            for label, text, source_map in candidates:
                for line in find_lines(text, needle, code=source_map == "code"):
                    if source_map is not None and source_map != "code":
                        file, at = source_map.locate(line)  # type: ignore[attr-defined]
                        found.append(f"{file}:{at}")
                    else:
                        found.append(f"{label}:{line}")
                if found:
                    return found[min(occurrence, len(found) - 1)]
        return fallback

