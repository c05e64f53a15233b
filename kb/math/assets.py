"""KaTeX's stylesheet and fonts, served from the site itself (copied from node_modules)."""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .renderer import katex_dir

SITE_DIR = "assets/katex"
STYLESHEET = f"{SITE_DIR}/katex.min.css"
_FONT_URL = re.compile(r"url\((?:fonts/)([^)?#]+)\)")


def asset_files(config: MkDocsConfig) -> list[File]:
    """katex.min.css plus every font file it references, as files of the built site."""
    dist = katex_dir() / "dist"
    css = dist / "katex.min.css"
    files = [File.generated(config, STYLESHEET, abs_src_path=str(css))]
    for name in font_names(css):
        font = dist / "fonts" / name
        files.append(File.generated(config, f"{SITE_DIR}/fonts/{name}", abs_src_path=str(font)))
    return files


def add_assets(files: Files, config: MkDocsConfig) -> None:
    for file in asset_files(config):
        if files.get_file_from_path(file.src_uri) is None:
            files.append(file)


def font_names(css_path: Path) -> list[str]:
    """Font files named by url(fonts/…) in the stylesheet."""
    return sorted(set(_FONT_URL.findall(css_path.read_text(encoding="utf-8"))))
