"""The GitHub Pages workflow runs the README's build command, keeps the build's own cache folder,
uploads the site without what a served site never loads, gives each job only the permissions its
actions use, and leaves zizmor nothing to report."""
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT

GITHUB = ROOT / ".github"
# The test extras install zizmor into the venv that runs the tests.
ZIZMOR = Path(sys.executable).parent / "zizmor"


def _workflow() -> dict:
    return yaml.safe_load((GITHUB / "workflows" / "pages.yml").read_text(encoding="utf-8"))


def _workflow_steps() -> list[dict]:
    return _workflow()["jobs"]["build"]["steps"]


def _build_module():
    spec = importlib.util.spec_from_file_location("build_script", ROOT / "scripts" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run_steps() -> list[str]:
    return [step["run"].strip() for step in _workflow_steps() if "run" in step]


def test_workflow_builds_with_the_readme_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    build_command = re.search(r"```sh\n(.+)\n", readme).group(1)
    assert _run_steps()[0] == build_command


def test_workflow_uploads_the_site_as_built():
    # The search index is the same files on the web and from file:// (scripts/zhiku/search/index.py):
    # nothing is left out, so no step after the build.
    assert _run_steps()[1:] == []


def test_workflow_caches_the_folder_the_build_uses():
    build = _build_module()
    default_cache = build.cache_folder(build.parse_args([]))
    cached = [step for step in _workflow_steps() if step.get("uses", "").startswith("actions/cache@")]
    assert len(cached) == 1
    assert (ROOT / cached[0]["with"]["path"]).resolve() == default_cache
    # A key per commit, restored from the newest of any commit: caches under one key never change.
    assert "${{ github.sha }}" in cached[0]["with"]["key"]
    assert cached[0]["with"]["key"].startswith(cached[0]["with"]["restore-keys"])


def test_workflow_never_runs_for_pull_requests():
    # The cache's safety (see the comment above actions/cache in the workflow) rests on this: no
    # code from a pull request runs in this workflow, so none restores or saves its cache.
    workflow = _workflow()
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"push", "workflow_dispatch"}
    assert triggers["push"] == {"branches": ["main"]}


# What each Pages action does with its job's token (from the actions' own code and docs).
PERMISSIONS_NEEDED = {
    "actions/checkout": {"contents": "read"},
    "actions/configure-pages": {"pages": "read"},  # GET /repos/{owner}/{repo}/pages
    "actions/deploy-pages": {"pages": "write", "id-token": "write"},
}
LEVELS = {"none": 0, "read": 1, "write": 2}


def test_workflow_jobs_get_what_their_actions_need_and_no_more():
    # zizmor sees permissions that are too broad, not ones too narrow for a step: a job
    # without pages: read fails at configure-pages, only once it runs on main.
    workflow = _workflow()
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        needed: dict[str, str] = {}
        for step in job["steps"]:
            for scope, level in PERMISSIONS_NEEDED.get(step.get("uses", "").split("@")[0], {}).items():
                needed[scope] = max(needed.get(scope, "none"), level, key=LEVELS.get)
        assert job.get("permissions", {}) == needed, name


def _zizmor_findings(github: Path) -> list[str]:
    """zizmor's findings, offline, for every workflow and the Dependabot file under `github`, as
    'rule path:line:column: what' lines. The pedantic persona: the workflow has none of its
    code smells either."""
    inputs = sorted([*(github / "workflows").glob("*.y*ml"), *github.glob("dependabot.y*ml")])
    assert inputs, f"nothing for zizmor under {github}"
    # --strict-collection: a file zizmor cannot read is an error, not a skipped input.
    result = subprocess.run(
        [str(ZIZMOR), "--offline", "--strict-collection", "--persona=pedantic", "--format=json",
         *(str(path.relative_to(github.parent)) for path in inputs)],
        capture_output=True, text=True, cwd=github.parent)
    # Exit status 0 is no findings, 11 to 14 are findings by their highest severity.
    assert result.returncode in (0, 11, 12, 13, 14), result.stderr
    findings = []
    for finding in json.loads(result.stdout):
        for location in finding["locations"]:
            if location["symbolic"]["kind"] != "Primary":
                continue
            start = location["concrete"]["location"]["start_point"]
            path = location["symbolic"]["key"]["Local"]["verbatim_path"]
            findings.append(f"{finding['ident']} {path}:{start['row'] + 1}:{start['column'] + 1}: "
                            f"{location['symbolic']['annotation']}")
    assert findings or result.returncode == 0, result.stderr
    return findings


def test_zizmor_finds_nothing():
    assert ZIZMOR.exists(), f"no {ZIZMOR}: run python3 scripts/bootstrap.py --test"
    findings = _zizmor_findings(GITHUB)
    assert not findings, "zizmor:\n" + "\n".join(findings)
