"""Term discovery over a site (glossary/discover.py): the names proposed, their evidence, and the
cache: a one-page change spots that page only and gives what a build from nothing gives."""
from dataclasses import asdict

import pytest
from zhiku.cache.step import Cache
from zhiku.glossary import discover
from zhiku.glossary.discover import discover_terms
from zhiku.model import Article, Block, Term

# Everyday words the articles use again and again: none may be proposed.
EVERYDAY = ["用户", "广告", "项目", "业主", "成本", "涨价", "学校", "奶奶", "问题", "方面", "公司", "技术", "爷爷"]

PAGES = {
    "guaishou": ("怪兽充电拿下新一轮融资", [
        "共享充电宝行业里，怪兽充电、街电和来电是三强。怪兽充电的创始人蔡光深表示，怪兽充电今年将进入更多城市。",
        "有用户说，怪兽充电的价格比街电贵，公司的成本问题是涨价的原因。怪兽充电的广告很多。"]),
    "macron": ("马克龙访华谈合作", [
        "法国总统马克龙抵达北京。马克龙表示，两国在技术方面的合作前景广阔。",
        "马克龙此行还将前往广州，学校的学生向马克龙献花。这个项目的问题在于成本。"]),
    "gac": ("广汽丰田召回部分车辆", [
        "广汽丰田宣布召回部分车辆。广汽丰田称，问题出在零部件上。交通运输部表示将督促广汽丰田做好召回。",
        "交通运输部有关负责人介绍了情况，业主可以到4S店免费检修。广告和用户都不少。"]),
    "yuzhou": ("禹州市举办钧瓷文化节", [
        "禹州市位于河南。禹州的钧瓷闻名全国，禹州市政府举办了钧瓷文化节，业主和奶奶爷爷都来了。",
        "郑板桥的书法也在展出，郑板桥是清代书画家。学校组织学生参观，这个项目的成本不高。"]),
    "galaxy": ("三星发布Galaxy S20", [
        "三星Galaxy S20搭载骁龙 865处理器，Galaxy Z Flip也用骁龙 865。用户说涨价了。",
        "Galaxy S20的售价为6999元，公司称成本上涨是涨价的原因，技术方面的问题不大。"]),
}


def site(pages=PAGES, changed=None):
    articles = []
    for slug, (title, paragraphs) in pages.items():
        if slug == changed:
            paragraphs = [*paragraphs, "法国总统马克龙也表示关注。"]
        articles.append(Article(source_path=f"{slug}.txt", sha256="", title=title, slug=slug,
                                blocks=[Block("paragraph", p) for p in paragraphs]))
    return articles


def found(articles, cache=None, terms=()):
    return discover_terms(cache or Cache(None), articles, list(terms))


def test_names_are_proposed_whole_and_everyday_words_never():
    candidates = found(site())
    names = [c.name for c in candidates]
    for name in ("怪兽充电", "马克龙", "广汽丰田", "交通运输部", "禹州市", "郑板桥", "Galaxy S20", "Galaxy Z Flip", "骁龙 865"):
        assert name in names, name
    assert not set(EVERYDAY) & {n for c in candidates for n in (c.name, *c.aliases)}
    assert "禹州" not in names and next(c for c in candidates if c.name == "禹州市").aliases == ["禹州"]
    assert not {"怪兽", "Galaxy", "骁龙", "广汽", "马克"} & set(names)  # no fragments of the names


def test_each_candidate_shows_its_kind_why_and_the_articles_that_use_it_with_a_sentence():
    by_name = {c.name: c for c in found(site())}
    guaishou = by_name["怪兽充电"]
    assert guaishou.count == 6 and guaishou.articles == 1
    assert "反复连用的词组" in guaishou.why and "1 篇文章" in guaishou.why
    [(slug, title, sentence)] = guaishou.examples
    assert (slug, title) == ("guaishou", "怪兽充电拿下新一轮融资")
    assert sentence == "共享充电宝行业里，怪兽充电、街电和来电是三强。"  # the first sentence of the text that uses it
    assert by_name["马克龙"].kind == "人物" and by_name["交通运输部"].kind == "机构" and by_name["禹州市"].kind == "地点"
    assert by_name["骁龙 865"].kind == "产品"


def test_a_name_the_glossary_has_is_not_proposed_in_any_spelling():
    names = {c.name for c in found(site(), terms=[Term("galaxy s20"), Term("怪兽", aliases=["怪兽充电"])])}
    assert "Galaxy S20" not in names and "怪兽充电" not in names and "马克龙" in names


def test_a_one_page_change_spots_that_page_only_and_gives_what_a_build_from_nothing_gives(tmp_path):
    cache = Cache(tmp_path)
    first = found(site(), cache)
    cache.save()
    assert len(discover.SPOTS.computed) == len(PAGES)
    unchanged = found(site(), Cache(tmp_path))  # every article's names read back from the journal
    assert discover.SPOTS.computed == [] and discover.EVIDENCE.added_up == 0
    assert [asdict(c) for c in unchanged] == [asdict(c) for c in first]
    changed = site(changed="gac")
    again = found(changed, Cache(tmp_path))
    assert discover.SPOTS.computed == [2]  # the changed article, and no other, was read and spotted
    assert discover.EVIDENCE.added_up == 2  # its old part taken away, its new part added
    assert [asdict(c) for c in again] == [asdict(c) for c in found(changed)]
    assert next(c for c in again if c.name == "马克龙").articles == 2  # the change is in the sums


def test_a_rebuild_takes_jiebas_dictionary_from_the_cache_not_from_its_files(tmp_path, monkeypatch):
    from zhiku.glossary import general

    monkeypatch.setattr(general, "_loaded", None)  # a process that has not read it yet
    cache = Cache(tmp_path)
    first = found(site(), cache)
    cache.save()
    assert discover.GENERAL_CHINESE.computed == [0]

    def unread(*_):
        raise AssertionError("jieba's files read again")

    monkeypatch.setattr(general, "_loaded", None)  # the next build's process
    monkeypatch.setattr(general, "read_dictionary", unread)
    again = found(site(changed="gac"), Cache(tmp_path))
    assert discover.GENERAL_CHINESE.computed == [] and general._loaded is not None
    assert discover.SPOTS.computed == [2]
    monkeypatch.undo()
    assert [asdict(c) for c in again] == [asdict(c) for c in found(site(changed="gac"))]
    assert [asdict(c) for c in first] == [asdict(c) for c in found(site())]


def test_the_same_site_gives_the_same_list_whatever_the_order_of_its_articles():
    first = [asdict(c) for c in found(site())]
    assert first == [asdict(c) for c in found(site()[::-1])]
    assert first == [asdict(c) for c in found(site())]


@pytest.mark.parametrize("field, value", [("title", ""), ("title", "标题"), ("source", "某某网"), ("author", "张三")])
def test_an_article_made_in_code_is_keyed_by_its_text_title_source_and_author(field, value):
    article = site()[0]
    other = Article(**{**vars(article), field: value})
    assert discover.spots_key(article) != discover.spots_key(other)
