"""Turn notebooks/<name>.md (jupytext Markdown) into executed docs/notebooks/<name>.ipynb.

The site renders the stored .ipynb without a kernel, so the stored outputs must be exactly
what a fresh run prints; ``check`` re-executes and names the first cell that differs.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert.preprocessors import CoalesceStreamsPreprocessor
from nbformat import NotebookNode

SOURCE_DIR = "notebooks"
OUTPUT_DIR = "docs/notebooks"
KERNEL = "python3"
TIMEOUT_S = 300

# Fixed metadata: nothing that depends on the machine (Python patch version, timings).
METADATA = {
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": KERNEL},
    "language_info": {
        "codemirror_mode": {"name": "ipython", "version": 3},
        "name": "python",
        "pygments_lexer": "ipython3",
    },
}


class NotebookError(Exception):
    """A notebook that cannot be built or does not match its stored copy."""


@dataclass(frozen=True)
class Problem:
    """One difference between a stored notebook and what its source produces."""

    notebook: str  # path of the stored .ipynb, relative to the repository
    cell: int  # 1-based cell number
    what: str

    def __str__(self) -> str:
        return f"{self.notebook} 第 {self.cell} 个单元：{self.what}"


def sources(root: Path) -> list[Path]:
    """All notebook sources, sorted by name."""
    return sorted((root / SOURCE_DIR).glob("*.md"))


def output_path(root: Path, source: Path) -> Path:
    return root / OUTPUT_DIR / f"{source.stem}.ipynb"


def read_source(source: Path) -> NotebookNode:
    """Parse a jupytext Markdown source into an unexecuted notebook with stable ids."""
    try:
        nb = jupytext.read(source, fmt="md")
    except Exception as exc:  # jupytext raises many kinds
        raise NotebookError(f"{source}: 无法解析为 jupytext Markdown 笔记本：{exc}") from exc
    nb.metadata = nbformat.from_dict(METADATA)
    for i, cell in enumerate(nb.cells, start=1):
        cell.id = f"{source.stem}-{i:02d}"
        cell.metadata = nbformat.from_dict({})
    if not nb.cells or nb.cells[0].cell_type != "markdown" or not nb.cells[0].source.startswith("# "):
        raise NotebookError(f"{source}:1: 第一个单元必须是以 “# 标题” 开头的 Markdown（它是页面标题）")
    return nb


def execute(nb: NotebookNode, name: str) -> NotebookNode:
    """Run every cell in a fresh kernel (working directory: a temporary folder)."""
    nb = nbformat.from_dict(nb)  # copy
    with tempfile.TemporaryDirectory() as cwd:
        client = NotebookClient(
            nb,
            kernel_name=KERNEL,
            timeout=TIMEOUT_S,
            record_timing=False,
            resources={"metadata": {"path": cwd}},
        )
        try:
            client.execute()
        except CellExecutionError as exc:
            raise NotebookError(f"{name}: 执行出错：\n{exc}") from exc
    coalesce = CoalesceStreamsPreprocessor()
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            coalesce.preprocess_cell(cell, {}, i)
            for out in cell.outputs:
                if out.output_type == "stream" and out.name == "stderr":
                    raise NotebookError(f"{name} 第 {i + 1} 个单元向 stderr 输出了内容（警告？）：{out.text[:300]}")
    nb.metadata = nbformat.from_dict(METADATA)
    return nb


def _signature(cell: NotebookNode) -> list[tuple[str, str]]:
    """What must not change between runs: text outputs and which kinds of output exist.

    Image bytes are left out on purpose (they may differ with library builds); their
    presence is not.
    """
    sig: list[tuple[str, str]] = []
    for out in cell.get("outputs", []):
        kind = out.output_type
        if kind == "stream":
            sig.append((f"stream:{out.name}", out.text))
        elif kind in ("execute_result", "display_data"):
            data = out.get("data", {})
            sig.append((kind, "+".join(sorted(data))))
            if "text/plain" in data:
                sig.append((f"{kind}:text/plain", data["text/plain"]))
            if "text/html" in data:
                sig.append((f"{kind}:text/html", data["text/html"]))
        elif kind == "error":
            sig.append(("error", f"{out.ename}: {out.evalue}"))
    return sig


def _first_diff(a: str, b: str) -> str:
    a_lines, b_lines = a.splitlines(), b.splitlines()
    for n, (x, y) in enumerate(zip(a_lines, b_lines, strict=False), start=1):
        if x != y:
            return f"第 {n} 行：已保存 {x!r}，重新执行得到 {y!r}"
    return f"行数不同：已保存 {len(a_lines)} 行，重新执行得到 {len(b_lines)} 行"


def compare(stored: NotebookNode, fresh: NotebookNode, name: str) -> list[Problem]:
    """Differences between a stored notebook and a fresh build of its source."""
    problems: list[Problem] = []
    if len(stored.cells) != len(fresh.cells):
        problems.append(Problem(name, min(len(stored.cells), len(fresh.cells)) + 1,
                                f"单元数不同：已保存 {len(stored.cells)} 个，源文件有 {len(fresh.cells)} 个"))
    for i, (old, new) in enumerate(zip(stored.cells, fresh.cells, strict=False), start=1):
        if old.cell_type != new.cell_type or old.source != new.source:
            problems.append(Problem(name, i, "内容与 notebooks/ 中的源文件不同"))
            continue
        old_sig, new_sig = _signature(old), _signature(new)
        if old_sig == new_sig:
            continue
        for (ok, ov), (nk, nv) in zip(old_sig, new_sig, strict=False):
            if (ok, ov) != (nk, nv):
                detail = _first_diff(ov, nv) if ok == nk else f"输出类型不同：已保存 {ok}，重新执行得到 {nk}"
                problems.append(Problem(name, i, f"已保存的输出已过时（{detail}）"))
                break
        else:
            problems.append(Problem(name, i, f"输出个数不同：已保存 {len(old_sig)}，重新执行得到 {len(new_sig)}"))
    return problems


def build_one(root: Path, source: Path) -> NotebookNode:
    """Execute one source and return the notebook as it should be stored."""
    return execute(read_source(source), str(source.relative_to(root)))


def write(nb: NotebookNode, path: Path) -> None:
    """Write atomically so a failed run never leaves a half-written notebook."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".ipynb.tmp")
    nbformat.validate(nb)
    with tmp.open("w", encoding="utf-8", newline="\n") as fh:
        nbformat.write(nb, fh)
    tmp.replace(path)


