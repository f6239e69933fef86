"""Each field of a saved HTML page chosen by its rule, on small pages."""
from datetime import datetime, timedelta, timezone

import pytest
from zhiku.extract.html_page import extract_html
from zhiku.model import RawPage
from zhiku.profile import ProfileError, load_html_rules
from zhiku.write.article_page import front_matter

from tests.input_cases import PORTAL

CST = timezone(timedelta(hours=8))


def html(text, path="p.html"):
    return RawPage(path, text, "0" * 64, "utf-8", "html")


def body(article):
    return "\n".join(b.text for b in article.blocks)


def test_title_suffix_people_chrome_and_captions(profile):
    article = extract_html(html(PORTAL.format(title="央行开展逆回购操作", head="")), profile)
    assert article.title == "央行开展逆回购操作"
    assert article.date == datetime(2019, 6, 15, 8, 18, tzinfo=article.date.tzinfo)
    assert (article.source, article.author, article.editor) == ("证券时报", "王小明", "张迪")
    text = body(article)
    assert text.startswith("第一段") and text.endswith("不要盲目追涨杀跌。")
    assert "图为发布会现场" in text  # a caption stays
    for chrome in ("您所在的位置", "登录超时", "快速登录", "微信扫一扫", "我要跟帖", "已输入0字", "相关热门文章",
                   "别的文章", "违法和不良信息举报电话", "责任编辑"):
        assert chrome not in text
    reported = " ".join(d.text for d in article.dropped)
    assert "微信扫一扫" in reported and "别的文章一" in reported and "责任编辑：张迪" in reported
    assert front_matter(article)["editor"] == "张迪" and front_matter(article)["author"] == "王小明"


def test_headline_outside_h1_still_anchors_the_header(profile):
    # cnBeta's <h1> is the logo, the headline an <h2>; ifeng's headline is a plain <div>.
    for tag in ("h2", "div"):
        page = PORTAL.format(title="央行开展逆回购操作", head="").replace("<h1>央行开展逆回购操作</h1>",
                                                                   f"<{tag} class='t'>央行开展逆回购操作</{tag}>")
        page = page.replace('<div class="nav">', '<h1 class="logo">证券时报网_中国</h1><div class="nav">')
        article = extract_html(html(page), profile)
        assert article.title == "央行开展逆回购操作", tag
        assert article.date == datetime(2019, 6, 15, 8, 18, tzinfo=article.date.tzinfo), tag
        assert body(article).startswith("第一段"), tag


def test_unlabelled_people_by_class_forms_ignored_editor_is_no_author(profile):
    info = ('<div class="info"><span class="pubTime">2019年06月15日08:18</span><span class="where">证券时报</span>'
            '<span class="auth">王小明</span></div>')
    form = '<div class="tie-author-login"><div class="author-name"><input type="text"><div>账号</div></div>马上发表</div>'
    page = PORTAL.format(title="央行开展逆回购操作", head='<meta name="author" content="张迪">')
    page = page.replace('<div class="info">2019年06月15日08:18 来源：证券时报 作者：王小明</div>', info)
    article = extract_html(html(page.replace('<div class="comment">', form + '<div class="comment">')), profile)
    assert (article.source, article.author, article.editor) == ("证券时报", "王小明", "张迪")
    alone = extract_html(html(page.replace(info, '<div class="info">2019年06月15日08:18</div>')), profile)
    assert (alone.author, alone.editor) == (None, "张迪")  # <meta author> names the editor: no author


def test_credit_lines_after_the_text_are_metadata(profile):
    credits = "<p>原标题：央行今日开展逆回购</p><p>出品︱财经栏目组</p><p>（编译/李雷）</p><p>作者︱韩梅梅</p>"
    page = PORTAL.format(title="央行开展逆回购操作", head="").replace(" 作者：王小明", "")
    article = extract_html(html(page.replace("<p>责任编辑：张迪</p>", credits + "<p>责任编辑：张迪</p>")), profile)
    assert article.author == "韩梅梅"
    text = body(article)
    assert text.endswith("不要盲目追涨杀跌。\n（编译/李雷）") and "原标题" not in text and "出品" not in text
    compiled = extract_html(html(page.replace("不要盲目追涨杀跌。</p>", "不要盲目追涨杀跌。（编译/李雷）</p>")), profile)
    assert compiled.author == "李雷"


