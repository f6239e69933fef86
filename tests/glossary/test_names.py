"""Names spotted in one article (glossary/names.py): whole names, their evidence, no everyday words."""
import pytest
from zhiku.glossary.spots import tag_words as _tag
from zhiku.glossary.general import frequency
from zhiku.glossary.names import (AGENCY, BOOK_TITLE, COMPOUND, DATELINE_PLACE, DOTTED, EVENT_HEAD, INSIDE, INSTITUTION_RUN,
                                  TERM_HEAD, LATIN, MENTIONS, MODEL, EMPLOYER,
                                  NAME_CONTEXT, NAMED_PLACE, ORGANISATION_HEAD, PAGE_AUTHOR, PAGE_SOURCE, PERSON_TAG, QUOTED,
                                  byline_names, institution_openers, latin_names, named_places, spot_names, surnames)


def spots(*texts, title=""):
    return spot_names(title, list(texts), _tag)


@pytest.mark.parametrize("text, names", [
    ("三星Galaxy S20和Galaxy Z Flip都卖得好。", ["Galaxy S20", "Galaxy Z Flip"]),
    ("比起Galaxy Note II或者摩托罗拉DROID Maxx系列，Nexus 7更轻。", ["Galaxy Note II", "DROID Maxx", "Nexus 7"]),
    ("OpenAI的GPT-3.5和Meta的Advantage+同时上线。", ["OpenAI", "GPT-3.5", "Meta", "Advantage+"]),
    # A year or a quantity after a name is no model number.
    ("Reels 2024Q1的广告加载率达20%，Streak 5时代的5英寸屏。", ["Reels", "Streak 5"]),
    # Capitals the text also writes alone are no part of the name before them.
    ("AlphaGo AI打败了冠军，这种AI很强。", ["AlphaGo", "AI"]),
    # A piece of an English sentence is not a name.
    ("他引用了How AI Replaced the Metaverse一文。", []),
])
def test_latin_names_are_whole_with_their_models_and_versions(text, names):
    assert latin_names(text) == names


def test_latin_names_and_chinese_names_with_a_model_are_spotted_whole():
    found = spots("三星Galaxy S20搭载骁龙 865，Galaxy S20售价不低。", "骁龙 865也用在别的手机上。")
    assert found["Galaxy S20"][LATIN] == 2 and "Galaxy" not in found
    assert found["骁龙 865"][MODEL] == 2 and found["骁龙 865"][MENTIONS] == 2


def test_transliterated_names_stop_at_the_title_word_and_the_verb_around_them():
    found = spots("华裔警察彼得·梁被定罪，彼得·梁将被判入狱。", "美中合作基金会执行主席约翰·米勒-怀特认为，合作是出路。")
    assert found["彼得·梁"][DOTTED] == 2
    assert found["约翰·米勒-怀特"][DOTTED] == 1 and found["约翰·米勒-怀特"][NAME_CONTEXT] == 1
    assert not [n for n in found if "警察" in n or n.endswith(("被", "将")) or "主席" in n]


def test_a_name_after_a_title_word_is_a_person_up_to_the_verb():
    found = spots("亚太共策会会长翁诗杰表示，双方应当合作。", "首席设计师胜沼润也向我们证实了这一点。")
    assert found["翁诗杰"][NAME_CONTEXT] >= 1
    assert found["胜沼润"][NAME_CONTEXT] == 1 and "胜沼润也" not in found
    assert spots("行长艾伟到场。")["艾伟"][NAME_CONTEXT] == 1 and spots("院士刘明到场。")["刘明"][NAME_CONTEXT] == 1


def test_a_run_of_words_the_article_repeats_in_free_context_is_one_new_word():
    found = spots("怪兽充电、街电和来电是三强。怪兽充电的创始人表示，怪兽充电今年进入更多城市。",
                  "用户说怪兽充电比街电贵。")
    assert found["怪兽充电"][COMPOUND] == 4
    # Its part stands nowhere on its own: every mention of 怪兽 is inside 怪兽充电.
    assert "怪兽" not in found or found["怪兽"][INSIDE] == found["怪兽"][MENTIONS]


