"""The rules added for pages of sites zhiku was never tuned on (issue 20), each on a small page that
fails without it: the article's end from structure, subheads, bylines, the site's name, visible dates."""
from datetime import datetime, timedelta, timezone

import pytest
from zhiku.extract.html_page import explain, extract_html
from zhiku.model import RawPage

CST = timezone(timedelta(hours=8))
P1 = "<p>第一段：央行今日开展逆回购操作，市场流动性总体保持合理充裕，这是一段足够长的正文，读来通顺。</p>"
P2 = "<p>第二段：分析人士认为，后续政策仍将保持稳健，市场利率有望维持在较低水平运行，请继续关注。</p>"
P3 = "<p>最后一段：投资者应关注风险，理性投资，不要盲目追涨杀跌，这是文章真正的最后一段话。</p>"


def page(body: str, *, title: str = "央行开展逆回购操作", head: str = "", header: str = "") -> str:
    return (f"<html><head><title>{title}_某某网</title>{head}</head><body><div class='main'><h1>{title}</h1>"
            f"{header}<div class='content'>{body}</div></div><div class='foot'>© 2024 某某网</div></body></html>")


def extract(text, profile):
    return extract_html(RawPage("p.html", text, "0" * 64, "utf-8", "html"), profile)


def texts(article):
    return [b.text for b in article.blocks]


def teasers(label: str) -> str:
    items = "".join(f"<li><a href='/{i}'>另一篇报道的标题第{i}条</a><span>2024-05-0{i}</span></li>" for i in range(1, 4))
    return f"<h3>{label}</h3><ul class='list'>{items}</ul>"


@pytest.mark.parametrize("label", ["看看这些", "More stories", "相关文章"])
def test_a_label_over_a_list_of_teasers_ends_the_article_whatever_its_words(label, profile):
    article = extract(page(P1 + P2 + P3 + teasers(label) + "<p>网友甲：说得很好，支持一下这篇文章，写得真不错。</p>"), profile)
    assert texts(article)[-1] == P3[3:-4]
    assert label not in texts(article) and not any("网友甲" in t for t in texts(article))


def test_past_the_element_that_holds_the_texts_paragraphs_the_body_is_the_pages(profile):
    # The body chosen (div.left) holds the text's own div and, after it, a widget's heading over an
    # empty box and a QR code's line set as the text's paragraphs are: the page's, not the text's.
    paragraphs = "".join(f"<p>第{i}段：这是一段足够长的正文，讲的是央行今日开展逆回购操作，市场流动性总体保持合理充裕。</p>"
                         for i in range(1, 7))
    page = ("<html><head><title>正文容器_某网</title></head><body><div class='main'><div class='top'><h1>正文容器</h1>"
            f"<div class='info'>2019年06月15日08:18 来源：某报</div></div><div class='left'><div id='text'>{paragraphs}"
            "<p>责任编辑：张迪</p></div><div class='hot'><h2>热门推荐</h2><span>收起</span><div id='feed'></div></div>"
            "<div class='qr'><span>某网公众号</span><p>24小时滚动播报最新的财经资讯和视频，扫描二维码关注我们。</p></div>"
            "</div></div></body></html>")
    article = extract(page, profile)
    assert article.blocks[-1].text.startswith("第6段") and article.editor == "张迪"
    assert "outside div#text, the element that holds its paragraphs" in explain_text(page, profile)


def test_a_list_of_links_inside_the_text_goes_and_the_text_after_it_stays(profile):
    box = "<p>延伸</p>" + "".join(f"<p><a href='/{i}'>别的一篇文章的标题，第{i}篇</a></p>" for i in range(3))
    article = extract(page(P1 + box + P2 + P3), profile)
    assert texts(article) == [P1[3:-4], P2[3:-4], P3[3:-4]]
    assert any("with text after it" in (r or "") for _, r in extract_raw(page(P1 + box + P2 + P3), profile).candidates)


def extract_raw(text, profile):
    from zhiku.extract.html_fields import extract_fields

    return extract_fields(text, profile.html, profile.timezone)


