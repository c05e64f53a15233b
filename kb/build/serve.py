"""`mkdocs serve`: what else to watch, and a missing page during a rebuild is not a build warning.

MkDocs watches docs/ and mkdocs.yml. The site is also made from the reviewed data, the theme
overrides, the build code (kb/) and the notebook sources, so those are watched too (the plugin's
`watch` option). The development server logs a 404 as a WARNING on the `mkdocs` logger; in strict
mode a build counts every warning logged while it runs, so a browser asking for a page that is
being rebuilt used to fail that rebuild. A 404 is the server's business, not the build's: it is
logged at INFO.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from kb.build.config import KnowledgeBaseConfig

SERVER_LOGGER = "mkdocs.livereload"


def watched_paths(config: MkDocsConfig, options: KnowledgeBaseConfig) -> list[Path]:
    """The existing paths of the `watch` option, plus the theme's custom_dir (overrides/)."""
    root = Path(config.config_file_path).resolve().parent
    paths = [root / p for p in options.watch]
    custom_dir = config.theme.custom_dir
    if custom_dir:
        paths.append(Path(custom_dir))
    unique = dict.fromkeys(p.resolve() for p in paths if p.exists())
    return list(unique)


class _MissingPageIsInfo(logging.Filter):
    """Turns the server's `"GET /x" code 404` warning into an INFO record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and '" code 404' in record.getMessage():
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def quiet_missing_pages() -> None:
    """Install the filter on the server's logger (once)."""
    logger = logging.getLogger(SERVER_LOGGER)
    if not any(isinstance(f, _MissingPageIsInfo) for f in logger.filters):
        logger.addFilter(_MissingPageIsInfo())
