"""The HTML extraction stage: each field of a saved news page chosen by an explicit rule, with evidence.

Evidence: the page's structured data (JSON-LD `NewsArticle`, Open Graph, `article:published_time`,
`<meta name="publishdate">`…), script variables (WeChat's `var ct`, portals' `pubtime:`), the `<title>`,
`og:title` and `<h1>` texts, and a text-density map of the page (GeneralNewsExtractor's idea, redone on
lxml: every block of text scores its length when it reads like prose and loses its link text when it
reads like navigation; an element scores what its blocks score). trafilatura is the fallback when no
element holds prose. Portal knowledge is data (`profiles/html_*.yml`): generic rules first, a portal
file only where they fail.

Rules, by field (`Extraction.explain` records which one chose each field and the candidates it beat):
  title   the <h1> that <title>/og:title repeat before a site suffix (the suffix is learnt by comparing
          them); else JSON-LD headline; else og:title/<title> without the suffix
  body    the portal file's body XPath; else the densest element, unless it lies outside the <h1>'s
          article container (a sidebar teaser), then the densest element inside that container; and
          never one wholly after a heading over a list of teasers below the headline (the article ends
          there): then the densest element between the headline and that list
  blocks  inside the body: the title line, lines before it (but the text's first subheads), chrome
          phrases, link lists; the article's end from structure: a label over a list of teasers or link
          lines, a tail set apart from the text's paragraphs (by its setting), a notice after a blank
          line opened by a bold or marked line, a notice in its own container (a tag of its own, with a
          link) after a short text, rule lines (a comment thread's label still by its words); each with
          its reason; captions stay, and the headline picture's caption above the text leads it
  date    JSON-LD/meta publish time; script variable; the visible page: the header line under (or the
          article's line above) the <h1>, a metadata line, a publish line after the text, a date
          attribute of the article's own elements; never a copyright line, a last edit, or a block
          outside the article
  people  来源 → source, 作者/记者(記者)/文/ → author, 责任编辑/编辑 → editor, from the header and footer
          lines and bylines' lists of names; a reporter's byline or end tag with where it was filed
          (記者林悅／南市報導, （王煌忠／台中報導）); the reporter of a wire dateline (中央社記者邱俊欽桃園19日電); a bare name between the header line's date and the account's
          link; the byline of a publish line after the text (posted @ <date> <name>); elements named
          for the field; a script's author variable; then
          JSON-LD and meta tags (a meta author that is the site's name is not a person; the site that
          publishes is no 来源, nor a <meta source> that names it)
  site    the page's host, og:site_name or the site's name in the <title>: for template detection
          across a build's pages (extract/template.py)
"""
from __future__ import annotations

import json
import re
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo

from lxml import etree

from ..chars import CHINESE_TEXT, HAN
from ..clean.chrome import normalise_line
from ..profile import HtmlPortal, HtmlRules
from .dates import DateFound, parse_date

BLOCK_TAGS = frozenset("""p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 td th tr table tbody thead tfoot section
article header footer aside nav blockquote figure figcaption pre form main center address hr caption
fieldset details summary""".split())
SKIP_TAGS = frozenset("""script style noscript iframe textarea select option button input svg object embed
template head link meta canvas video audio map""".split())
HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
# Inside the body an <h1> that is not the headline heads a section (a Markdown post's `#`).
SECTION_HEADINGS = HEADINGS | {"h1"}
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CAPTION_CLASS = re.compile(r"caption|descr|img_?desc|pic_?txt|imgtxt|pictext|picinfo|img-?note|tu_?zhu", re.I)
_PUNCT = re.compile(r"[，。！？；：、,.!?;:]")
_LINE_GAP = re.compile(f"(?<=[{CHINESE_TEXT}])\n(?=[{CHINESE_TEXT}])")
IMAGE_GAP = "\x00"  # where an <img> sat in a block's text
_IMAGE_GAP_IN_CHINESE = re.compile(f"(?<=[{CHINESE_TEXT}])\x00+(?=[{CHINESE_TEXT}])")
_URL_TEXT = re.compile(r"\s*(?:https?://|www\.)\S+\s*$", re.I)
_SENTENCE_END = re.compile(r"[。！？!?]")
_SEPARATORS = re.compile(r"\s*(?:_|\||｜|—|–|\s-\s|-(?=[^-]{1,15}$))\s*")

DATE_META = ("article:published_time", "og:published_time", "og:article:published_time", "datepublished",
             "publishdate", "pubdate", "publish_date", "publish-date", "publishtime", "weibo:article:create_at",
             "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.created", "dc.date", "date")
AUTHOR_META = ("author", "article:author", "og:article:author", "dc.creator", "byl")
# Not dc.publisher or citation_publisher: those name the site itself (BBC's "British Broadcasting
# Corporation"), not the 来源 an article was taken from.
SOURCE_META = ("source", "og:source", "article:source", "mediaid")
KEYWORD_META = ("keywords", "news_keywords", "article:tag")
_SCRIPT_DATE = re.compile(r"""\b(ct|publish_time|pubtime|pubDate|publishTime|publish_date|createTime|pub_date)"""
                          r"""["']?\s*[:=]\s*["']([^"'\n]{4,40})["']""")
# A page script's author variable (163 人间's var renjian_author = "索文", which fills the byline box).
_SCRIPT_AUTHOR = re.compile(r"""(?<![A-Za-z0-9])author(?:_?name)?["']?\s*[:=]\s*["']([^"'\n<>]{2,24})["']""", re.I)
_SCRIPT_TITLE = re.compile(r"""\b(?:msg_title|title)\s*[:=]\s*["']([^"'\n]{4,120})["']""")
FOOTER_BLOCKS = 20  # lines after the text read for people (ifeng's 作者：… 编辑：… sits 16 lines down)
_PLAIN_NAME = re.compile(f"[{HAN}A-Za-z·・. ]{{2,20}}")
_URL_HINT = re.compile(r"saved from url=\(\d+\)(\S+)")
_BY = re.compile(r"^(?:(?:posted|written|published)\s+)?by\s+", re.I)  # Posted by admin
_NAME_AND_ROLE = re.compile(f"([{HAN}A-Za-z·・. ]{{2,12}})[，,]\\s*[^，,]{{2,24}}")

NAME = f"[{HAN}A-Za-z·・•. ]{{2,24}}?"
END = r"(?=$|\s|[|｜,，;；:：)）】\]/]|本文|来源|编辑|责任|作者|发布|记者|条评论|次阅读|人参与)"
# Editors are often named by a login id (qq's amberma, 163's 马婧雯_NN2479).
EDITOR = re.compile(r"(?:责任编辑|责编|编辑)\s*[:：|︱｜]?\s*(?P<v>[\w·・•. ]{2,24}?)" + END)
# 责任编辑 before any other editor on the line (infzm's 网络编辑: 小碧 责任编辑: 曹辛 李梁).
EDITOR_IN_CHARGE = re.compile(r"(?:责任编辑|责编)\s*[:：|︱｜]?\s*(?P<v>[\w·・•. ]{2,24}?)" + END)
EDITOR_BOX = re.compile(r"[【\[]\s*(?:责任)?编辑\s*[:：]\s*(?P<v>[^】\]]{2,24}?)\s*[】\]]")
SOURCE = re.compile(r"(?:(?:(?:信息|文章|新闻)?来源|稿源|来自)\s*[:：]|出品\s*[:：︱｜|]|^本文(?:来源|转载)(?:于|自)?\s*[:：]?)\s*"
                    r"(?P<v>[^\s|｜,，;；()（）【】]{2,30}?)" + END)  # also WeChat's 本文来源亿欧，经亿欧授权发布
AUTHOR = re.compile(r"(?:作者|撰文|文字)\s*[:：︱｜|]\s*(?P<v>" + NAME + ")" + END + f"|(?<![{HAN}])" r"文\s*/\s*(?P<w>"
                    + NAME + ")" + END)
_REPORTER_NAMES = f"[{HAN}]{{2,4}}(?:[ 、][{HAN}]{{2,4}})*"
# 记者 in either script (a Taiwanese or Hong Kong page writes 記者); a byline line may end with where the
# report is filed (ETtoday's 記者林悅／南市報導).
REPORTER_WORD = "(?:记者|記者)"
FILED = "(?:报道|報導|报导)"
REPORTER = re.compile(r"[（(]\s*(?:本报|新华社|中新网)?" + REPORTER_WORD + r"\s*[:：]?\s*(?P<v>" + _REPORTER_NAMES
                      + r")\s*[）)]|^(?:本报|新华社)?" + REPORTER_WORD + r"\s*[:：]?\s*(?P<w>" + _REPORTER_NAMES
                      + f")(?:\\s*[／/]\\s*[{HAN}]{{0,6}}{FILED})?$")
