"""Ranking the names spotted over the whole site (names.py) into candidates for the glossary: whole
names with their short forms as aliases, fragments left out, each scored by how strong its evidence
is, how unusual it is in this corpus against general Chinese, and how much the articles use it."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ..chars import HAN
from .general import DICTIONARY_TOTAL, EVERYDAY_FREQUENCY
from .names import (ABBREVIATION, AGENCY, ARTICLES, DATELINE_PLACE, BOOK_TITLE, COMPOUND, DOTTED, EVENT_HEAD, GENERAL, GLOSSED, HEADLINE, INSIDE,
                    INSIDE_NAME, INSTITUTION_RUN, EMPLOYER, LATIN, LISTED, LOST_DOT, MENTIONS, MODEL, NAMED_PLACE, NAME_CONTEXT,
                    ORG_TAG, ORGANISATION_HEAD, OTHER_TAG, PAGE_AUTHOR, PAGE_SOURCE, PERSON_TAG, PLACE_HEAD, PLACE_TAG, QUOTED,
                    TERM_HEAD, UNKNOWN)

CHARS_PER_WORD = 1.5  # of Chinese text, to put the corpus's word count beside the dictionary's
# A name whose occurrences lie mostly inside a longer name (彼得 of 彼得·梁, Ultra of Z Ultra) is a
# fragment of it, not a name of its own.
FREE_SHARE = 0.34
# A candidate is used at least twice as often here as in general Chinese (in bits: log2 of the ratio
# of its rate here to its rate in jieba's dictionary).
MIN_UNUSUAL = 1.0
# A country, region or city (names.named_places) is a candidate however usual here. One frequent in
# general Chinese (美国, 北京), or used here no more than there, ranks as if this unusual: a place
# everyone knows comes after the names a curator may not know yet.
NAMED_PLACE_UNUSUAL = 0.25
# Names up to this long in the glossary: a candidate inside one is a piece of it. (Longer ones are
# titles that the portal's keywords made terms, whose pieces may well be names.)
KNOWN_PIECES = 6
# Suffixes of a place's full name (禹州市 → 禹州) and of a company's (花旗集团 → 花旗): the short form is an alias.
PLACE_SUFFIXES = "市县省区州镇乡村"
COMPANY_SUFFIXES = ("公司", "集团")
_DOTS = "·•・‧"
_LATIN = re.compile(r"[A-Za-z]")
_HAN_CHAR = re.compile(f"[{HAN}]")
_ACRONYM = re.compile(r"[A-Z]{2,4}")
# Two or three capitals (ID, UI, CPU, HDR) are as often a common abbreviation as a name.
_SHORT_ACRONYM = re.compile(r"[A-Z]{2,3}")
SHORT_ACRONYM_STRENGTH = 0.35
# A new word of two characters is as often a new everyday word (高管, 财报, 巨屏) as a brand (谷歌, 微博).
SHORT_NEW_WORD_STRENGTH = 0.15

# How much each kind of evidence says that a string is a name, alone (a noisy-or combines them).
# Dictionary tags are weaker for words frequent in general Chinese: jieba tags 续航 and 公正 nr.
STRENGTH = {DOTTED: 0.9, BOOK_TITLE: 0.8, MODEL: 0.7, LATIN: 0.6, NAME_CONTEXT: 0.6, GLOSSED: 0.6, AGENCY: 0.6,
            ORGANISATION_HEAD: 0.55, PLACE_HEAD: 0.55, EVENT_HEAD: 0.55, DATELINE_PLACE: 0.55, LISTED: 0.5, COMPOUND: 0.4, UNKNOWN: 0.35,
            QUOTED: 0.3, TERM_HEAD: 0.3, HEADLINE: 0.2, INSTITUTION_RUN: 0.4, EMPLOYER: 0.4, NAMED_PLACE: 0.5,
            PAGE_SOURCE: 0.6, PAGE_AUTHOR: 0.6}
# What makes a string a name in its own right, not only a new word: the dictionary's proper-noun
# tags, and the shape or context of a name.
DICTIONARY_NAME = (PERSON_TAG, PLACE_TAG, ORG_TAG, OTHER_TAG)
NAME_EVIDENCE = (LATIN, DOTTED, NAME_CONTEXT, ORGANISATION_HEAD, PLACE_HEAD, MODEL, LISTED, GLOSSED, AGENCY,
                 DATELINE_PLACE, EVENT_HEAD, PAGE_SOURCE, PAGE_AUTHOR)
TAG_STRENGTH = {PERSON_TAG: 0.6, PLACE_TAG: 0.6, ORG_TAG: 0.6, OTHER_TAG: 0.4, ABBREVIATION: 0.3}

EVIDENCE_NAMES = {PERSON_TAG: "词典标为人名", PLACE_TAG: "词典标为地名", ORG_TAG: "词典标为机构名", OTHER_TAG: "词典标为专名",
                  ABBREVIATION: "词典标为简称", UNKNOWN: "词典未收的新词", LATIN: "拉丁字母名称", DOTTED: "带间隔号的译名",
                  BOOK_TITLE: "书名号内", QUOTED: "引号内", NAME_CONTEXT: "紧挨头衔或“表示”等", ORGANISATION_HEAD: "以机构词结尾",
                  COMPOUND: "反复连用的词组", MODEL: "名称带型号", HEADLINE: "见于标题",
                  LISTED: "与专名并列", PLACE_HEAD: "以地名词结尾", GLOSSED: "附外文或中文对照",
                  AGENCY: "电头中的发稿机构", DATELINE_PLACE: "电头中的发稿地",
                  EVENT_HEAD: "以事件词结尾", TERM_HEAD: "词典中的主义或权利",
                  INSTITUTION_RUN: "反复出现的机构全称", EMPLOYER: "头衔与人名之前",
                  NAMED_PLACE: "词典收其国民、球队或行政区（国家、地区或城市）",
                  PAGE_SOURCE: "页面所署来源", PAGE_AUTHOR: "页面所署作者"}


@dataclass
class Candidate:
    name: str
    count: int  # mentions in all articles (with those of its aliases standing alone)
    articles: int
    kind: str  # 人物, 地点, 机构, 事件, 产品, 作品或文件, 术语
    score: float
    aliases: list[str] = field(default_factory=list)
    why: str = ""  # the evidence and the figures its rank comes from, as the candidates page shows them
    examples: list[tuple[str, str, str]] = field(default_factory=list)  # (article slug, its title, a sentence using it)


def fold(name: str) -> str:
    """Spellings of one name: GPT-3.5 and GPT3.5, 骁龙 865 and 骁龙865, OpenAI and openai, 巴兹·奥尔德林
    and 巴兹?奥尔德林 (a dot lost in the page's encoding)."""
    if LOST_DOT in name:
        name = name.replace(LOST_DOT, "·")
    return _SPACE_OR_HYPHEN.sub("", name).casefold() if _LATIN_OR_DIGIT.search(name) else name


_SPACE_OR_HYPHEN = re.compile(r"[\s\-]")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")


def rank_candidates(totals: dict[str, list[int]], corpus_chars: int, known: set[str], limit: int) -> list[Candidate]:
    """The `limit` best candidates from the site's sums ({name: evidence vector}); `known`: the
    glossary's names and aliases, case-folded and folded (never proposed in any spelling)."""
    groups: dict[str, dict[str, list[int]]] = {}
    for name, vector in totals.items():
        groups.setdefault(fold(name), {})[name] = vector
    names: dict[str, list[int]] = {}
    spellings: dict[str, list[str]] = {}
    for forms in groups.values():
        if len(forms) == 1:
            [(shown, vector)] = forms.items()
            vector = list(vector)
            vector[GENERAL] = vector[GENERAL] // max(vector[ARTICLES], 1)
            names[shown], spellings[shown] = vector, []
            continue
        shown = min(forms, key=lambda n: (LOST_DOT in n, -forms[n][MENTIONS], n))  # the dot, where a page has it
        vector = [sum(column) for column in zip(*forms.values())]
        vector[GENERAL] = max(v[GENERAL] // max(v[ARTICLES], 1) for v in forms.values())
        names[shown] = vector
        spellings[shown] = sorted(n for n in forms if n != shown)
    words = max(corpus_chars / CHARS_PER_WORD, 1.0)
    # Used less often here than in general Chinese (most of a large site's dictionary words): out
    # at once, before the work below; the cut at MIN_UNUSUAL comes with the aliases' mentions.
    names = {n: v for n, v in names.items() if (v[NAMED_PLACE] or v[MENTIONS] / words * DICTIONARY_TOTAL >= v[GENERAL] + 1)
             and not any(form.casefold() in known or fold(form) in known for form in (n, *spellings[n]))}
    # Mentions outside longer names, not counting titles that cite a name when it is one in its own
    # right: tagged a name by the dictionary (中央组织部 in 《中央宣传部、中央组织部…的通知》), or a name
    # by its shape or context that stands outside them somewhere (not PILLOW of 《PILLOW枕头》).
    free = {n: v[MENTIONS] - (v[INSIDE_NAME] if any(v[i] for i in DICTIONARY_NAME) or v[MENTIONS] > v[INSIDE]
                              and any(v[i] for i in NAME_EVIDENCE) else v[INSIDE]) for n, v in names.items()}
    # Pieces of the glossary's short names (文生 of 文生视频, 心一言 of 文心一言) are no names of their own.
    pieces = {k[i:j] for k in known if len(k) <= KNOWN_PIECES for i in range(len(k)) for j in range(i + 2, len(k) + 1)}
    names = {n: v for n, v in names.items() if n.casefold() not in pieces}
    aliases = _aliases(names, free)
    parents = {alias for found in aliases.values() for alias in found}
    candidates = []
    for name, vector in names.items():
        fragment = free[name] < FREE_SHARE * vector[MENTIONS] and not vector[NAMED_PLACE]  # 浙江 of 浙江省高级人民法院 is a place still
        if name in parents or fragment or _extends(name, names, aliases.get(name, [])):
            continue
        own = aliases.get(name, [])
        mentions = vector[MENTIONS] + sum(max(free[a], 0) for a in own)
        evidence = _evidence(name, vector)
        unusual = math.log2((mentions / words) / ((vector[GENERAL] + 1) / DICTIONARY_TOTAL))
        well_known = vector[NAMED_PLACE] and (unusual < MIN_UNUSUAL or vector[GENERAL] >= EVERYDAY_FREQUENCY)
        if well_known:
            unusual = NAMED_PLACE_UNUSUAL
        elif unusual < MIN_UNUSUAL:
            continue
        spread = 1 + math.log2(max(vector[ARTICLES], 1))
        score = evidence * unusual * (1 + math.log2(mentions)) * spread
        if score <= 0:
            continue
        shown_unusual = f"{unusual:.2f} 位（常见地名，按此计）" if well_known else f"{unusual:.1f} 位"
        why = "；".join([f"{EVIDENCE_NAMES[i]} {vector[i]} 次" for i in EVIDENCE_NAMES if vector[i]]
                       + [f"{mentions} 次提及，{vector[ARTICLES]} 篇文章",
                          f"通用词频 {vector[GENERAL]}" if vector[GENERAL] else "通用词典未收",
                          f"证据 {evidence:.2f} × 异常度 {shown_unusual} × 提及 {1 + math.log2(mentions):.1f}"
                          f" × 篇数 {spread:.1f} = {score:.1f}"])
        candidates.append(Candidate(name, mentions, vector[ARTICLES], _kind(name, vector), round(score, 2),
                                    sorted(set(spellings[name]) | set(own)), why))
    candidates.sort(key=lambda c: (-c.score, c.name))
    return candidates[:limit]


def _evidence(name: str, vector: list[int]) -> float:
    """Noisy-or of the kinds of evidence the name has."""
    doubt = 1.0
    for index, strength in STRENGTH.items():
        if vector[index]:
            if index == LATIN and _SHORT_ACRONYM.fullmatch(name):
                strength = SHORT_ACRONYM_STRENGTH
            elif index == UNKNOWN and len(name) == 2:
                strength = SHORT_NEW_WORD_STRENGTH
            doubt *= 1 - strength
    for index, strength in TAG_STRENGTH.items():
        if vector[index]:
            doubt *= 1 - strength * _tag_trust(vector[GENERAL])
    return 1 - doubt


def _tag_trust(general: int) -> float:
    """How far to trust jieba's proper-noun tag on a word this frequent in general Chinese."""
    return 1.0 if general < 50 else 0.7 if general < 500 else 0.35


def _aliases(names: dict[str, list[int]], free: dict[str, int]) -> dict[str, list[str]]:
    """Full name → the short forms that are its aliases: 禹州 of 禹州市, 花旗 of 花旗集团, 皮查伊 of
    桑达尔·皮查伊, Z Ultra of Xperia Z Ultra."""
    found: dict[str, list[str]] = {}
    by_short: dict[str, str] = {}
    for name in names:
        shorts = []
        if len(name) >= 3 and name[-1] in PLACE_SUFFIXES:
            shorts.append(name[:-1])
        shorts += [name[:-len(s)] for s in COMPANY_SUFFIXES if name.endswith(s) and len(name) > len(s) + 1]
        if any(d in name for d in _DOTS + LOST_DOT):
            shorts.append(re.split(f"[{_DOTS}{re.escape(LOST_DOT)}]", name)[-1])
        if _LATIN.search(name) and " " in name:
            words = name.split(" ")
            shorts += [" ".join(words[i:]) for i in range(1, len(words))]
        for short in shorts:
            if short in names and short != name and free[short] > 0:
                best = by_short.get(short)
                if best is None or (names[name][MENTIONS], name) > (names[best][MENTIONS], best):
                    by_short[short] = name
    for short, name in sorted(by_short.items()):
        found.setdefault(name, []).append(short)
    return found


def _extends(name: str, names: dict[str, list[int]], own: list[str]) -> bool:
    """A name that is a more frequent name and one character more (梁振英称, 微博上): the shorter
    name's neighbours vary, so the character is no part of it."""
    if len(name) < 3:
        return False
    for shorter, extra in ((name[:-1], name[-1]), (name[1:], name[0])):
        if (_HAN_CHAR.match(extra) and shorter in names and shorter not in own
                and names[shorter][MENTIONS] >= 2 * names[name][MENTIONS]):
            return True  # (a Latin name and one more digit is another model: Quest 3, iPhone 15)
    return False


def _kind(name: str, vector: list[int]) -> str:
    if vector[BOOK_TITLE] and not vector[DOTTED]:
        return "作品或文件"
    if vector[EVENT_HEAD] and not vector[DOTTED]:
        return "事件"
    if vector[ORGANISATION_HEAD] or vector[INSTITUTION_RUN] or vector[EMPLOYER] and not vector[PERSON_TAG] or vector[ORG_TAG] or vector[AGENCY] or vector[PAGE_SOURCE] or name.endswith(COMPANY_SUFFIXES):
        return "机构"
    if vector[DOTTED] or vector[PAGE_AUTHOR] or (vector[PERSON_TAG] >= max(vector[PLACE_TAG], vector[ORG_TAG], 1) or vector[NAME_CONTEXT]) \
            and not vector[LATIN] and not vector[PLACE_TAG]:
        return "人物"
    if vector[PLACE_TAG] or vector[PLACE_HEAD] or vector[DATELINE_PLACE] or name[-1] in PLACE_SUFFIXES and len(name) >= 3:
        return "地点"
    if vector[MODEL] or _LATIN.search(name) and re.search(r"\d", name):
        return "产品"
    if vector[LATIN] and not _ACRONYM.fullmatch(name) or vector[LISTED]:
        return "品牌或产品"
    return "术语"
