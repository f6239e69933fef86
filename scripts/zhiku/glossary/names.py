"""Names in one article: the strings that look like names or terms of art, each with the evidence
for it, found the way a Chinese NLP engineer would look for them:

- proper-noun tags of jieba's dictionary (nr person, ns place, nt organisation, nz other, j
  abbreviation), and words its dictionary lacks that its HMM cut out (梁振英, 何俊仁);
- the shape of the text: Latin names with their models and versions (Galaxy S20, GPT-3.5,
  Advantage+), transliterated names joined by ·, titles in 《》, short nominal phrases in quotes;
- name context: beside a title word (主席, 董事长 …), before a verb of saying (表示, 指出 …),
  ending in a head word that makes a name an organisation (公司, 基金会, 局 …), a place (路, 桥 …)
  or an event (事件, 战争 …), a model number after a name (骁龙 865), the organisation before a
  title word and a person's name (观察者网 + 专栏作者 + 洪希伯);
- dictionary nouns that name a doctrine or a right (马克思主义, 著作权: ending in 主义 or 权);
- countries, regions and cities, however frequent in general Chinese (美国, 北京): the places the
  dictionary also holds with their people, team or division (美国人, 中国队, 杭州市);
- the page's own source and author, where its text writes them (IT之家 8 月 9 日消息);
- new words: a run of words that recurs in the article, sticks together (its parts seldom occur
  apart) and stands in free context (different neighbours on either side), so that 怪兽充电 is one
  word, not 怪兽 and 充电.

The small lists below are closed classes of function markers (title words, organisation heads,
verbs of saying, measure words), never everyday nouns: whether a word is everyday is said by its
frequency in general Chinese (general.py).

`spot_names` is a pure function of the article's title and text: term discovery stores its result
per article (a cached step) and adds the results up over the site (discover.py).
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict

from ..chars import HAN
from .general import dictionary_tag, dictionary_tags, frequency, is_everyday

# The evidence vector each name gets in an article, by index. Sums over the site add them up.
FIELDS = ("mentions", "articles", "person_tag", "place_tag", "org_tag", "other_tag", "abbreviation", "unknown",
          "latin", "dotted", "book_title", "quoted", "name_context", "listed", "organisation_head",
          "place_head", "compound", "model", "headline", "inside", "inside_name", "general", "glossed",
          "agency", "dateline_place", "event_head", "term_head", "institution_run", "employer", "named_place",
          "page_source", "page_author")
(MENTIONS, ARTICLES, PERSON_TAG, PLACE_TAG, ORG_TAG, OTHER_TAG, ABBREVIATION, UNKNOWN, LATIN, DOTTED,
 BOOK_TITLE, QUOTED, NAME_CONTEXT, LISTED, ORGANISATION_HEAD, PLACE_HEAD, COMPOUND, MODEL, HEADLINE, INSIDE,
 INSIDE_NAME, GENERAL, GLOSSED, AGENCY, DATELINE_PLACE, EVENT_HEAD, TERM_HEAD, INSTITUTION_RUN, EMPLOYER,
 NAMED_PLACE, PAGE_SOURCE, PAGE_AUTHOR) = range(len(FIELDS))

_TAG_FIELD = {"nr": PERSON_TAG, "nrt": PERSON_TAG, "nrfg": PERSON_TAG, "ns": PLACE_TAG, "nt": ORG_TAG,
              "nz": OTHER_TAG, "j": ABBREVIATION}
# Tags of words a name can be made of (nouns of every kind, abbreviations, numbers, Latin, words
# the dictionary lacks); anything else (verbs, particles, prepositions …) ends a name.
_NOMINAL = {"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "nw", "ng", "j", "x", "eng", "vn", "an", "b", "m", "mq", "q"}
_PROPER = {"nr", "nrt", "nrfg", "ns", "nt", "nz", "j"}

# Title words: the name after one is a person's (主席约翰·米勒-怀特, 会长翁诗杰), the one before it
# the person's organisation.
TITLE_WORDS = frozenset(
    "主席 副主席 主任 副主任 会长 副会长 理事长 秘书长 所长 副所长 院长 副院长 校长 董事长 董事 总裁 副总裁 总经理 "
    "经理 总监 首席执行官 执行官 创始人 合伙人 部长 副部长 局长 司长 厅长 处长 市长 省长 州长 县长 书记 总书记 主编 "
    "记者 编辑 通讯员 教授 研究员 分析师 设计师 工程师 发言人 议员 大使 总统 副总统 总理 首相 参选人 作者 博士 "
    "导演 负责人 委员 代表 国王 行长 班长 队长 社长 团长 馆长 台长 厂长 村长 庭长 检察长 院士 律师 主管 "
    "主持人 演员 歌手 作家 主播 选手 球员 教练 医生 "
    "CEO CTO COO CFO".split())
_LONG_TITLE_WORDS = tuple(sorted(w for w in TITLE_WORDS if len(w) >= 2 and not w.isascii()))
# Verbs of saying: what stands before one is someone who speaks (洪希伯表示).
SAYING_VERBS = frozenset("表示 指出 认为 称 说 透露 强调 介绍 坦言 回应 宣布 证实".split())
# Head words that make the run of words before them an organisation or institution (纽约警察局,
# 美中合作基金会, 交通运输部).
ORGANISATION_HEADS = frozenset(
    "公司 集团 银行 基金会 协会 学会 委员会 研究所 研究院 研究中心 中心 大学 学院 论坛 联盟 实验室 法院 "
    "警察局 办公室 局 部 委 厅 署 院 党 台 网 社 馆 报 医院 学校 中学 小学".split())
# Head words of place names (邦德 + 街, 皮卡迪利 + 广场, 白纸坊 + 桥).
PLACE_HEADS = frozenset("街 路 大街 大道 桥 广场 机场 车站 站 港 湾 岛 山 湖 河 江 峡 塔 寺 宫".split())
# Head words of events (弗格森 + 事件, 鸦片 + 战争).
EVENT_HEADS = frozenset(("事件", "战争", "运动", "革命", "起义", "惨案", "事变", "战役", "危机", "丑闻", "峰会",
                         "大会", "博览会", "展览会", "发布会", "奥运会", "冬奥会", "世界杯", "典礼"))
# Head morphemes of terms of art in jieba's dictionary: doctrines and rights (马克思 + 主义, 著作 + 权).
TERM_HEADS = ("主义", "权")
_HEAD_WORDS = tuple(sorted(ORGANISATION_HEADS | PLACE_HEADS))
_ORGANISATION_HEAD_WORDS = tuple(sorted(ORGANISATION_HEADS))
_HEAD_LAST_CHARACTERS = frozenset(head[-1] for head in ORGANISATION_HEADS)  # a cheap test before endswith
# Measure words and units: a number before one is a quantity or a date (800万, 2014年), not a model.
_MEASURES = "年月日号万亿千百元美岁个名人次件台款位篇家份倍种米克寸吋英毫"
# Date units: a word that starts with one right after a number holds a piece of the date (12月1日 +
# 电 of a wire dateline, tagged 日电 by the dictionary), not a name.
_DATE_UNITS = "年月日号"
# A "·" lost to "?" (pages saved in GB2312): between two parts of a transliterated name it is the dot.
LOST_DOT = "?"
# Words of a dictionary phrase that make it a phrase, not a name: each at least this frequent in
# general Chinese (海拔 + 高度, 严格 + 执行, 重大 + 进展; about one in 600,000 words).
PHRASE_PART_FREQUENCY = 100
# A word that ends in an organisation's head of one character (邮报, 日报, 剧院, 司法厅) ends a name
# only when its last two characters are rarer than this in general Chinese (not 平台, 干部, 医院, nor
# 跨平台: about one in 40,000 words).
FUSED_HEAD_FREQUENCY = 1500
PRODUCTIVE_SHARE = 3

_HAN_CHAR = re.compile(f"[{HAN}]")
_HAN_WORD = re.compile(f"[{HAN}]{{2,}}")
# Latin names: a word with a capital letter (DeepMind, iOS, GPT-3.5, Advantage+), then, each after
# one space, more capitalised words, Roman numerals, single capitals and model numbers:
# Galaxy Note II, Xperia Z Ultra, Adreno 330, S Pen. A year (2024Q1) or a quantity (5英寸) ends it.
_LATIN_WORD = r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*\+?"
_CAPITAL_WORD = r"[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*\+?"
_MODEL_NUMBER = rf"(?!(?:19|20)\d\d)\d{{1,5}}(?:\.\d+)?[A-Za-z]{{0,2}}\+?(?![0-9.]|\s?[{_MEASURES}%])"
LATIN_NAME = re.compile(rf"(?<![A-Za-z0-9.\-])(?=[A-Za-z]*[A-Z]){_LATIN_WORD}(?: (?:{_CAPITAL_WORD}|{_MODEL_NUMBER}))*"
                        r"(?![A-Za-z0-9])")
_ALL_CAPITALS = re.compile(r"[A-Z]{2,}")
_PROSE_BEFORE = re.compile(r"(?:[a-z]{2,}|[’']s)[,;:]? $")
_PROSE_AFTER = re.compile(r",? [a-z]{2,}")
_ENGLISH = re.compile(r"[A-Za-z]+ [A-Za-z]+ [A-Za-z]+ [A-Za-z]+")  # four words: a title in English, not a name
_BOOK_TITLE = re.compile(r"《([^《》\n]{1,60})》")
_INNER_TITLE = re.compile(r"〈([^〈〉\n]{1,40})〉")
_QUOTED = re.compile(r"[“「‘『]([^“”「」‘’『』\n]{2,12})[”」’』]")
_SENTENCE_PUNCTUATION = re.compile(r"[，。、：；！？,.;:!?（）()]")
_DOTS = "·•・‧"
# A Latin name in brackets right after Chinese words, and Chinese words in brackets right after a
# Latin name: the same thing in two scripts.
_LATIN_GLOSS = re.compile(r"[（(]\s*[A-Za-z][A-Za-z0-9.&+\- ]{1,60}[）)]")
_HAN_GLOSS = re.compile(rf"(?<=[A-Za-z0-9])[（(]([{HAN}]{{2,12}})[）)]")
_DATE_WIRED = re.compile(r"\d{1,2}月\d{1,2}日电")  # 11月8日电: the date of a wire dateline, and 电 (wired)
_MODEL_AFTER_NAME = re.compile(rf"^ ?\d{{2,5}}[A-Za-z]{{0,2}}(?![0-9.A-Za-z]|\s?[{_MEASURES}%])")
# Words rare enough in general Chinese to make a run of words with them a new word (under about
# one in 120,000 words of general text).
RARE_FREQUENCY = 500


def spot_names(title: str, texts: list[str], tag, source: str = "", author: str = "") -> dict[str, list[int]]:
    """Every name spotted in the article (`texts`: its blocks; `tag(text)`: jieba's (word, tag)
    pairs; `source` and `author`: what the page says of itself), each with its evidence vector
    (FIELDS). Words frequent in general Chinese never are, but for countries, regions and cities
    (named_places)."""
    found: dict[str, list[int]] = {}

    def add(name: str, field: int, times: int = 1) -> None:
        name = name.strip()
        if _is_name_shaped(name) and name not in TITLE_WORDS:  # CEO, 董事长: the role, not whose it is
            found.setdefault(name, [0] * len(FIELDS))[field] += times

    whole = "\n".join([title, *texts])
    tagged = [(text, words_of(text, tag)) for text in [title, *texts] if text]
    for text, words in tagged:
        for name in latin_names(text, whole):
            add(name, LATIN)
        for match in _BOOK_TITLE.finditer(text):
            inner = match[1].strip()
            bare = _INNER_TITLE.sub("", inner).replace("、", "").replace("：", "").replace(":", "")  # subtitles allowed
            if not _SENTENCE_PUNCTUATION.search(bare) and not _ENGLISH.search(inner):
                add(inner, BOOK_TITLE)
            for nested in _INNER_TITLE.finditer(inner):
                add(nested[1], BOOK_TITLE)
        _spot_in_words(words, add)
        dateline = _dateline(words)
        if dateline:
            for name, field in zip(dateline, (AGENCY, DATELINE_PLACE)):
                add(name, field)
        for name in _glossed_names(text, words):
            add(name, GLOSSED)
        for match in _QUOTED.finditer(text):
            inner = match[1]
            inner_words = words_of(inner, tag)
            # A noun phrase, or a numbered slogan (四个自信, 两个维护, 六稳).
            if not _SENTENCE_PUNCTUATION.search(inner) and (_noun_phrase(inner_words) or
                                                            inner_words[0][1] in ("m", "mq") and _HAN_CHAR.match(inner)):
                add(inner, QUOTED)
    _spot_new_words([words for text, words in tagged[1 if title else 0:]], add, tagged[0][1] if title else [])
    # The page's own source and author, where its text writes them (IT之家 8 月 9 日消息, 作者 | 周愚):
    # the page says they are an outlet's name and a person's.
    for value, field in ((source, PAGE_SOURCE), (author, PAGE_AUTHOR)):
        for name in byline_names(value):
            if name in whole:
                add(name, field)
    for text, words in tagged:
        for name in _listed_after_names(text, words, found):
            add(name, LISTED)
    places = named_places()
    for name, vector in found.items():
        if vector[PLACE_TAG] and name in places:
            vector[NAMED_PLACE] = 1
    # A country, region or city is a place's name however common (美国, 北京); other frequent words are everyday.
    names = {name: vector for name, vector in found.items()
             if (vector[NAMED_PLACE] or not is_everyday(name)) and not _phrase(name, found)}
    mentions = _mentions(whole, list(names), {n for n, v in names.items() if v[BOOK_TITLE]})
    for name, vector in names.items():
        vector[MENTIONS], vector[INSIDE], vector[INSIDE_NAME] = mentions[name]
        vector[ARTICLES] = 1
        vector[HEADLINE] = int(name in title)
        vector[GENERAL] = frequency(name)
        if vector[INSTITUTION_RUN] and vector[MENTIONS] < 2:
            vector[INSTITUTION_RUN] = 0  # said once: a description (某某省某某厅), not a name the article uses
    return {name: vector for name, vector in sorted(names.items())
            if vector[MENTIONS] and any(vector[i] for i in _EVIDENCE)}


_ALL_HEADS = ORGANISATION_HEADS | PLACE_HEADS | EVENT_HEADS
_EVIDENCE = [i for i in range(len(FIELDS)) if i not in (MENTIONS, ARTICLES, HEADLINE, INSIDE, INSIDE_NAME, GENERAL)]


def _noun_phrase(tokens: list[tuple[str, str]]) -> bool:
    """Nominal words, maybe two joined by 与, 和 or 及 (计算机视觉 + 与 + 模式识别 + 大会) or a space
    (AGI-Next + 前沿峰会)."""
    return all(t in _NOMINAL or 0 < i < len(tokens) - 1 and (w in _JOINING or w == " ") and tokens[i - 1][1] in _NOMINAL
               and tokens[i + 1][1] in _NOMINAL for i, (w, t) in enumerate(tokens))


_JOINING = ("与", "和", "及")


def _phrase(name: str, found: dict) -> bool:
    """A name and an everyday word (中美 + 合作, 香港 + 民众, 人工智能 + 技术): a phrase about the
    name, not a name. (A name that ends in an everyday word the article never writes apart, as
    习近平新时代中国特色社会主义思想, is not split here: its first part is no name found.)"""
    for cut in range(2, len(name) - 1):
        first, last = name[:cut], name[cut:]
        # A name that is no everyday word and a head word of organisations, places or events is one
        # name (花旗 + 集团, 弗格森 + 事件, 鸦片 + 战争); an everyday one and a head word is a phrase
        # (美国 + 公司), as a name and any other everyday word is (美国 + 政府, 中美 + 关系).
        if last in _ALL_HEADS and not is_everyday(first):
            continue
        if is_everyday(last) and (first in found or dictionary_tag(first) in _PROPER):
            return True
        if is_everyday(first) and dictionary_tag(first) in _PROPER and last in found:
            return True
    return False


def words_of(text: str, tag) -> list[tuple[str, str]]:
    """The text's words with their tags in jieba's dictionary; "x" for a Chinese word it lacks (one
    its HMM cut out: rjieba tags those by guess). A function character the HMM joined to such a word
    (梁 + 将, 这 + 是, 微博 + 上) is split off again."""
    known = dictionary_tags().get
    pairs = tag(text)
    tags = [known(word) for word, _ in pairs]  # in one comprehension: most words are the dictionary's
    if None not in tags:
        return [(word, tagged) for (word, _), tagged in zip(pairs, tags)]
    words = []
    for (word, guess), tagged in zip(pairs, tags):
        if tagged is not None:
            words.append((word, tagged))
            continue
        if len(word) == 1 or not _HAN_CHAR.match(word):
            words.append((word, guess))
            continue
        first = last = None
        if len(word) == 2 and known(word[0]) in _NOT_FIRST:  # not 何 of 何俊仁: a surname starts a name
            first, word = word[0], word[1:]
        if len(word) > 1 and known(word[-1]) in _NOT_LAST:
            word, last = word[:-1], word[-1]
        if first:
            words.append((first, known(first)))
        words.append((word, known(word) or "x"))
        if last:
            words.append((last, known(last)))
    return words


def latin_names(text: str, whole: str | None = None) -> list[str]:
    """Latin names with their models and versions, as the text writes them. A last word in capitals
    that the text also writes on its own is not part of the name (AlphaGo AI, Adreno 330 GPU)."""
    names = []
    for match in LATIN_NAME.finditer(text):
        if _PROSE_BEFORE.search(text, 0, match.start()) or _PROSE_AFTER.match(text, match.end()):
            continue  # a piece of an English sentence (How AI Replaced the Metaverse …), not a name
        words = match[0].split(" ")
        while len(words) > 1 and _ALL_CAPITALS.fullmatch(words[-1]) and (
                _standalone(whole or text, words[-1]) > _standalone(whole or text, " ".join(words))):
            words.pop()
        name = " ".join(words)
        if len(name) >= 2:
            names.append(name)
    return names


def _standalone(text: str, word: str) -> int:
    return len(re.findall(rf"(?<![A-Za-z0-9]){re.escape(word)}(?![A-Za-z0-9])", text))


def _spot_in_words(tokens: list[tuple[str, str]], add) -> None:
    """Names the words and their tags show: proper nouns, words the dictionary lacks, persons
    written with ·, names beside a title word or before a verb of saying, organisations by their
    head word, names with a model number."""
    n = len(tokens)
    i = 0
    while i < n:
        word, tag = tokens[i]
        # A surname alone followed by a given name (翁 + 诗杰): one person.
        # A surname jieba tags otherwise (张 q) before a given name of one character tagged a name (杰 nr): one too.
        if (len(word) == 1 and i + 1 < n and (tag == "nr" and tokens[i + 1][1] in ("nr", "nrt", "nrfg", "x") or
                                              word in surnames() and tokens[i + 1][1] == "nr" and len(tokens[i + 1][0]) == 1)
                and 1 <= len(tokens[i + 1][0]) <= 2 and _HAN_WORD.fullmatch(word + tokens[i + 1][0])):
            tokens[i:i + 2] = [(word + tokens[i + 1][0], "nr")]
            n -= 1
            continue
        i += 1
    for start, end, name in _dotted_names(tokens):
        add(name, DOTTED)
        if start > 0 and tokens[start - 1][0] in TITLE_WORDS or end < len(tokens) and tokens[end][0] in SAYING_VERBS:
            add(name, NAME_CONTEXT)
    for i, (word, tag) in enumerate(tokens):
        han = _HAN_WORD.fullmatch(word) is not None
        dated = word[0] in _DATE_UNITS and i > 0 and tokens[i - 1][0][-1:].isdigit()
        if han and tag in _TAG_FIELD and not dated:
            # Not 远大于 or 海拔高度, tagged nr: phrases jieba's dictionary holds.
            if not (frequency(word) <= 3 and _particle_edge(word)) and not _dictionary_phrase(word):
                add(word, _TAG_FIELD[tag])
            if tag == "nt" and i > 0 and tokens[i - 1][0] in institution_openers() and word.endswith(_ORGANISATION_HEAD_WORDS):
                add(tokens[i - 1][0] + word, ORGANISATION_HEAD)  # 国家 + 中医药局
        elif han and tag == "x" and not _function_edge(word) and not dated:
            add(word, UNKNOWN)
        elif han and tag == "n" and len(word) >= 3 and word.endswith(TERM_HEADS) and not _dictionary_phrase(word):
            add(word, TERM_HEAD)  # a doctrine or a right the dictionary holds (无政府主义, 著作权); not 利用 + 职权
        if word in TITLE_WORDS or han and len(word) > 2 and word.endswith(_LONG_TITLE_WORDS):  # 人大 + 代表
            after = i + 2 if i + 2 < n and tokens[i + 1][0] == " " else i + 1  # 记者 + " " + 张三 of a byline
            if after < n and tokens[after][0] not in _DOTS:
                person = _person_after(tokens, after)
                if person:
                    add(person, NAME_CONTEXT)
                    employer = _employer_before(tokens, i)
                    if employer:
                        add(employer, EMPLOYER)
        elif word in SAYING_VERBS:
            if i > 0:
                before, btag = tokens[i - 1]
                # A proper noun or a new word of a name's length; not a role (高管表示, 专家认为).
                if (btag in _PROPER or btag == "x" and len(before) >= 3) and _HAN_WORD.fullmatch(before):
                    add(before, NAME_CONTEXT)
                elif person := _split_person_before(tokens, i):
                    add(person, NAME_CONTEXT)
        elif (word in ORGANISATION_HEADS or word in PLACE_HEADS) and tag in ("n", "ng", "j", "nt", "ns", "zg"):
            named = _name_before(tokens, i)
            if named:
                add(named, ORGANISATION_HEAD if word in ORGANISATION_HEADS else PLACE_HEAD)
            elif word in INSTITUTION_HEADS and (run := _common_run_before(tokens, i)):
                add(run, INSTITUTION_RUN)
        elif word in EVENT_HEADS and tag in ("n", "vn", "v", "j", "nz"):
            named = _name_before(tokens, i)
            if named:
                add(named, EVENT_HEAD)
        elif han and tag in ("n", "nt", "nr") and word[-1] in _HEAD_LAST_CHARACTERS \
                and word.endswith(_ORGANISATION_HEAD_WORDS) and (word[-2:] in ORGANISATION_HEADS
                                                                 or frequency(word[-2:]) < FUSED_HEAD_FREQUENCY):
            # A head word inside a dictionary word (司法 + 厅, 航天 + 中心, 邮 + 报): after a proper noun
            # it ends that name (安徽省司法厅, 约翰逊航天中心, 纽约邮报). Not a word that ends in a
            # common word of two characters that merely ends like one (平台, 干部, 全部; 跨 + 平台).
            named = _name_before(tokens, i)
            if named:
                add(named, ORGANISATION_HEAD)
        if han and i + 1 < n and (tokens[i + 1][0][:1].isdigit() or tokens[i + 1][0] == " ") and tag in _MODEL_HEADS \
                and (tag != "n" or frequency(word) < RARE_FREQUENCY):
            rest = "".join(w for w, _ in tokens[i + 1:i + 4])
            model = _MODEL_AFTER_NAME.match(rest)
            if model:
                add(word + rest[:model.end()], MODEL)


_MODEL_HEADS = _PROPER | {"x", "n", "nz"}  # words a model number can follow (骁龙 + 865)


# Tags of words that are no part of a name at its edges: particles, prepositions, conjunctions,
# adverbs, pronouns, numerals; at its end also verbs and position words (梁 + 因, 这 + 是, 微博 + 上).
_NOT_FIRST = {"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "d", "r", "y", "e", "o", "m", "q", "zg"}
_NOT_LAST = _NOT_FIRST | {"v", "f"}


def _dateline(tokens: list[tuple[str, str]]) -> tuple[str, str] | None:
    """A wire dateline's agency and place (人民网 + 合肥 + 11月8日电, 新华社 + 北京 + 7月8日电): the two
    words a text opens with before the date and 电. Not 本报 (this paper), a pronoun."""
    if len(tokens) < 6:
        return None
    (agency, agency_tag), (place, place_tag), *date = tokens[:7]
    if not (_HAN_WORD.fullmatch(agency) and _HAN_WORD.fullmatch(place)) or agency_tag not in _NOMINAL \
            or place_tag not in _NOMINAL:
        return None
    return (agency, place) if _DATE_WIRED.match("".join(w for w, _ in date)) else None


@functools.lru_cache(maxsize=65536)  # the same dictionary words recur in every article
def _dictionary_phrase(word: str) -> bool:
    """A dictionary entry of two common words that are no names (海拔 + 高度, 严格 + 执行, 保持 + 中立):
    a phrase, whatever its tag. Not one that ends in an organisation's or a place's head word (终审 +
    法院), whose head makes it a name."""
    if len(word) < 4 or word.endswith(_HEAD_WORDS):
        return False
    for cut in range(2, len(word) - 1):
        parts = word[:cut], word[cut:]
        tags = [dictionary_tag(p) for p in parts]
        if all(t is not None and t not in _PROPER and t != "x" for t in tags) and \
                all(frequency(p) >= PHRASE_PART_FREQUENCY for p in parts):
            return True
    return False


def _glossed_names(text: str, tokens: list[tuple[str, str]]) -> list[str]:
    """Names the text gives in two scripts: the Chinese words before a bracketed Latin name
    (天空实验室(Skylab), 纽约州立大学（State University of New York）), and the Chinese in brackets
    after a Latin one (RNN（循环神经网络）). Not a transliterated name's last part (汉森 of 戴夫·汉森（Dave
    Hanson）): the dotted name is spotted whole."""
    if "(" not in text and "（" not in text:
        return []
    names = []
    at = 0
    starts = []
    for word, _ in tokens:
        starts.append(at)
        at += len(word)
    for match in _LATIN_GLOSS.finditer(text):
        end = match.start()
        i = bisect.bisect_left(starts, end)  # the token that starts at the bracket
        if i >= len(starts) or starts[i] != end:
            continue
        start = i
        if i >= 2 and _HAN_CHAR.fullmatch(tokens[i - 1][0]) and tokens[i - 1][1] in ("n", "k", "ng") \
                and _HAN_WORD.fullmatch(tokens[i - 2][0]):
            start = i - 1  # a word and its suffix: 光栅 + 化 (rasterization), 规则 + 式 (rule-based)
        if start == i and tokens[i - 1][1] == "l" and _HAN_WORD.fullmatch(tokens[i - 1][0]):
            start = i - 1  # a phrase the dictionary holds is whole: 专家系统 (expert systems)
        while tokens[start][1] != "l" and start > 0 and i - start < 4 and tokens[start - 1][1] in _NOMINAL - {"m", "mq", "q"} \
                and _HAN_WORD.fullmatch(tokens[start - 1][0]) and tokens[start - 1][0] not in TITLE_WORDS:
            start -= 1
        if start == i - 1 and len(tokens[start][0]) == 1:
            continue
        if start == i or start > 0 and tokens[start - 1][0] in _DOTS + LOST_DOT:
            continue
        names.append("".join(w for w, _ in tokens[start:i]))
    for match in _HAN_GLOSS.finditer(text):
        inner = match[1]
        inner_words = [t for _, t in _tokens_within(inner, tokens, starts, match.start(1))]
        if inner_words and inner_words[0] not in _NOT_FIRST and inner_words[-1] not in _NOT_LAST:
            names.append(inner)
    return names


def _tokens_within(inner: str, tokens: list[tuple[str, str]], starts: list[int], offset: int):
    """The tokens that lie within text[offset:offset + len(inner)]."""
    i = bisect.bisect_left(starts, offset)
    found = []
    while i < len(tokens) and starts[i] < offset + len(inner):
        found.append(tokens[i])
        i += 1
    return found


def _particle_edge(word: str) -> bool:
    """A word that starts or ends with a preposition, conjunction or particle (远大于)."""
    return dictionary_tag(word[0]) in _PARTICLES or dictionary_tag(word[-1]) in _PARTICLES


_PARTICLES = {"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "e", "o"}


def _function_edge(word: str) -> bool:
    """A word the HMM joined across a function character (梁因, 这是, 微博上): not a new word."""
    return dictionary_tag(word[0]) in _NOT_FIRST or dictionary_tag(word[-1]) in _NOT_LAST


def _person_after(tokens: list[tuple[str, str]], start: int) -> str | None:
    """The name after a title word (会长 + 翁诗杰, 设计师 + 胜沼润): up to four Chinese characters of
    single characters and names, up to a function word or an everyday word."""
    end, length = start, 0
    while end < len(tokens):
        word, tag = tokens[end]
        if not _HAN_WORD.fullmatch(word) and not _HAN_CHAR.fullmatch(word) or length + len(word) > 4 \
                or end > start and word in SAYING_VERBS:  # 孙建新 + 说
            break
        # A given name after a surname of one character (陈 + 伟业, 孙 + 建新): any word but a function
        # word, a verb only where the name ends (at punctuation or a verb of saying: 孙建新说).
        ends = end + 1 >= len(tokens) or tokens[end + 1][0] in SAYING_VERBS or not _HAN_CHAR.match(tokens[end + 1][0])
        surname = end == start + 1 and (tokens[start][1] in _SURNAME_TAGS or tokens[start][0] in surnames()) \
            and len(tokens[start][0]) == 1 and (tag not in _NOT_FIRST | {"v", "f"} or tag == "v" and ends)
        # A bound character (zg: 伟 of 钱伟) is part of a name, not a function word; nor is a surname
        # that jieba tags otherwise (张 q, 黄 a) where a name starts.
        if not (tag in ("nr", "nrt", "nrfg", "x", "zg") or len(word) == 1 and tag not in _NOT_FIRST | {"f"} or surname
                or end == start and word in surnames()):
            break
        end, length = end + 1, length + len(word)
    if length < 2 or end < len(tokens) and _HAN_CHAR.match(tokens[end][0]) and len(tokens[end][0]) == 1 \
            and tokens[end][1] not in _NOT_FIRST | {"v", "f"}:
        return None  # no name, or one that runs on into more characters than a name has
    return "".join(w for w, _ in tokens[start:end])


def _split_person_before(tokens: list[tuple[str, str]], verb: int) -> str | None:
    """A person jieba cut into a surname and common characters, before a verb of saying (艾 + 伟 +
    说, 刘 + 明 + 坦言): a surname of one character standing alone, then a given name of one or two
    characters that is no title word (李 + 教授 + 说) nor everyday Chinese, after no Chinese
    character that would make the surname part of a word."""
    if verb < 2:
        return None
    (surname, stag), (given, gtag) = tokens[verb - 2], tokens[verb - 1]
    if len(surname) != 1 or surname not in surnames() or stag in _PARTICLES or not _HAN_WORD.fullmatch(surname + given) \
            or len(given) > 2 or gtag in _NOT_FIRST - {"zg"} or given in TITLE_WORDS or given.endswith(_LONG_TITLE_WORDS) \
            or len(given) == 2 and is_everyday(given) or dictionary_tag(surname + given) not in (None, "nr", "nrfg", "nrt"):
        return None
    if verb > 2 and _HAN_CHAR.fullmatch(tokens[verb - 3][0]):
        return None  # 大 + 王 + 伟 …: a single character before the surname may be the name's own
    return surname + given


def _employer_before(tokens: list[tuple[str, str]], title: int) -> str | None:
    """The organisation before a title word that a person's name follows (观察者网 + 专栏 + 作者 +
    洪希伯, 权大师 + 创始人 + 孟潭): the nominal words right before it (a qualifier such as 副 skipped),
    cut after the last organisation's head among them (观察者 + 网, not + 专栏), and one or two words
    then, that start after no other nominal word: a longer run holds more names than one
    (美国宇航局 + 约翰逊 + 航天中心), or a name and its time (五代十国 + 时期 + 吴越国)."""
    end = title
    if end > 0 and tokens[end - 1][1] == "b":
        end -= 1  # 中宣部 + 副 + 部长
    start = end
    while start > 0 and end - start < 3 and _employer_word(tokens[start - 1]):
        start -= 1
    if start == end or start > 0 and _employer_word(tokens[start - 1]):
        return None
    heads = [k for k in range(start + 1, end) if tokens[k][0] in ORGANISATION_HEADS or tokens[k][0].endswith(_ORGANISATION_HEAD_WORDS)]
    if heads:
        end = heads[-1] + 1
    last = tokens[end - 1][0]
    if end - start > 2 or last in ORGANISATION_HEADS and end - start == 1 or is_everyday(last) and last not in ORGANISATION_HEADS:
        return None
    return "".join(w for w, _ in tokens[start:end])


def _employer_word(token: tuple[str, str]) -> bool:
    word, tag = token
    return tag in _EMPLOYER_TAGS and _is_word(word) and word not in TITLE_WORDS and not word.endswith(_LONG_TITLE_WORDS) \
        and not (len(word) > 1 and any(title.startswith(word) for title in _LONG_TITLE_WORDS))  # 首席 of 首席执行官


_EMPLOYER_TAGS = {"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "x", "eng"}
_SURNAME_TAGS = {"nr", "zg"}  # how jieba tags a surname standing alone (陈 nr, 孙 zg)
# A character that starts at least this many of the three-character persons of jieba's dictionary
# is a surname (张 1,266, 黄 778, 钱 122), whatever its own tag.
SURNAME_ENTRIES = 100


# A character that ends at least this many of the transliterated names of jieba's dictionary (nrt:
# 斯 459, 特 310, 顿 52) ends such a name in a text too.
TRANSLITERATION_ENTRIES = 20


@functools.cache
def transliteration_endings() -> frozenset[str]:
    ends = Counter(word[-1] for word, tag in dictionary_tags().items() if tag == "nrt" and len(word) >= 2)
    return frozenset(char for char, count in ends.items() if count >= TRANSLITERATION_ENTRIES)


# The words jieba's dictionary makes of a place's name and a character for its people, its team or its
# division (美国人, 中国队, 浙江省, 杭州市, 长沙县): a country, a region or a city.
PLACE_FORMS = "人队省市县"


@functools.cache
def named_places() -> frozenset[str]:
    """Places the dictionary holds with their people, team or division (美国 of 美国人 and 美国队, 杭州
    of 杭州市), and those full forms (杭州市): countries, regions and cities, whose frequency in general
    Chinese says they are well known, not that they are everyday words (城市, 东西 and 上市, tagged
    ns too, have no such forms)."""
    tags = dictionary_tags()
    short = {word for word, tag in tags.items() if tag == "ns" and len(word) >= 2
             and any(word + form in tags for form in PLACE_FORMS)}
    return frozenset(short | {word + form for word in short for form in PLACE_FORMS[2:] if tags.get(word + form) == "ns"})


@functools.cache
def surnames() -> frozenset[str]:
    opened = Counter(word[0] for word, tag in dictionary_tags().items() if tag == "nr" and len(word) == 3)
    return frozenset(char for char, count in opened.items() if count >= SURNAME_ENTRIES)


def _listed_after_names(text: str, tokens: list[tuple[str, str]], found: dict) -> list[str]:
    """Names listed beside a name (黄毓民、陈伟业; 怪兽充电、街电; 谷歌、微软): the item on the other side
    of 、 from a name spotted, when it is a short name itself (a person's name, or one word of two
    to four characters that is no verb or function word)."""
    listed = []
    if "、" not in text:
        return listed
    offset = 0
    starts = []
    for word, _ in tokens:
        starts.append(offset)
        offset += len(word)
    for i, (word, _) in enumerate(tokens):
        if word != "、" or i == 0 or i + 1 >= len(tokens):
            continue
        at = starts[i]
        if any(text[at - size:at] in found for size in range(2, min(at, 16) + 1)):
            item = _person_after(tokens, i + 1) or _list_word(tokens[i + 1])
            if item and item not in found:
                listed.append(item)
        if any(text[at + 1:at + 1 + size] in found for size in range(2, 17)):
            item = _list_word(tokens[i - 1])
            if item and item not in found:
                listed.append(item)
    return listed


def _list_word(token: tuple[str, str]) -> str | None:
    word, tag = token
    nominal = tag in _NOMINAL - {"m", "mq", "q"} or tag == "a"
    return word if nominal and (_HAN_WORD.fullmatch(word) and len(word) <= 4 or _is_word(word) and len(word) > 1) else None


def _name_before(tokens: list[tuple[str, str]], head: int) -> str | None:
    """The organisation or place a head word ends (纽约 + 警察局, 克罗地亚 + 地缘 + 经济 + 论坛, 邦德 +
    街): the nominal words before it, back to at most five, from the first that is a proper noun, an
    abbreviation, Latin, or a word the dictionary lacks; from the organisation before them when
    none is (清华大学 + 基础 + 模型 + 实验室)."""
    start = head
    # Not back over a whole organisation the dictionary knows (美国宇航局 + 约翰逊航天中心: two names),
    # but over one that only starts names (美国联邦 + 航空管理局).
    while start > 0 and head - start < 5 and tokens[start - 1][1] in _NOMINAL - {"m", "mq", "q"} \
            and not (tokens[start - 1][1] == "nt" and tokens[start - 1][0].endswith(_ORGANISATION_HEAD_WORDS)) \
            and tokens[start - 1][0] not in TITLE_WORDS and _is_word(tokens[start - 1][0]) \
            and not (tokens[start - 1][1] == "x" and _function_edge(tokens[start - 1][0])):
        start -= 1
    first = start
    while start < head and tokens[start][1] not in _PROPER | {"x", "eng"}:
        start += 1  # a name starts with its proper part: 眼科 + 公司 is no organisation's name
    if start == head:
        if first == 0 or not (tokens[first - 1][1] == "nt" and tokens[first - 1][0].endswith(_ORGANISATION_HEAD_WORDS)):
            return None
        start = first - 1  # a unit named by common words is named with its organisation: 清华大学 + 基础 + 模型 + 实验室
    if start > first and tokens[start - 1][0] in institution_openers():
        start -= 1  # 国家 + 医保 + 局: a word that opens many of the dictionary's organisations
    return "".join(w for w, _ in tokens[start:head + 1])


# The organisations' heads that end public institutions (部, 局, 委, 院, 研究院 …): a run of common words
# before one that the article repeats is an institution's name (国家卫生健康委, 工业和信息化部), where a
# company's head after common words is a kind of company (眼科公司).
INSTITUTION_HEADS = frozenset("部 局 委 署 厅 院 研究院 研究所 中心 委员会 法院".split()) & ORGANISATION_HEADS


def _common_run_before(tokens: list[tuple[str, str]], head: int) -> str | None:
    """Two to four words of Chinese before the head, nouns and qualities (卫生 + 健康 + 委), maybe two
    joined by 和 (工业 + 和 + 信息化 + 部), joined with it."""
    def part(index: int) -> bool:
        word, tag = tokens[index]
        return tag in _RUN_TAGS and _HAN_WORD.fullmatch(word) is not None and word not in TITLE_WORDS

    start, words = head, 0
    while start > 0 and words < 4:
        if part(start - 1):
            start, words = start - 1, words + 1
        elif tokens[start - 1][0] in ("和", "与") and start - 1 > 0 and start < head and part(start - 2):
            start -= 1
        else:
            break
    if words < 2:
        return None
    return "".join(w for w, _ in tokens[start:head + 1])


_RUN_TAGS = _NOMINAL - {"m", "mq", "q"} | {"zg", "a"}


@functools.cache
def institution_openers() -> frozenset[str]:
    """Common words (no proper nouns) that open at least OPENER_ENTRIES of the organisations of
    jieba's dictionary (国家 of 国家药监局 and 97 more, 中央, 全国 …): before a proper noun and an
    organisation's head word they are part of its name (国家 + 医保 + 局), as the dictionary's own are."""
    tags = dictionary_tags()
    opened: Counter = Counter()
    for word, tag in tags.items():
        if tag == "nt":
            opened.update({word[:k] for k in (2, 3) if len(word) > k + 1 and tags.get(word[:k]) not in _PROPER | {None}})
    return frozenset(word for word, count in opened.items() if count >= OPENER_ENTRIES)


OPENER_ENTRIES = 20


def _is_word(word: str) -> bool:
    """Chinese characters, or a Latin word: not punctuation, space or a number."""
    return _WORD.fullmatch(word) is not None


_WORD = re.compile(f"[{HAN}]+|[A-Za-z][A-Za-z0-9]*")


def _dotted_names(tokens: list[tuple[str, str]]):
    """Transliterated names joined by · (彼得·梁, 哈立德·泰穆尔·阿克拉姆, 约翰·米勒-怀特): each part the
    name-like words next to the dot, not the title word or verb around them."""
    def part_word(index: int) -> bool:
        word, tag = tokens[index]
        return bool(_HAN_WORD.fullmatch(word) or _HAN_CHAR.fullmatch(word)) and (
            tag in ("nr", "nrt", "nrfg", "x", "zg", "j", "ng", "nz", "ns") or len(word) == 1 and tag in ("n", "a", "v"))

    n = len(tokens)
    i = 0
    while i < n:
        if tokens[i][0] not in _DOTS + LOST_DOT or i == 0 or not part_word(i - 1):
            i += 1
            continue
        start = i - 1
        # Back over the first part's characters, not over a verb's before it (像 + 戴夫·汉森).
        while start > 0 and part_word(start - 1) and sum(len(w) for w, _ in tokens[start - 1:i]) <= 4 \
                and not (len(tokens[start - 1][0]) == 1 and tokens[start - 1][1] == "v"):
            start -= 1
        end = i
        while end < n and tokens[end][0] in _DOTS + LOST_DOT + "-" and end + 1 < n and part_word(end + 1):
            end += 1
            length = 0
            while end < n and part_word(end) and length + len(tokens[end][0]) <= 5:
                length += len(tokens[end][0])
                end += 1
            # A transliteration may hold a verb's character (皮 + 查 + 伊), but not end in one (彼得·梁 + 说).
            while end > i + 2 and len(tokens[end - 1][0]) == 1 and tokens[end - 1][1] == "v":
                end -= 1
        # The last character of a run of Chinese, whatever the dictionary calls it, ends the last part
        # (丹尼尔·霍 + 特 + "(Daniel Huot)"); a verb does not (彼得·梁 + 说 + "，").
        # So does a character that ends many of the dictionary's transliterated names, before other
        # words (杰弗里·辛 + 顿/q + 提出).
        if end > i + 1 and end < n and _HAN_CHAR.fullmatch(tokens[end][0]) and tokens[end][1] not in _PARTICLES | {"v"} \
                and (not (end + 1 < n and _HAN_CHAR.match(tokens[end + 1][0])) or tokens[end][0] in transliteration_endings()):
            end += 1
        if end > i + 1:
            yield start, end, "".join(w for w, _ in tokens[start:end])
        i = max(end, i + 1)


def _spot_new_words(tagged_texts: list[list[tuple[str, str]]], add, title: list[tuple[str, str]] = ()) -> None:
    """Runs of two or three nominal words (or a word and a verb) that the article writes at least
    twice, that stick together (the run is at least half the uses of its rarer part; a run ending in
    a verb, at least 0.8 of its first word's) and stand in free context (at least two different
    neighbours on each side, a text's edge or punctuation counting as different each time), with a
    part rare in general Chinese or a proper noun: new words (怪兽充电, 政府公信力). A run of common
    words (an adjective first allowed) is one too when the title writes it and the text repeats it
    HEADLINE_RUN_COUNT times: the article's subject (短缺 + 药品)."""
    words: Counter = Counter()
    runs: Counter = Counter()
    for tokens in tagged_texts:  # every run of two and three words counted (in C), then the repeated ones looked at
        words.update(w for w, _ in tokens)
        runs.update(zip(tokens, tokens[1:]))
        runs.update(zip(tokens, tokens[1:], tokens[2:]))
    headline = {run for size in (2, 3) for run in zip(*(title[k:] for k in range(size))) if _can_be_headline_word(run)}
    runs = Counter({run: count for run, count in runs.items() if count >= 2 and (_can_be_new_word(run) or run in headline)})
    left: dict[tuple, set] = defaultdict(set)
    right: dict[tuple, set] = defaultdict(set)
    edge = 0
    for tokens in tagged_texts:
        for size in (2, 3):
            for i, run in enumerate(zip(*(tokens[k:] for k in range(size)))):
                if run not in runs:
                    continue
                before = tokens[i - 1][0] if i > 0 and _is_word(tokens[i - 1][0]) else (edge := edge + 1)
                after = tokens[i + size][0] if i + size < len(tokens) and _is_word(tokens[i + size][0]) else (edge := edge + 1)
                left[run].add(before)
                right[run].add(after)
    for run, count in runs.items():
        if count < 2 or len(left[run]) < 2 or len(right[run]) < 2:
            continue
        parts = [w for w, _ in run]
        tags = [t for _, t in run]
        if count * 2 < min(words[w] for w in parts):
            continue  # its parts mostly stand apart: a phrase, not a word
        if any(words[w] > PRODUCTIVE_SHARE * count and frequency(w) >= PHRASE_PART_FREQUENCY and t not in _PROPER
               for w, t in run):
            continue  # a common word the article combines with many others (知识产权 + 服务行业, + 强国 …)
        if is_everyday(parts[-1]) and count < 3:
            continue  # a phrase around an everyday head word (高危 + 区域)
        if not any(t in _PROPER or t == "x" or frequency(w) < RARE_FREQUENCY for w, t in run) and not (
                run in headline and count >= HEADLINE_RUN_COUNT):
            continue
        if all(t in _PROPER for t in tags) and count < 0.8 * max(words[w] for w in parts):
            continue  # two names side by side (美国纽约), each written alone too
        if tags[-1] == "v" and (count < 0.8 * words[parts[0]] or is_everyday(parts[0])):
            continue  # a name and what it does (梁振英 + 道歉), not a name that ends in a verb
        add("".join(parts), COMPOUND, count)


def _can_be_new_word(run: tuple[tuple[str, str], ...]) -> bool:
    """Nominal words (a number or measure word only last: 量子 + 点), or a thing and a verb (怪兽 +
    充电); not two actions (预警 + 告诫: a verbal noun and a verb are a verb phrase)."""
    *first, (last, last_tag) = run
    if not all(t in _NOMINAL and t not in ("m", "q", "mq") and _is_word(w) for w, t in first) or first[0][0] in TITLE_WORDS:
        return False  # (a role before a name is no part of it: 主持人 + 曹可凡)
    return last_tag in _NOMINAL and _is_word(last) or len(run) == 2 and last_tag == "v" and \
        first[0][1] not in _VERBAL and _HAN_WORD.fullmatch(last) is not None


HEADLINE_RUN_COUNT = 3


def _can_be_headline_word(run) -> bool:
    """A quality and things (短缺 + 药品), or things, as the title writes them."""
    return all(_HAN_WORD.fullmatch(w) for w, _ in run) and run[0][1] in _NOMINAL | {"a"} and all(
        t in _NOMINAL - {"m", "q", "mq"} for _, t in run[1:])


_VERBAL = {"vn", "an"}  # verbal and adjectival nouns: nominal, but an action or a quality


def name_spans(text: str, name: str):
    """Where the text uses the name: (start, end) of each occurrence, a Latin name's only where it
    does not touch another letter or digit (App is not in WhatsApp)."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if not ((name[0].isascii() and start > 0 and text[start - 1].isascii() and text[start - 1].isalnum()) or
                (name[-1].isascii() and end < len(text) and text[end].isascii() and text[end].isalnum())):
            yield start, end
        start = text.find(name, start + 1)


def _mentions(text: str, names: list[str], titles: set[str]) -> dict[str, tuple[int, int]]:
    """Each name's occurrences in the text, how many of them lie inside a longer name's, and how many
    inside one that is not a title in 《》 (a title cites names whole). A Latin name counts only where it does not touch
    another letter or digit."""
    spans = {name: list(name_spans(text, name)) for name in names}
    # The names that contain each name, found in one string of them all (a name per line).
    joined = "\n".join(names)
    line_of = {}
    offset = 0
    for name in names:
        line_of[offset] = name
        offset += len(name) + 1
    starts = sorted(line_of)
    result = {}
    for name in names:
        containers = set()
        at = joined.find(name)
        while at >= 0:
            other = line_of[starts[bisect.bisect_right(starts, at) - 1]]
            if len(other) > len(name):
                containers.add(other)
            at = joined.find(name, at + 1)
        longer = [s for other in containers for s in spans[other]]
        named = [s for other in containers if other not in titles for s in spans[other]]
        inside = sum(any(s <= start and end <= e for s, e in longer) for start, end in spans[name])
        in_names = sum(any(s <= start and end <= e for s, e in named) for start, end in spans[name])
        result[name] = (len(spans[name]), inside, in_names)
    return result


def byline_names(value: str) -> list[str]:
    """The names in a page's source or author field (腾讯新闻《一线》: 腾讯新闻 and 一线; 张三、李四;
    记者 王五: 王五), title words left out."""
    return [part for part in _BYLINE_SEPARATORS.split(value or "") if _is_name_shaped(part) and part not in TITLE_WORDS]


_BYLINE_SEPARATORS = re.compile(r"[\s,，、;；/|｜《》<>()（）:：]+")


def _is_name_shaped(name: str) -> bool:
    """Two characters or more, with a letter or a Han character, no line break."""
    return len(name) >= 2 and "\n" not in name and _LETTER.search(name) is not None and not (
        len(name) == 2 and not _HAN_CHAR.search(name) and name.islower())


_LETTER = re.compile(f"[A-Za-z{HAN}]")
