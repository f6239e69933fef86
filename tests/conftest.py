import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from zhiku.model import RawPage  # noqa: E402
from zhiku.profile import default_profile  # noqa: E402

SAMPLE = ROOT / "content" / "pages" / "000_f2ff1240febe54e4.txt"


@pytest.fixture(scope="session")
def render(tmp_path_factory):
    """Python-Markdown with exactly the site's extensions, as MkDocs will run it. The docs folder is
    a temporary one: mkdocs.yml's own (build/docs) exists only after a build."""
    import markdown
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(tmp_path_factory.mktemp("docs")))
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    return lambda text: md.reset().convert(text)


@pytest.fixture(scope="session")
def profile():
    return default_profile()


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def page(text: str, path: str = "page.txt") -> RawPage:
    return RawPage(path=path, text=text, sha256="0" * 64)


HEADER = "AI,ai,Ai 大模型 LLM,llm\n# 热门搜索 #\n搜索\n"


@pytest.fixture(scope="session")
def cases(tmp_path_factory):
    """A folder of every kind of page, good and bad (input_cases.py)."""
    from tests.input_cases import write_cases

    root = tmp_path_factory.mktemp("cases")
    write_cases(root)
    return root


@pytest.fixture(scope="session")
def ingest(cases, profile):
    from zhiku.read.ingest import read_input

    return read_input(cases, profile)
