"""No answer loses its shape: list items (with depth), table rows, code blocks and section labels
of every answer of every source reappear in the Markdown the importer writes, as Python-Markdown
renders it with the site's extensions. tests/test_structure_site.py checks the built site."""
from __future__ import annotations

import markdown
from mkdocs.utils.yaml import yaml_load

from kb.render.question import answer
from tests.support.structure import answer_sources, fragment, html_shape, source_shape


def _renderer(root) -> markdown.Markdown:
    with (root / "mkdocs.yml").open(encoding="utf-8") as fh:
        config = yaml_load(fh)
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=configs)


def test_every_answer_keeps_its_lists_tables_code_and_labels(root, import_result):
    md = _renderer(root)
    questions = {q.id: q for p in import_result.parsed.values() for q in p.questions}
    problems = []
    checked = 0
    for qid, file, text, slides in answer_sources(import_result):
        expected = source_shape(text, slides)
        got = html_shape(fragment(md.reset().convert(answer(questions[qid]))))
        checked += len(expected.items) + expected.rows + expected.code + len(expected.labels)
        problems += [f"{qid} ({file}): {d}" for d in expected.differences(got)]
    assert checked > 1000
    assert not problems, f"{len(problems)} answers changed shape:\n" + "\n".join(problems[:30])


def test_the_check_sees_a_swallowed_label_and_a_flattened_list():
    """The comparison is strict enough to notice the defects it guards against."""
    source = "* 动态调整：先学规范。  \n    **冲突处理**：\n\n* 若格式正确\n\n1. 蒸馏\n   - 原理\n"
    swallowed = "<ul><li>动态调整：先学规范。<br><strong>冲突处理</strong>：</li><li>若格式正确</li></ul>"
    flattened = (
        "<p><strong>冲突处理</strong>：</p><ul><li>动态调整：先学规范。</li><li>若格式正确</li></ul>"
        "<ol><li>蒸馏</li><li>原理</li></ol>"
    )
    expected = source_shape(source)
    assert any("labels" in d for d in expected.differences(html_shape(fragment(swallowed))))
    assert any("list items" in d for d in expected.differences(html_shape(fragment(flattened))))
