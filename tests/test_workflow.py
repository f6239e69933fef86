"""The GitHub Pages workflow runs the README's build command, keeps the build's own cache folder, and
uploads the site without what a served site never loads."""
import importlib.util
import re
from pathlib import Path

import yaml

from tests.conftest import ROOT


def _workflow_steps() -> list[dict]:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    return workflow["jobs"]["build"]["steps"]


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


def test_workflow_leaves_out_only_what_the_web_never_loads():
    # Material's bundle asks for search_index.js only under file:, else for search_index.json.
    import material

    bundle = next((Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert re.search(r'location\.protocol==="file:"\?[^:]*search/search_index\.js[^:]*:[^;]*search/search_index\.json',
                     bundle.read_text(encoding="utf-8"))
    assert _run_steps()[1:] == ["rm -f site/search/search_index.js"]


def test_workflow_caches_the_folder_the_build_uses():
    build = _build_module()
    default_cache = build.cache_folder(build.parse_args([]))
    cached = [step for step in _workflow_steps() if step.get("uses", "").startswith("actions/cache@")]
    assert len(cached) == 1
    assert (ROOT / cached[0]["with"]["path"]).resolve() == default_cache
    # A key per commit, restored from the newest of any commit: caches under one key never change.
    assert "${{ github.sha }}" in cached[0]["with"]["key"]
    assert cached[0]["with"]["key"].startswith(cached[0]["with"]["restore-keys"])
