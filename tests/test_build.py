"""End to end: scripts/build.py on the sample page, into temporary folders; checks the HTML."""
import hashlib
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import HEADER, ROOT, SAMPLE

ARTICLE = "articles/chong-jian-meta-di-guo-yong-ai-hui-jing-tiktok"


def run_build(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), *args],
                          capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("build")
    pages = tmp / "pages"
    pages.mkdir()
    shutil.copy(SAMPLE, pages / SAMPLE.name)
    (pages / "hostile.txt").write_text(
        HEADER + "<script>alert(1)</script>标题\n1点击 2024-01-01 00:00\n\n"
        "<img src=x onerror=alert(1)> [link](javascript:alert(1)) $10B &1GW\n\n1. 不是列表\n", encoding="utf-8")
    (pages / "related.txt").write_text(
        HEADER + "Meta与OpenAI的大模型之争\n10点击 2024-06-01 09:00\n\n扎克伯格说,Meta会继续开源大模型。\n"
        "\n关键词: Meta , 大模型\n", encoding="utf-8")
    result = run_build("--input", str(pages), "--docs", str(tmp / "docs"), "--site", str(tmp / "site"))
    assert result.returncode == 0, result.stderr
    return tmp


def read(built, rel):
    return (built / "site" / rel).read_text(encoding="utf-8")


def test_markdown_written(built):
    md = (built / "docs" / f"{ARTICLE}.md").read_text(encoding="utf-8")
    assert md.startswith("---\ntitle: 重建Meta帝国:用AI“回敬”TikTok\ndate: 2024-05-24T11:02:00+08:00\n")


def test_article_page_shows_metadata_above_text(built):
    page = read(built, f"{ARTICLE}.html")
    article = page[page.index('<article'):]
    h1 = article.index("<h1>重建Meta帝国:用AI“回敬”TikTok</h1>")
    meta = article.index('class="zhiku-meta"')
    text = article.index("2023年5月,美国白宫举办了一场")
    assert h1 < meta < text
    block = article[meta:text]
    for value in ("2024-05-24 11:02", 'datetime="2024-05-24T11:02:00+08:00"', "表里表外", "洞见数据研究院",
                  "9047", "AI、Meta、openai、Anthropic、大模型"):
        assert value in block, value


def test_chinese_headings_have_readable_ids(built):
    page = read(built, f"{ARTICLE}.html")
    ids = re.findall(r'<h2 id="([^"]+)"', page)
    assert ids[0] == "01-算法三代目站在tiktok的肩膀上"
    assert "参考资料" in ids and not any(re.fullmatch(r"_\d+", i) for i in ids)


def test_references_are_a_list_with_literal_text(built):
    page = read(built, f"{ARTICLE}.html")
    refs = page[page.index('id="参考资料"'):]
    items = re.findall(r"<li>(.*?)</li>", refs[: refs.index("</ul>")])
    assert len(items) == 5
    assert items[-1] == "Dwarkesh Patel:《Mark Zuckerberg-Llama3,$10B Models, Caesar Augustus, &amp;1GW Datacenters》"


def test_home_lists_articles_newest_first(built):
    home = read(built, "index.html")
    assert 0 < home.index("重建Meta帝国") < home.index("&lt;script&gt;alert(1)&lt;/script&gt;标题")
    assert "2024-05-24 11:02 · 表里表外 · 洞见数据研究院" in home


class Tags(HTMLParser):
    """Start tags with their attributes, and the text inside <script> elements."""

    def __init__(self, html: str):
        super().__init__()
        self.tags, self.script_text, self._in_script = [], [], False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text.append(data)

    def requests(self) -> list[str]:
        """What a browser fetches on load: scripts, images, frames, stylesheets and icons."""
        urls = [a.get("src") for t, a in self.tags if t in ("script", "img", "iframe", "source")]
        urls += [a.get("href") for t, a in self.tags if t == "link" and a.get("rel") != "canonical"]
        return [u for u in urls if u]


def test_hostile_text_renders_as_text(built):
    page = read(built, "articles/script-alert-1-script-biao-ti.html")
    parsed = Tags(page)
    assert not any("alert" in (value or "") for _, attrs in parsed.tags for value in attrs.values())
    assert not any("alert" in text for text in parsed.script_text)
    assert not any(tag == "img" and attrs.get("src") == "x" for tag, attrs in parsed.tags)
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;标题</h1>" in page
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;标题 - 知库</title>" in page
    assert "<p>&lt;img src=x onerror=alert(1)&gt; [link](javascript:alert(1)) $10B &amp;1GW</p>" in page
    assert "<p>1. 不是列表</p>" in page


