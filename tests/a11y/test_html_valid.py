"""The Nu Html Checker over the built site: no error that plain Material's build of the same Markdown lacks."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from tests.support.vnu import check_site, require_vnu


def test_no_html_error_beyond_plain_material(built_site: Path, plain_site: Path) -> None:
    require_vnu()
    ours, plain = check_site(built_site), check_site(plain_site)
    assert plain, "the checker found nothing at all on plain Material: is it running?"
    known = {e.message for e in plain}
    new = [e for e in ours if e.message not in known]
    kinds = Counter(e.message[:120] for e in new).most_common(10)
    assert not new, (
        f"HTML 校验：本站 {len(ours)} 处错误，Material 原生构建 {len(plain)} 处；原生构建没有的 {len(new)} 处：\n  "
        + "\n  ".join(str(e) for e in new[:20]) + "\n按类别：\n  " + "\n  ".join(f"{n} × {m}" for m, n in kinds)
    )