# The reporter's tag a text ends with, name then where it was filed: 蘋果日報's （王煌忠／台中報導）. Two or three
# characters: a person's name; a desk (社會中心) is longer, and a roundup (綜合報導) names no one.
FILED_AT_END = re.compile(f"[（(]\\s*(?P<v>[{HAN}]{{2,3}})\\s*[／/]\\s*(?!综合|綜合)[{HAN}]{{0,6}}{FILED}\\s*[）)]\\s*$")
# A wire dateline that names the reporter before the place it was filed from (中央社's
# （中央社記者邱俊欽桃園19日電）): the name and the place run together, and a name is two or three characters:
# three when five or more stand before the day (a place is two or more), else two.
_WIRE_REPORTER = re.compile(f"^[（(]?[{HAN}]{{0,6}}{REPORTER_WORD}(?P<rest>[{HAN}]{{4,8}})\\d{{1,2}}日[电電]")
# In a byline's list of names, the words before a name that say what the person is (南方周末记者 师小涵,
# 实习生 朱亮韬) and, among editors, the next role that ends the list (责任编辑: 曹辛 李梁 助理编辑 …).
_TITLE_WORD = re.compile(f"[{HAN}]*(?:记者|記者|实习生|通讯员|撰稿人)$")
_OTHER_ROLE = re.compile(f"[{HAN}]*(?:编辑|记者|記者|实习生|校对|审校|监制|主编)[:：]?$")
_NAME_WORD = re.compile(f"[{HAN}]{{2,4}}|[A-Za-z][\\w.·-]{{1,23}}")
_SIGN_OFF = re.compile(f"[■●▲◆□★☆\\s]*[{HAN}A-Za-z]{{0,12}}{REPORTER_WORD}")  # a line naming reporters, their names below
CREDIT_AT_END = re.compile(r"[（(]\s*(?:编译|编辑整理|整理|撰文|作者|文)\s*[/／:：︱|]\s*(?P<v>" + NAME + r")\s*[）)]\s*$")
_META_LINE = re.compile(r"^\s*[（(]?\s*(?:本文来源|本文转载|(?:信息|文章|新闻)?来源|稿源|作者|撰文|责任编辑|责编|编辑|记者|記者|发布时间|时间|日期|文\s*/)|[【\[]\s*(?:责任)?编辑"
                        r"|责任编辑\s*[:：]")  # also after a label: 【纠错】责任编辑：邱丽芳 (xinhuanet)


def _norm(text: str) -> str:
    """One line: a line break inside Chinese text is no space (source layout); other white space is one.
    An inline picture (IMAGE_GAP) between two Chinese characters is no space either (qq's caption
    曹方<img>新专辑宣传照: an icon, not a word break); elsewhere it is one."""
    if IMAGE_GAP in text:
        text = _IMAGE_GAP_IN_CHINESE.sub("", text).replace(IMAGE_GAP, " ")
    text = _LINE_GAP.sub("", re.sub(r"[ \t\r\f\v]*\n\s*", "\n", text))
    return normalise_line(" ".join(text.split()))


@dataclass
class Choice:
    """One field: its value, the rule that chose it, and the candidates it beat as (value, source)."""

    value: object
    rule: str
    beaten: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class TextBlock:
    owner: etree._Element
    text: str
    links: int  # characters inside <a> (not those of a link that shows its own address: a citation)
    caption: bool = False
    code: bool = False  # a <pre>: its lines as the page has them

    @property
    def prose(self) -> bool:
        """Reads like text: long enough, few links, and punctuated, or long (a station that writes
        spaces for commas still writes 40 characters in a run)."""
        n = len(self.text)
        return n >= 12 and self.links / n < 0.3 and (bool(_PUNCT.search(self.text)) or n >= 40)


@dataclass
class Extraction:
    title: str = ""
    date: datetime | None = None
    author: str | None = None
    source: str | None = None
    editor: str | None = None
    keywords: str = ""
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (kind, text): "paragraph" | "heading"
    candidates: list[tuple[str, str | None]] = field(default_factory=list)  # every body block, drop reason
    dropped_outside: list[tuple[str, str]] = field(default_factory=list)  # portal drop rules
    explain: dict[str, Choice] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    portal: str | None = None
    site: str = ""  # the site the page came from, for template detection across its pages (extract/template.py)


# ---------------------------------------------------------------- evidence


def _meta(tree) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        # Without spaces: portals write `weibo: article:create_at` for `weibo:article:create_at`.
        key = "".join((element.get("name") or element.get("property") or element.get("itemprop") or "").lower().split())
        value = normalise_line(element.get("content") or "")
        if key and value and len(value) <= 500:
            found.setdefault(key, value)
    for element in tree.iter("time"):
        if (value := (element.get("datetime") or element.get("pubdate") or "").strip()) and len(value) <= 64:
            found.setdefault("<time>", value)
            break
    return found


