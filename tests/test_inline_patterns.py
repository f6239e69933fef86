"""plugins/inline_patterns.py: without the inline patterns it drops, every page zhiku writes renders
to the same HTML, hostile text and punctuation next to term links included."""
import importlib.util

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data
from zhiku.pipeline import run_pipeline

from tests.conftest import ROOT
from tests.input_cases import HOSTILE_BODY, HOSTILE_TITLES, dump, write_cases
from tests.write.test_escape import HOSTILE

# Each Markdown character scraped text may hold, just before and just after a term.
AROUND_TERMS = "".join(f"甲{c}大模型{c}乙{c}AI{c}" for c in "!！*_`[]()<>&#|\\~:-+=.'\" ") + "行尾两个空格  "


def _prune_extension():
    spec = importlib.util.spec_from_file_location("inline_patterns", ROOT / "plugins" / "inline_patterns.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PruneInlinePatterns()


@pytest.fixture(scope="module")
def renderers(tmp_path_factory):
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(tmp_path_factory.mktemp("docs")))
    full = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    pruned = markdown.Markdown(extensions=[*config.markdown_extensions, _prune_extension()],
                               extension_configs=config.mdx_configs)
    return lambda text: full.reset().convert(text), lambda text: pruned.reset().convert(text)


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("site")
    write_cases(tmp / "pages")
    body = "\n\n".join([HOSTILE_BODY, AROUND_TERMS, *(f"{text} 大模型 {text}" for text in HOSTILE)])
    for i, (name, title) in enumerate(sorted(HOSTILE_TITLES.items())):
        (tmp / "pages" / "hostile" / f"{name}.txt").parent.mkdir(parents=True, exist_ok=True)
        (tmp / "pages" / "hostile" / f"{name}.txt").write_text(dump(title, body, 100 + i), encoding="utf-8")
    run_pipeline(tmp / "pages", tmp / "docs", tmp / "report.json", glossary_file=ROOT / "content" / "glossary.yml")
    return tmp / "docs"


def test_every_page_renders_the_same_without_the_dropped_patterns(docs, renderers):
    full, pruned = renderers
    pages = sorted(docs.rglob("*.md"))
    assert len(pages) > 30
    for page in pages:
        text, _ = get_data(page.read_text(encoding="utf-8"))  # as MkDocs: the front matter taken off first
        assert pruned(text) == full(text), page.relative_to(docs)


def test_the_pages_hold_links_after_every_character(docs):
    # The comparison above means something only if term links stand right after "!", "*", "<" …
    text = "\n".join(p.read_text(encoding="utf-8") for p in (docs / "articles").glob("*.md"))
    assert "\\![大模型](" in text or "\\![AI](" in text
    assert "](../glossary/" in text


def test_the_dropped_patterns_do_change_markdown_that_uses_them(renderers):
    full, pruned = renderers
    for text in ("![图](a.png)", "[a][1]\n\n[1]: b", "<https://example.com>", "<b>粗</b>", "a  \nb"):
        assert pruned(text) != full(text), text
