"""A step's version follows the code it can reach, and only that code."""
import shutil

from zhiku.cache import version
from zhiku.cache.version import (
    PACKAGE_ROOT,
    code_closure,
    code_version,
    installed_distributions,
)

FILES = {
    "__init__.py": "",
    "a.py": "from .b import f\nimport yaml\n\n\ndef top():\n    return f()\n",
    "b.py": "def f():\n    from .c import g  # imported inside a function\n    return g()\n",
    "c.py": "from zhiku.d import (x,\n    y)\n\n\ndef g():\n    return x + y\n",
    "d.py": "x = y = 1\n",
    "unrelated.py": "z = 2\n",
    "sub/__init__.py": "from . import m\n",
    "sub/m.py": "from ..d import x\n",
}


def package(tmp_path, name="one"):
    root = tmp_path / name / "zhiku"
    for rel, text in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_the_closure_follows_every_kind_of_import(tmp_path):
    root = package(tmp_path)
    assert sorted(code_closure(["zhiku.a"], root)) == ["zhiku", "zhiku.a", "zhiku.b", "zhiku.c", "zhiku.d"]
    # The package's __init__ runs first, and imports its module.
    assert sorted(code_closure(["zhiku.sub.m"], root)) == ["zhiku", "zhiku.d", "zhiku.sub", "zhiku.sub.m"]


def test_the_version_changes_with_code_reached_and_not_with_other_code(tmp_path):
    root = package(tmp_path)
    before = code_version(["zhiku.a"], root=root)
    other = package(tmp_path, "two")
    (other / "unrelated.py").write_text("z = 3\n", encoding="utf-8")
    assert code_version(["zhiku.a"], root=other) == before
    edited = package(tmp_path, "three")  # (a root is read once a process: each edit is a copy of its own)
    (edited / "d.py").write_text("x = y = 2\n", encoding="utf-8")  # reached only from inside a function of b
    assert code_version(["zhiku.a"], root=edited) != before
    assert code_version(["zhiku.a"], ("profile 1",), root=root) != before  # settings that are not code


def test_the_version_changes_with_any_installed_library(tmp_path, monkeypatch):
    from importlib.metadata import distributions

    listed = installed_distributions()
    names = {line.split("==")[0] for line in listed}
    assert {"pyyaml", "rjieba", "trafilatura", "jieba"} <= names
    assert len(names) == len({d.metadata["Name"].lower() for d in distributions()})
    root = package(tmp_path)
    before = code_version(["zhiku.a"], root=root)
    monkeypatch.setattr(version, "installed_distributions", lambda: (*listed, "newly_installed==1.0"))
    assert code_version(["zhiku.a"], root=root) != before


def test_zhikus_own_package_has_every_module_it_imports():
    sources = code_closure(["zhiku.pipeline"], PACKAGE_ROOT)
    assert {"zhiku.read.ingest", "zhiku.extract.page", "zhiku.link.site", "zhiku.cache.step"} <= set(sources)


def test_a_copy_of_the_package_has_the_same_versions(tmp_path):
    """Versions are worked out from files, not from what is imported."""
    shutil.copytree(PACKAGE_ROOT, tmp_path / "zhiku", ignore=shutil.ignore_patterns("__pycache__"))
    assert code_version(["zhiku.link.article"], root=tmp_path / "zhiku") == code_version(["zhiku.link.article"])
