"""A scraped folder with every case of issue 5, generated: encodings, formats, bad pages, hostile text.

`write_cases(folder)` writes the pages and returns what each one is expected to give:
GOOD (published, no problem), PROBLEMS (input → problem kind; published or not follows from the kind).
"""
from __future__ import annotations

import random
from pathlib import Path

from tests.conftest import HEADER, SAMPLE


def dump(title: str, body: str, clicks: int = 1, date: str = "2024-01-01 00:00", footer: bool = True) -> str:
    """A page in the portal's text-dump layout."""
    text = f"{HEADER}{title}\n{clicks}点击 {date}\n\n{body}\n"
    return text + ("\n文章来源于“来源”，作者“作者”\n\n关键词: AI , 大模型\n" if footer else "")


HOSTILE_TITLES = {
    "script": "<script>alert(1)</script>标题",
    "yaml": "标题: # ' \" --- 结尾",
    "yaml-only": ": # ' \" ---",
    "traversal": "../../etc/passwd",
    "long": "长" * 240 + "<img src=x onerror=alert(3)>" + "题" * 232,  # 500 characters
    "jinja": "{{ config }} {% raw %} 模板",
}
# A paragraph as long as a short real article's (over extract/page.py's SHORT_BODY), for pages that
# test something else: a shorter body would add a short-body warning.
PROSE = ("大模型的训练成本在过去一年里下降了很多。“开源”与“闭源”之争仍在继续，谁更能引领技术，尚难下定论。"
         "有分析认为，开源模型让更多开发者参与进来，闭源模型则在商业化上走得更快；两条路线各有拥趸，也各有难题。"
         "行业普遍预计，这场争论还会持续很久，最终的答案或许要由用户来给出。")
HOSTILE_BODY = ("正文 <script>alert(1)</script> <img src=x onerror=alert(1)> [link](javascript:alert(1)) "
                "{{ config }} {% raw %} {%- endraw %} 结束。\n\n" + PROSE)

HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{title} - 某门户</title>
<meta name="author" content="张三"><meta name="keywords" content="AI,大模型,Agent">
<meta property="article:published_time" content="2024-03-05T08:30:00+08:00">
<meta name="source" content="机器之心">
<script>alert("page script")</script></head>
<body><nav>首页 新闻 热门</nav>
<article><h1>{title}</h1>
<p>第一段：大模型的训练成本在过去一年下降了很多，这是一段足够长的正文，用来让正文抽取认出它是文章。</p>
<h2>背景</h2>
<p>第二段 &lt;script&gt;alert(1)&lt;/script&gt; 与 &lt;img src=x onerror=alert(1)&gt; 都是文字，应当原样显示。</p>
<p>第三段：OpenAI 和 Anthropic 都发布了新的模型，Agent 成为了今年讨论最多的话题之一。</p>
</article><footer>版权所有 © 某门户</footer></body></html>
"""

MARKDOWN_PAGE = """---
title: "Markdown: 页面 # 'quoted'"
date: 2024-02-03 04:05:00
author: 李四
source: 自写
tags: [AI, 大模型]
---

# Markdown: 页面 # 'quoted'

第一段 **加粗** 和 [链接](javascript:alert(1)) 以及 <script>alert(1)</script> 文字。

## 小节

- 列表项一。
- 列表项二 `code`。

