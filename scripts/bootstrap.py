#!/usr/bin/env python3
"""Set up zhiku on a fresh machine: a virtual environment in .venv with the pinned packages.

  python3 scripts/bootstrap.py          packages for building the site
  python3 scripts/bootstrap.py --test   also the test packages, Debian's chromium for browser tests and
                                        the npm packages they inject (axe-core, from tests/npm/)

Safe to run again: it installs only when pyproject.toml, constraints.txt or tests/npm/package-lock.json changed.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
CHROMIUM = "/usr/bin/chromium"
# Debian packages the browser tests (and the search engine's test, in Node) need, and a file that
# shows each is installed. The CJK font makes screenshots show Chinese text instead of empty boxes.
BROWSER_PACKAGES = {"chromium": CHROMIUM, "fonts-wqy-zenhei": "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
                    "nodejs": "/usr/bin/node"}  # runs the search engine (engine.js) in the property test
# npm packages the browser tests inject into pages (axe-core), pinned with their hashes by the lock file.
NPM_FOLDER = ROOT / "tests" / "npm"


def run(*cmd: str) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)


def requirements(test: bool) -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project["dependencies"] + (project["optional-dependencies"]["test"] if test else [])


def install_packages(test: bool) -> None:
    python = VENV / "bin" / "python"
    if not python.exists():
        run(sys.executable, "-m", "venv", str(VENV))
    wanted = requirements(test)
    stamp = VENV / ".zhiku-installed"
    digest = hashlib.sha256(
        "\n".join(wanted).encode() + (ROOT / "constraints.txt").read_bytes()
    ).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    run(str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
        "-c", str(ROOT / "constraints.txt"), *wanted)
    stamp.write_text(digest)


def install_debian(packages: dict[str, str]) -> None:
    """Debian packages, each with a file that shows it is installed: those missing, with apt-get."""
    missing = [name for name, path in packages.items() if not Path(path).exists()]
    if not missing:
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        sys.exit(f"bootstrap: browser tests need {', '.join(missing)}: run 'sudo apt-get install -y {' '.join(missing)}'")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *missing]):
        print("+", " ".join(cmd), flush=True)
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)


def install_browser() -> None:
    """Browser tests use Debian's chromium; Playwright never downloads a browser of its own."""
    install_debian(BROWSER_PACKAGES)


def install_npm_packages() -> None:
    """tests/npm/node_modules exactly as package-lock.json pins it (npm ci checks each package's hash);
    no package script runs."""
    if shutil.which("npm") is None:
        install_debian({"npm": "/usr/bin/npm"})
    stamp = NPM_FOLDER / "node_modules" / ".zhiku-installed"
    digest = hashlib.sha256((NPM_FOLDER / "package-lock.json").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    run("npm", "ci", "--prefix", str(NPM_FOLDER), "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error")
    stamp.write_text(digest)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--test", action="store_true", help="also set up what the test suite needs")
    args = parser.parse_args()
    install_packages(args.test)
    if args.test:
        install_browser()
        install_npm_packages()


if __name__ == "__main__":
    main()