def test_a_role_before_a_name_is_no_part_of_a_new_word():
    found = spots("主持人曹可凡“@可凡倾听”微博发文。", "主持人曹可凡“@可凡倾听”微博悼念。")
    assert "主持人曹可凡" not in found and found["曹可凡"][NAME_CONTEXT] == 2


def test_a_name_and_what_it_does_is_no_new_word():
    found = spots("梁振英道歉。梁振英说他道歉了。梁振英道歉的时候很平静。梁振英还说。梁振英离开。")
    assert "梁振英道歉" not in found and found["梁振英"][MENTIONS] == 5


def test_organisations_end_in_their_head_word_and_start_at_their_proper_part():
    found = spots("交通运输部表示将督促整改。", "冷血的纽约警察局抛弃了他。")
    assert found["交通运输部"][ORGANISATION_HEAD] == 1
    assert found["纽约警察局"][ORGANISATION_HEAD] == 1 and "冷血的纽约警察局" not in found


def test_titles_in_book_marks_and_nominal_quotes_are_names_verbs_in_quotes_are_not():
    found = spots("《国家知识产权战略纲要》发布，要求增强“四个意识”，议员指责他“撒谎”。")
    assert found["国家知识产权战略纲要"][BOOK_TITLE] == 1
    assert found["四个意识"][QUOTED] == 1
    assert "撒谎" not in found


def test_everyday_words_are_never_spotted_whatever_their_evidence():
    found = spots("“用户”和“技术”是《公司》的话题，用户、公司、技术、城市、东西都很常见。", title="用户与技术")
    assert not {"用户", "技术", "公司", "城市", "东西"} & set(found)


def test_a_country_or_city_is_a_place_however_frequent_and_a_common_word_jieba_tags_a_place_is_not():
    found = spots("美国和中国的城市里，东西都在涨价；北京也一样。", "这家公司去年在上海上市。")
    assert {n for n, v in found.items() if v[NAMED_PLACE]} == {"美国", "中国", "北京", "上海"}
    assert not {"城市", "东西"} & set(found)  # tagged ns by jieba's dictionary, and everyday words


def test_named_places_are_the_dictionarys_places_with_their_people_team_or_division():
    places = named_places()
    assert {"美国", "中国", "北京", "杭州", "杭州市", "浙江省", "加拿大"} <= places
    assert not {"城市", "东西", "上市", "深度", "南北", "英雄"} & places


@pytest.mark.parametrize("text, person", [
    ("会上，艾伟说，明年还要扩产。", "艾伟"),  # 艾 + 伟: a surname and a given name jieba cut apart
    ("刘明坦言，压力不小。", "刘明"),
])
def test_a_person_cut_into_a_surname_and_common_characters_before_a_verb_of_saying_is_a_name(text, person):
    assert spots(text)[person][NAME_CONTEXT] == 1


def test_the_pages_own_source_and_author_are_names_where_its_text_writes_them():
    found = spot_names("", ["IT之家 8 月 9 日消息，新品发布。", "作者 | 周愚编辑 | 邓咏仪"], _tag,
                       source="IT之家", author="周愚、钱多多")
    assert found["IT之家"][PAGE_SOURCE] == 1 and found["周愚"][PAGE_AUTHOR] == 1
    assert "钱多多" not in found  # the page names an author its text never writes


@pytest.mark.parametrize("value, names", [
    ("腾讯新闻《一线》", ["腾讯新闻", "一线"]),
    ("记者 张素", ["张素"]),
    ("张三、李四 / 王五", ["张三", "李四", "王五"]),
    ("", []),
])
def test_a_source_or_author_field_gives_its_names_without_title_words(value, names):
    assert byline_names(value) == names


def test_a_surname_jieba_tags_otherwise_and_a_one_character_name_are_one_person():
    assert spots("张杰带队出征，张杰很高兴。")["张杰"][PERSON_TAG] == 2  # 张 tagged a measure word, 杰 a name