def test_paragraphs_after_the_text_set_apart_from_it_are_chrome(profile):
    notice = ("<p><strong>本专栏长期征稿，投稿请联系我们的编辑部邮箱，稿件一经刊用，将提供稿酬。</strong></p>"
              "<p class='end'>题图：资料图片，来自网络，版权归原作者所有。</p><p>-----------</p>")
    article = extract(page(P1 + P2 + P3 + notice), profile)
    assert texts(article)[-1] == P3[3:-4]
    reasons = [r for _, r in extract_raw(page(P1 + P2 + P3 + notice), profile).candidates if r]
    assert "chrome: after the text, set apart from its paragraphs (p all in <strong>; the text's are p)" in reasons
    assert "chrome: a rule line (----)" in reasons


def test_a_bold_paragraph_inside_the_text_stays(profile):
    bold = "<p><strong>小结：这一段整段加粗，但它在正文中间，后面还有正文，所以它是正文。</strong></p>"
    assert texts(extract(page(P1 + bold + P2 + P3), profile))[1] == bold[11:-13]


def test_subheads_before_the_first_paragraph_stay(profile):
    article = extract(page("<h2>背景</h2>" + P1 + P2 + "<h2>展望</h2>" + P3), profile)
    assert texts(article)[0] == "背景"
    numbered = extract(page("<p class='num'>1</p>" + P1 + "<p class='num'>2</p>" + P2 + P3), profile)
    assert texts(numbered)[:2] == ["1", P1[3:-4]]


def test_a_line_without_commas_is_still_prose(profile):
    spaced = "<p>今年早些时候 它还为旧的电池 一些壁式适配器 显示屏背光灯 键盘 和手表的屏幕 启动了维修或召回计划</p>"
    nav = "<div class='nav'>" + "".join(f"<a href='/{i}'>栏目{i}</a>" for i in range(12)) + "</div>"
    text = ("<html><head><title>苹果又上热搜_某某订阅</title></head><body>" + nav + "<h2>苹果又上热搜</h2>"
            f"<div class='content'>{spaced * 2}</div><div class='statement'><p>特别声明：本文为自媒体平台用户"
            "上传并发布，仅代表该作者观点，平台仅提供信息发布服务。</p></div></body></html>")
    assert texts(extract(text, profile)) == [spaced[3:-4]] * 2


def test_a_link_that_shows_its_address_in_a_sentence_is_text(profile):
    closing = "<p>完。我的其他作品：<a href='https://example.org/works'>https://example.org/works</a></p>"
    assert texts(extract(page(P1 + P2 + closing), profile))[-1] == "完。我的其他作品：https://example.org/works"


def test_a_caption_under_a_picture_paragraph_and_an_icon_in_it(profile):
    picture = "<p><img src='a.jpg'></p><p><a href='/star'>曹方</a><a href='/cd'><img src='cd.gif'></a>新专辑宣传照</p>"
    article = extract(page(picture + P1 + P2), profile)
    assert texts(article)[0] == "曹方新专辑宣传照"


def test_a_headline_in_two_lines_is_the_title_twice(profile):
    text = ("<html><head><title>管理良好 银行盈利 | Paper</title></head><body><div class='post'>"
            "<h1>管理良好 <br>银行盈利</h1>" + P1 + P2 + "</div></body></html>")
    assert "银行盈利" not in texts(extract(text, profile))


@pytest.mark.parametrize("line,author,editor", [
    ("作者：南方周末记者 雍兴中 姜世离 南方周末实习生 朱亮韬", "雍兴中 姜世离 朱亮韬", None),
    ("网络编辑: 小碧 责任编辑: 曹辛 李梁 助理编辑 温翠玲", None, "曹辛 李梁"),
    ("编辑| 史文慧", None, "史文慧"),
])
def test_a_bylines_list_of_names(line, author, editor, profile):
    article = extract(page(P1 + P2 + P3 + f"<p>{line}</p>"), profile)
    assert (article.author, article.editor) == (author, editor)


def test_credit_lines_before_and_after_the_text(profile):
    article = extract(page("<p>出品|网易新闻</p>" + P1 + P2 + P3 + "<p>（原标题：长沙校区窘迫关张）</p>"), profile)
    assert article.source == "网易新闻" and texts(article) == [P1[3:-4], P2[3:-4], P3[3:-4]]


def test_reporters_sign_off(profile):
    article = extract(page(P1 + P2 + "<p>■本报全媒体记者</p><p>林锐新 王为薇</p>" + P3), profile)
    assert article.author == "林锐新 王为薇"


