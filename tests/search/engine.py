"""The JavaScript engine (scripts/zhiku/search/engine.js) run by Node, for tests: one process, many
queries (tests/search/engine_server.js)."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

SERVER = Path(__file__).with_name("engine_server.js")


class Engine:
    def __init__(self) -> None:
        node = shutil.which("node")
        if node is None:
            pytest.skip("node is missing")
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