def test_no_request_leaves_the_site(built):
    for html_file in (built / "site").rglob("*.html"):
        for url in Tags(html_file.read_text(encoding="utf-8")).requests():
            assert not re.match(r"(?:[a-z]+:)?//", url), f"{html_file.name} requests {url}"


def tree_digest(folder: Path, skip=()) -> dict:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name not in skip}


def test_build_is_deterministic(built, tmp_path):
    result = run_build("--input", str(built / "pages"), "--docs", str(tmp_path / "docs"),
                       "--site", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert tree_digest(tmp_path / "docs") == tree_digest(built / "docs")
    assert tree_digest(tmp_path / "site") == tree_digest(built / "site")


def test_the_index_made_beside_mkdocs_is_published_as_written_and_as_made_before_it(built, tmp_path):
    index = tree_digest(built / "docs" / "search", skip=(".zhiku-index.json",))
    assert len(index) > 50 and index == tree_digest(built / "site" / "search")
    # One process: the index is made before MkDocs; the same site.
    result = run_build("--input", str(built / "pages"), "--docs", str(tmp_path / "docs"),
                       "--site", str(tmp_path / "site"), "--jobs", "1", "--timings")
    assert result.returncode == 0, result.stderr
    assert tree_digest(tmp_path / "site") == tree_digest(built / "site")
    assert "search index " in result.stdout and "beside MkDocs" not in result.stdout
    # --markdown-only: the pipeline makes the index as its last stage; the same files.
    result = run_build("--input", str(built / "pages"), "--docs", str(tmp_path / "md"), "--markdown-only")
    assert result.returncode == 0, result.stderr
    assert tree_digest(tmp_path / "md" / "search") == tree_digest(built / "docs" / "search")


def test_missing_input_folder_fails_with_one_line(tmp_path):
    result = run_build("--input", str(tmp_path / "nope"), "--docs", str(tmp_path / "d"), "--site", str(tmp_path / "s"))
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and "does not exist" in result.stderr


def test_failed_build_keeps_previous_site(built, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built / "site", site)
    bad_config = tmp_path / "mkdocs.yml"
    bad_config.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "nav:\n", "nav:\n  - 缺失: missing.md\n"), encoding="utf-8")
    result = run_build("--input", str(built / "pages"), "--docs", str(tmp_path / "docs"),
                       "--site", str(site), "--config", str(bad_config))
    assert result.returncode == 1 and "mkdocs build failed" in result.stderr
    assert tree_digest(site) == tree_digest(built / "site")


def test_term_links_carry_tooltips(built):
    page = read(built, f"{ARTICLE}.html")
    assert ('<a href="../glossary/zha-ke-bo-ge.html" title="马克·扎克伯格（Mark Zuckerberg），Meta 创始人兼首席执行官。">'
            "扎克伯格</a>") in page
    assert page.count('href="../glossary/zha-ke-bo-ge.html"') == 1  # first mention only
    assert "<h2" in page and not re.search(r"<h2[^>]*>[^<]*<a href=\"../glossary", page)


def test_related_articles_name_shared_terms(built):
    page = read(built, f"{ARTICLE}.html")
    related = page[page.index('id="相关文章"'):]
    assert 'href="meta-yu-openai-de-da-mo-xing-zhi-zheng.html"' in related
    assert "共同术语：" in related and "扎克伯格" in related[: related.index("</ul>")]


def test_glossary_index_in_pinyin_order_with_letter_bar(built):
    index = read(built, "glossary/index.html")
    order = [index.index(f">{name}</a>") for name in ("AI", "安全", "大模型", "Meta", "OpenAI", "元宇宙", "扎克伯格")]
    assert order == sorted(order)
    assert 'href="#a"' in index and 'id="a"' in index and 'id="z"' in index
    assert "尚无文章提及" in index


def test_glossary_entry_lists_articles_with_snippets(built):
    entry = read(built, "glossary/zha-ke-bo-ge.html")
    assert "别名" in entry and "小扎" in entry
    assert "重建Meta帝国" in entry and "Meta与OpenAI的大模型之争" in entry
    assert "<strong>扎克伯格</strong>" in entry
    assert 'href="meta.html"' in entry  # related terms and the definition's own links
    assert 'href="zha-ke-bo-ge.html"' not in entry  # never to itself


def test_tags_pages(built):
    tags = read(built, "tags.html")
    assert "大模型" in tags and "Anthropic" in tags
