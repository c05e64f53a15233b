"""`mkdocs serve`: what else to watch, and a missing page during a rebuild is not a build warning.

MkDocs watches docs/ and mkdocs.yml. The site is also made from the reviewed data, the theme
overrides, the build code (kb/) and the notebook sources, so those are watched too (the plugin's
`watch` option). The development server logs a 404 as a WARNING on the `mkdocs` logger; in strict
mode a build counts every warning logged while it runs, so a browser asking for a page that is
being rebuilt used to fail that rebuild. A 404 is the server's business, not the build's: it is
logged at INFO. A change of the build code itself (kb/) cannot be picked up by a rebuild in the same
process, so serve starts again, in the same process and with the same arguments, and loads it.
"""
from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path
from typing import NoReturn

from mkdocs.config.defaults import MkDocsConfig

import kb
from kb.build.config import KnowledgeBaseConfig

SERVER_LOGGER = "mkdocs.livereload"


def watched_paths(config: MkDocsConfig, options: KnowledgeBaseConfig) -> list[Path]:
    """The existing paths of the `watch` option, the theme's custom_dir (overrides/) and the build code
    as loaded (the kb package, wherever it is installed from)."""
    root = Path(config.config_file_path).resolve().parent
    paths = [root / p for p in options.watch] + [Path(kb.__file__).resolve().parent]
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


def code_fingerprint() -> tuple[tuple[str, int], ...]:
    """Modification times of the build code: every .py file of the loaded kb package."""
    package = Path(kb.__file__).resolve().parent
    return tuple(sorted((p.as_posix(), p.stat().st_mtime_ns) for p in package.rglob("*.py")))


def restartable() -> bool:
    """True when this process is `mkdocs serve` run from the command line, which its arguments can start again."""
    return len(sys.argv) > 1 and sys.argv[1] == "serve" and Path(sys.argv[0]).name in ("__main__.py", "mkdocs")


def restart(config: MkDocsConfig, log: logging.Logger) -> NoReturn:
    """Replace this process by a new `mkdocs serve` with the same arguments (the port is free again at
    once; the browser's live-reload reconnects and reloads). The old preview folder is removed first."""
    log.info("构建代码（kb/）有改动：重新启动 mkdocs serve 以载入新代码")
    shutil.rmtree(config.site_dir, ignore_errors=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", "mkdocs", *sys.argv[1:]])
