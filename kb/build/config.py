"""The plugin's options in mkdocs.yml (`plugins: [kb]`): where the reviewed data lives, what serve watches.

Every path is relative to the folder of mkdocs.yml. The defaults are this repository's layout, so
the site's mkdocs.yml names none of them; a test project or a fork can point anywhere.
"""
from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import ListOfItems, Type


class KnowledgeBaseConfig(Config):
    # Reviewed data (see README: 术语表与交叉链接, 审校)
    manifest = Type(str, default="sources/manifest.yml")
    glossary = Type(str, default="data/glossary.yml")
    related = Type(str, default="data/related.yml")
    bank_links = Type(str, default="data/bank-links.yml")
    notebook_links = Type(str, default="data/notebook-links.yml")
    reviews = Type(str, default="data/reviews")
    search_aliases = Type(str, default="data/search-aliases.yml")

    # The site's own search index; false leaves Material's built-in search as it is (for comparisons)
    search_index = Type(bool, default=True)

    # Practice mode (README: 练习模式); false leaves it out of the build. The browser sources are
    # bundled by esbuild at build time and not copied as they are.
    practice = Type(bool, default=True)
    practice_scripts = Type(str, default="overrides/assets/javascripts/practice")

    # Results kept between builds, keyed by content (KaTeX output, notebook HTML, word lists)
    cache_dir = Type(str, default=".cache")

    # `mkdocs serve` rebuilds when anything under these changes (docs/ and mkdocs.yml are watched by MkDocs)
    watch = ListOfItems(Type(str), default=["data", "overrides", "kb", "notebooks", "sources/manifest.yml"])
