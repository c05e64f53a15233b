"""Thin command line: ``python -m kb import | site | search | notebooks | reviews | answers | typography``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _import(args: argparse.Namespace) -> int:
    from kb.importer.run import run_import

    return run_import(ROOT, force=args.force, check=args.check, quiet=args.quiet, verbose=args.verbose)


def _search(args: argparse.Namespace) -> int:
    from kb.search.cli import run_search

    return run_search(ROOT, args)


def _notebooks(args: argparse.Namespace) -> int:
    from kb.notebooks.build import run

    return run(ROOT, check=args.check, only=args.names)


def _reviews(args: argparse.Namespace) -> int:
    from kb.reviews.cli import run_reviews

    return run_reviews(ROOT, args)


def _answers(args: argparse.Namespace) -> int:
    from kb.answers.cli import run_answers

    return run_answers(ROOT, args)


def _site(args: argparse.Namespace) -> int:
    from kb.build.publish import build_site

    return build_site(Path(args.config_file), Path(args.site_dir))


def _typography(args: argparse.Namespace) -> int:
    from kb.typography import run

    return run(ROOT)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kb", description="大模型面试知识库工具")
    sub = parser.add_subparsers(dest="command", required=True)

    imp = sub.add_parser("import", help="sources/ → docs/：生成各主题页面并打印报告")
    imp.add_argument("--force", action="store_true", help="覆盖手工编辑过的页面")
    imp.add_argument("--check", action="store_true", help="只检查 docs/ 是否最新，不写文件")
    imp.add_argument("--quiet", action="store_true", help="不打印报告")
    imp.add_argument("--verbose", action="store_true", help="报告中列出每一处规范化")
    imp.set_defaults(func=_import)

    srch = sub.add_parser("search", help="在终端里搜索题目")
    srch.add_argument("query", help="查询，例如 KV缓存")
    srch.add_argument("-n", "--limit", type=int, default=10, help="最多显示几条（默认 10）")
    srch.add_argument("--json", action="store_true", help="以 JSON 输出")
    srch.set_defaults(func=_search)

    nbk = sub.add_parser("notebooks", help="notebooks/*.md → 执行后写入 docs/notebooks/*.ipynb")
    nbk.add_argument("names", nargs="*", help="只处理这些笔记本（文件名，不含扩展名）")
    nbk.add_argument("--check", action="store_true", help="重新执行并检查已保存的输出是否最新，不写文件")
    nbk.set_defaults(func=_notebooks)
    typo = sub.add_parser("typography", help="按 .autocorrectrc 的排版规则检查 docs/ 与 data/，逐条列出 文件:行号")
    typo.set_defaults(func=_typography)
    rev = sub.add_parser("reviews", help="检查 data/reviews/ 中的审校意见，并统计审校进度")
    rev.add_argument("--prefix", help="只统计 id 以此开头的题目，例如 r1-")
    rev.add_argument("--missing", action="store_true", help="列出还没有审校的题目")
    rev.set_defaults(func=_reviews)

    site = sub.add_parser("site", help="严格构建站点；全部检查通过后才替换 site/（失败时保留上一次的结果）")
    site.add_argument("--site-dir", default=str(ROOT / "site"), help="输出目录（默认 site/）")
    site.add_argument("-f", "--config-file", default=str(ROOT / "mkdocs.yml"), help="mkdocs.yml 的路径")
    site.set_defaults(func=_site)

    ans = sub.add_parser("answers", help="检查 answers/ 中本站撰写的解答")
    ans.set_defaults(func=_answers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