def test_a_title_or_an_everyday_word_after_a_surname_before_a_verb_of_saying_is_no_persons_name():
    found = spots("陈局长说，实验还要重做。", "周部长强调安全。", "郑工作说得好。")
    assert not {"陈局长", "周部长", "郑工作"} & set(found)


def test_words_the_hmm_joined_across_a_function_character_are_no_new_words():
    found = spots("彼得·梁因为紧张而开枪，这是事实。")
    assert "梁因" not in found and "这是" not in found


def test_a_dot_lost_to_a_question_mark_still_joins_a_transliterated_name():
    # GB2312 pages lose "·" to "?" (巴兹?奥尔德林): the name is whole, and its first part is no name of its own.
    found = spots("宇航员巴兹?奥尔德林在月球上领了圣餐。", "巴兹?奥尔德林后来写道，戴夫?汉森表示同意。")
    assert found["巴兹?奥尔德林"][DOTTED] == 2 and found["戴夫?汉森"][DOTTED] == 1
    assert found.get("巴兹", [0] * 30)[MENTIONS] == found.get("巴兹", [0] * 30)[INSIDE]
    # A question mark between words of a sentence is no dot.
    assert not [n for n in spots("你知道吗?我们明天去北京。") if "?" in n]


def test_a_wire_dateline_gives_no_name():
    # 新华社北京12月1日电: 日电 is the day and 电 (wired), not the abbreviation jieba's dictionary has.
    found = spots("新华社北京12月1日电 记者从会上获悉，方案已经公布。", "新华社天津5月19日电 方案公布。")
    assert "日电" not in found


def test_a_dictionary_phrase_of_two_common_words_is_no_name_whatever_its_tag():
    # jieba's dictionary tags some phrases as names (海拔高度 nr, 严格执行 nr, 重大进展 nt): made of
    # two common words that are no names, they are phrases. A name with a proper part or an
    # organisation's head word stays (纽约时报, 凤凰网).
    found = spots("海拔高度越高，越要严格执行规定，这是重大进展。", "纽约时报和凤凰网都报道了。")
    assert not {"海拔高度", "严格执行", "重大进展"} & found.keys()
    assert {"纽约时报", "凤凰网"} <= found.keys()


def test_a_title_word_is_no_name_of_its_own():
    found = spots("苹果CEO库克表示，CEO的职责是决策。")
    assert "CEO" not in found


@pytest.mark.parametrize("text, name", [
    ("美国宇航局约翰逊航天中心在实施天空实验室(Skylab)项目时发现了问题。", "天空实验室"),
    ("他是纽约州立大学（State University of New York）的教授。", "纽约州立大学"),
    ("这种网络叫RNN（循环神经网络），擅长处理序列。", "循环神经网络"),
    ("我们意识到光栅化（rasterization）已经达到了极限。", "光栅化"),  # a word and its suffix (化, n)
    ("第一个阵营是规则式（rule-based）方法。", "规则式"),  # (式, k)
    ("这种方法又称专家系统（expert systems）。", "专家系统"),  # a phrase the dictionary holds (l), not 又称 + it
])
def test_a_name_glossed_in_another_script_is_a_name(text, name):
    # A term written with its Latin form in brackets, or a Latin name with its Chinese in brackets,
    # is a name the article takes care to give in both forms.
    found = spots(text)
    assert name in found and not [n for n in found if n != name and n.endswith(name)]  # not 又称专家系统


def test_a_head_word_inside_a_dictionary_word_still_ends_an_organisation():
    # 司法厅, 航天中心, 邮报 are one dictionary word each; after a proper noun they end its name.
    found = spots("安徽省司法厅日前印发通知。", "美国宇航局约翰逊航天中心的发言人说。", "据纽约邮报报道，游行很和平。")
    assert found["安徽省司法厅"][ORGANISATION_HEAD] == 1
    assert found["约翰逊航天中心"][ORGANISATION_HEAD] == 1
    assert found["纽约邮报"][ORGANISATION_HEAD] == 1
    # A common word that merely ends in a head's character is no head (跨 + 平台, not 跨平 + 台).
    assert not [n for n in spots("大多数iOS用户选择禁止App跨平台追踪数据。") if "跨平台" in n]