def test_the_site_that_publishes_is_no_source_and_its_owner_may_be_the_author(profile):
    head = ('<meta property="og:site_name" content="Yang Mingxin\'s Blog"><meta name="author" content="Yang Mingxin">'
            '<script type="application/ld+json">{"@type": "BlogPosting", "publisher": {"name": "Yang Mingxin\'s Blog"}}</script>')
    article = extract(page(P1 + P2, head=head), profile)
    assert (article.source, article.author) == (None, "Yang Mingxin")
    site = extract(page(P1 + P2, head='<meta property="og:site_name" content="某某网"><meta name="author" content="某某网">'),
                   profile)
    assert (site.source, site.author) == (None, None)


def test_a_byline_element_after_the_text_needs_a_label_and_an_account_is_no_one(profile):
    reward = "<div class='reward_author'>赞赏</div>"
    text = page(P1 + P2, header="<span class='postAuthor'>Posted by admin</span>") + reward
    assert extract(text.replace("</div></div>", "</div>" + reward + "</div>", 1), profile).author is None
    by_name = page(P1 + P2, header="<span class='postAuthor'>Posted by Li Lei</span>")
    assert extract(by_name, profile).author == "Li Lei"


def test_a_byline_with_a_description_and_a_widget_of_links(profile):
    tags = "<div class='tag-editor'><a href='/t1'>心理学</a><a href='/t2'>恋爱</a></div>"
    article = extract(page(P1 + "<div class='answer-author-info'>甜阁下，心理咨询师</div>" + P2, header=tags), profile)
    assert (article.author, article.editor) == ("甜阁下", None)


def test_a_source_element_whose_one_name_is_a_link(profile):
    header = ("<div id='ArtFrom'><a href='http://ent.qq.com'>http://ent.QQ.com</a> 2009年11月09日11:30 "
              "<a href='http://yue.qq.com/'>腾讯音乐</a> <a href='/c'>我要评论(0)</a></div>")
    assert extract(page(P1 + P2, header=header), profile).source == "腾讯音乐"


def test_a_scripts_author_variable(profile):
    assert extract(page(P1 + P2, head='<script>var renjian_author = "索文";</script>'), profile).author == "索文"


def test_a_date_attribute_on_the_articles_element_gives_the_time(profile):
    text = page(P1 + P2, header="<div class='info'>2019-10-06 · 我们心里都有病</div>").replace(
        "<div class='main'>", "<div class='main' data-ptime='2019-10-06 12:44:51'>")
    assert extract(text, profile).date == datetime(2019, 10, 6, 12, 44, 51, tzinfo=CST)
    sidebar = page(P1 + P2, header="<div class='info'>2019-10-06</div>") + \
        "<div class='side' data-ptime='2019-10-06 01:02:03'><p>另一篇文章的摘要，足够长的一句话。</p></div>"
    assert extract(sidebar, profile).date == datetime(2019, 10, 6, tzinfo=CST)


def test_a_last_edit_date_is_not_the_publish_date(profile):
    text = page(P1 + P2 + "<p>编辑于 2014-09-25 160 条评论</p>").replace(
        "<div class='content'>", "<div class='content' data-created='1411567255'>")
    assert extract(text, profile).date == datetime(2014, 9, 24, 22, 0, 55, tzinfo=CST)
    assert "rejected: the last edit" in explain_text(text, profile)


def explain_text(text, profile, tmp=None):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.html"
        path.write_text(text, encoding="utf-8")
        return explain(path, profile)


@pytest.mark.parametrize("footer,expected", [
    ("posted @ 2024-05-09 10:15 张三 阅读(12) 评论(0)", datetime(2024, 5, 9, 10, 15, tzinfo=CST)),
    ("发布于 2021-03-02", datetime(2021, 3, 2, tzinfo=CST)),
    ("Posted by admin on Mar 17 2014. Filed under News.", datetime(2014, 3, 17, tzinfo=CST)),
])
def test_a_publish_line_after_the_text(footer, expected, profile):
    text = page(P1 + P2).replace("<div class='foot'>", f"<div class='postmeta'>{footer}</div><div class='foot'>")
    assert extract(text, profile).date == expected


