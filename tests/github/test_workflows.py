"""The GitHub workflows: schema-valid, zizmor-clean, pinned, least-privilege, and doing their job.

Everything here runs offline: check-jsonschema ships the workflow schema and
zizmor runs with `--offline`.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
PR = WORKFLOWS / "pr.yml"
DEPLOY = WORKFLOWS / "deploy.yml"
BIN = Path(sys.executable).parent  # the venv's bin: check-jsonschema and zizmor live here

_PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
_USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$")
_VERSION_COMMENT = re.compile(r"#\s*v\d+\.\d+\.\d+\s*$")

# A workflow with the mistakes the linters exist to catch.
_BAD_WORKFLOW = """\
on: pull_request
permissions: write-all
jobs:
  x:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
"""


def _load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    """`on:` is read as the boolean True by YAML 1.1 loaders."""
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _check_jsonschema(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
    )


def _zizmor(path: Path) -> tuple[subprocess.CompletedProcess[str], list[dict[str, Any]]]:
    proc = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--format", "json", "--min-severity", "medium", "--no-progress", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    findings = json.loads(proc.stdout) if proc.stdout.strip() else []
    return proc, findings


def test_both_workflows_exist():
    assert sorted(p.name for p in WORKFLOWS.glob("*.yml")) == ["deploy.yml", "pr.yml"]


@pytest.mark.parametrize("path", [PR, DEPLOY], ids=lambda p: p.name)
def test_workflow_matches_the_github_schema(path: Path):
    proc = _check_jsonschema(path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("path", [PR, DEPLOY], ids=lambda p: p.name)
def test_zizmor_finds_nothing_of_medium_or_higher_severity(path: Path):
    proc, findings = _zizmor(path)
    summary = [f"{f['ident']} ({f['determinations']['severity']}): {f['desc']}" for f in findings]
    assert not findings, "\n".join(summary)
    assert proc.returncode == 0, proc.stderr


def test_the_linters_reject_a_bad_workflow(tmp_path: Path):
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(_BAD_WORKFLOW.replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    timeout: 5"), encoding="utf-8")
    assert _check_jsonschema(bad).returncode != 0, "an unknown job key must fail the schema check"
    bad.write_text(_BAD_WORKFLOW, encoding="utf-8")
    _, findings = _zizmor(bad)
    assert "template-injection" in {f["ident"] for f in findings}


@pytest.mark.parametrize("path", [PR, DEPLOY], ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version_noted(path: Path):
    lines = [m for line in path.read_text(encoding="utf-8").splitlines() if (m := _USES_LINE.match(line))]
    assert lines, "the workflow uses actions"
    for m in lines:
        ref, rest = m.group(1), m.group(2)
        assert _PINNED.match(ref), f"{path.name}: {ref} is not pinned to a full commit SHA"
        assert _VERSION_COMMENT.search(rest), f"{path.name}: {ref} needs a trailing `# vX.Y.Z` comment"


@pytest.mark.parametrize("path", [PR, DEPLOY], ids=lambda p: p.name)
def test_top_level_permissions_are_read_only(path: Path):
    assert _load(path)["permissions"] == {"contents": "read"}


def test_pr_workflow_tests_builds_and_uploads_the_site():
    wf = _load(PR)
    assert "pull_request" in _triggers(wf)
    assert wf["concurrency"]["cancel-in-progress"] is True
    assert wf["env"]["KB_REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    runs = [step.get("run", "").strip() for step in _steps(wf)]
    assert "make test" in runs
    assert "make build" in runs
    assert runs.index("make test") < runs.index("make build")
    uploads = [s for s in _steps(wf) if s.get("uses", "").startswith("actions/upload-artifact@")]
    site = [s for s in uploads if s["with"]["path"].rstrip("/") == "site"]
    assert site and "site" in site[0]["with"]["name"]
    assert any(s["with"]["path"] == "offline-site.zip" for s in uploads)
    for job in wf["jobs"].values():
        assert "permissions" not in job, "PR jobs keep the read-only top-level permissions"


def test_deploy_workflow_grants_pages_write_only_to_the_deploy_job():
    wf = _load(DEPLOY)
    triggers = _triggers(wf)
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    assert wf["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    assert "permissions" not in build
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["needs"] == "build"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert set(wf["jobs"]) == {"build", "deploy"}
    assert build["env"]["KB_SITE_URL"].startswith("https://${{ github.repository_owner }}.github.io/")
    build_uses = [s.get("uses", "").split("@")[0] for s in build["steps"]]
    assert "actions/configure-pages" in build_uses
    pages_upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert pages_upload["with"]["path"] == "site"
    assert "make build" in [s.get("run", "").strip() for s in build["steps"]]


def test_deploy_publishes_only_after_every_check_passes():
    """Checks that live only in the tests (browser, conservation, reviews) gate the live site too."""
    build = _load(DEPLOY)["jobs"]["build"]
    runs = [s.get("run", "").strip() for s in build["steps"]]
    assert "make test" in runs and "make build" in runs
    assert runs.index("make test") < runs.index("make build")
    uploads = [i for i, s in enumerate(build["steps"]) if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert uploads and runs.index("make test") < uploads[0]
    assert build["timeout-minutes"] >= 60, "make test takes several minutes on a fresh runner"
