"""Property-based tests: any input gives an Article or a clear error; front matter parses back; no input
text becomes an HTML tag in the rendered page."""
import html as html_module
from html.parser import HTMLParser

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from zhiku.clean.chrome import normalise_line
from zhiku.extract.html_page import extract_html
from zhiku.extract.markdown_page import extract_markdown
from zhiku.extract.page import extract_page
from zhiku.extract.text_dump import extract_article
from zhiku.model import Article, RawPage
from zhiku.profile import default_profile
from zhiku.read.decode import PageError, decode_page
from zhiku.read.ingest import read_input
from zhiku.write.article_page import article_body, render_article

from tests.conftest import HEADER

PROFILE = default_profile()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Text with a bias to what breaks things: markup, Markdown, YAML, template syntax, line ends, CJK.
PIECES = st.sampled_from([
    "<script>", "</script>", "<img src=x onerror=alert(1)>", "<", ">", "&", "&amp;", "&#60;", "[a](javascript:x)",
    "![i](x)", "*", "_", "`", "#", "## ", "1. ", "- ", "> ", "---", "...", ":", ": ", "'", '"', "{{ config }}",
    "{% raw %}", "\\", "|", "\n", "\r\n", "\r", "\t", "\u3000", "\u200b", "\ufeff", "标题", "正文。", "01 ",
    "9点击 2024-01-01 00:00", "关键词: AI", "参考资料", "# 热门搜索 #", "搜索", "<!--", "-->", "<![CDATA[", "\x00",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=30).map("".join)


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_raise_a_page_error(data):
    try:
        text, encoding = decode_page(data, "p.txt")
    except PageError as error:
        assert error.kind in {"empty", "binary", "undecodable"} and str(error).startswith("p.txt: ")
    else:
        assert isinstance(text, str) and text.strip() and encoding


@SETTINGS
@given(TEXT, st.sampled_from(["text", "markdown", "html"]))
def test_any_text_gives_an_article(text, fmt):
    article = extract_page(RawPage("p", text, "0" * 64, "utf-8", fmt), PROFILE)
    assert isinstance(article, Article)
    assert article.title or article.problems  # no title is always said
    assert all(isinstance(p, str) and "\n" not in p for p in article.problems)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.binary(max_size=300), max_size=6))
def test_any_folder_reads_without_an_exception(tmp_path_factory, files):
    root = tmp_path_factory.mktemp("any")
    for i, data in enumerate(files):
        (root / f"{i}{['.txt', '.html', '.md'][i % 3]}").write_bytes(data)
    result = read_input(root, PROFILE)
    assert len(result.articles) + len({p.input for p in result.problems if not p.published}) == len(files)


FIELD = st.text(min_size=1, max_size=60).filter(lambda s: s.strip())


@SETTINGS
@given(FIELD, st.one_of(st.none(), FIELD), st.one_of(st.none(), FIELD), st.lists(FIELD, max_size=4))
def test_front_matter_parses_back_to_the_same_values(title, author, source, keywords):
    article = Article(source_path="a/b.txt", sha256="0" * 64, title=title, author=author, source=source,
                      keywords=keywords, slug="x")
    page = render_article(article)
    assert page.startswith("---\n")
    front = yaml.safe_load(page[4:page.index("\n---\n", 4)])
    assert front["title"] == title and front.get("author") == author and front.get("source") == source
    assert front.get("keywords", []) == keywords
    assert front["input"] == "a/b.txt"


class Tags(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.tags = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


ALLOWED = {"p", "h2", "ul", "li", "a"}  # what the writer makes; an <a> only as a heading's permalink


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT, TEXT)
def test_no_input_text_becomes_an_html_tag(render, title, body):
    raw = RawPage("p.txt", f"{HEADER}{title}\n1点击 2024-01-01 00:00\n\n{body}\n", "0" * 64)
    article = extract_article(raw, PROFILE)
    html = render(article_body(article))
    for tag, attrs in Tags(html).tags:
        assert tag in ALLOWED, (tag, html)
        if tag == "a":
            assert attrs.get("class") == "headerlink" and attrs["href"].startswith("#"), html
        assert not any(name.startswith("on") for name in attrs), html


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT)
def test_html_page_text_never_becomes_a_tag(render, text):
    page = f"<html><head><title>t</title></head><body><article><p>{text}</p></article></body></html>"
    article = extract_html(RawPage("p.html", page, "0" * 64, "utf-8", "html"), PROFILE)
    for tag, _ in Tags(render(article_body(article))).tags:
        assert tag in ALLOWED


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT)
def test_code_renders_as_its_text_in_one_code_block(render, text):
    # A <pre> of any text: one <pre><code> whose text is the code block's, however many backticks or
    # tags it holds; nothing of it becomes a tag.
    page = f"<html><head><title>t</title></head><body><article><p>正文第一段，足够长的一句话。</p><pre>{html_module.escape(text)}</pre></article></body></html>"
    article = extract_html(RawPage("p.html", page, "0" * 64, "utf-8", "html"), PROFILE)
    code = [b.text for b in article.blocks if b.kind == "code"]
    rendered = render(article_body(article))
    assert [tag for tag, _ in Tags(rendered).tags if tag not in ("p",)] == ["pre", "code"] * len(code)
    if code:
        inner = rendered[rendered.index("<code>") + 6:rendered.index("</code>")]
        assert html_module.unescape(inner).rstrip("\n") == code[0].expandtabs(4)  # Markdown's tab stops


@SETTINGS
@given(FIELD, TEXT)
def test_markdown_page_round_trips_its_metadata(title, body):
    source = Article(source_path="p.md", sha256="0" * 64, title=title.strip(), slug="x")
    page = render_article(source).split("\n---\n", 1)[0] + "\n---\n\n" + body
    article = extract_markdown(RawPage("p.md", page, "0" * 64, "utf-8", "markdown"), PROFILE)
    expected = normalise_line(" ".join(title.split()))
    if expected:  # a title of only zero-width characters is no title
        assert article.title == expected
        assert not any(p.startswith("front matter") for p in article.problems)
    else:
        assert article.title or article.problems


LINKED_TERMS = ["大模型", "AI", "OpenAI", "扎克伯格"]
# One normalised line, without control characters (Python-Markdown drops \x02 and \x03 itself).
LINE = st.lists(st.one_of(PIECES, st.sampled_from(LINKED_TERMS), st.sampled_from(["!", "！", "(", ")"]),
                          st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=8)), max_size=30).map(
    lambda pieces: normalise_line("".join(p for p in pieces if p.isprintable() or p.isspace()).replace("\n", " ")
                                  .replace("\r", " ")))


class Text(Tags):
    def __init__(self, html):
        self.text = []
        super().__init__(html)

    def handle_data(self, data):
        self.text.append(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(LINE)
def test_a_linked_paragraph_renders_as_its_text_with_links_only(render, text):
    from zhiku.link.matcher import TermMatcher
    from zhiku.link.render import render_linked
    from zhiku.model import Term

    if not text:
        return
    matcher = TermMatcher([Term(name, slug=f"t{i}") for i, name in enumerate(LINKED_TERMS)])
    mentions = matcher.find(text)
    html = render(render_linked(text, mentions, matcher.terms, lambda term: f"../glossary/{term.slug}.md"))
    parsed = Text(html)
    assert [tag for tag, _ in parsed.tags] == ["p"] + ["a"] * len(mentions), html
    assert all(attrs["href"].startswith("../glossary/t") for tag, attrs in parsed.tags if tag == "a"), html
    assert "".join(parsed.text) == text, html