@pytest.mark.parametrize("footer,author", [
    ("posted @ 2024-05-09 10:15 张三 阅读(12) 评论(0) 编辑 收藏", "张三"),  # cnblogs' footer: the byline follows the date
    ("Posted by 李四 on Mar 17 2014. Filed under News.", "李四"),  # WordPress: the byline before it
    ("Posted by admin on Mar 17 2014. Filed under News.", None),  # the site's account, not a person
])
def test_a_publish_line_after_the_text_names_its_author(footer, author, profile):
    text = page(P1 + P2).replace("<div class='foot'>", f"<div class='postmeta'>{footer}</div><div class='foot'>")
    assert extract(text, profile).author == author
    if author:
        assert "publish line after the text" in explain_text(text, profile)


@pytest.mark.parametrize("line,author", [
    # WeChat's header line: the date, the byline, then the account that publishes it (a link)
    ("<span>原创</span><em>2017-12-13</em><em>58沈剑</em><a href='/account'>架构师之路</a>", "58沈剑"),
    ("<em>2017-12-13</em><a href='/account'>架构师之路</a>", None),  # the account alone is no byline
    ("<em>2017-12-13</em><em>人民日报</em>", None),  # a name with no account after it may be the outlet
    ("<em>2017-12-13</em><a href='/u'>张三</a><a href='/account'>架构师之路</a>", None),  # a link is no bare name
])
def test_a_bare_name_between_the_date_and_the_account_in_the_header_line(line, author, profile):
    text = page(P1 + P2, header=f"<div class='meta'>{line}</div>")
    assert extract(text, profile).author == author
    if author:
        assert "beside the date in the header line" in explain_text(text, profile)


def test_a_relative_day_in_a_sentence_is_no_date(profile):
    article = extract(page("<p>今天，订阅号正式改版上线。</p>" + P1 + P2), profile)
    assert article.date is None and texts(article)[0] == "今天，订阅号正式改版上线。"


def test_a_date_line_under_the_headline_is_no_prose(profile):
    text = ("<html><head><title>拥有自己的博客 | XP</title></head><body><main><article><header><h1>拥有自己的博客</h1>"
            "<div class='meta'>November 17, 2025 · XP</div></header><div class='post-content'><p>我是XP！谢谢大家！这是我的第一篇博客，感谢支持！</p>"
            "</div></article></main></body></html>")
    article = extract(text, profile)
    assert texts(article) == ["我是XP！谢谢大家！这是我的第一篇博客，感谢支持！"] and article.date == datetime(2025, 11, 17, tzinfo=CST)


def test_the_headline_from_the_element_named_as_the_title(profile):
    text = ("<html><head><title>中国-印尼经贸合作网</title></head><body><table><tr><td class='title'>镇宁木艺彩娃畅销东南亚"
            "</td></tr><tr><td>2014-03-10 09:27:25</td></tr><tr><td class='body'>" + P1 + P2 + "</td></tr></table></body></html>")
    article = extract(text, profile)
    assert article.title == "镇宁木艺彩娃畅销东南亚" and article.date == datetime(2014, 3, 10, 9, 27, 25, tzinfo=CST)
    assert texts(article) == [P1[3:-4], P2[3:-4]]


def test_a_label_before_the_standfirst(profile):
    assert texts(extract(page("<div class='summary'><b>摘要：</b>" + P1 + "</div>" + P2), profile))[0] == P1[3:-4]


@pytest.mark.parametrize("head,title,site", [
    ('<link rel="canonical" href="https://www.example.com/a/1.html">', "文章标题一二三四", "example.com"),
    ("", "文章标题一二三四_科技_腾讯网", "腾讯网"),
    ("", "南方周末 - 文章标题一二三四", "南方周末"),
])
def test_the_site_a_page_comes_from(head, title, site, profile):
    text = (f"<html><head><title>{title}</title>{head}</head><body><h1>文章标题一二三四</h1>{P1}{P2}</body></html>")
    assert extract(text, profile).site == site


def test_a_denser_block_after_a_headed_list_of_teasers_is_not_the_article(profile):
    # chinatimes: a one-paragraph report, then 推荐阅读 (a heading over a list of links), then the comment
    # rules, a list denser than the report; the article ends at the teaser list, so it is not the body.
    rules = "".join(f"<li>请勿发表第{i}类内容，违者将被删除留言并封锁帐号，请使用者在发言前务必先阅读规则。</li>"
                    for i in range(1, 9))
    report = ("<p>北市士林区一处民宅今天下午惊传一对母子在阳台身亡，消防局据报派出人车赶往，发现都已无呼吸心跳，"
              "但在家属要求下还是送往医院急救，警方已到场了解案情，将报请检察官相验，以厘清真正的死因。</p>")
    text = ("<html><head><title>母子身亡_某某报</title></head><body><div class='left'><h1>母子身亡</h1>"
            f"<article class='arttext'>{report}</article>{teasers('推荐阅读')}"
            f"<div id='comments'><div class='rule'><ul>{rules}</ul></div></div></div></body></html>")
    article = extract(text, profile)
    assert texts(article) == [report[3:-4]]