def _json_ld(tree) -> dict:
    """The first JSON-LD object of an article type: headline, datePublished, author, publisher."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and k.endswith(("Article", "BlogPosting", "Report")) for k in kinds):
                    return item
                stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return {}


def _ld_name(value) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value) if n]
        return "、".join(names) or None
    if isinstance(value, dict):
        value = value.get("name")
    return normalise_line(value) if isinstance(value, str) and value.strip() else None


def _scripts(tree) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """(name, value) of date-like script variables, script title variables, script author variables."""
    dates, titles, authors = [], [], []
    for script in tree.iter("script"):
        text = script.text or ""
        if not text or len(text) > 200_000:
            continue
        dates.extend((m[1], m[2]) for m in _SCRIPT_DATE.finditer(text))
        titles.extend(m[1] for m in _SCRIPT_TITLE.finditer(text))
        authors.extend(normalise_line(m[1]) for m in _SCRIPT_AUTHOR.finditer(text) if _PLAIN_NAME.fullmatch(m[1].strip()))
    return dates, titles, authors


def _page_urls(tree, html: str, meta: dict[str, str]) -> list[str]:
    urls = [meta.get("og:url", ""), meta.get("url", "")]
    urls += [link.get("href") or "" for link in tree.iter("link") if (link.get("rel") or "").lower() == "canonical"]
    urls += [base.get("href") or "" for base in tree.iter("base")]
    if (match := _URL_HINT.search(html[:2000])) is not None:
        urls.append(match[1])
    return [u for u in urls if u]


def _site_of(urls: list[str], meta: dict[str, str], title: str, headline: str) -> tuple[str, str]:
    """(site, rule): the host of the page's address (og:url, canonical, <base>, the saved-from comment),
    without www.; else og:site_name; else what the <title> says beside the headline (某某新闻_某某网 → 某某网).
    Only a page that names its site takes part in template detection."""
    for url in urls:
        if (match := _LINK_HOST.match(url.strip())) is not None:
            return match[1].lower().rstrip("."), f"host of {url[:80]!r}"
    if meta.get("og:site_name"):
        return meta["og:site_name"], "og:site_name"
    at = title.find(headline) if headline else -1
    # The site's name is the part farthest from the headline (标题_科技_腾讯网, 南方周末 - 标题): the
    # parts between are channels, which vary from page to page.
    before, after = (title[:at], title[at + len(headline):]) if at >= 0 else ("", "")
    pieces = [p.strip(" -_|｜·") for p in _SEPARATORS.split(after if after.strip() else before)]
    pieces = [p for p in pieces if p]
    rest = (pieces[-1] if after.strip() else pieces[0]) if pieces else ""
    if 2 <= len(rest) <= 20:
        return rest, f"the <title> beside the headline: {rest!r}"
    if at < 0 and headline and 2 <= len(title) <= 20:  # a <title> that is only the site's name (mofcom)
        return title, f"the <title>, which is not the headline: {title!r}"
    return "", "none: no address, og:site_name or site name in the <title>"


def find_portal(rules: HtmlRules, urls: list[str], title: str) -> HtmlPortal | None:
    for portal in rules.portals:
        if any(re.search(p, text) for p in portal.match for text in [*urls, title]):
            return portal
    return None


# ---------------------------------------------------------------- blocks and density


def _hidden(element) -> bool:
    return bool(_HIDDEN.search(element.get("style") or "")) or element.get("hidden") is not None or \
        (element.get("aria-hidden") or "").lower() == "true" and element.tag in ("div", "span", "section")


def _after_picture(owner) -> bool:
    """The element right before `owner` is a picture alone (a <p> holding an <img> and no text)."""
    before = owner.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()
    return before is not None and before.tag != "img" and not before.text_content().strip() \
        and any(not any(a.tag == "a" for a in img.iterancestors()) for img in before.iter("img"))  # no icon link


# A label before a printed address: Chinese words and a colon (全文链接：, 论文地址：).
_CITATION_LABEL = re.compile(f"[{HAN}]{{2,8}}[:：]")
_LINK_HOST = re.compile(r"(?:https?:)?//(?:www\.)?([^/:?#\s]+)", re.I)


def _site_root(host: str) -> str:
    """The registered part of a host, roughly: its last two labels, three under a generic second
    level (news.fudan.edu.cn → fudan.edu.cn)."""
    labels = host.lower().split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in ("com", "edu", "gov", "org", "net", "ac") else 2
    return ".".join(labels[-keep:])


_LINE_NUMBERS = re.compile(r"[\d\s]+")


def _lines_of(element) -> list[str]:
    """The element's text, split where it ends a line (a line end in its text, a <br>)."""
    if next(element.iter("br"), None) is not None:
        element = deepcopy(element)
        for br in element.iter("br"):
            br.tail = "\n" + (br.tail or "")
    return element.text_content().replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _code_text(pre) -> str:
    """A <pre>'s text as its lines: line ends kept (a <br> one too), trailing spaces and the blank
    lines around them dropped."""
    lines = [line.rstrip() for line in _lines_of(pre)]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _blocks(body, site: str = "") -> list[TextBlock]:
    """The page's text as blocks: each block element (and each <br>-separated line) is one block.
    `site`: the page's host, to tell a link to another site from one to its own."""
    blocks: list[TextBlock] = []
    parts: list[str] = []
    state = {"links": 0, "url_links": 0, "elsewhere": False, "owner": body, "image": False}

    def flush() -> None:
        text = _norm("".join(parts))
        if text:
            owner = state["owner"]
            # A caption: by its element, or a short line right under an image in the same block (sina's
            # <center><img><br>海报</center>).
            links = min(state["links"], len(text))
            # A link that shows its own address in a sentence (完。我的其他作品：https://…), or another
            # site's after a label (全文链接：https://doi.org/…), is a citation, not navigation (a
            # header's http://www.sina.com.cn beside the date is a link; so is 本文链接： to the post itself).
            if state["url_links"] and (_SENTENCE_END.search(text) or _CITATION_LABEL.match(text) and state["elsewhere"]):
                links = max(0, links - state["url_links"])
            caption = owner.tag == "figcaption" or bool(_CAPTION_CLASS.search(owner.get("class") or "")) \
                or state["image"] and len(text) <= 40 and not links \
                or len(text) <= 40 and links * 2 < len(text) and _after_picture(owner)  # qq: <p><img></p><p>曹方…
            blocks.append(TextBlock(owner, text, links, caption))
            state["image"] = False
        parts.clear()
        state["links"] = state["url_links"] = 0
        state["elsewhere"] = False

    def walk(element, in_link: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "pre":
            flush()
            code = _code_text(element)
            if code and not _LINE_NUMBERS.fullmatch(code):  # a highlighter's gutter is no text
                links = sum(len(a.text_content().strip()) for a in element.iter("a"))
                blocks.append(TextBlock(element, code, min(links, len(code)), code=True))
            return
        block = tag in BLOCK_TAGS
        outer = state["owner"]
        if block:
            flush()
            state["owner"], state["image"] = element, False
        link = in_link or tag == "a"
        if tag == "a" and not in_link and _URL_TEXT.match(element.text_content()):
            state["url_links"] += len(element.text_content().strip())
            host = _LINK_HOST.match((element.get("href") or "").strip())
            state["elsewhere"] |= bool(host and site and not (host[1].lower() + "/").endswith(_site_root(site) + "/"))
        if element.text:
            parts.append(element.text)
            if link:
                state["links"] += len(element.text.strip())
        for child in element:
            ctag = child.tag if isinstance(child.tag, str) else ""
            if ctag and ctag not in SKIP_TAGS and not _hidden(child):
                if ctag == "br":
                    flush()
                elif ctag == "img":
                    parts.append(IMAGE_GAP)
                    state["image"] = True
                else:
                    walk(child, link)
            if child.tail:
                parts.append(child.tail)
                if link:
                    state["links"] += len(child.tail.strip())
        if block:
            flush()
            state["owner"] = outer

    walk(body, False)
    flush()
    return blocks


def _date_line(text: str) -> bool:
    """A short line that is mostly a date (November 17, 2025 · XP; 2019-10-06 · 我们心里都有病): a
    header's metadata, not prose, though it is punctuated."""
    if len(text) > 40:
        return False
    found = parse_date(text, timezone.utc)
    return found is not None and found.kind != "relative" and len(found.text) * 3 >= len(text)


def _scores(blocks: list[TextBlock]) -> dict[etree._Element, float]:
    """Each element's density score: prose blocks add their text, the rest subtract their links."""
    scores: dict[etree._Element, float] = {}
    for block in blocks:
        prose = block.prose and not _date_line(block.text)
        value = float(len(block.text) - block.links) if prose else -(block.links + 2.0)
        scores[block.owner] = scores.get(block.owner, 0.0) + value
        for ancestor in block.owner.iterancestors():
            scores[ancestor] = scores.get(ancestor, 0.0) + value
    return scores


def _describe(element) -> str:
    if element is None:
        return "-"
    ident = element.get("id")
    cls = (element.get("class") or "").split()
    return element.tag + (f"#{ident}" if ident else "") + "".join(f".{c}" for c in cls[:2])


def _inside(element, container) -> bool:
    return element is container or any(a is container for a in element.iterancestors())


# ---------------------------------------------------------------- title


def _strip_suffix(text: str, portal: HtmlPortal | None, site: str | None) -> tuple[str, str]:
    """(title, suffix): the portal's suffix pattern, else a trailing run of short segments."""
    for pattern in portal.title_suffix if portal else ():
        if (match := re.search(pattern, text)) is not None and match.start() > 0:
            return text[: match.start()].strip(), text[match.start():]
    pieces = _SEPARATORS.split(text)
    if len(pieces) > 1:
        head = pieces[0]
        tail = text[len(head):]
        if site and site in tail or len(head) >= 2 * max(len(p) for p in pieces[1:]) or len(head) >= 8 \
                and all(len(p) <= 12 for p in pieces[1:]):
            return head.strip(), tail
    return text, ""


def _choose_title(tree, meta, ld, script_titles, portal) -> tuple[Choice, etree._Element | None]:
    # Headline elements: the <h1>s, then <h2>/<h3>, for pages whose <h1> is the site's logo (cnBeta).
    heads = [(h, _norm(h.text_content())) for tag in ("h1", "h2", "h3") for h in tree.iter(tag)]
    heads = [(h, t) for h, t in heads if t and not _hidden(h)]
    h1s = [(h, t) for h, t in heads if h.tag == "h1"]
    title_tag = next((_norm(t.text_content()) for t in tree.iter("title")), "")
    og = meta.get("og:title") or meta.get("twitter:title") or ""
    headline = ld.get("headline") if isinstance(ld.get("headline"), str) else ""
    site = meta.get("og:site_name")
    cands = [(t, "<h1>") for _, t in h1s] + [(title_tag, "<title>"), (og, "og:title"),
                                               (_norm(headline), "JSON-LD headline")]
    cands += [(_norm(t), "script title") for t in script_titles[:1]]
    cands = [(v, s) for v, s in cands if v]

    def beaten(value):
        return [(v, s) for v, s in cands if v != value]

    for full, name in ((title_tag, "<title>"), (og, "og:title")):
        for h, text in heads:
            if len(text) >= 4 and full.startswith(text):
                rest = full[len(text):].strip()
                rule = f"<{h.tag}>, which {name} repeats" + (f" before the site suffix {rest!r}" if rest else "")
                return Choice(text, rule, beaten(text)), h
        for h, text in heads:  # a headline over a subtitle, a <br> between: the title repeats the first line
            first = _first_line(h)
            if first != text and len(first) >= 4 and full.startswith(first):
                return Choice(first, f"<{h.tag}>'s first line (a <br> sets the rest apart), which {name} repeats",
                              beaten(first)), h
    if headline:
        value = _norm(headline)
        return Choice(value, "JSON-LD headline", beaten(value)), _matching_head(heads, value)
    if title_tag and og and title_tag != og and (title_tag.startswith(og) or og.startswith(title_tag)):
        short, long_ = sorted((title_tag, og), key=len)
        value, _ = _strip_suffix(short, portal, site)
        return Choice(value, f"og:title and <title> agree; the longer adds {long_[len(short):]!r}",
                      beaten(value)), _matching_head(heads, value)
    for full, name in ((og, "og:title"), (title_tag, "<title>")):
        if full:
            value, suffix = _strip_suffix(full, portal, site)
            for h, text in h1s:  # an <h1> that is the same headline written differently
                if len(text) >= 6 and (text in full or value in text):
                    return Choice(text, f"<h1>, found in {name}", beaten(text)), h
            rule = name + (f" without the site suffix {suffix!r}" if suffix else "")
            return Choice(value, rule, beaten(value)), _matching_head(heads, value)
    if script_titles:  # WeChat saves an empty <title>; its var msg_title is the headline
        value = _norm(script_titles[0])
        return Choice(value, "script variable title (no <title> or og:title)", beaten(value)), \
            _matching_head(heads, value)
    if h1s:
        return Choice(h1s[0][1], "first <h1> (no <title>, og:title or headline)", beaten(h1s[0][1])), h1s[0][0]
    return Choice("", "none: no <title>, <h1>, og:title or headline"), None


def _first_line(element) -> str:
    """The element's text up to its first <br>."""
    if next(element.iter("br"), None) is None:
        return _norm(element.text_content())
    return _norm(_lines_of(element)[0])


_TITLE_NAME = re.compile(r"(?:^|[^a-z])(?:title|headline)(?:[^a-z]|$)")
_NOT_HEADLINE_NAME = re.compile(r"site|sub|logo|nav|list|side|menu|hot|rank")


def _named_headline(blocks: list[TextBlock]) -> TextBlock | None:
    """A block whose element (or its parent) is named as the title (div.article-title, td.title), of a
    headline's length, no link, and followed within six blocks by a paragraph of the text."""
    for at, block in enumerate(blocks):
        if not 6 <= len(block.text) <= 80 or block.links or block.text.endswith("。"):
            continue
        names = " ".join(_names(e) for e in (block.owner, block.owner.getparent()) if e is not None)
        if not _TITLE_NAME.search(names) or _NOT_HEADLINE_NAME.search(names):
            continue
        if any(b.prose and len(b.text) >= 30 for b in blocks[at + 1: at + 7]):
            return block
    return None


def _matching_head(heads, value):
    """The headline element of a title chosen from elsewhere: an <h1> first, then <h2>/<h3>."""
    return next((h for h, t in heads if t == value or (len(t) >= 6 and (t in value or value in t))), None)


# ---------------------------------------------------------------- people


def _names_from(text: str, editor: bool) -> str:
    """The names a byline lists from its start, as 'A B': an author's titles skipped (南方周末记者 A
    实习生 B), an editor's list ended by the next role (A B 助理编辑 C); '' when the text does not start
    with a list of names (鹤运，土木工程博士)."""
    names: list[str] = []
    for word in text.split():
        if editor and names and _OTHER_ROLE.fullmatch(word):
            break
        if not editor and _TITLE_WORD.fullmatch(word):
            continue
        if not _NAME_WORD.fullmatch(word):
            break
        names.append(word)
    return " ".join(names)


def people_in(line: str) -> dict[str, str]:
    """source, author, editor named in one metadata line."""
    found: dict[str, str] = {}
    rest = line
    for pattern in (EDITOR_BOX, EDITOR_IN_CHARGE, EDITOR):
        if (match := pattern.search(rest)) is not None:
            value = match["v"].strip()
            if pattern is not EDITOR_BOX and (names := _names_from(rest[match.start("v"):], True)):
                value = names
            found.setdefault("editor", value)
            rest = rest[: match.start()] + " " + rest[match.end():]
    if (match := SOURCE.search(rest)) is not None:
        found["source"] = match["v"].strip()
        rest = rest[: match.start()] + " " + rest[match.end():]
    if (match := AUTHOR.search(rest)) is not None:
        found["author"] = _names_from(rest[match.start("v" if match["v"] else "w"):], False) \
            or (match["v"] or match["w"]).strip()
    elif (match := REPORTER.search(rest)) is not None:
        found["author"] = (match["v"] or match["w"]).strip()
    return {k: v for k, v in found.items() if v and not re.fullmatch(r"[\d\s:：.-]+", v)}


def _site_like(value: str, site_names: list[str]) -> bool:
    """A meta author that names the site, not a person: a domain, or a part of the site's name, unless
    the site is that person's own (Yang Mingxin's Blog, 胡金波的博客: the owner wrote it)."""
    low = value.casefold()
    if re.fullmatch(r"[a-z0-9.\-_]+", value):
        return True
    for name in (s.casefold().strip(" -_|") for s in site_names if s):
        if low and low in name and not re.match(re.escape(low) + r"\s*(?:'s\b|’s\b|的)", name):
            return True
    return False


# ---------------------------------------------------------------- the stage


# An end tag `</br>` is a line break in every browser (HTML's parsing rules); libxml2 drops it.
_STRAY_BR = re.compile(r"</br\s*>", re.I)


def extract_fields(html: str, rules: HtmlRules, tz: tzinfo, *, reference: datetime | None = None,
                   is_metadata_line=None) -> Extraction:
    """All fields of one page; `is_metadata_line(text)` keeps lines that the text-dump stage parses."""
    from trafilatura.utils import load_html

    result = Extraction()
    tree = load_html(_STRAY_BR.sub("<br>", html))
    if tree is None:
        result.problems.append("no body: the HTML does not parse")
        return result
    meta = _meta(tree)
    ld = _json_ld(tree)
    script_dates, script_titles, script_authors = _scripts(tree)
    urls = _page_urls(tree, html, meta)
    title_text = next((_norm(t.text_content()) for t in tree.iter("title")), "")
    portal = find_portal(rules, urls, title_text)
    result.portal = portal.name if portal else None

    # Title (before the body: the <h1> anchors the article container).
    choice, h1 = _choose_title(tree, meta, ld, script_titles, portal)
    result.title, result.explain["title"] = choice.value, choice

    result.site, site_rule = _site_of(urls, meta, title_text, result.title)
    result.explain["site"] = Choice(result.site or None, site_rule)

    # Portal drop rules, reported; then the page's text blocks and their density.
    for xpath in portal.drop if portal else ():
        for element in tree.xpath(xpath):
            text = _norm(element.text_content())
            if text:
                result.dropped_outside.append((text, f"chrome: portal {portal.name} drops {xpath}"))
            if element.getparent() is not None:
                element.drop_tree()
    body_el = tree.find("body") if tree.find("body") is not None else tree
    blocks = _blocks(body_el, result.site if "." in result.site else "")
    if h1 is None and result.title:  # a headline in no heading element (ifeng's div.artical_topic)
        h1 = next((b.owner for b in blocks if b.text == result.title), None)
    if h1 is None and (not result.title or choice.rule == "<title>") and (named := _named_headline(blocks)):
        # No heading repeats the <title> (mofcom's is the site's name, cnBeta's touch page has none):
        # the headline is the element named as the title right above the text.
        h1, old_title = named.owner, result.title
        result.title = named.text
        said = f"the <title> {old_title!r} repeats no heading: the site's name" if old_title else "no <title>"
        result.explain["title"] = Choice(named.text, f"{_describe(named.owner)}, named as the title, right above "
                                         f"the text ({said})", [(old_title, "<title>")] if old_title else [])
    scores = _scores(blocks)
    chosen, rule, beaten = _choose_body(tree, portal, scores, h1)
    if (below := _below_headline(chosen, scores, h1)) is not chosen:
        rule += f"; of it, the part below the headline: {_describe(below)} (density {scores[below]:.0f})"
        chosen = below
    if portal is None or not portal.body:
        chosen, rule, beaten = _before_teasers(blocks, scores, h1, chosen, rule, beaten)
    result.explain["body"] = Choice(_describe(chosen), rule, beaten)
    if chosen is None:
        result.problems.append("no body: no element of the page holds article text")

    inside = [b for b in blocks if chosen is not None and _inside(b.owner, chosen)]
    first_index = blocks.index(inside[0]) if inside else len(blocks)
    h1_index = next((i for i, b in enumerate(blocks) if h1 is not None and _inside(b.owner, h1)), None)
    header = _header(blocks[h1_index + 1: first_index]) if h1_index is not None and h1_index < first_index else []
    last_index = blocks.index(inside[-1]) if inside else len(blocks)
    footer = blocks[last_index + 1: last_index + FOOTER_BLOCKS + 1]

    phrases = tuple(rules.chrome_phrases) + (portal.chrome_phrases if portal else ())
    # A label of credit, maybe with what it credits before it (（封面制图：王木木）, 题图摄影：).
    credit_line = re.compile(rf"[（(]?\s*[{HAN}]{{0,3}}(?:{'|'.join(map(re.escape, rules.credit_lines)) or '(?!)'})\s*[:：︱｜|]")
    meta_lines: list[str] = [b.text for b in header]
    if h1_index is not None and (region := _article_region(chosen, h1)) is not None:
        # The article's own short lines right above its headline (a date line before the <h1>); not
        # a line of the page's top bar (today's date), which lies outside the article's region.
        meta_lines += [b.text for b in blocks[max(0, h1_index - ABOVE_HEADLINE): h1_index]
                       if _inside(b.owner, region) and len(b.text) <= 60]
    kept_any = False
    text_start = None  # the element of the first block kept as text
    ended = None
    title_seen = h1 is None or not any(_inside(b.owner, h1) for b in inside)
    kept: list[TextBlock] = []  # the blocks kept, as result.blocks
    in_list, listed = -1, ""  # the last block of a list of links inside the text, and what it is
    for at, block in enumerate(inside):
        text = block.text
        reason = None
        if not title_seen:
            if h1 is not None and _inside(block.owner, h1):
                title_seen, reason = True, "metadata: title"
            else:
                reason = "chrome: before the title"
                if len(text) <= 60:  # the article's own line above its headline (shangbao's date)
                    meta_lines.append(text)
        elif ended is not None:
            reason = f"chrome: after {ended}"
        elif h1 is not None and _inside(block.owner, h1) or text == result.title and not kept_any:
            reason = "metadata: title"  # (a headline set in two lines by a <br> is two blocks)
        elif block.code:
            reason = None  # code is the text's: none of the rules for lines of prose or chrome apply
        elif is_metadata_line is not None and is_metadata_line(text):
            reason = None  # the text-dump stage parses it (click/time line, keywords, source/author)
        elif at <= in_list:
            reason = f"chrome: in {listed}"
        elif kept_any and (teasers := _teaser_list(inside, at)):
            what, last = teasers
            if _prose_after(inside, last, kept):  # a box of links inside the text (相关阅读 mid-article): only it goes
                in_list, listed = last, f"the list of {what} under {text!r}"
                reason = f"chrome: a label over a list of {what}, with text after it"
            else:
                ended = f"the list of {what} that {text!r} starts"
                reason = f"chrome: section end: a label over a list of {what}"
        elif kept_any and (end := next((p for p in rules.section_ends if text.lstrip(">》【[·• ").startswith(p)), None)):
            ended = f"{end!r}"
            reason = f"chrome: section end {end!r}"
        elif (phrase := next((p for p in phrases if p in text), None)) and (len(text) <= 60 or text.startswith(phrase)):
            reason = f"chrome: {phrase!r}"
        elif len(text) <= 120 and _META_LINE.search(text) and (people_in(text) or _line_date(text, tz)):
            meta_lines.append(text)
            reason = "metadata: people/date line"
        elif len(text) <= 80 and credit_line.match(text):
            meta_lines.append(text)
            reason = "metadata: credit line"
        elif not kept_any and len(text) <= 40 and _line_date(text, tz) is not None:
            meta_lines.append(text)
            reason = "metadata: date line"
        elif block.links and block.links / len(text) >= 0.5 and not block.caption:
            reason = "chrome: links"
        elif _RULE_LINE.fullmatch(text):
            reason = "chrome: a rule line (----)"
        elif not kept_any and not block.caption and len(text) <= 8 and (not _PUNCT.search(text) or _LABEL.fullmatch(text)):
            reason = "chrome: short line before the text"  # (or a bare label: cnBeta's 摘要：)
        result.candidates.append((text, reason))
        if reason is None:
            if not kept_any:
                text_start = block.owner
            kept_any = True
            kind = "code" if block.code else "heading" if block.owner.tag in SECTION_HEADINGS and len(text) <= 60 \
                else "paragraph"
            result.blocks.append((kind, text))
            kept.append(block)
    if (first_subhead := _subheads_before_text(result, inside, kept)) is not None:
        text_start = first_subhead
    # What the tail rules take off the text's end is the footer's first lines (a post box's posted @ …).
    footer = _drop_tail(result, kept) + footer
    _caption_above_text(result, header, kept)
    meta_lines += [b.text for b in footer if len(b.text) <= 80 and _META_LINE.search(b.text)]

    footer_dates = [b.text for b in footer[:8] if len(b.text) <= 80 and _PUBLISH_LINE.match(b.text)]
    _choose_date(result, meta, ld, script_dates, header, meta_lines + footer_dates, tz, reference,
                 _attribute_dates(kept, header, h1))
    region = _article_region(chosen, h1)
    accounts = {a.casefold() for a in rules.account_names}
    _choose_people(result, meta, ld, meta_lines, title_text, accounts,
                   _attribute_people(region, chosen, text_start, rules, accounts) if region is not None else [],
                   script_authors, _header_bylines(header, tz) + _publish_bylines(footer_dates, accounts))
    result.keywords = next((meta[k] for k in KEYWORD_META if k in meta), "")
    _bad_page(result, tree, blocks, rules)
    return result


# ---------------------------------------------------------------- the article's end, from structure

_DATE_ATTRIBUTE = re.compile(r"data-[\w-]*(?:time|date|created)$", re.I)  # data-ptime, data-created
# A date labelled as the last edit (编辑于 2014-09-25, 更新于, 最后更新) is not the publish time.
_UPDATE_LABEL = re.compile(r"(?:编辑|更新|修改)(?:于|时间|日期)|最后(?:更新|修改|编辑)|updated|modified|edited", re.I)
# A line after the text that says when the post was published (a blog footer's posted @ 2024-05-09 10:15,
# 发布于 2021-03-02): read for the date, like the header line.
_PUBLISH_LINE = re.compile(r"\s*(?:(?:posted|published)(?:\s+by\s+\S+)?(?:\s+on|\s*@|\s*:)?|(?:发布|发表)(?:于|时间|日期)?\s*[:：]?)\s*"
                           r"(?:\d{4}|[A-Za-z]{3,9}\.?\s+\d)", re.I)
# The byline such a line gives, in the two orders blog engines print it: a name after the date (cnblogs'
# posted @ 2024-05-09 10:15 张三 阅读(12)) or before it (WordPress's Posted by 李四 on …). The name is one
# run of letters (no digits, brackets or colons: 阅读(12) is a counter), checked against the site's
# accounts like any byline.
_PUBLISH_BYLINE = re.compile(
    r"\s*posted\s+by\s+(?P<before>[^\s\d()（）:：,，.|｜]{2,20})\s+on\b"
    r"|\s*posted\s*@\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+"
    r"(?P<after>[^\s\d()（）:：,，.|｜]{2,20})(?=\s|$)", re.I)
_LABEL = re.compile(r"[^，。！？,.!?:：]{1,6}[:：]")
_CUT_SUMMARY = re.compile(r"(?:\.\.\.|…)")  # a teaser's summary, cut off
_RULE_LINE = re.compile(r"[-—–_=*~·•#＊\s]{3,}")
INLINE_WRAPS = frozenset("strong b em i small font span u big".split())
# The owners a styled tail may have: a paragraph or a box, not a list item, quote, table cell or heading
# (the text's own structures, which often end an article: a 总结 list).
TAIL_TAGS = frozenset("p div section center address footer aside".split())


def _signature(element) -> tuple[str, str, str]:
    """How a block is set: its tag, its class, and the one inline element that wraps all its text
    (<p><strong>…</strong></p>), if any. The article's paragraphs share one; a column notice or a
    post-meta box appended to them is set apart."""
    wrap = ""
    if not (element.text or "").strip() and not any((c.tail or "").strip() for c in element):
        tags = {c.tag for c in element if isinstance(c.tag, str) and c.text_content().strip()}
        if len(tags) == 1 and (tag := next(iter(tags))) in INLINE_WRAPS:
            wrap = tag
    return element.tag, " ".join(sorted((element.get("class") or "").split())), wrap


def _repeated_item(element, stop):
    """The lowest element from `element` up (below `stop`) that has a sibling of the same tag and class:
    an item of a repeated structure (li of a list, div.feed-item of a feed); None when there is none."""
    for node in (element, *element.iterancestors()):
        if node is stop:
            return None
        parent = node.getparent()
        if parent is None:
            return None
        key = (node.tag, node.get("class"))
        if sum(1 for c in parent if isinstance(c.tag, str) and (c.tag, c.get("class")) == key) >= 2:
            return node
    return None


def _teaser_list(inside: list[TextBlock], at: int) -> tuple[str, int] | None:
    """(what, last) when the block at `at` is a label (short, no sentence) over a list that blocks
    `at + 1 … last` make: a list of teasers (the blocks lie in at least two items of one repeated
    structure, each a titled link or more: two links, or a link with a picture, a date or a cut-off
    summary; the label in none of them), or a run of link lines (two or more blocks mostly link text).
    That is 相关文章, 更多回答, 猜你喜欢 whatever its words: the heading's phrase does not decide."""
    label = inside[at]
    if len(label.text) > 16 or _SENTENCE_END.search(label.text) or "，" in label.text or label.caption:
        return None
    items: list = []
    last = at
    for index in range(at + 1, min(at + 11, len(inside))):
        item = _repeated_item(inside[index].owner, None)
        if item is None or _inside(label.owner, item) or items and item.getparent() is not items[0].getparent():
            break
        if item not in items:
            items.append(item)
        last = index
    groups: dict[tuple, list] = {}
    for item in items:  # items of one list: li, li…; or dt, dd, dt, dd… (a title and its summary)
        groups.setdefault((item.tag, item.get("class")), []).append(item)

    def titled(item) -> bool:
        links = [a for a in item.iter("a") if a.text_content().strip()]
        text = _norm(item.text_content())
        return bool(links) and (len(links) >= 2 or next(item.iter("img"), None) is not None
                                or parse_date(text, timezone.utc) is not None or _CUT_SUMMARY.search(text)
                                or sum(len(_norm(a.text_content())) for a in links) * 2 >= len(text))

    for group in groups.values():
        if len(group) >= 2 and all(titled(item) for item in group):
            while last + 1 < len(inside) and any(_inside(inside[last + 1].owner, i) for i in items):
                last += 1
            return f"{len(group)}+ {_describe(group[0])} items", last
    links = at
    while links + 1 < len(inside) and inside[links + 1].links * 2 >= len(inside[links + 1].text) \
            and not inside[links + 1].caption:
        links += 1
    if links - at >= 2:
        return f"{links - at} link lines", links
    return None


def _prose_after(inside: list[TextBlock], last: int, kept: list[TextBlock]) -> bool:
    """More of the text after a list: paragraphs set like the text's so far, 60 characters or more of
    them (comments after a list of teasers are prose too, but set as comments)."""
    settings: dict[tuple, int] = {}
    for block in kept:
        settings[_signature(block.owner)] = settings.get(_signature(block.owner), 0) + len(block.text)
    if not settings:
        return False
    text = max(settings, key=settings.get)
    return sum(len(b.text) for b in inside[last + 1:] if b.prose and _signature(b.owner) == text) >= 60


def _subheads_before_text(result: Extraction, inside: list[TextBlock], kept: list[TextBlock]):
    """Short lines right before the text that are its first subheads, not chrome: a heading element of
    the body (h1–h6, not the headline), or set like subheads the text has further on (163's
    p.title_line '1', '2', …). They go back into the text; returns the new first element of the text,
    if any."""
    if not kept:
        return None
    later = {_signature(b.owner) for b in kept if len(b.text) <= 20 and not _SENTENCE_END.search(b.text)}
    restored = []
    at = next(i for i, (_, r) in enumerate(result.candidates) if r is None)
    while at > 0 and result.candidates[at - 1][1] == "chrome: short line before the text":
        block = inside[at - 1]
        signature = _signature(block.owner)
        if not (block.owner.tag in SECTION_HEADINGS or signature[1] and signature in later):
            break
        at -= 1
        restored.insert(0, block)
        result.candidates[at] = (block.text, None)
    for block in reversed(restored):
        result.blocks.insert(0, ("heading" if block.owner.tag in SECTION_HEADINGS else "paragraph", block.text))
        kept.insert(0, block)
    return restored[0].owner if restored else None


def _caption_above_text(result: Extraction, header: list[TextBlock], kept: list[TextBlock]) -> None:
    """The caption of the headline's picture, between the headline and the text when the text is an
    element of its own (蘋果日報's figcaption, 中時's div.pictext): the article's, it leads the text. A
    caption that is a link is a teaser's. A caption by its element only (a <figcaption>, or a caption
    class on the line's element or the one around it): a short line after an image may be a logo's."""
    def captioned(element) -> bool:
        return any(e.tag == "figcaption" or _CAPTION_CLASS.search(e.get("class") or "")
                   for e in (element, element.getparent()) if e is not None)

    if not kept:
        return
    captions = [b for b in header if captioned(b.owner) and not b.links and len(b.text) >= 6
                and not _META_LINE.search(b.text)]
    for block in reversed(captions):
        result.blocks.insert(0, ("paragraph", block.text))
        result.candidates.insert(0, (block.text, None))
        kept.insert(0, block)


def _drop_tail(result: Extraction, kept: list[TextBlock]) -> list[TextBlock]:
    """After the text's last paragraph: short label lines (分享, 打印) are chrome, and so are blocks set
    apart from the text's paragraphs (163's <p class="end"> rights notice, a column notice in bold, a
    post-meta box) when the text's paragraphs share one setting and the tail is short beside them.
    The blocks dropped, in order."""
    dropped: list[TextBlock] = []

    def drop(index: int, reason: str) -> None:
        block = kept.pop(index)
        dropped.insert(0, block)
        result.blocks.pop(index)
        at = max(i for i, (t, r) in enumerate(result.candidates) if t == block.text and r is None)
        result.candidates[at] = (block.text, reason)

    def short_label(block: TextBlock) -> bool:
        # Not a line that trails off (Over……), nor a list's item or a table's cell without a link (安装,
        # 端口号): those are the author's.
        text = block.text
        return len(text) <= 8 and not _PUNCT.search(text) and not CREDIT_AT_END.search(text) and "…" not in text \
            and not (block.owner.tag in _ITEM_TAGS and not block.links) and not block.code

    while kept and short_label(kept[-1]):  # （编译/李雷） is the text's own credit
        drop(len(kept) - 1, "chrome: short line after the text")
    if (notice := _notice_after_blank_line(kept)) is not None:
        for index in range(len(kept) - 1, notice - 1, -1):
            drop(index, "chrome: after the text, a notice its paragraph opens after a blank line with a "
                        "line all in bold")
    prose = [b for b in kept if b.prose and len(b.text) >= 30 and not b.caption and not b.code]  # code: the text's, set apart
    if len(prose) < 3:
        _drop_notice_after_short_text(kept, drop)
        return dropped
    weight: dict[tuple, int] = {}
    for block in prose:
        weight[_signature(block.owner)] = weight.get(_signature(block.owner), 0) + len(block.text)
    main, main_chars = max(weight.items(), key=lambda kv: kv[1])
    total = sum(len(b.text) for b in kept)
    if main_chars * 2 < total:
        return dropped
    # The lowest element that holds nearly all the text's paragraphs (OWN_SHARE of their characters)
    # is the text's own: short lines after it, outside it, are the page's (a widget's heading over an
    # empty box, a QR code's line and its picture's caption), even one set as the text's paragraphs are.
    paragraphs = [b for b in prose if _signature(b.owner) == main]
    own = _holding(paragraphs, OWN_SHARE * main_chars)
    end = max(i for i, b in enumerate(kept) if _inside(b.owner, own))
    after = kept[end + 1:]
    if after and all(len(b.text) <= TAIL_LINE and not b.code for b in after) \
            and sum(len(b.text) for b in after) < (1 - OWN_SHARE) * main_chars:
        for index in range(len(kept) - 1, end, -1):
            drop(index, f"chrome: after the text, outside {_describe(own)}, the element that holds its paragraphs")
    last = max(i for i, b in enumerate(kept) if b in prose and _signature(b.owner) == main)
    # After the text, a line whose element, or the one around it (not the text's own: a code block's
    # copy button is the text's), holds a control is a widget's: a reward box's 赞赏, a like or follow box.
    text_end = kept[last].owner
    for index in range(len(kept) - 1, last, -1):
        owner = kept[index].owner
        boxes = [owner] + [e for e in (owner.getparent(),) if e is not None and not _inside(text_end, e)]
        if any(next(e.iter("button", "input", "select"), None) is not None for e in boxes):
            drop(index, "chrome: after the text, beside a button (a widget)")
    tail = kept[last + 1:]
    if not tail or sum(len(b.text) for b in tail) >= main_chars:
        return dropped
    for index in range(len(kept) - 1, last, -1):
        block = kept[index]
        signature = _signature(block.owner)
        if signature != main and block.owner.tag in TAIL_TAGS and not block.caption:
            drop(index, f"chrome: after the text, set apart from its paragraphs "
                        f"({_describe_signature(signature)}; the text's are {_describe_signature(main)})")
    while kept and short_label(kept[-1]):
        drop(len(kept) - 1, "chrome: short line after the text")
    return dropped


_ITEM_TAGS = frozenset(("li", "td", "th", "dd", "dt"))
# The share of the text's paragraphs (by characters) that the text's own element holds, and the
# longest line after it that is still taken for the page's.
OWN_SHARE = 0.8
TAIL_LINE = 60


# The header: up to HEADER_LINES lines of text between the headline and the body (a row of share
# buttons, each its own link, counts for none); and the lines above the headline read for its date.
HEADER_LINES = 8
ABOVE_HEADLINE = 3


def _header(between: list[TextBlock]) -> list[TextBlock]:
    header, lines = [], 0
    for block in between:
        if lines >= HEADER_LINES:
            break
        header.append(block)
        lines += not (block.links and block.links * 2 >= len(block.text))
    return header


def _holding(paragraphs: list[TextBlock], chars: float):
    """The lowest element that holds paragraphs of at least `chars` characters."""
    element = paragraphs[0].owner
    while element.getparent() is not None and sum(len(p.text) for p in paragraphs if _inside(p.owner, element)) < chars:
        element = element.getparent()
    return element


def _blank(text: str | None) -> bool:
    return not (text or "").strip()  # str.strip takes no-break spaces too


# The marks a notice line may open with (中時's ★中時電子報關心您): typography, not words.
_NOTICE_MARK = re.compile(r"^[★☆●■◆※]")


def _after_empty_paragraph(element) -> bool:
    """An element whose nearest earlier sibling that is a paragraph is an empty one (a blank line; the
    empty ad slots between do not count)."""
    for sibling in element.itersiblings(preceding=True):
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag == "p":
            return not _norm(sibling.text_content()) and next(sibling.iter("img"), None) is None
        if _norm(sibling.text_content()):
            return False
    return False


def _notice_after_blank_line(kept: list[TextBlock]) -> int | None:
    """The index of the kept block that opens a notice after the text: set apart by a blank line before
    it and by its own print, with only short lines after it (none as long as the text before it):
    - a line all in bold (<strong>, <b>) after <br><br> in the element of the text line before it, the
      lines after it in that element too (蘋果日報's one <p> of text, then <br><br><strong>《蘋果》關心你
      </strong> and help lines);
    - a paragraph opened by a mark (★, ●, ※…) after an empty paragraph, the lines after it in paragraphs
      beside it (中時's <p></p><p>★中時電子報關心您…</p> and help lines).
    A subhead inside the text has the text's own paragraphs after it, as long as those before."""
    for at in range(len(kept) - 1, 0, -1):
        block = kept[at]
        before, after = kept[:at], kept[at:]
        if not kept[at - 1].prose or any(len(b.text) >= 40 for b in after) \
                or sum(len(b.text) for b in after) >= sum(len(b.text) for b in before):
            continue
        bold = next((c for c in block.owner if isinstance(c.tag, str) and c.tag in ("strong", "b")
                     and _norm(c.text_content()) == block.text), None)
        if bold is not None and kept[at - 1].owner is block.owner \
                and all(b.owner is block.owner for b in after):
            gap = bold.getprevious()
            first = gap.getprevious() if gap is not None and gap.tag == "br" and _blank(gap.tail) else None
            if first is not None and first.tag == "br" and _blank(first.tail):
                return at
        parent = block.owner.getparent()
        if _NOTICE_MARK.match(block.text) and _norm(block.owner.text_content()) == block.text \
                and _after_empty_paragraph(block.owner) and all(b.owner.getparent() is parent for b in after):
            return at
    return None


def _drop_notice_after_short_text(kept: list[TextBlock], drop) -> None:
    """A text of one or two paragraphs is too short to show its setting, but a last block in a tag of its
    own (a <div> after the text's <p>), holding a link and shorter than the text, is a notice in its own
    container (中央社's 您所瀏覽的新聞已過查詢時效…加入付費會員: a paywall notice): chrome. Without a
    link it may be the text's own last paragraph, set carelessly, and stays."""
    text = [b for b in kept[:-1] if not b.caption]
    if not text or not kept:
        return
    last = kept[-1]
    tags = {b.owner.tag for b in text}
    if len(tags) == 1 and last.owner.tag not in tags and last.owner.tag in TAIL_TAGS and last.links \
            and not last.caption and len(last.text) < sum(len(b.text) for b in text):
        drop(len(kept) - 1, f"chrome: after the text, a notice in its own container (<{last.owner.tag}> with "
                            f"a link; the text's are <{next(iter(tags))}>)")


def _describe_signature(signature: tuple[str, str, str]) -> str:
    tag, cls, wrap = signature
    return tag + "".join(f".{c}" for c in cls.split()) + (f" all in <{wrap}>" if wrap else "")


def _line_date(text: str, tz: tzinfo, reference: datetime | None = None) -> DateFound | None:
    """The date a metadata line states; a relative day in a sentence (今天，订阅号正式改版上线。) is none."""
    found = parse_date(text, tz, reference)
    if found is not None and found.kind == "relative" and _SENTENCE_END.search(text):
        return None
    return found


def _choose_body(tree, portal, scores, h1):
    for xpath in portal.body if portal else ():
        found = tree.xpath(xpath)
        if found and isinstance(found[0], etree._Element) and found[0].text_content().strip():
            return found[0], f"portal {portal.name}: body XPath {xpath}", []
    ranked = sorted(((s, e) for e, s in scores.items() if e.tag in BLOCK_TAGS or e.tag == "body"),
                    key=lambda x: -x[0])
    if not ranked or ranked[0][0] <= 0:
        return None, "none: no element holds prose", []
    best_score, best = ranked[0]
    beaten = [(_describe(e), f"density {s:.0f}") for s, e in ranked[1:4]]
    if h1 is not None:
        # The article is where its headline is: the lowest ancestor of the <h1> that holds a good part of
        # the page's prose; the densest element inside it wins, whatever lies outside (sidebars, teasers).
        container = next((a for a in h1.iterancestors() if scores.get(a, 0) >= min(0.4 * best_score, 150)), None)
        if container is not None:
            inner_score, inner = max(((s, e) for s, e in ranked if _inside(e, container)), key=lambda x: x[0])
            if inner is not best:
                outside = "" if _inside(best, container) else ", outside it"
                return inner, (f"densest element inside the <h1>'s article container {_describe(container)} "
                               f"(density {inner_score:.0f})"), \
                    [(_describe(best), f"density {best_score:.0f}{outside}")] + \
                    [b for b in beaten if b[0] != _describe(inner)]
            return best, f"densest element (density {best_score:.0f}), inside the <h1>'s container", beaten
    return best, f"densest element (density {best_score:.0f}); no <h1> anchors the article", beaten


def _before_teasers(blocks: list[TextBlock], scores, h1, chosen, rule: str, beaten: list):
    """The article ends where a heading over a list of teasers starts (推荐阅读, 相關新聞: a heading
    element over two or more items of one list, each a titled link): an element that lies wholly after
    such a list, below the headline, is past the article's end, however dense (a comment box's rules,
    the next story's summary). The densest element between the headline and that list is the body."""
    if chosen is None or h1 is None:
        return chosen, rule, beaten
    index = {id(b): i for i, b in enumerate(blocks)}
    top = next((i for i, b in enumerate(blocks) if _inside(b.owner, h1)), None)
    start = next((i for i, b in enumerate(blocks) if _inside(b.owner, chosen)), None)
    if top is None or start is None or start <= top:
        return chosen, rule, beaten
    for at in range(top + 1, start):
        if blocks[at].owner.tag not in HEADINGS:
            continue
        found = _teaser_list(blocks, at)
        if found is None or not found[0].endswith("items") or found[1] >= start:
            continue
        last_of: dict[etree._Element, int] = {}
        first_of: dict[etree._Element, int] = {}
        for block in blocks:
            for element in (block.owner, *block.owner.iterancestors()):
                first_of.setdefault(element, index[id(block)])
                last_of[element] = index[id(block)]
        # Wholly between the headline and the list: from below the headline's own element to before it.
        before = [(scores.get(e, 0), e) for e, last in last_of.items() if first_of[e] > top - 1
                  and last < at and e.tag in BLOCK_TAGS and not _inside(h1, e) and scores.get(e, 0) > 0]
        if not before:
            return chosen, rule, beaten
        score, best = max(before, key=lambda x: x[0])
        return best, (f"densest element (density {score:.0f}) between the headline and the teaser list "
                      f"under {blocks[at].text!r} ({found[0]}), where the article ends"), \
            [(_describe(chosen), f"density {scores.get(chosen, 0):.0f}, after that list")] + beaten
    return chosen, rule, beaten


def _below_headline(chosen, scores, h1):
    """An element that holds the headline holds the header too (WeChat's div#img-content: title, 原创
    line, account name); the article is the element below the headline that holds nearly all its prose
    (div#js_content), when there is one."""
    if chosen is None or h1 is None or not _inside(h1, chosen):
        return chosen
    floor = 0.9 * scores.get(chosen, 0)
    below = [e for e in chosen.iterdescendants() if isinstance(e.tag, str) and e.tag in BLOCK_TAGS
             and scores.get(e, 0) >= floor and not _inside(h1, e) and not _inside(e, h1)]
    return max(below, key=lambda e: scores[e]) if below else chosen


def _attribute_dates(kept: list[TextBlock], header: list[TextBlock], h1) -> list[tuple[str, str]]:
    """(value, where) of date attributes (data-ptime, data-created, data-publish-time…) on the article's
    own elements: those around its text and its headline, and those of its header line. Not on a
    sidebar's or a comment's: they hold none of the text."""
    own: dict = {}
    for element in [b.owner for b in kept] + ([h1] if h1 is not None else []):
        for node in (element, *element.iterancestors()):
            if node in own:
                break
            own[node] = None
    for block in header:
        for node in block.owner.iter():
            own.setdefault(node, None)
    found = []
    for node in own:
        if not isinstance(node.tag, str):
            continue
        for name, value in node.attrib.items():
            if _DATE_ATTRIBUTE.match(name) and 6 <= len(value) <= 40:
                found.append((value, f"{name} on {_describe(node)}"))
    return found


_HEADER_LINE = "header line under the <h1>"


def _choose_date(result, meta, ld, script_dates, header, meta_lines, tz, reference, attributes=()) -> None:
    cands: list[tuple[DateFound, str]] = []
    unresolved: list[str] = []
    updates: list[tuple[str, str]] = []
    if isinstance(ld.get("datePublished"), str) and (f := parse_date(ld["datePublished"], tz)):
        cands.append((f, "JSON-LD datePublished"))
    for key in DATE_META:
        if key in meta and (f := parse_date(meta[key], tz)) is not None:
            cands.append((f, f"<meta {key}>"))
    for name, value in script_dates:
        if (f := parse_date(value, tz)) is not None:
            cands.append((f, f"script variable {name}"))
    for line in meta_lines:
        if (f := _line_date(line, tz, reference)) is not None:
            where = _HEADER_LINE if any(line == b.text for b in header) else "metadata line of the article"
            if f.value is None:
                unresolved.append(f.text)
            elif _UPDATE_LABEL.search(line[max(0, line.find(f.text) - 10): max(0, line.find(f.text))]):
                updates.append((f.value.isoformat(), f"{where} {line[:40]!r} (rejected: the last edit, not the publish time)"))
            else:
                cands.append((f, where))
    if "<time>" in meta and (f := parse_date(meta["<time>"], tz)) is not None:
        cands.append((f, "<time datetime>"))
    for value, where in attributes:
        if (f := parse_date(value, tz)) is not None:
            cands.append((f, f"attribute {where}"))
    cands = [(f, s) for f, s in cands if f.value is not None and 1990 <= f.value.year <= 2100]
    if not cands:
        bad = next((meta[k] for k in DATE_META if k in meta), None)
        if unresolved:
            result.problems.append(f"date does not parse: relative date {unresolved[0]!r} and no file time "
                                   "to resolve it against")
        elif bad is not None:
            result.problems.append(f"date does not parse: {bad!r}")
        result.explain["date"] = Choice(None, "none: no structured date, script variable or header line")
        return
    chosen, source = cands[0]
    # The time printed under the headline is the one the reader is given; a structured time of
    # another minute is the system's (a portal's publish or index time, minutes or a day later).
    shown = next((f for f, s in cands if s == _HEADER_LINE and f.has_time and f.kind != "relative"), None)
    if shown is not None and source != _HEADER_LINE and chosen.value.replace(second=0) != shown.value.replace(second=0):
        chosen, source = shown, f"{_HEADER_LINE} (over {source}, another minute: {chosen.text!r})"
    if not chosen.has_time:  # a day only: a later candidate on the same day with a time is better
        better = next(((f, s) for f, s in cands[1:] if f.has_time and f.value.date() == chosen.value.date()), None)
        if better is not None:
            chosen, source = better[0], f"{better[1]} (same day as {source}, with the time)"
    if chosen.has_time and not chosen.value.second:  # the same minute, to the second, from another place
        finer = next(((f, s) for f, s in cands if f.value.second and f.value.replace(second=0) == chosen.value), None)
        if finer is not None:
            chosen, source = finer[0], f"{finer[1]} (the same minute as {source}, with seconds)"
    result.date = chosen.value
    if chosen.kind == "relative":  # an estimate: the page was saved some time after it said 3小时前
        result.problems.append(f"relative date: {chosen.text!r} counted back from the file's time "
                               f"{reference.isoformat(timespec='minutes')}")
    result.explain["date"] = Choice(chosen.value.isoformat(), f"{source}: {chosen.text!r}",
                                    [(f.value.isoformat(), s) for f, s in cands if f is not chosen] + updates)


def _article_region(body, headline):
    """The lowest element holding both the body and the headline: where the article's own metadata is."""
    if body is None:
        return None
    if headline is None:
        return body.getparent() if body.getparent() is not None else body
    return next((a for a in body.iterancestors() if _inside(headline, a)), body)


def _names(element) -> str:
    """An element's class, id and microdata property (itemprop="author"), lower case, for matching the
    words of html_generic.yml."""
    return f"{element.get('class') or ''} {element.get('id') or ''} {element.get('itemprop') or ''}".casefold()


def _in_form(element, region, words: tuple[str, ...]) -> bool:
    """Part of a login or comment form (163's div.tie-author-login: 账号, 密码, 马上发表), not the
    article's byline: it holds form controls, or it or an element around it up to the article region
    is named like a form."""
    if any(True for _ in element.iter("input", "textarea", "button", "select", "form")):
        return True
    for node in (element, *element.iterancestors()):
        if any(w in _names(node) for w in words):
            return True
        if node is region:
            break
    return False


def _attribute_people(region, body, text_start, rules: HtmlRules, accounts: set[str]) -> list[tuple[str, str, str]]:
    """(field, value, rule) from elements around the article's text whose class or id names the field.
    Before the text (the header, a byline) a bare name counts; among the text (WeChat styles its text
    with section._135editor) only a labelled one or a name with its description (甜阁下，心理咨询师);
    after the text (a reward button's 赞赏) only a labelled one. An element of several links is a
    widget (zhihu's div.zm-tag-editor of topic links), not a byline; in a source element that is no
    bare name, its one link that is a name is the source (qq's div#ArtFrom: URL, time, 腾讯音乐)."""
    found = []
    fields = (("source", rules.source_attributes), ("author", rules.author_attributes),
              ("editor", rules.editor_attributes))
    order = {e: i for i, e in enumerate(region.iter())}
    text_from = order.get(text_start, order.get(body, 0))
    text_to = max((order.get(e, 0) for e in body.iter()), default=text_from) if body is not None else text_from
    for element in region.iter():
        if not isinstance(element.tag, str) or element.tag in SKIP_TAGS:
            continue
        names = _names(element)
        key = next((k for k, words in fields if any(w in names for w in words)), None)
        if key is None or _in_form(element, region, rules.form_attributes):
            continue
        text = _norm(element.text_content())
        # A part of it named for the name (span.name, itemprop="name"): the rest is a badge or a role.
        named = next((e for e in element.iterdescendants() if isinstance(e.tag, str) and "name" in _names(e).split()), None)
        if named is not None and _norm(named.text_content()):
            text = _norm(named.text_content())
        if not text or len(text) > 60:
            continue
        at = order[element]
        place = "before" if at < text_from else "among" if at <= text_to else "after"
        links = [_norm(a.text_content()) for a in element.iter("a") if a.text_content().strip()]
        value = people_in(text).get(key)
        how = "labelled"
        if value is None and len(links) <= 1 and len(text) <= 40:
            bare = _BY.sub("", text)
            if _PLAIN_NAME.fullmatch(bare) and place == "before":
                value, how = bare, "a bare name"
            elif (match := _NAME_AND_ROLE.fullmatch(text)) and place != "after":
                value, how = match[1], "a name and its description"
        if value is None and key == "source" and place == "before":
            plain = [t for t in links if _PLAIN_NAME.fullmatch(t) and not _URL_TEXT.match(t)]
            if len(plain) == 1:
                value, how = plain[0], "its one link that is a name"
        if value and value.casefold() in accounts:
            found.append((key, value, f"{_describe(element)} (rejected: a site account, not a person)"))
        elif value:
            found.append((key, value, f"{_describe(element)} (its class or id names the {key}; {how})"))
    return found


# A byline printed as its own element: a short run of letters and digits (58沈剑), no punctuation.
_BARE_BYLINE = re.compile(f"[{HAN}A-Za-z0-9·・. ]{{2,20}}")


def _header_bylines(header: list[TextBlock], tz: tzinfo) -> list[tuple[str, str]]:
    """(name, rule) of a byline in the header line under the headline, printed as the line's elements
    DATE NAME ACCOUNT (WeChat's 原创 2017-12-13 58沈剑 架构师之路): an unlinked name right after the
    element that is the date, right before a link that names the publishing account. Only with that
    link: a bare name beside a date may as well be the outlet (2017-12-13 人民日报), and the account
    itself, a link, is no byline."""
    found = []
    for block in header:
        parts = [e for e in block.owner if isinstance(e.tag, str) and e.tag not in SKIP_TAGS and not _hidden(e)]
        for at, element in enumerate(parts[:-2]):
            date_text = _norm(element.text_content())
            # a whole date with its year (a counter's 9.10 parses as a day of the month too)
            if not date_text or len(date_text) > 25 or not re.search(r"\d{4}", date_text) \
                    or (found_date := parse_date(date_text, tz)) is None or found_date.text.strip() != date_text:
                continue
            name_element, account = parts[at + 1], parts[at + 2]
            name, account_name = _norm(name_element.text_content()), _norm(account.text_content())
            linked = account.tag == "a" or account.find(".//a") is not None
            # the account is a link holding a bare name too (not 稿源：搜狐数码, a labelled source)
            if name_element.tag != "a" and name_element.find(".//a") is None and linked \
                    and _BARE_BYLINE.fullmatch(name) and re.search(f"[{HAN}A-Za-z]{{2}}", name) \
                    and _BARE_BYLINE.fullmatch(account_name) and account_name != name:
                rule = f"a bare name beside the date in the header line {block.text[:40]!r}, before the account"
                found.append((name, f"{rule} {account_name!r}"))
            break
    return found


def _publish_bylines(lines: list[str], accounts: set[str]) -> list[tuple[str, str]]:
    """(name, rule) of the bylines that publish lines after the text give (_PUBLISH_BYLINE); a site
    account (`accounts`, case-folded: Posted by admin) is given as rejected."""
    found = []
    for line in lines:
        if (match := _PUBLISH_BYLINE.match(line)) is not None:
            name = match["before"] or match["after"]
            rule = f"byline of the publish line after the text {line[:40]!r}"
            found.append((name, f"{rule} (rejected: a site account, not a person)" if name.casefold() in accounts else rule))
    return found


def _choose_people(result, meta, ld, meta_lines, title_text, accounts: set[str], by_attribute=(), script_authors=(),
                   publish_bylines=()) -> None:
    """`accounts`: the site accounts' names, case-folded (a byline naming one names no person)."""
    found: dict[str, list[tuple[str, str]]] = {"source": [], "author": [], "editor": []}
    for line in meta_lines:
        for key, value in people_in(line).items():
            found[key].append((value, f"line {line[:40]!r}"))
    elements: dict[str, list[tuple[str, str]]] = {key: [] for key in found}
    for key, value, rule in by_attribute:
        elements[key].append((value, rule))
    for key, cands in found.items():
        # An element's text beats a line that runs on past it into the next element: the line
        # '来源：人民日报海外版中国青年网' glues span#source_baidu to a link beside it (youth.cn).
        for i, (value, rule) in enumerate(cands):
            if shorter := next(((v, s) for v, s in elements[key] if value.startswith(v) and value != v), None):
                cands[i] = (shorter[0], f"{shorter[1]}, which {rule} runs on into the next element")
        cands.extend(elements[key])
    first = next((t for k, t in result.blocks if k == "paragraph"), "")
    if (match := REPORTER.search(first[:40])) is not None:  # 人民网合肥11月8日电　（记者钱伟）…
        found["author"].append(((match["v"] or match["w"]).strip(), "reporter in the dateline"))
    # (the first paragraph may be the headline picture's caption: the dateline opens the text after it)
    elif (match := next(filter(None, (_WIRE_REPORTER.match(line) for kind, line in result.blocks[:2]
                                      if kind == "paragraph")), None)) is not None:
        rest = match["rest"]
        found["author"].append((rest[:3] if len(rest) >= 5 else rest[:2], "reporter in the wire dateline"))
    texts = [t for _, t in result.blocks]
    for at, text in enumerate(texts[:-1]):  # a sign-off: ■三湘华声全媒体记者 / 林锐新 王为薇
        if _SIGN_OFF.fullmatch(text) and re.fullmatch(_REPORTER_NAMES, texts[at + 1]):
            found["author"].append((texts[at + 1], f"reporters' sign-off {text!r}"))
            break
    last = next((t for k, t in reversed(result.blocks) if k == "paragraph"), "")
    if (match := REPORTER.search(last[-40:])) is not None:
        found["author"].append(((match["v"] or match["w"]).strip(), "reporter at the end of the text"))
    if (match := CREDIT_AT_END.search(last[-40:])) is not None:
        found["author"].append((match["v"].strip(), f"credit at the end of the text {match.group(0)!r}"))
    if (match := FILED_AT_END.search(last[-40:])) is not None:
        found["author"].append((match["v"], f"reporter's tag at the end of the text {match.group(0)!r}"))
    found["author"].extend(publish_bylines)  # after the page's labelled lines, before its metadata
    site_names = [meta.get("og:site_name", ""), title_text[len(result.title):]]
    if (name := _ld_name(ld.get("author"))) is not None:
        found["author"].append((name, "JSON-LD author"))
    for name in script_authors[:1]:
        found["author"].append((name, "script variable author"))
    for key in AUTHOR_META:
        if key in meta:
            if _site_like(meta[key], site_names):
                found["author"].append((meta[key], f"<meta {key}> (rejected: the site's name, not a person)"))
            elif meta[key].strip().casefold() in accounts:
                found["author"].append((meta[key], f"<meta {key}> (rejected: a site account, not a person)"))
            else:
                found["author"].append((meta[key], f"<meta {key}>"))
    for key in SOURCE_META:
        if key in meta:  # ETtoday's <meta source> is the site's own name, like its og:site_name
            rejected = " (rejected: the site itself, not a 来源)" if _site_like(meta[key], site_names) else ""
            found["source"].append((meta[key], f"<meta {key}>{rejected}"))
    # The site that publishes the page is not the 来源 it names (a blog's og:site_name, a publisher).
    if (name := _ld_name(ld.get("publisher"))) is not None:
        found["source"].append((name, "JSON-LD publisher (rejected: the site itself, not a 来源)"))
    if meta.get("og:site_name"):
        found["source"].append((meta["og:site_name"], "og:site_name (rejected: the site itself, not a 来源)"))
    # An author that is the editor (gmw's and chinadaily's <meta author>, youth.cn's 青网校园崔宁宁) is not one.
    editor = next((v for v, s in found["editor"] if "rejected" not in s), None)
    if editor:
        found["author"] = [(v, s if editor not in v or "rejected" in s else f"{s} (rejected: the editor, not the author)")
                           for v, s in found["author"]]
    for key, cands in found.items():
        usable = [(v, s) for v, s in cands if "rejected" not in s]
        if usable:
            value, source = usable[0]
            setattr(result, key, value)
            result.explain[key] = Choice(value, source, [c for c in cands if c != (value, source)])
        else:
            result.explain[key] = Choice(None, "none", cands)


def _bad_page(result: Extraction, tree, blocks: list[TextBlock], rules: HtmlRules) -> None:
    """A login wall, a page of links, or no article text: reported, never published as an empty article."""
    text = sum(len(t) for _, t in result.blocks)
    page_text = sum(len(b.text) for b in blocks)
    links = sum(b.links for b in blocks)
    anchors = sum(1 for _ in tree.iter("a"))
    if text < 200 and (phrase := next((p for p in rules.login_phrases if any(p in b.text for b in blocks)), None)):
        result.problems.insert(0, f"login wall: {phrase!r} and only {text} characters of article text")
    elif text < 100 and anchors >= 10 and page_text and links / page_text >= 0.5:
        result.problems.insert(0, f"link list: the page is {anchors} links ({links * 100 // page_text}% of its "
                                  "text) and no article text")
    elif not result.blocks and not any(p.startswith("no body") for p in result.problems):
        result.problems.insert(0, "no body: no paragraph of article text on the page")
