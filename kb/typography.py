"""`python -m kb typography`: the site's typography rules (.autocorrectrc) over docs/ and data/.

Every Markdown page in docs/ (its body) and every string value in data/**/*.yml is checked
with the same AutoCorrect rules the importer applies, so a hand-written page or a reviewed
YAML entry gets the same rule as a generated page. Each finding names file:line.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from kb.normalize.typography import typeset


@dataclass(frozen=True)
class Finding:
    where: str  # file:line
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.where}: {self.old.strip()[:60]} → {self.new.strip()[:60]}"


def _front_matter_lines(text: str) -> int:
    """How many lines the page's YAML front matter takes (0 without one)."""
    if not text.startswith("---\n"):
        return 0
    end = text.find("\n---\n", 4)
    return text.count("\n", 0, end) + 2 if end > 0 else 0


def lint_markdown(path: Path, root: Path) -> list[Finding]:
    text = path.read_text(encoding="utf-8")
    skip = _front_matter_lines(text)
    lines = text.split("\n")
    body = "\n".join(lines[skip:])
    fixed = typeset(body).split("\n")
    rel = path.relative_to(root).as_posix()
    return [Finding(f"{rel}:{skip + i + 1}", a, b) for i, (a, b) in enumerate(zip(lines[skip:], fixed, strict=True)) if a != b]


# Keys whose values quote text verbatim — a source (data/edits: `find`, `from`, `to`), an answer's words
# (data/reviews: `quote`) or an earlier definition (data/reviews: `was`): they must match it, not the rules.
SOURCE_QUOTES = {"find", "from", "to", "quote", "was"}


def _scalars(node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(key)
            if not (isinstance(key, yaml.ScalarNode) and key.value in SOURCE_QUOTES):
                yield from _scalars(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item)


def lint_yaml(path: Path, root: Path) -> list[Finding]:
    rel = path.relative_to(root).as_posix()
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    found = []
    for scalar in _scalars(node) if node is not None else ():
        if scalar.tag != "tag:yaml.org,2002:str":
            continue
        fixed = typeset(scalar.value)
        if fixed == scalar.value:
            continue
        block = 1 if scalar.style in ("|", ">") else 0  # a block scalar's text starts on the next line
        old_lines, new_lines = scalar.value.split("\n"), fixed.split("\n")
        for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=False)):
            if a != b:
                line = scalar.start_mark.line + 1 + block + (i if scalar.style in ("|", ">", None, "") else 0)
                found.append(Finding(f"{rel}:{line}", a, b))
    return found


def lint_tree(root: Path) -> list[Finding]:
    """Every finding over docs/**/*.md, answers/**/*.md (the site's own answers) and data/**/*.yml."""
    found: list[Finding] = []
    for path in [*sorted((root / "docs").rglob("*.md")), *sorted((root / "answers").rglob("*.md"))]:
        found += lint_markdown(path, root)
    for path in sorted((root / "data").rglob("*.yml")):
        found += lint_yaml(path, root)
    return found


def run(root: Path) -> int:
    found = lint_tree(root)
    for finding in found:
        print(finding)
    if found:
        print(f"\n排版检查：{len(found)} 处不符合 .autocorrectrc 的规则（箭头右边是建议的写法）")
        return 1
    print("排版检查：docs/、answers/ 与 data/ 没有问题")
    return 0
