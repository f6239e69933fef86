"""Chinese publish dates."""
from datetime import datetime, timedelta, timezone

import pytest
from zhiku.extract.dates import parse_date
from zhiku.model import RawPage

from tests.conftest import ROOT

PAGES = sorted((ROOT / "tests" / "pages").glob("*.htm*"))
CST = timezone(timedelta(hours=8))


def html(text, path="p.html"):
    return RawPage(path, text, "0" * 64, "utf-8", "html")


def spaces(text: str) -> str:
    return " ".join(text.replace("\u3000", " ").split())


def body(article):
    return "\n".join(b.text for b in article.blocks)


@pytest.mark.parametrize("text,expected", [
    ("2019年06月15日08:18", "2019-06-15T08:18:00+08:00"),
    ("发布时间：2019-9-7 21:30:50 来源：新华网", "2019-09-07T21:30:50+08:00"),
    ("2019/09/26 12:11", "2019-09-26T12:11:00+08:00"),
    ("2019.09.26", "2019-09-26T00:00:00+08:00"),
    ("1581517074", "2020-02-12T22:17:54+08:00"),
    ("2024-03-05T00:30:00Z", "2024-03-05T00:30:00+00:00"),
    ("2024-03-05T08:30:00-05:00", "2024-03-05T08:30:00-05:00"),
    # English, as blogs and overseas Chinese papers print it.
    ("November 17, 2025 · XP", "2025-11-17T00:00:00+08:00"),
    ("Monday, March 17th, 2014 | Posted by admin", "2014-03-17T00:00:00+08:00"),
    ("Posted by admin on Mar 17 2014. Filed under 财经", "2014-03-17T00:00:00+08:00"),
    ("17 March 2014 10:15 pm", "2014-03-17T22:15:00+08:00"),
    ("Dec. 25, 2024 at 9:05", "2024-12-25T09:05:00+08:00"),
])
def test_chinese_dates(text, expected):
    assert parse_date(text, CST).value.isoformat() == expected


def test_relative_dates_need_a_reference_and_copyright_is_no_date():
    now = datetime(2024, 5, 6, 12, 0, tzinfo=CST)
    assert parse_date("3小时前", CST, now).value == datetime(2024, 5, 6, 9, 0, tzinfo=CST)
    assert parse_date("昨天 10:20", CST, now).value == datetime(2024, 5, 5, 10, 20, tzinfo=CST)
    assert parse_date("3小时前", CST).value is None  # unresolved, and said so
    assert parse_date("© 1996-2019 新华网 版权所有", CST) is None
    assert parse_date("Copyright 2019-01-01", CST) is None
    assert parse_date("I may eat 12 apples in 2020", CST) is None  # a month's name must stand before its day


PORTAL = """<html><head><title>{title}_证券时报网</title>{head}</head><body>
<div class="nav"><a href="/">首页</a> <a href="/a">要闻</a> <a href="/b">公司</a> <a href="/c">市场</a></div>
<div class="crumb">您所在的位置：<a href="/">首页</a> &gt; <a href="/n">要闻</a></div>
<div class="login">登录超时，请重新登录 快速登录</div>
<div class="main"><h1>{title}</h1>
<div class="info">2019年06月15日08:18 来源：证券时报 作者：王小明</div>
<div class="content">
<p>第一段：央行今日开展逆回购操作，市场流动性总体保持合理充裕，这是一段足够长的正文。</p>
<figure><img src="a.jpg"><figcaption>图为发布会现场</figcaption></figure>
<p>第二段：分析人士认为，后续政策仍将保持稳健，市场利率有望维持在较低水平运行。</p>
<p>微信扫一扫，关注该公众号</p>
<p>最后一段：投资者应关注风险，理性投资，不要盲目追涨杀跌。</p>
<p>责任编辑：张迪</p>
<div class="share">分享到：</div>
<div class="comment">我要跟帖 已输入0字 发表评论</div>
<h3>相关热门文章</h3>
<ul><li><a href="/1">别的文章一，标题足够长的推荐</a></li><li><a href="/2">别的文章二，标题足够长的推荐</a></li></ul>
</div></div>
<div class="footer">违法和不良信息举报电话：12377 © 1996-2019 证券时报网 版权所有</div>
</body></html>"""


LOGIN = ("<html><head><title>会员文章 - 某网</title></head><body><h1>会员文章</h1><div>请先登录，登录后查看全文。"
         "</div></body></html>")
LINKS = "<html><head><title>新闻列表 - 某网</title></head><body><ul>" + "".join(
    f"<li><a href='/{i}'>列表里的第{i}条新闻标题</a></li>" for i in range(30)) + "</ul></body></html>"
EMPTY = "<html><head><title>空页面 - 某网</title></head><body><h1>空页面</h1><div>加载中</div></body></html>"
