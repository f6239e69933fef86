"""Template detection across pages: blocks repeated on a site's pages are its chrome (extract/template.py)."""
import json
import subprocess
import sys

import lxml.html
from zhiku.cache.step import Cache
from zhiku.extract.entry import not_in_body
from zhiku.extract.template import repeated
from zhiku.read.ingest import content_identity, read_input, with_body

from tests.conftest import ROOT

REAL = ROOT / "tests" / "pages" / "xinhuanet-2023-drug-shortage-supply.html"
NOTICE = "本栏目文章均为新华网独家稿件，欢迎个人转发分享，媒体转载请联系授权并注明出处。"
TOPICS = ["短缺药品", "医保目录", "集中采购", "基层医疗", "公共卫生", "健康中国"]


def site_page(n: int, *, notice: bool = True, suffix: str | None = None) -> str:
    """The real page with its article text replaced by page n's own, the column's notice after it."""
    doc = lxml.html.document_fromstring(REAL.read_text(encoding="utf-8"))
    detail = doc.get_element_by_id("detail")
    paragraphs = [p for p in detail.iter("p") if len(p.text_content()) > 30]
    for i, p in enumerate(paragraphs):
        for child in list(p):
            p.remove(child)
        p.text = (f"第{n}篇报道第{i + 1}段：记者从有关部门获悉，{TOPICS[(n + i) % len(TOPICS)]}工作近期取得"
                  f"新进展，{n * 7 + i}项措施已经落地，相关负责人表示将继续推进。")
    if notice:
        extra = lxml.html.fragment_fromstring(f"<p>{NOTICE}</p>")
        paragraphs[-1].addnext(extra)
    title = doc.find(".//title")
    title.text = title.text.replace("新华网", suffix) if suffix else title.text
    h1 = doc.find(".//h1")
    for element in (title, h1):
        element.text = element.text.replace("短缺药品", TOPICS[n % len(TOPICS)] + f"第{n}期")
    return lxml.html.tostring(doc, encoding="unicode")


def test_a_site_sum_decides_by_pages_and_share():
    head = {"site": "a.cn", "blocks": ["k1", "k2", "k3"]}
    total = {"a.cn\0": [10], "a.cn\0k1": [9], "a.cn\0k2": [2], "a.cn\0k3": [1]}
    assert repeated(head, total, 3, 0.3) == {"k1": "chrome: repeats on 9 of 10 pages of a.cn"}
    assert repeated(head, {**total, "a.cn\0": [40]}, 3, 0.3) == {}  # 9 of 40: under the share
    assert repeated(head, {**total, "a.cn\0k2": [9], "a.cn\0k3": [9]}, 3, 0.3) == {}  # all of it: the page is the template


def test_blocks_repeated_on_a_sites_pages_leave_the_body_and_are_reported(tmp_path, profile):
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(1, 5):
        (pages / f"p{n}.html").write_text(site_page(n), encoding="utf-8")
    (pages / "other.html").write_text(site_page(9, suffix="别的网"), encoding="utf-8")  # another site, once

    def read():
        cache = Cache(tmp_path / "cache")
        found = read_input(pages, profile, cache)
        cache.save()
        return found, cache

    ingest, cache = read()
    by_path = {a.source_path: a for a in ingest.articles}
    assert sorted(by_path) == ["other.html", "p1.html", "p2.html", "p3.html", "p4.html"]
    for name in ("p1.html", "p2.html", "p3.html", "p4.html"):
        article = by_path[name]
        assert article.site == "新华网"
        assert NOTICE not in [b.text for b in article.blocks]
        assert any(b.text.startswith(f"第{name[1]}篇报道第1段") for b in article.blocks)
        reasons = [d["reason"] for d in not_in_body(article) if d.get("text") == NOTICE]
        assert reasons == ["chrome: repeats on 4 of 4 pages of 新华网"]
    assert NOTICE in [b.text for b in by_path["other.html"].blocks]  # one page of its site: nothing repeats

    # A fifth page: the counts in the report follow, the four bodies (and so their keys) do not change.
    identities = {a.source_path: content_identity(a) for a in ingest.articles}
    (pages / "p5.html").write_text(site_page(5), encoding="utf-8")
    again, cache = read()
    assert again.extracted == ["p5.html"]
    for article in again.articles:
        if article.source_path in identities:
            assert content_identity(article) == identities[article.source_path]
        if article.source_path != "other.html":
            whole = with_body(article, cache)
            assert NOTICE not in [b.text for b in whole.blocks]
            assert [d["reason"] for d in not_in_body(whole) if d.get("text") == NOTICE] == \
                ["chrome: repeats on 5 of 5 pages of 新华网"]


def test_a_build_reports_the_sites_chrome(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(1, 4):
        (pages / f"p{n}.html").write_text(site_page(n), encoding="utf-8")
    (pages / "p4.html").write_text(site_page(4, notice=False), encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--input", str(pages), "--docs",
                          str(tmp_path / "docs"), "--markdown-only"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    reasons = {page["input"]: [d["reason"] for d in page["not_in_body"] if d.get("text") == NOTICE]
               for page in report["pages"]}
    assert reasons == {"p1.html": ["chrome: repeats on 3 of 4 pages of 新华网"],
                       "p2.html": ["chrome: repeats on 3 of 4 pages of 新华网"],
                       "p3.html": ["chrome: repeats on 3 of 4 pages of 新华网"], "p4.html": []}
    markdown = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "docs").rglob("*.md"))
    assert NOTICE not in markdown and "第1篇报道第1段" in markdown
