"""Search in a real browser, Material's box on zhiku's index: served over HTTP on 127.0.0.1 and from
the unzipped offline bundle on file://, with no request leaving the site and no console error.
Every case of issue 19's point 3, the result line's count, more results, keyboard navigation,
search.highlight, titles shown as written; and the plain page that queries the index without
Material (search/index.html).

The corpus: the sample page and pages in the portal's format written for the cases, each about
something the others only brush.
"""
import shutil
import zipfile

import pytest

from tests.browser import chromium, result_links, search, serve, site_relative, wait_for_answer, watched_page
from tests.conftest import HEADER, SAMPLE
from tests.test_build import run_build

SAMPLE_ARTICLE = "articles/chong-jian-meta-di-guo-yong-ai-hui-jing-tiktok.html"
OPENAI_ARTICLE = "articles/openai-fa-bu-xin-yi-dai-mo-xing-chatgpt-yong-hu-tu-po-yi-yi.html"
MEDICAL_ARTICLE = "articles/ren-gong-zhi-neng-ru-he-gai-bian-yi-liao-cong-ying-xiang.html"
TIKTOK_ARTICLE = "articles/duan-shi-pin-ping-tai-tiktok-de-tui-jian-suan-fa.html"
ZUCKERBERG_ENTRY = "glossary/zha-ke-bo-ge.html"
ZOOMEYE_ARTICLE = "articles/zoomeye-fa-bu-nian-du-wang-luo-kong-jian-ce-hui-bao-gao.html"
LONG_ARTICLE = "articles/da-mo-xing-xun-lian-de-cheng-ben-zhang-dan.html"
QUOTED_TITLE = '龙湖集团"暗伤":<b>现金流</b>承压 & 转型'


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
    "gpt4o.txt": portal_page(
        "OpenAI推出GPT-4o:能听能看的全能模型", "2024-05-14 08:00", [
            "GPT-4o可以实时处理语音、图像和文字,响应时间接近人类对话。",
            "与GPT4相比,GPT-4o的速度更快,价格也更低。",
        ], "OpenAI", "科技观察"),
    "galaxy.txt": portal_page(
        "三星Galaxy Z Flip折叠屏手机上手", "2024-02-20 10:00", [
            "三星新款Galaxy Z Flip采用竖向折叠设计,合上后可以放进口袋。",
            "Galaxy Z Flip的外屏比上一代更大,可以直接回复消息。",
            "此前发布的S20系列仍是三星今年的主力机型。",
        ], "三星 , 手机", "数码评测"),
    "zoomeye.txt": portal_page(
        "ZoomEye发布年度网络空间测绘报告", "2024-01-05 12:00", [
            "网络空间搜索引擎ZoomEye发布报告,统计了全球暴露在公网的设备。",
            "报告显示,暴露的摄像头和路由器数量继续增长,其中不少型号来自三星等厂商的Flip系列。",
        ], "ZoomEye , 网络安全", "安全内参"),
    "iphone.txt": portal_page(
        "苹果秋季发布会:iPhone新品全系涨价", "2024-09-10 02:00", [
            "苹果发布了iPhone新品,新机全系涨价,起售价来到新高。",
            "分析师认为,iPhone的新功能难以撑起更高的售价。",
        ], "苹果 , iPhone", "数码评测"),
    "strike.txt": portal_page(
        "法国多地爆发大罢工:交通陷入瘫痪", "2024-03-07 18:00", [
            "法国多个城市爆发罢工,铁路和地铁几乎全部停运。",
            "工会表示,如果政府不撤回改革方案,罢工将持续下去。",
        ], "法国 , 罢工", "国际观察"),
    "france.txt": portal_page(
        "法国总统马克龙访问中国", "2024-04-01 09:00", [
            "法国总统马克龙抵达北京,开始为期三天的国事访问。",
        ], "法国 , 外交", "国际观察"),
    "walkout.txt": portal_page(
        "美国汽车工人罢工进入第三周", "2024-04-02 09:00", [
            "美国汽车工人联合会的罢工进入第三周,三大车企的生产受到影响。",
        ], "罢工 , 汽车", "国际观察"),
    "quoted.txt": portal_page(
        QUOTED_TITLE, "2024-06-01 09:00", [
            "龙湖集团公布半年报,经营性现金流承压,转型仍在进行。",
        ], "龙湖集团", "地产观察"),
    "long.txt": portal_page(
        "大模型训练的成本账单", "2024-08-01 09:00",
        ["训练一个大模型要花多少钱?这是一笔复杂的账。"] + [f"第{n}笔开销来自算力、电力和人力,每一项都在上涨。" for n in range(1, 30)]
        + ["最后,有人提出用量子计算降低训练成本,但这还很遥远。"], "大模型", "产业观察"),
    **{f"kb{n:02d}.txt": portal_page(
        f"知识库实践第{n}篇:搭建团队的知识库", f"2024-07-{n:02d} 09:00", [
            f"这是第{n}篇知识库实践,介绍如何把文档整理进知识库。",
        ], "知识库", "实践笔记") for n in range(1, 13)},
}