{prose}
""".replace("{prose}", PROSE)

GOOD = {
    "sample/000_sample.txt",
    "encodings/utf8-bom.txt", "encodings/gbk.txt", "encodings/utf16.txt", "encodings/utf16le-nobom.txt",
    "encodings/crlf.txt", "encodings/cr.txt", "encodings/big5.md",
    "html/page.html", "html/gbk.htm", "markdown/page.md",
    "hostile/script.txt", "hostile/yaml.txt", "hostile/yaml-only.txt", "hostile/traversal.txt",
    "hostile/long.txt", "hostile/jinja.txt",
}
PROBLEMS = {
    "bad/empty.txt": "empty",
    "bad/blank.txt": "empty",
    "bad/binary.txt": "binary",
    "bad/image.html": "binary",
    "bad/no-title.txt": "no-title",
    "bad/no-title.html": "no-title",
    "bad/cut-off.txt": "cut-off",
    "bad/cut-off.html": "cut-off",
    "bad/huge.txt": "too-large",
    "bad/undecodable.txt": "undecodable",
    "zz/duplicate.txt": "duplicate",  # of sample/000_sample.txt
    "bad/bad-date.txt": "bad-date",
    "same/zz.txt": "same-title",  # the later of the two pages titled 同名文章
    "bad/title-only.txt": "empty-body",     # cut off right after its title: not published
    "bad/headings-only.txt": "empty-body",  # only section headings after the title: not published
    "short/teaser.txt": "short-body",       # a teaser's worth of text: published, with the warning
}
SAME_TITLE = ("same/one.txt", "same/zz.txt")  # both published
HUGE = 20 * 1024 * 1024  # the 20 MB page: over the default limit (5 MB)


def write_cases(root: Path) -> None:
    def put(rel: str, data: bytes | str) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    sample = SAMPLE.read_bytes()
    put("sample/000_sample.txt", sample)
    put("zz/duplicate.txt", sample)

    chinese = PROSE
    put("encodings/utf8-bom.txt", b"\xef\xbb\xbf" + dump("带BOM的UTF-8页面", chinese).encode("utf-8"))
    put("encodings/gbk.txt", dump("国标编码的页面", chinese, 2).encode("gbk"))
    put("encodings/utf16.txt", dump("UTF-16页面", chinese, 3).encode("utf-16"))
    put("encodings/utf16le-nobom.txt", dump("UTF-16LE无BOM页面 ABC", chinese, 4).encode("utf-16-le"))
    put("encodings/crlf.txt", dump("Windows换行页面", chinese, 5).replace("\n", "\r\n").encode("utf-8"))
    put("encodings/cr.txt", dump("老式Mac换行页面", chinese, 6).replace("\n", "\r").encode("utf-8"))
    put("encodings/big5.md", ("---\ntitle: 繁體中文頁面\ndate: 2024-01-07\n---\n\n人工智慧的發展非常迅速，這是一段繁體中文的文字。"
                              "大模型的訓練成本在過去一年裡下降了很多，開源與閉源之爭仍在繼續，誰更能引領技術，尚難下定論。"
                              "有分析認為，開源模型讓更多開發者參與進來，閉源模型則在商業化上走得更快；兩條路線各有擁護者，"
                              "也各有難題。業界普遍預計，這場爭論還會持續很久。\n").encode("big5"))
    put("html/page.html", HTML_PAGE.format(charset="utf-8", title="网页文章：大模型成本下降"))
    put("html/gbk.htm", HTML_PAGE.format(charset="gbk", title="国标编码的网页文章").encode("gb18030"))  # declared gbk
    put("markdown/page.md", MARKDOWN_PAGE)

    for i, (name, title) in enumerate(HOSTILE_TITLES.items(), start=10):
        put(f"hostile/{name}.txt", dump(title, HOSTILE_BODY, i, f"2024-01-{i:02d} 00:00"))

    put("bad/empty.txt", b"")
    put("bad/blank.txt", b"  \r\n\n\t\n")
    rng = random.Random(5)
    put("bad/binary.txt", bytes(rng.randrange(256) for _ in range(4096)))
    put("bad/image.html", b"\x89PNG\r\n\x1a\n" + bytes(200))
    put("bad/no-title.txt", HEADER + "9点击 2024-01-01 00:00\n\n正文没有标题。\n")
    put("bad/no-title.html", "<html><body><div>只有几个字</div></body></html>")
    put("bad/cut-off.txt", dump("下载中断的页面", PROSE + "\n\n第二段写到一半就断", 8, footer=False))
    put("bad/cut-off.html", HTML_PAGE.format(charset="utf-8", title="下载中断的网页")[:-40])
    put("bad/huge.txt", dump("巨大的页面", "很长。" * (HUGE // 9 + 10), 9))
    put("bad/undecodable.txt", b"\x80\xff\xfe\x81" * 500)
    put("bad/bad-date.txt", HEADER + "日期不对的页面\n5点击 2024-13-45 99:99\n\n" + PROSE + "\n")
    put("bad/title-only.txt", HEADER + "只下载到标题的页面\n7点击 2024-01-01 00:00\n")
    put("bad/headings-only.txt", HEADER + "只剩小标题的页面\n7点击 2024-01-01 00:00\n\n01 事件的来龙去脉\n\n"
        "02 各方的回应与分析\n")
    put("short/teaser.txt", dump("只有导语的文章", "大模型的训练成本下降了。点击查看全文……", 22))
    put("same/one.txt", dump("同名文章", "这是第一篇同名文章。" + PROSE, 20))
    put("same/zz.txt", dump("同名文章", "这是另一篇，内容不同。" + PROSE, 21))
    put("notes/.hidden.txt", "隐藏文件不读")
    put("notes/readme.pdf", b"%PDF-1.4 not a page suffix")

# A portal's saved page: chrome around a headline, a header line, prose, a caption and chrome after.
PORTAL = """<html><head><title>{title}_证券时报网</title>{head}</head><body>
<div class="nav"><a href="/">首页</a> <a href="/a">要闻</a> <a href="/b">公司</a> <a href="/c">市场</a></div>
<div class="crumb">您所在的位置：<a href="/">首页</a> &gt; <a href="/n">要闻</a></div>
<div class="login">登录超时，请重新登录 快速登录</div>
<div class="main"><h1>{title}</h1>
<div class="info">2019年06月15日08:18 来源：证券时报 作者：王小明</div>
<div class="content">
<p>第一段：央行今日开展逆回购操作，市场流动性总体保持合理充裕，这是一段足够长的正文。</p>
<figure><img src="a.jpg"><figcaption>图为发布会现场</figcaption></figure>
<p>第二段：分析人士认为，后续政策仍将保持稳健，市场利率有望维持在较低水平运行；多家机构预计，下半年货币政策将更注重结构性工具，支持实体经济的力度不会减弱。</p>
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
