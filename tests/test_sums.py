"""Sums kept between builds equal the sums added up from nothing, whatever came and went."""
from collections import Counter

import pytest

from zhiku.cache import Memo
from zhiku.model import Article
from zhiku.sums import SiteSums

WORDS = {"a": "AI 大模型 AI", "b": "大模型 扎克伯格", "c": "AI", "d": "OpenAI 扎克伯格 扎克伯格", "e": "大模型"}


def article(key: str) -> Article:
    return Article(source_path=f"{key}.txt", sha256=key, title=WORDS[key], content_key=key)


def parts(articles):
    for a in articles:
        yield {word: [count, 1] for word, count in Counter(a.title.split()).items()}


def plain_sum(keys):
    total = Counter(), Counter()
    for key in keys:
        for word, count in Counter(WORDS[key].split()).items():
            total[0][word] += count
            total[1][word] += 1
    return {word: [total[0][word], total[1][word]] for word in sorted(total[0])}


def sums_in(folder, former=article):
    return SiteSums(Memo(folder, "sums"), former)


@pytest.mark.parametrize("then, now", [
    ("abc", "abd"),      # one changed (c → d)
    ("abcd", "abcde"),   # one added
    ("abcde", "bcde"),   # one removed
    ("abcd", "abcda"),   # a second page of the same content
    ("abcda", "abcd"),   # and gone again
    ("abcd", "abcd"),    # nothing
])
def test_a_kept_sum_follows_the_articles_that_came_and_went(tmp_path, then, now):
    first = sums_in(tmp_path)
    assert first.total("words", [article(k) for k in then], parts) == plain_sum(then)
    first.memo.save()
    again = sums_in(tmp_path)
    assert again.total("words", [article(k) for k in now], parts) == plain_sum(now)
    changed = sum((Counter(now) - Counter(then)).values()) + sum((Counter(then) - Counter(now)).values())
    assert again.added_up == {"words": changed}  # only the articles that came or went were added up


def test_words_no_article_holds_any_more_leave_the_sum(tmp_path):
    first = sums_in(tmp_path)
    first.total("words", [article(k) for k in "abcd"], parts)
    first.memo.save()
    total = sums_in(tmp_path).total("words", [article(k) for k in "abce"], parts)  # d held OpenAI
    assert "OpenAI" not in total and total == plain_sum("abce")


def test_an_article_gone_that_the_cache_no_longer_has_means_adding_up_again(tmp_path):
    first = sums_in(tmp_path)
    first.total("words", [article(k) for k in "abcd"], parts)
    first.memo.save()
    again = sums_in(tmp_path, former=lambda key: None)
    assert again.total("words", [article(k) for k in "abce"], parts) == plain_sum("abce")
    assert again.added_up == {"words": 4}


def test_articles_without_a_key_are_added_up_every_time_and_nothing_is_kept(tmp_path):
    articles = [article(k) for k in "abc"]
    articles[0].content_key = ""  # made in code, not read from a page
    sums = sums_in(tmp_path)
    assert sums.total("words", articles, parts) == plain_sum("abc")
    sums.memo.save()
    assert Memo(tmp_path, "sums").get("words") is None