def test_title_learnt_from_og_title_without_h1(profile):
    page = ("<html><head><title>深度：大模型价格战_科技频道_某网</title><meta property=\"og:title\" "
            "content=\"深度：大模型价格战\"></head><body><div><p>这是一段足够长的正文，用来让正文抽取认出它是文章。</p>"
            "<p>第二段，同样足够长，有标点。</p></div></body></html>")
    assert extract_html(html(page), profile).title == "深度：大模型价格战"


def test_structured_data_and_script_timestamp(profile):
    ld = ('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
          '"headline":"结构化标题","datePublished":"2023-04-01T10:00:00+08:00","author":{"name":"李雷"}}</script>')
    page = PORTAL.format(title="结构化标题", head=ld).replace("<div class=\"info\">2019年06月15日08:18 来源：证券时报 作者：王小明</div>", "")
    article = extract_html(html(page), profile)
    assert article.date.isoformat() == "2023-04-01T10:00:00+08:00" and article.author == "李雷"
    wechat = PORTAL.format(title="公众号文章", head='<script>var nickname = "号"; var ct = "1581517074";</script>')
    wechat = wechat.replace("2019年06月15日08:18 ", "")
    assert extract_html(html(wechat), profile).date.isoformat() == "2020-02-12T22:17:54+08:00"


def test_the_time_the_reader_sees_under_the_headline_beats_a_later_system_time(profile):
    # A portal's article:published_time is when its system put the page out (minutes, or a day, after
    # the time printed under the headline); a meta of the same minute gives the printed time's seconds.
    head = ('<meta property="article:published_time" content="2019-06-15T08:24:50+08:00" />'
            '<meta name="weibo: article:create_at" content="2019-06-15 08:18:47" />')
    article = extract_html(html(PORTAL.format(title="系统时间晚于页面时间", head=head)), profile)
    assert article.date.isoformat() == "2019-06-15T08:18:47+08:00"
    # Agreeing to the minute, the structured time stands; a day alone under the headline does not
    # overrule it; nor does a last edit.
    same = '<meta property="article:published_time" content="2019-06-15T08:18:30+08:00" />'
    assert extract_html(html(PORTAL.format(title="同一分钟", head=same)), profile).date.second == 30
    day_only = PORTAL.format(title="只有日期", head=head.split("/>")[0] + "/>").replace("2019年06月15日08:18", "2019年06月15日")
    assert extract_html(html(day_only), profile).date.isoformat() == "2019-06-15T08:24:50+08:00"
    edited = PORTAL.format(title="更新时间", head=head).replace("2019年06月15日08:18", "更新时间：2019年06月15日09:40")
    assert extract_html(html(edited), profile).date.isoformat() == "2019-06-15T08:24:50+08:00"


def test_a_stray_br_end_tag_breaks_the_line_as_browsers_do(profile):
    # `</br>` is read as `<br>` (HTML's parsing rules): a headline's second line is its subtitle,
    # not more words of the headline, when the <title> repeats the first line alone.
    page = PORTAL.format(title="樊嘉团队发表新成果", head="").replace(
        "<h1>樊嘉团队发表新成果</h1>", "<h1>樊嘉团队发表新成果</br>率先揭示肝癌分子特征全景</h1>")
    assert extract_html(html(page), profile).title == "樊嘉团队发表新成果"


