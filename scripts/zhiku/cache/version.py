"""A cached step's version, derived from its code: never a list kept by hand.

The version hashes the source of every zhiku module the step's code can reach through imports
(at module level or inside functions, relative or absolute, with the packages' __init__ files),
and the name and version of every installed distribution. Changing any of it gives the step a new
version, and the results of the old code are not found.

Every distribution, not only those zhiku imports: libraries import others without declaring them
(jieba loads its dictionary through setuptools' pkg_resources), so the ones a step runs cannot be
told from the packages' metadata, and a package installed or upgraded is a rebuild from nothing,
never a result made by other code.

Imports are found by scanning the source, not by importing it: the version of a step can be worked
out for another copy of the package (tests/test_cached_steps.py edits functions in one and checks
that the version follows).
"""
from __future__ import annotations

import functools
import hashlib
import os
import re
import sys
from pathlib import Path

PACKAGE = "zhiku"
PACKAGE_ROOT = Path(__file__).resolve().parent.parent

# `from X import a, b`, `from X import (a,\n b)`, `import X, Y as Z`, at any indentation. A match in a
# docstring only widens the version: it can never leave code out.
_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+(?P<base>[\w.]+|\.+[\w.]*)[ \t]+import[ \t]+(?P<names>\([^)]*\)|[^\n#;]+)"
                     r"|import[ \t]+(?P<modules>[\w.]+(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*[\w.]+(?:[ \t]+as[ \t]+\w+)?)*))",
                     re.M)
_NAME = re.compile(r"[A-Za-z_]\w*")


@functools.lru_cache(maxsize=None)
def _module_file(root: Path, module: str) -> Path | None:
    """The file of a zhiku module under `root` (the package folder), or None if there is none."""
    parts = module.split(".")[1:]
    folder = root.joinpath(*parts)
    if (folder / "__init__.py").is_file():
        return folder / "__init__.py"
    file = folder.with_suffix(".py") if parts else None
    return file if file is not None and file.is_file() else None


def _file_of(root: Path, module: str) -> Path:
    """A zhiku module's file under `root`; another module's (a test's, say) where it was imported from."""
    file = _module_file(root, module) if module.split(".")[0] == PACKAGE else None
    if file is None and module.split(".")[0] != PACKAGE and getattr(sys.modules.get(module), "__file__", None):
        file = Path(sys.modules[module].__file__)
    if file is None:
        raise LookupError(f"no module {module} under {root}")
    return file


@functools.lru_cache(maxsize=None)
def _scan(root: Path, module: str) -> tuple[bytes, frozenset[str]]:
    """A module's source and the zhiku modules it imports. (Read once a process: each root is a
    package that does not change while it runs.)"""
    file = _file_of(root, module)
    source = file.read_bytes()
    is_package = file.name == "__init__.py"
    own = set()
    for match in _IMPORT.finditer(source.decode("utf-8")):
        if match["modules"]:
            targets = [part.split()[0] for part in match["modules"].split(",")]
        else:
            base = match["base"]
            if base.startswith("."):
                dots = len(base) - len(base.lstrip("."))
                anchor = module.split(".") if is_package else module.split(".")[:-1]
                anchor = anchor[:len(anchor) - (dots - 1)] if dots > 1 else anchor
                base = ".".join(anchor + ([base.lstrip(".")] if base.strip(".") else []))
            names = [n for n in _NAME.findall(match["names"]) if n != "as"]
            # `from package import module`: each name may be a module of its own.
            targets = [base] + [f"{base}.{name}" for name in names]
        own.update(t for t in targets if t.split(".")[0] == PACKAGE and _module_file(root, t) is not None)
    return source, frozenset(own)


def _parents(module: str) -> list[str]:
    """The packages a module's import runs first: zhiku, zhiku.link for zhiku.link.matcher."""
    parts = module.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def code_closure(modules: list[str], root: Path = PACKAGE_ROOT) -> dict[str, bytes]:
    """Every zhiku module reachable from `modules`, name → source bytes."""
    sources: dict[str, bytes] = {}
    todo = list(modules)
    while todo:
        module = todo.pop()
        if module in sources:
            continue
        sources[module], own = _scan(root, module)
        parents = _parents(module) if module.split(".")[0] == PACKAGE else []
        todo += [m for m in (*own, *parents) if m not in sources]
    return sources


@functools.lru_cache(maxsize=None)
def installed_distributions() -> tuple[str, ...]:
    """Every distribution installed where this Python finds modules, as name==version, from the
    .dist-info folder names on sys.path (no metadata file is parsed for it)."""
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and "-" in name:
                dist, version = name[:-len(".dist-info")].rsplit("-", 1)
                found.setdefault(re.sub(r"[-_.]+", "_", dist).lower(), version)
    return tuple(f"{name}=={version}" for name, version in sorted(found.items()))


def code_version(modules: list[str], data: tuple[str, ...] = (), root: Path = PACKAGE_ROOT) -> str:
    """A hash of the modules' code closure, the installed libraries, and `data` (settings the code
    reads that are not code)."""
    sources = code_closure(modules, root)
    digest = hashlib.sha256()
    for module in sorted(sources):
        digest.update(module.encode() + b"\0" + sources[module] + b"\0")
    for line in (*installed_distributions(), *data):
        digest.update(line.encode() + b"\0")
    return digest.hexdigest()[:16]


class Versioned:
    """What has a version derived from its code: `modules()` names the modules whose code makes its
    results, `version_data(root)` anything else its version depends on."""

    def modules(self) -> list[str]:
        raise NotImplementedError

    def version_data(self, root: Path) -> tuple[str, ...]:
        return ()

    @functools.cached_property
    def version(self) -> str:
        return self.version_for(PACKAGE_ROOT)

    def version_for(self, root: Path) -> str:
        """The version it would have with the zhiku package at `root`."""
        return code_version(self.modules(), self.version_data(root), root)
