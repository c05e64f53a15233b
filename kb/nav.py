"""Read the topic navigation (group → topic pages) from mkdocs.yml, its single home."""
from __future__ import annotations

from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from kb.errors import ConfigError


def nav_order(nav: object) -> list[str]:
    """Page paths in the order the navigation lists them (MkDocs' ``nav`` config: lists, dicts, strings)."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [p for value in nav.values() for p in nav_order(value)]
    if isinstance(nav, list):
        return [p for item in nav for p in nav_order(item)]
    return []


def topic_groups(root: Path) -> list[tuple[str, list[str]]]:
    """[(group title, [topic slug, …])] in navigation order, for pages under topics/."""
    with (root / "mkdocs.yml").open(encoding="utf-8") as fh:
        config = yaml_load(fh)  # MkDocs' own loader: !ENV, !!python/name and INHERIT as in a build
    groups: list[tuple[str, list[str]]] = []

    def walk(items: list, title: str) -> None:
        slugs = []
        for item in items or []:
            if isinstance(item, str):
                path = item
            elif isinstance(item, dict):
                (name, value), = item.items()
                if isinstance(value, list):
                    walk(value, name)
                    continue
                path = value
            else:
                continue
            if isinstance(path, str) and path.startswith("topics/") and path.endswith(".md"):
                slugs.append(path[len("topics/") : -3])
        if slugs:
            groups.append((title, slugs))

    walk(config.get("nav") or [], "主题")
    if not groups:
        raise ConfigError("mkdocs.yml: nav 中没有 topics/ 下的页面 — 请在 nav 里按分组列出各主题页")
    return groups