def test_a_transliterated_name_takes_its_last_character_and_not_the_word_before_it():
    found = spots("发言人丹尼尔·霍特(Daniel Huot)表示，像戴夫·汉森这样的学者也认同。")
    assert "丹尼尔·霍特" in found and "丹尼尔·霍" not in found
    assert "戴夫·汉森" in found and "像戴夫·汉森" not in found
    found = spots("深度学习在20世纪80年代由杰弗里·辛顿提出，彼得·梁说过。")  # 顿 tagged a measure word, before 提出
    assert "杰弗里·辛顿" in found and "杰弗里·辛" not in found and "彼得·梁说" not in found


def test_a_common_word_the_article_combines_with_many_others_makes_no_new_word():
    # 知识产权 + 服务行业, + 金融服务, + 强国: the article writes 知识产权 with whatever follows; the runs
    # are phrases. 怪兽充电, whose parts the article writes only together, is a new word.
    texts = ["知识产权服务行业发展很快，知识产权服务行业人才不足。", "知识产权金融服务起步，知识产权金融服务有待加强。",
             "建设知识产权强国，保护知识产权，运用知识产权，尊重知识产权，管理知识产权。",
             "怪兽充电上市了，怪兽充电的股价上涨，而街电和怪兽充电竞争。"]
    found = spots(*texts)
    assert not {"知识产权服务行业", "知识产权金融服务"} & found.keys()
    assert found["怪兽充电"][COMPOUND] >= 2


def test_an_organisation_the_dictionary_knows_only_as_a_beginning_starts_a_longer_name():
    # 美国联邦 (nt) starts names; 美国宇航局 (nt, ending in 局) is one of its own.
    found = spots("美国联邦航空管理局发布了新规。", "美国宇航局约翰逊航天中心的发言人说。")
    assert "美国联邦航空管理局" in found and "约翰逊航天中心" in found


def test_two_actions_side_by_side_make_no_new_word():
    # 预警 + 告诫 (warn and admonish), as often as the article writes them, is a verb phrase; a thing
    # and what it does can be a name (怪兽 + 充电).
    found = spots("实行预警告诫制度，预警告诫对象要整改。", "预警告诫之后，还要训诫纠错，训诫纠错很有效。",
                  "怪兽充电上市了，怪兽充电的股价上涨，而街电和怪兽充电竞争。")
    assert not {"预警告诫", "训诫纠错"} & found.keys()
    assert "怪兽充电" in found


def test_a_name_after_a_title_word_may_hold_a_bound_character():
    # jieba tags many single characters of given names and surnames zg (伟, 孙): after 记者 or 厅长
    # they are a person's, up to the bracket or the verb of saying.
    found = spots("人民网合肥11月8日电 （记者钱伟）省里出台了办法。", "司法厅厅长孙建新说，要加强监督。")
    assert found["钱伟"][NAME_CONTEXT] == 1 and found["孙建新"][NAME_CONTEXT] >= 1


@pytest.mark.parametrize("text, agency, place", [
    ("人民网合肥11月8日电 （记者钱伟）省里出台了办法。", "人民网", "合肥"),
    ("新华社北京7月8日电 近日，中共中央办公厅转发了通知。", "新华社", "北京"),
    ("中新社东京3月5日电(记者 张三)会议召开。", "中新社", "东京"),
])
def test_a_wire_dateline_names_its_agency_and_its_place(text, agency, place):
    found = spots(text)
    assert found[agency][AGENCY] == 1
    assert place in found and found[place][DATELINE_PLACE] == 1 or frequency(place) >= 5000  # 北京: everyday
    assert not spots("本报北京5月1日电 记者从会上获悉。").get("本报")  # 本报 (this paper) is no name


def test_a_byline_with_a_space_after_the_title_word_names_the_reporter():
    assert "李明远" in spots("中新社东京3月5日电(记者 李明远) 会议今天召开。")


