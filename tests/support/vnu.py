"""The Nu Html Checker (npm `vnu-jar`, pinned in package-lock.json) over a built site.

Needs Java (the Makefile installs it with apt when missing and running as root). Errors are
reduced to (file, line, message); comparisons use the message, since the same theme markup gives
the same message on every page.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class HtmlError:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message[:300]}"


def require_vnu() -> None:
    if shutil.which("java") is None:
        pytest.skip("没有 Java（apt-get install -y default-jre-headless），跳过 HTML 校验")
    if not JAR.exists():
        pytest.skip("没有 node_modules/vnu-jar（npm ci），跳过 HTML 校验")


def check_site(site: Path) -> list[HtmlError]:
    """Every error the checker reports on the site's HTML files."""
    proc = subprocess.run(
        ["java", "-Xss2m", "-jar", str(JAR), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True, text=True,
    )
    messages = json.loads(proc.stderr or proc.stdout or '{"messages": []}')["messages"]
    errors = []
    for m in messages:
        if m.get("type") != "error":
            continue
        file = m.get("url", "").removeprefix("file:").removeprefix(str(site.resolve())).lstrip("/")
        errors.append(HtmlError(file, int(m.get("lastLine", 0)), m.get("message", "")))
    return errors
