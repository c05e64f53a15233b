"""The glossary page (glossary.md), generated from the glossary file; "edit this page" opens that file."""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from kb.build.features.base import Feature
from kb.links.glossary_page import GLOSSARY_PAGE, check_references, render_glossary


class GlossaryPage(Feature):
    def on_files(self, files: Files) -> None:
        build = self.build
        terms = build.glossary
        if terms is None:
            return
        label = build.options.glossary
        problems = check_references(terms, build.questions, label)
        if problems:
            raise PluginError("术语表数据有误：\n" + "\n".join(problems))
        if files.get_file_from_path(GLOSSARY_PAGE) is not None:
            raise PluginError(
                f"docs/{GLOSSARY_PAGE} 由 {label} 在构建时生成 — 请删除 docs/{GLOSSARY_PAGE}，在 {label} 中修改术语"
            )
        generated = File.generated(build.config, GLOSSARY_PAGE, content=render_glossary(terms, build.questions, label))
        generated.edit_uri = f"../{label}"
        files.append(generated)
