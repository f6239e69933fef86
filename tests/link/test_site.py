"""The link stage over a site: each term's use, related articles and terms, and the cache's part."""
from zhiku.cache.step import Cache
from zhiku.link.site import LINK, link_site, term_snippets
from zhiku.model import Article, Block, Term


def site():
    texts = {"a": "OpenAI 发布大模型。OpenAI 又发布。", "b": "Meta 的大模型，开源。", "c": "Meta 和 OpenAI 谈大模型。"}
    return [Article(f"{slug}.txt", "0" * 64, title=f"标题{slug}", slug=slug, blocks=[Block("paragraph", text)])
            for slug, text in texts.items()]


TERMS = [Term("OpenAI", slug="openai"), Term("Meta", slug="meta"), Term("大模型", slug="da-mo-xing"),
         Term("开源", slug="kai-yuan", link=False)]


def test_each_terms_use_and_the_articles_terms(tmp_path):
    articles = site()
    found = link_site(Cache(tmp_path), articles, TERMS, jobs=1)
    assert found.uses["OpenAI"].mentions == {"a": 2, "c": 1} and found.uses["OpenAI"].links == 2
    assert found.uses["开源"].mentions == {"b": 1} and found.uses["开源"].links == 0  # never linked
    assert [a.terms for a in articles] == [["OpenAI", "大模型"], ["Meta", "大模型", "开源"], ["Meta", "OpenAI", "大模型"]]
    assert sorted(found.relinked) == ["a.txt", "b.txt", "c.txt"]
    c = articles[2]
    assert [(slug, shared) for slug, _, shared in c.related] == [("a", ["OpenAI", "大模型"]), ("b", ["Meta", "大模型"])]
    assert dict(found.uses["Meta"].related)["大模型"] == 2


def test_a_second_run_finds_every_result_and_reads_no_body(tmp_path):
    cache = Cache(tmp_path)
    first = link_site(cache, site(), TERMS, jobs=1)
    cache.save()
    cache = Cache(tmp_path)
    again = link_site(cache, site(), TERMS, jobs=1)
    assert again.relinked == [] and [r.blocks for r in again.results] == [None] * 3  # heads only
    assert [r.counts for r in again.results] == [r.counts for r in first.results]
    assert [LINK.load(cache, r.key)["blocks"] for r in again.results] == [r.blocks for r in first.results]
    by_slug = {a.slug: r for a, r in zip(site(), again.results)}
    assert term_snippets(cache, by_slug, {"OpenAI": ["a", "c"]}) == {
        "OpenAI": {"a": "**OpenAI** 发布大模型。OpenAI 又发布。", "c": "Meta 和 **OpenAI** 谈大模型。"}}


def test_another_glossary_links_again(tmp_path):
    cache = Cache(tmp_path)
    link_site(cache, site(), TERMS, jobs=1)
    cache.save()
    assert sorted(link_site(Cache(tmp_path), site(), TERMS + [Term("发布", slug="fa-bu")], jobs=1).relinked) == [
        "a.txt", "b.txt", "c.txt"]
