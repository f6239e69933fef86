"""Ranking the site's names into candidates (glossary/ranking.py): aliases, fragments, known names,
unusualness, order."""
import random

from zhiku.glossary.names import ARTICLES, FIELDS, GENERAL, INSIDE, INSIDE_NAME, MENTIONS
from zhiku.glossary.ranking import rank_candidates


def vector(mentions, articles=1, general=0, inside=0, **evidence):
    v = [0] * len(FIELDS)
    v[MENTIONS], v[ARTICLES], v[GENERAL], v[INSIDE], v[INSIDE_NAME] = mentions, articles, general * articles, inside, inside
    for field, count in evidence.items():
        v[FIELDS.index(field)] = count
    return v


def ranked(totals, chars=20_000, known=(), limit=50):
    return rank_candidates(totals, chars, set(known), limit)


def test_a_place_is_one_candidate_with_its_short_form_as_alias():
    found = ranked({"禹州市": vector(4, place_tag=4, general=6), "禹州": vector(9, place_tag=9, general=30, inside=4)})
    assert [(c.name, c.aliases) for c in found] == [("禹州市", ["禹州"])]
    assert found[0].count == 4 + 5  # its own mentions, and the short form's where it stands alone


def test_a_fragment_of_a_longer_name_is_left_out_and_a_free_standing_part_is_kept():
    found = ranked({"彼得·梁": vector(7, dotted=7), "彼得": vector(8, person_tag=8, general=336, inside=7),
                    "Xperia Z": vector(8, latin=5, inside=3), "Xperia Z Ultra": vector(3, latin=3)})
    names = {c.name for c in found}
    assert "彼得·梁" in names and "彼得" not in names
    assert {"Xperia Z", "Xperia Z Ultra"} <= names  # Xperia Z stands alone five times of eight


def test_spellings_of_one_name_are_one_candidate_and_known_names_are_never_proposed():
    found = ranked({"GPT-3.5": vector(3, latin=3), "GPT3.5": vector(1, latin=1), "OpenAI": vector(5, latin=5),
                    "openai": vector(1, latin=1), "Llama 2": vector(4, latin=4)}, known={"openai", "llama2"})
    assert [(c.name, c.aliases) for c in found] == [("GPT-3.5", ["GPT3.5"])]


def test_a_word_the_site_uses_as_often_as_general_chinese_does_is_not_proposed():
    # 兰州 a thousand times in 60 million characters: what general Chinese has (its dictionary
    # count 1,000 in 60 million words, 90 million characters). A rare name used as often is.
    chars = 60_000_000
    found = ranked({"兰州": vector(1000, articles=900, place_tag=1000, general=1500),
                    "皮查伊": vector(1000, articles=900, person_tag=1000)}, chars=chars)
    assert [c.name for c in found] == ["皮查伊"]


def test_a_well_known_place_is_proposed_however_usual_after_the_names_a_curator_may_not_know():
    found = ranked({"美国": vector(12, articles=6, general=36089, place_tag=6, named_place=6),
                    "禹州": vector(2, place_tag=2, general=30, named_place=1),
                    "怪兽充电": vector(2, unknown=2)})
    assert [c.name for c in found][-1] == "美国" and len(found) == 3  # 美国: less often here than in general Chinese
    assert found[2].kind == "地点" and "国民、球队或行政区" in found[2].why and "异常度 0.25 位（常见地名，按此计）" in found[2].why
    assert "常见地名" not in found[1].why  # 禹州: rare in general Chinese, ranked by its own unusualness


def test_a_place_inside_longer_names_is_still_a_place_of_its_own():
    found = ranked({"浙江省高级人民法院": vector(3, organisation_head=3),
                    "浙江省": vector(3, place_tag=3, general=722, inside=3, named_place=1),
                    "彼得·梁": vector(3, dotted=3), "彼得": vector(3, person_tag=3, general=336, inside=3)})
    assert {c.name for c in found} == {"浙江省高级人民法院", "浙江省", "彼得·梁"}


def test_the_pages_source_is_an_organisation_and_its_author_a_person():
    found = {c.name: c for c in ranked({"IT之家": vector(3, page_source=1, latin=0), "周愚": vector(1, page_author=1)})}
    assert found["IT之家"].kind == "机构" and found["周愚"].kind == "人物"
    assert "页面所署来源" in found["IT之家"].why


def test_stronger_evidence_and_more_use_rank_higher_and_the_why_says_so():
    found = ranked({"金·卡戴珊": vector(6, articles=3, dotted=6), "蓟县": vector(6, articles=3, place_tag=6, general=88),
                    "库克": vector(2, person_tag=2, general=162)})
    assert [c.name for c in found] == ["金·卡戴珊", "蓟县", "库克"]
    assert "带间隔号的译名 6 次" in found[0].why and "3 篇文章" in found[0].why and found[0].kind == "人物"


def test_the_order_depends_on_the_sums_not_on_the_order_they_came_in():
    totals = {f"名称{i}甲": vector(1 + i % 5, articles=1 + i % 3, person_tag=1) for i in range(60)}
    totals.update({f"Name{i}": vector(1 + i % 4, latin=1) for i in range(40)})
    items = list(totals.items())
    random.Random(4).shuffle(items)
    first = [(c.name, c.score) for c in ranked(totals, limit=100)]
    assert first == [(c.name, c.score) for c in ranked(dict(items), limit=100)]
    assert len(first) == 100 and len({s for _, s in first}) > 5  # ties are broken by name, not by order


def test_a_site_dense_with_names_lists_every_name_with_evidence_up_to_the_pages_bound():
    from zhiku.glossary.discover import LIMIT

    # 400 distinct rare names, each with a name's evidence: more than the old bound of 300.
    names = [f"{chr(0x4E00 + 37 * i)}{chr(0x4E00 + 11 * i + 5000)}集团" for i in range(400)]
    found = rank_candidates({name: vector(3, organisation_head=3) for name in names}, 200_000, set(), LIMIT)
    assert len(found) == 400
    assert len(rank_candidates({name: vector(3, organisation_head=3) for name in names}, 200_000, set(), 100)) == 100