@pytest.mark.parametrize("text, name", [
    ("陈校长赶到台江县人民医院。", "台江县人民医院"),
    ("他在东莞市思源职业学校任教。", "东莞市思源职业学校"),
    ("台江民族中学的学生很用功。", "台江民族中学"),
])
def test_schools_and_hospitals_end_in_their_head_word_as_universities_do(text, name):
    assert spots(text)[name][ORGANISATION_HEAD] == 1


def test_a_quoted_name_may_join_two_nouns_with_a_conjunction_and_verbs_so_joined_are_no_name():
    found = spots("在当年的“计算机视觉与模式识别大会”上发表。", "要做到“加强与改进”。")
    assert found["计算机视觉与模式识别大会"][QUOTED] == 1
    assert "加强与改进" not in found


def test_a_unit_named_by_common_words_is_named_with_its_organisation():
    found = spots("峰会由清华大学基础模型实验室主办。", "中科院高能物理研究所的王研究员到场。")
    assert found["清华大学基础模型实验室"][ORGANISATION_HEAD] == 1 and found["中科院高能物理研究所"][ORGANISATION_HEAD] == 1
    assert "基础模型实验室" not in found  # no name of its own: 眼科 + 公司 is none either


def test_an_organisation_the_dictionary_holds_whole_is_one_name_not_a_name_and_a_word():
    # 花旗集团 is one entry of jieba's dictionary (nt), ending in an organisation's head word: not 花旗 +
    # the everyday 集团. A dictionary name that ends in an everyday word is still a phrase (中美 + 关系).
    found = spots("花旗集团分析表示，市场仍在上升。", "花旗的报告也这样说，中美关系影响不大。")
    assert found["花旗集团"][MENTIONS] == 1
    assert "中美关系" not in found


def test_a_common_word_that_opens_many_of_the_dictionarys_organisations_opens_an_institution():
    # 国家 opens 98 of the organisations of jieba's dictionary (国家药监局 …): before a proper part and
    # an organisation's head word it is part of the name, as it is of theirs.
    found = spots("国家医保局密切监测药品价格。国家中医药局积极协调相关部门。", "眼科公司也来了。")
    assert found["国家医保局"][ORGANISATION_HEAD] == 1 and found["国家中医药局"][ORGANISATION_HEAD] == 1
    assert not [n for n in found if n.endswith("公司")]
    assert {"国家", "中央", "全国"} <= institution_openers() and not {"美国", "中国", "北京"} & institution_openers()


def test_single_quotes_inside_a_quotation_quote_a_name_too():
    found = spots("他说：“企业要转移到‘一带一路’国家，‘一带一路’建设带来机会。”")
    assert found["一带一路"][QUOTED] == 2


def test_a_run_of_common_words_the_title_writes_and_the_text_repeats_is_a_new_word():
    # 短缺 + 药品 (short + medicines): both common, but the article's subject, as its title and its text
    # say (three times and more, between different neighbours). Twice is not enough.
    found = spots("短缺药品是难题。各地的短缺药品清单不同，保障短缺药品供应。", "做好短缺药品的监测。",
                  title="短缺药品保供稳价")
    assert found["短缺药品"][COMPOUND] >= 3
    assert "重要会议" not in spots("重要会议召开了，重要会议结束。", title="重要会议在京召开")


def test_a_person_after_a_title_word_or_a_word_that_ends_in_one_even_when_jieba_tags_the_surname_otherwise():
    # 张 is tagged q and 黄细 a new word; 张 starts 1,266 of the dictionary's persons of three
    # characters (a surname, whatever its tag); 人大代表 and 政协委员 end in a title word.
    found = spots("全国政协委员张近东提出建议。", "会上人大代表黄细花提出议案。", "吴越国国王钱俶，为供奉佛祖建塔。")
    assert all(found[n][NAME_CONTEXT] == 1 for n in ("张近东", "黄细花", "钱俶"))
    assert "黄细" not in found or found["黄细"][INSIDE] == found["黄细"][MENTIONS]  # a piece of 黄细花
    assert {"张", "黄", "王", "李"} <= surnames() and not {"的", "是", "在", "我"} & surnames()
    # 代表 the verb: what follows it is no person (中国队 keeps its own tag only).
    assert not [n for n, v in spots("他代表中国队参赛，代表公司发言。").items() if v[NAME_CONTEXT]]