def test_a_labelled_address_of_another_site_is_a_citation_and_a_picture_credit_is_metadata(profile):
    # 全文链接： and a link that prints its own address, to another site: the text's reference, kept;
    # the same to the page's own site (本文链接： of a blog's post box) is navigation. A credit label
    # after what it credits ((封面)制图：) is a credit line.
    tail = ('<p>全文链接：<a href="https://doi.org/10.1016/j.cmet.2019.09.014">https://doi.org/10.1016/j.cmet.2019.09.014</a></p>'
            '<p>本文链接：<a href="https://news.example.com/a/1.html">https://news.example.com/a/1.html</a></p>'
            '<p style="text-align: right">（封面制图：王木木）</p>')
    page = PORTAL.format(title="引用", head='<link rel="canonical" href="https://news.example.com/a/1.html">').replace(
        "<p>责任编辑：张迪</p>", tail + "<p>责任编辑：张迪</p>")
    text = [b.text for b in extract_html(html(page), profile).blocks]
    assert "全文链接：https://doi.org/10.1016/j.cmet.2019.09.014" in text
    assert not [t for t in text if "本文链接" in t or "制图" in t]


def test_sidebar_teaser_denser_than_the_article_loses(profile):
    teaser = "".join(f"<p>侧栏推荐的长文摘要第{i}段，这里的文字很多，比正文还多，但它不是这篇文章的内容。</p>" for i in range(8))
    page = ("<html><head><title>正文标题 - 某网</title></head><body><div id='main'><h1>正文标题</h1><div id='text'>"
            "<p>正文第一段，讲的是这篇文章自己的事情，有标点。" + "正文的内容很长。" * 12 + "</p>"
            "<p>正文第二段，也是这篇文章的内容。" + "正文的内容很长。" * 10 + "</p></div></div>"
            f"<div id='side'>{teaser}</div></body></html>")
    article = extract_html(html(page), profile)
    assert body(article).startswith("正文第一段") and "侧栏" not in body(article)


def test_relative_date_resolved_against_the_file_time(profile):
    page = PORTAL.format(title="相对时间的文章", head="").replace("2019年06月15日08:18", "3小时前")
    mtime = datetime(2024, 5, 6, 12, 0, tzinfo=CST).timestamp()
    assert extract_html(html(page), profile, mtime=mtime).date == datetime(2024, 5, 6, 9, 0, tzinfo=CST)
    unresolved = extract_html(html(page), profile)
    assert unresolved.date is None and any("relative date '3小时前'" in p for p in unresolved.problems)


def test_portal_file_is_data(tmp_path):
    (tmp_path / "html_generic.yml").write_text("kind: html-generic\nchrome_phrases: [广告]\n", encoding="utf-8")
    (tmp_path / "html_x.yml").write_text("kind: html\nname: x\nmatch: ['x\\.com']\nbody: ['//div[@id=\"zw\"]']\n"
                                         "title_suffix: ['_X网$']\n", encoding="utf-8")
    (tmp_path / "ai.yml").write_text("name: other\n", encoding="utf-8")  # not an HTML profile: ignored
    rules = load_html_rules(tmp_path)
    assert rules.chrome_phrases == ("广告",) and [p.name for p in rules.portals] == ["x"]
    (tmp_path / "html_bad.yml").write_text("kind: html\nbody: ['//div[']\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="bad XPath"):
        load_html_rules(tmp_path)


def test_portal_body_xpath_wins(tmp_path, profile):
    import dataclasses

    (tmp_path / "html_x.yml").write_text("kind: html\nname: x\nmatch: ['_X网$']\nbody: ['//div[@id=\"zw\"]']\n",
                                         encoding="utf-8")
    portal = dataclasses.replace(profile, html=dataclasses.replace(profile.html, portals=load_html_rules(tmp_path).portals))
    page = ("<html><head><title>标题_X网</title></head><body><h1>标题</h1><div id='zw'><p>短的正文，只有一段。</p></div>"
            "<div id='other'><p>更长的别的文字，这里的文字很多很多很多很多很多很多，但不是正文。</p><p>还有一段别的文字。</p>"
            "</div></body></html>")
    assert body(extract_html(html(page), portal)) == "短的正文，只有一段。"