def check_one(root: Path, source: Path, fresh: NotebookNode | None = None) -> list[Problem]:
    """Problems of one stored notebook against a fresh execution of its source."""
    target = output_path(root, source)
    name = str(target.relative_to(root))
    if not target.exists():
        return [Problem(name, 1, "文件不存在")]
    stored = nbformat.read(target, as_version=4)
    if fresh is None:
        fresh = build_one(root, source)
    return compare(stored, fresh, name)


def orphans(root: Path) -> list[Path]:
    """Stored notebooks whose source is gone."""
    names = {s.stem for s in sources(root)}
    return [p for p in sorted((root / OUTPUT_DIR).glob("*.ipynb")) if p.stem not in names]


def run(root: Path, check: bool = False, only: list[str] | None = None) -> int:
    """Build (or with check=True, verify) every notebook; print a report; return an exit code."""
    todo = [s for s in sources(root) if not only or s.stem in only]
    if only and len(todo) != len(set(only)):
        missing = sorted(set(only) - {s.stem for s in todo})
        print(f"找不到笔记本源文件：{', '.join(missing)}（应在 {SOURCE_DIR}/<名字>.md）")
        return 2
    failed = 0
    for source in todo:
        try:
            if check:
                problems = check_one(root, source)
                for p in problems:
                    print(p)
                failed += bool(problems)
                print(f"{'过时' if problems else '最新'}  {output_path(root, source).relative_to(root)}")
            else:
                write(build_one(root, source), output_path(root, source))
                print(f"已生成  {output_path(root, source).relative_to(root)}")
        except NotebookError as exc:
            print(exc)
            failed += 1
    for orphan in orphans(root):
        print(f"{orphan.relative_to(root)}：没有对应的源文件 {SOURCE_DIR}/{orphan.stem}.md，请删除它")
        failed += 1
    if check and failed:
        print("请运行 `make notebooks` 重新生成后提交。")
    return 1 if failed else 0