def test_a_name_and_an_events_head_word_is_an_event_and_a_rare_name_and_a_head_word_no_phrase():
    # 弗格森 + 事件, 鸦片 + 战争 (nz): 事件 and 战争 are everyday words, but after a name that is none
    # they end one, as 集团 does (花旗 + 集团). After an everyday name they make a phrase (美国 + 公司).
    found = spots("观察者网曾报道的弗格森事件等新闻。", "中国则是在鸦片战争后才有明确的专利制度。", "很多美国公司来了。")
    assert found["弗格森事件"][EVENT_HEAD] == 1 and "鸦片战争" in found
    assert "美国公司" not in found


def test_conferences_fairs_and_games_end_in_their_head_word_after_a_name():
    found = spots("保住进军东京奥运会的希望。", "第十七届中国国际半导体博览会开幕。", "公司召开股东大会。")
    assert found["东京奥运会"][EVENT_HEAD] == 1 and found["中国国际半导体博览会"][EVENT_HEAD] == 1
    assert not [n for n in found if n.endswith("大会")]  # 股东 is no name


def test_a_doctrine_or_a_right_the_dictionary_holds_is_a_term_of_art():
    # Nouns of jieba's dictionary that end in 主义 or 权 name a doctrine or a right (ordinary nouns to
    # its tagger); a phrase of two common words that ends in one is none (利用 + 职权).
    found = spots("马克思主义与无政府主义不同。", "知识产权分为著作权和工业产权，还包括商标权。", "有人利用职权谋利。")
    assert all(found[n][TERM_HEAD] == 1 for n in ("马克思主义", "无政府主义", "著作权", "商标权"))
    assert "利用职权" not in found


def test_an_institution_of_common_words_is_a_name_where_the_article_repeats_it():
    # No proper part (国家 + 卫生 + 健康 + 委, 工业 + 和 + 信息化 + 部): the name of an institution when the
    # article writes it again; once, a run of words before a head is a description (公路养护中心).
    found = spots("记者从国家卫生健康委获悉，工业和信息化部、国家卫生健康委积极推动复产。",
                  "工业和信息化部提前应对流感疫情。省里的公路养护中心也来了。")
    assert found["国家卫生健康委"][INSTITUTION_RUN] == 2 and found["工业和信息化部"][INSTITUTION_RUN] == 2
    assert not [name for name in found if name.endswith("中心")]


def test_the_organisation_before_a_title_word_and_a_persons_name_is_a_name():
    # 机构 + 职务 + 人名: the words before the title word are whose title it is (常青网 + 专栏 + 作者 +
    # 丁和平: the organisation ends at its head word, not at the column), also with no proper part
    # (钥匙 + 管家 + 创始人 + 孟潭) and with a qualifier before the title (中宣部 + 副 + 部长). Not a bare
    # head (研究所 + 所长), not an everyday word (公司 + 董事长), not a qualifier (首席 + 科学家), and not
    # a run of three words or more, which holds more names than one (北京市 + 海淀区 + 学院路 + 社区 …).
    found = spots("常青网专栏作者丁和平表示，市场将回暖。", "钥匙管家创始人孟潭告诉记者，服务要简单。",
                  "星河局副局长林静说，中宣部副部长梁言颁奖。", "研究所所长王建国说，公司董事长李大伟也来了。")
    assert found["常青网"][EMPLOYER] == 1 and "常青网专栏" not in found
    assert all(found[n][EMPLOYER] == 1 for n in ("钥匙管家", "星河局", "中宣部"))
    assert not [n for n, v in found.items() if v[EMPLOYER] and n in ("研究所", "公司")]
    assert not [n for n, v in spots("北京市海淀区学院路社区主任张三说。", "首席科学家王建国说。").items() if v[EMPLOYER]]
