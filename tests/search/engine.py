"""The JavaScript engine (scripts/zhiku/search/engine.js) run by Node, for tests: one process, many
queries (tests/search/engine_server.js)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

SERVER = Path(__file__).with_name("engine_server.js")


class Engine:
    def __init__(self) -> None:
        node = shutil.which("node")
        if node is None:
            if os.environ.get("CI"):
                raise RuntimeError("node is missing: run python3 scripts/bootstrap.py --test")
            pytest.skip("node is missing (python3 scripts/bootstrap.py --test installs it)")
        self.process = subprocess.Popen([node, str(SERVER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                        encoding="utf-8")

    def ask(self, **request) -> dict:
        self.process.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        assert "error" not in answer, answer["error"]
        return answer

    def search(self, folder: Path, query: str, limit: int = 10, all: bool = False) -> dict:
        return self.ask(base=str(folder), query=query, limit=limit, all=all)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=10)


def index_file(path: Path):
    """The data of one file of the index (`zhikuSearch.load(name, data);`)."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("zhikuSearch.load(") and text.endswith(");\n")
    return json.loads(text[text.index(",") + 1:-3])


def index_docs(site: Path) -> list[dict]:
    """What the index shows of every page (search/d/*.js): address, kind, title, tags, names, text."""
    return [index_file(p) for p in sorted((Path(site) / "search" / "d").glob("*.js"))]