def test_a_notice_in_its_own_container_after_a_short_text_goes(profile):
    # cna: one paragraph shown, then the paywall notice in a <div> of its own holding a link.
    text = page("<div class='paragraph'>" + P1 + "<div style='color:Red'>您所浏览的新闻已过查询时效。建议您加入"
                "<a href='/pay'>付费会员</a>找寻您要的新闻。</div></div>")
    assert texts(extract(text, profile)) == [P1[3:-4]]


def test_a_paragraph_in_a_div_after_a_short_text_stays_when_it_sends_nowhere(profile):
    text = page("<div class='paragraph'>" + P1 + "<div>第二段：他说，后续政策仍将保持稳健，请继续关注。</div></div>")
    assert texts(extract(text, profile))[-1] == "第二段：他说，后续政策仍将保持稳健，请继续关注。"


def test_a_bold_line_after_a_blank_line_in_the_last_paragraph_opens_a_notice(profile):
    # appledaily: the text is one <p> split by <br>; after the reporter's tag, a blank line, then the
    # paper's standing notice: a bold line, then help lines.
    body = ("<p>" + P1[3:-4] + "<br />&nbsp;<br />" + P2[3:-4] + "<br />&nbsp;<br />" + P3[3:-4] + "（王某／台中报导）"
            "<br /><br /><strong>《某报》关心你</strong><br />自杀解决不了问题，请珍惜生命。<br />"
            "安心专线：0800-788995（24小时）<br />生命线：1995<br />&nbsp;</p>")
    assert texts(extract(page(body), profile))[-1] == P3[3:-4] + "（王某／台中报导）"


def test_a_bold_line_inside_the_text_is_no_notice(profile):
    body = ("<p>" + P1[3:-4] + "<br /><br /><strong>小标题：政策走向</strong><br />" + P2[3:-4] + "<br />"
            + P3[3:-4] + "</p>")
    assert texts(extract(page(body), profile))[-1] == P3[3:-4]


def test_a_reporters_byline_line_in_traditional_script_is_the_author(profile):
    # ETtoday: "記者林悅／南市報導" (reporter, then where the report is filed) opens the text: metadata.
    article = extract(page("<p>記者林悅／南市報導</p>" + P1 + P2 + P3), profile)
    assert article.author == "林悅" and texts(article)[0] == P1[3:-4]


def test_a_reporters_tag_at_the_end_of_the_text_is_the_author(profile):
    # 蘋果日報: the text ends "…釐清死因。（王煌忠／台中報導）"; the tag stays in the text.
    article = extract(page(P1 + P2 + "<p>警方已勘驗現場並報請相驗，將進一步釐清死因。（王煌忠／台中報導）</p>"), profile)
    assert article.author == "王煌忠" and texts(article)[-1].endswith("（王煌忠／台中報導）")


def test_a_desks_roundup_tag_names_no_author(profile):
    article = extract(page(P1 + P2 + "<p>警方已勘驗現場並報請相驗，將進一步釐清死因。（國際中心／綜合報導）</p>"), profile)
    assert article.author is None


def test_a_meta_source_that_names_the_site_itself_is_no_source(profile):
    # ETtoday's <meta name="source" content="ETtoday新聞雲"> beside og:site_name ETtoday新聞雲.
    head = "<meta name='source' content='ETtoday新聞雲'><meta property='og:site_name' content='ETtoday新聞雲'>"
    assert extract(page(P1 + P2 + P3, head=head), profile).source is None
    head = "<meta name='source' content='新华网'><meta property='og:site_name' content='ETtoday新聞雲'>"
    assert extract(page(P1 + P2 + P3, head=head), profile).source == "新华网"