# query → the page that must come first
FIRST = {
    "大模型": "glossary/da-mo-xing.html",        # the entry that is the query, then the articles
    "扎克伯格": ZUCKERBERG_ENTRY,
    "小扎": ZUCKERBERG_ENTRY,                   # an alias finds the entry
    "Llama模型": "glossary/llama.html",         # Latin and Chinese without a space: the entry named Llama
    "S20系列": "articles/san-xing-galaxy-z-flip-zhe-die-ping-shou-ji-shang-shou.html",
    "iPhone新品": "articles/ping-guo-qiu-ji-fa-bu-hui-iphone-xin-pin-quan-xi-zhang-jia.html",
    "zoomeye": "glossary/zoomeye.html",         # any case; the entry (a portal keyword) is the query
    "ＯｐｅｎＡＩ": "glossary/openai.html",       # full-width letters
    "推荐算法": TIKTOK_ARTICLE,
    "gpt-4o": "articles/openai-tui-chu-gpt-4o-neng-ting-neng-kan-de-quan-neng-mo.html",
    "Galaxy Z Flip": "articles/san-xing-galaxy-z-flip-zhe-die-ping-shou-ji-shang-shou.html",
    "法国 罢工": "articles/fa-guo-duo-di-bao-fa-da-ba-gong-jiao-tong-xian-ru-tan-huan.html",
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


def articles(results: list[str]) -> list[str]:
    return [r for r in results if r.startswith("articles/")]


def meta(page) -> str:
    return page.inner_text(".md-search-result__meta")


@pytest.mark.parametrize("query", list(FIRST))
def test_query_finds_first_the_page_it_is_about(page, query):
    results = search(page, query)
    assert results and results[0] == FIRST[query], results


def test_mixed_script_finds_the_articles_too(page):
    assert SAMPLE_ARTICLE in articles(search(page, "Llama模型"))
    assert articles(search(page, "zoomeye"))[0] == ZOOMEYE_ARTICLE


def test_a_piece_inside_a_word_is_found(page):
    # 智能 is inside 人工智能: the article about 人工智能 is the first article (entries named 智能体
    # and 人工智能 hold it in their names, which weigh as much as a title)
    assert articles(search(page, "智能"))[0] == MEDICAL_ARTICLE


def test_a_name_finds_its_entry_and_the_articles_that_name_it(page):
    results = search(page, "扎克伯格")
    assert results[0] == ZUCKERBERG_ENTRY and SAMPLE_ARTICLE in results
    assert search(page, "小扎")[:2] == results[:2]  # the alias: the same entry, the same articles


def test_every_word_is_required(page):
    results = search(page, "法国 罢工")
    assert articles(results) == [FIRST["法国 罢工"]]  # not the visit, not the other strike
    assert meta(page) == "找到 1 个符合条件的结果"  # Material's own words (theme language zh)


def test_gpt_4o_article_before_the_gpt4_entry(page):
    results = search(page, "gpt-4o")
    assert results[0] == FIRST["gpt-4o"]
    assert "glossary/gpt4.html" not in results[:1]


def test_galaxy_z_flip_is_not_the_zoomeye_article(page):
    results = search(page, "Galaxy Z Flip")
    assert results[0] != FIRST["zoomeye"]
    assert ZOOMEYE_ARTICLE not in results  # it has Flip, but neither Galaxy nor the word Z


def test_a_latin_word_matches_words_it_begins_only(page):
    assert ZOOMEYE_ARTICLE in search(page, "zoom")
    said = search(page, "ai")
    assert said and all("said" not in r for r in said)


def test_a_query_no_page_holds_says_so(page):
    assert search(page, "量子纠缠") == []
    assert meta(page) == "没有找到符合条件的结果"


def test_the_result_line_counts_every_match_and_more_results_come_on_asking(page):
    results = search(page, "知识库实践")
    assert len(results) == 10
    assert meta(page) == "12 个符合条件的结果"
    page.click(".zhiku-search-more a")
    wait_for_answer(page, "知识库实践")
    assert len(result_links(page)) == 12 and page.locator(".zhiku-search-more").count() == 0


def test_titles_show_exactly_as_written_and_the_query_is_marked(page):
    results = search(page, "龙湖集团")
    assert results[0] == "glossary/long-hu-ji-tuan.html"   # the entry named so, then the article
    article = page.locator(".md-search-result__item article").nth(1)
    assert article.locator("h1").text_content() == QUOTED_TITLE
    assert page.locator(".md-search-result__article h1 b").count() == 0  # shown, never markup
    assert article.locator("h1 mark").first.inner_text() == "龙湖集团"
    assert "龙湖集团公布半年报" in article.inner_text()


def test_an_excerpt_is_around_the_match(page):
    assert search(page, "量子计算")[0] == LONG_ARTICLE  # in its last paragraph
    text = page.locator(".md-search-result__item article").first.inner_text()
    assert "量子计算" in text and "训练一个大模型要花多少钱" not in text
    assert page.locator(".md-search-result__item article mark").first.inner_text() == "量子计算"


def test_keyboard_opens_a_result_and_the_page_marks_the_query(page, base):
    search(page, "推荐算法")
    page.keyboard.press("ArrowDown")
    assert site_relative(page, page.evaluate("document.activeElement.href")) == TIKTOK_ARTICLE
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{TIKTOK_ARTICLE}?h=*")
    marks = page.locator("article mark[data-md-highlight]")
    marks.first.wait_for()
    assert {"推荐", "算法"} <= set(marks.all_inner_texts())  # the query's two pieces


def test_search_from_an_article_page(page, base):
    page.goto(base + TIKTOK_ARTICLE)
    assert FIRST["Galaxy Z Flip"] in search(page, "折叠屏")


def test_the_plain_page_queries_the_same_index_without_material(browser, base):
    with watched_page(browser, base) as (page, watch):
        page.goto(base + "search/index.html?q=" + "小扎")
        page.wait_for_function("() => document.querySelector('#zhiku-count').textContent !== ''")
        links = page.eval_on_selector_all("#zhiku-results a", "els => els.map(e => e.getAttribute('href'))")
        assert links[0].endswith(ZUCKERBERG_ENTRY) and any(link.endswith(SAMPLE_ARTICLE) for link in links)
        page.fill("#zhiku-query", "量子纠缠")
        page.wait_for_function("() => document.querySelector('#zhiku-count').textContent === '没有找到'")
        assert watch.outside == [] and watch.errors == []
