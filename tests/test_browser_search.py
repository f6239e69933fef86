"""Search in a real browser: Chinese, English and mixed queries find the page they are about, served
over HTTP on 127.0.0.1 and from the unzipped offline bundle on file://, with no request leaving the
site and no console error. Also: glossary aliases, term links and their tooltips.

The corpus: the sample page and three hand-made pages in the portal's format, each about something
the others only brush (OpenAI and ChatGPT; 人工智能 in medicine; TikTok's algorithm).
"""
import shutil
import zipfile

import pytest

from tests.browser import chromium, search, serve, watched_page
from tests.conftest import HEADER, SAMPLE
from tests.test_build import run_build

SAMPLE_ARTICLE = "articles/chong-jian-meta-di-guo-yong-ai-hui-jing-tiktok.html"
OPENAI_ARTICLE = "articles/openai-fa-bu-xin-yi-dai-mo-xing-chatgpt-yong-hu-tu-po-yi-yi.html"
MEDICAL_ARTICLE = "articles/ren-gong-zhi-neng-ru-he-gai-bian-yi-liao-cong-ying-xiang.html"
TIKTOK_ARTICLE = "articles/duan-shi-pin-ping-tai-tiktok-de-tui-jian-suan-fa.html"


def portal_page(title: str, when: str, paragraphs: list[str], keywords: str, source: str) -> str:
    body = "\n\n\n".join(paragraphs)
    return (f"{HEADER}{title}\n1024点击    {when}\n\n{body}\n\n"
            f"关键词: {keywords}\n\n文章来源于“{source}”，作者“编辑部”\n")


PAGES = {
    "openai.txt": portal_page(
        "OpenAI发布新一代模型:ChatGPT用户突破一亿", "2024-03-01 09:30", [
            "OpenAI今天发布了新一代模型,ChatGPT的周活跃用户已经突破一亿。",
            "OpenAI表示,新模型在推理和编程上都有明显提升,ChatGPT的付费用户也在快速增长。",
            "有分析认为,OpenAI与微软的合作让它在算力上占据优势;不过,开源的Llama也在追赶。",
        ], "OpenAI , ChatGPT", "科技观察"),
    "medical.txt": portal_page(
        "人工智能如何改变医疗:从影像诊断到药物研发", "2024-02-10 14:00", [
            "人工智能正在进入医院。影像诊断是人工智能最早落地的医疗场景之一,医生借助算法阅片。",
            "在药物研发中,人工智能帮助科学家筛选分子,缩短研发周期。",
            "专家提醒,医疗人工智能仍需严格监管,数据隐私和伦理问题不容忽视。",
        ], "人工智能 , 医疗 , 监管", "健康科技"),
    "tiktok.txt": portal_page(
        "短视频平台TikTok的推荐算法", "2024-01-15 20:15", [
            "TikTok的推荐算法以兴趣为中心,新用户几分钟内就能刷到喜欢的短视频。",
            "TikTok在海外的成功,让推荐算法成为各家短视频平台竞相学习的对象。",
            "研究者认为,TikTok算法的关键在于对完播率和互动的实时反馈。",
        ], "TikTok , 算法 , 短视频", "互联网观察"),
}

# query → the page that must come first; "article" results only: the first article in the list.
FIRST_ARTICLE = {
    "大模型": SAMPLE_ARTICLE,
    "扎克伯格": SAMPLE_ARTICLE,
    "开源": SAMPLE_ARTICLE,
    "人工智能": MEDICAL_ARTICLE,
    "OpenAI": OPENAI_ARTICLE,
    "openai": OPENAI_ARTICLE,
    "Llama": SAMPLE_ARTICLE,
    "TikTok": TIKTOK_ARTICLE,
    "智能": MEDICAL_ARTICLE,          # inside 人工智能
    "Llama模型": SAMPLE_ARTICLE,      # Latin and Chinese without a space
    "推荐算法": TIKTOK_ARTICLE,
    "ChatGPT用户": OPENAI_ARTICLE,
    "影像诊断": MEDICAL_ARTICLE,
    "ＯｐｅｎＡＩ": OPENAI_ARTICLE,   # full-width letters
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("search")
    pages = tmp / "pages"
    pages.mkdir()
    shutil.copy(SAMPLE, pages / SAMPLE.name)
    for name, text in PAGES.items():
        (pages / name).write_text(text, encoding="utf-8")
    result = run_build("--input", str(pages), "--docs", str(tmp / "docs"), "--site", str(tmp / "site"),
                       "--bundle", str(tmp / "zhiku.zip"))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp / "zhiku.zip") as bundle:
        bundle.extractall(tmp / "unzipped")
    return tmp


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module", params=["http", "file"])
def base(request, built):
    if request.param == "file":
        yield (built / "unzipped" / "zhiku").as_uri() + "/"
    else:
        with serve(built / "site") as url:
            yield url


@pytest.fixture
def page(browser, base):
    with watched_page(browser, base) as (page, watch):
        page.goto(base + "index.html")
        yield page
        assert watch.outside == [], "requests left the site"
        assert watch.errors == [], "console errors"


def first_article(results: list[str]) -> str | None:
    return next((r for r in results if r.startswith("articles/")), None)


@pytest.mark.parametrize("query", list(FIRST_ARTICLE))
def test_query_finds_the_article_it_is_about(page, query):
    results = search(page, query)
    assert first_article(results) == FIRST_ARTICLE[query], results


def test_articles_rank_above_glossary_for_their_keywords(page):
    # Portal keywords are what an article is about: the article comes before the glossary entry.
    assert search(page, "TikTok")[0] == TIKTOK_ARTICLE
    assert search(page, "大模型")[0] == SAMPLE_ARTICLE


def test_a_word_found_nowhere_finds_nothing(page):
    assert search(page, "量子纠缠") == []
    assert page.inner_text(".md-search-result__meta") == "没有找到符合条件的结果"


def test_result_titles_have_no_zero_width_spaces(page):
    search(page, "扎克伯格")
    titles = page.eval_on_selector_all(".md-search-result__article h1", "els => els.map(e => e.textContent)")
    assert titles and not any("\u200b" in t for t in titles)
    assert "重建Meta帝国:用AI“回敬”TikTok" in titles


def test_a_match_inside_a_word_is_not_reported_missing(page):
    search(page, "智能")
    assert page.locator(".md-search-result__list del").count() == 0


def test_glossary_alias_finds_its_entry(page):
    assert search(page, "小扎")[0] == "glossary/zha-ke-bo-ge.html"
    assert search(page, "Ins")[0] == "glossary/instagram.html"


def test_term_link_opens_its_entry_and_shows_its_tooltip(page, base):
    page.goto(base + SAMPLE_ARTICLE)
    link = page.locator("article a[href$='glossary/zha-ke-bo-ge.html']").first
    assert "Meta 创始人" in link.get_attribute("title")
    link.hover()
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active").first
    tooltip.wait_for(state="visible")
    assert "Meta 创始人" in tooltip.inner_text()
    link.click()
    page.wait_for_url("**/glossary/zha-ke-bo-ge.html")
    assert page.locator("article h1").evaluate("h1 => h1.firstChild.textContent.trim()") == "扎克伯格"


def test_search_from_an_article_page(page, base):
    page.goto(base + TIKTOK_ARTICLE)
    assert first_article(search(page, "开源")) == SAMPLE_ARTICLE