def test_the_headline_pictures_caption_above_the_text_leads_it(profile):
    # 蘋果日報, 中時: the photograph under the headline, its <figcaption> (or div.pictext), then the text in
    # an element of its own: the caption is the article's, the text's lead.
    header = "<div class='pic'><img src='a.jpg'><figcaption>台中市一棟大樓前的現場。王某攝</figcaption></div>"
    article = extract(page(P1 + P2 + P3, header=header), profile)
    assert texts(article)[:2] == ["台中市一棟大樓前的現場。王某攝", P1[3:-4]]


def test_a_linked_caption_above_the_text_is_a_teaser_not_a_lead(profile):
    header = "<div class='pic'><img src='a.jpg'><figcaption><a href='/x'>另一篇報導的圖片說明</a></figcaption></div>"
    assert texts(extract(page(P1 + P2 + P3, header=header), profile))[0] == P1[3:-4]


@pytest.mark.parametrize("dateline, name", [("（中央社記者邱俊欽桃園19日電）", "邱俊欽"), ("（中央社記者林悅台北5日電）", "林悅")])
def test_the_reporter_of_a_wire_dateline_that_names_the_place_after_the_reporter(dateline, name, profile):
    # 中央社: （中央社記者邱俊欽桃園19日電） — agency, 記者, the reporter, where and when it was filed.
    article = extract(page(f"<p>{dateline}{P1[3:-4]}</p>" + P2 + P3), profile)
    assert article.author == name and texts(article)[0].startswith(dateline)


def test_a_line_opened_by_a_mark_after_an_empty_paragraph_opens_a_notice(profile):
    # 中時: the report, an ad slot, an empty <p>, then <p>★中時電子報關心您…</p> and help lines, each a <p>.
    body = (P1 + P2 + "<div id='ad'><script>ad()</script></div><p></p><p>★某某报关心您：再给自己一次机会</p>"
            "<div id='ad2'></div><p>自杀咨询专线：0800-788995（24小时）</p><p>生命线：1995</p><p>张老师专线：1980</p>")
    assert texts(extract(page(body), profile)) == [P1[3:-4], P2[3:-4]]


def test_a_marked_line_inside_the_text_is_no_notice(profile):
    body = P1 + "<p></p><p>★第二部分：市场的反应</p>" + P2 + P3
    assert texts(extract(page(body), profile))[-1] == P3[3:-4]


def test_a_generators_placeholder_author_is_no_person_and_a_sign_off_in_an_ellipsis_is_text(profile):
    # Hexo's unedited `author: John Doe` in meta article:author names nobody; a last line that trails off
    # in an ellipsis (Over……) is the author's, not a label like 分享 or 打印.
    text = page(P1 + P2 + "<p>Over……</p>", head='<meta property="article:author" content="John Doe">')
    article = extract(text, profile)
    assert article.author is None and texts(article)[-1] == "Over……"


@pytest.mark.parametrize("before, after", [
    # The date line above the headline, in the article's own container.
    ("<div class='info'>2020年07月04日 08:21　来源：<a href='/s'>某某报</a></div>", ""),
    # The header line after a row of share buttons (each its own link block) under the headline.
    ("", "".join(f"<div class='s'><a href='/x{i}'>分享{i}</a></div>" for i in range(10))
     + "<div class='info'>2020年07月04日 08:21　来源：<a href='/s'>某某报</a></div>"),
])
def test_a_date_line_right_above_the_headline_or_past_its_share_buttons_dates_the_article(before, after, profile):
    text = (f"<html><head><title>央行开展逆回购操作_某某网</title></head><body><div class='nav'><a href='/'>首页</a></div>"
            f"<div class='main'>{before}<h1>央行开展逆回购操作</h1>{after}<div class='content'>{P1}{P2}{P3}</div></div>"
            "<div class='foot'>© 2024 某某网 版权所有</div></body></html>")
    assert extract(text, profile).date == datetime(2020, 7, 4, 8, 21, tzinfo=CST)


def test_a_publish_line_in_the_post_box_after_the_text_dates_it_though_it_is_no_text(profile):
    # A blog's post box holds the text and, after it, the post's meta line (cnblogs' posted @ …): the
    # line goes as chrome after the text, and is read for the date and the byline as a footer's is.
    text = ("<html><head><title>一篇博客文章 - 某某的博客</title></head><body><div class='post'><h1>一篇博客文章</h1>"
            f"<div class='entry'>{P1}{P2}{P3}</div><div class='meta'>posted @ 2024-05-09 10:15 张三 阅读(12) 评论(0)</div>"
            "</div><div class='foot'>© 2024 某某的博客</div></body></html>")
    article = extract(text, profile)
    assert article.date == datetime(2024, 5, 9, 10, 15, tzinfo=CST) and article.author == "张三"
    assert not any("posted" in t for t in texts(article))


def test_an_h1_inside_the_body_that_is_not_the_headline_is_a_sections_heading(profile):
    # A Markdown post's `#` sections are <h1>s in the body: headings of the text, the first one too
    # (it leads the text, as a first <h2> does); the headline <h1> above stays the title.
    body = f"<h1 id='a'>前言</h1>{P1}<h1 id='b'>问题分析</h1>{P2}<h1 id='c'>解决方案</h1>{P3}"
    article = extract(page(body), profile)
    assert [(b.kind, b.text) for b in article.blocks if b.kind == "heading"] == [
        ("heading", "前言"), ("heading", "问题分析"), ("heading", "解决方案")]
    assert article.blocks[0].text == "前言" and article.title == "央行开展逆回购操作"


def test_a_microdata_author_names_the_author(profile):
    # Jekyll's minima: <span itemprop="author"><span itemprop="name">richard</span></span> beside the date.
    header = ("<p class='post-meta'><time datetime='2012-09-19T00:00:00-07:00'>Sep 19, 2012</time> • "
              "<span itemprop='author' itemscope><span itemprop='name'>richard</span></span></p>")
    assert extract(page(P1 + P2, header=header), profile).author == "richard"


@pytest.mark.parametrize("end, last", [
    ("<ol><li>安装</li><li>配置</li><li>运行</li></ol>", "运行"),
    ("<table><tr><th>参数</th><th>说明</th></tr><tr><td>port</td><td>端口号</td></tr></table>", "端口号"),
])
def test_a_short_list_or_table_that_ends_the_text_is_text(end, last, profile):
    # Short items of a list or cells of a table, without links, are the text's, however short; a share
    # bar's label after them still goes.
    article = extract(page(P1 + P2 + end + "<div class='share'>分享</div>"), profile)
    assert texts(article)[-1] == last and "分享" not in texts(article)


def test_after_the_text_a_line_beside_a_button_is_a_widgets(profile):
    # A reward box (赞赏) in the text's own container: its plea sits beside a <button>, as a like or
    # follow box's does: the page's, not the text's. A line of the text with no control beside it stays.
    box = "<div class='reward'><button>赞赏</button><p>坚持原创技术分享，您的支持将鼓励我继续创作！</p></div>"
    article = extract(page(P1 + P2 + P3 + box), profile)
    assert texts(article)[-1] == P3[3:-4]
    code = "<figure class='highlight'><button class='copy'>复制</button><pre>pip install zhiku</pre></figure>"
    article = extract(page(P1 + code + P2 + P3 + "<p>以上，完。</p>"), profile)
    assert texts(article)[-1] == "以上，完。"


def test_an_author_element_with_a_part_named_for_the_name_gives_that_part(profile):
    # Hexo Keep's div.author: the name in span.name, then a badge (自由程序猿) that is no part of it.
    header = "<div class='author'><span class='name'>XPoet</span> <span class='author-badge'>自由程序猿</span></div>"
    assert extract(page(P1 + P2, header=header), profile).author == "XPoet"


def test_a_pre_block_is_code_with_its_lines_and_a_line_number_gutter_is_not(profile):
    # <pre> keeps its lines (and their indentation) as one code block; Hexo's highlight table puts the
    # line numbers in a <pre> of their own beside it: digits only, no text.
    code = ("<figure class='highlight'><table><tr><td class='gutter'><pre>1\n2\n3</pre></td>"
            "<td class='code'><pre>def main():\n    print('hi')\nmain()</pre></td></tr></table></figure>")
    article = extract(page(P1 + code + P2), profile)
    assert [(b.kind, b.text) for b in article.blocks][1] == ("code", "def main():\n    print('hi')\nmain()")
    assert not any(b.text.startswith("1") for b in article.blocks)
    # A post that ends in code ends in its last line.
    assert extract(page(P1 + P2 + "<pre><code>$ ping -s 1500 node2</code></pre>"), profile).blocks[-1].text == "$ ping -s 1500 node2"

