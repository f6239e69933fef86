"""The jieba user dictionary made from the glossary."""

from zhiku.search.dictionary import CANDIDATE_WORDS, dictionary_words, jieba_user_dictionary, search_words


def test_dictionary_keeps_chinese_runs_of_two_or_more():
    words = dictionary_words(["扎克伯格", "生成式AI", "金·卡戴珊", "OpenAI", "Llama 2", "大模型", "大模型", ""])
    assert words == ["卡戴珊", "大模型", "扎克伯格", "生成式"]
    assert jieba_user_dictionary(["扎克伯格", "大模型"]) == "大模型\n扎克伯格\n"


def test_user_dictionary_keeps_names_whole_in_jieba():
    import io

    import jieba

    tokenizer = jieba.Tokenizer()
    assert "扎克伯格" not in tokenizer.lcut("官方的回应又给了扎克伯格一击")
    tokenizer.load_userdict(io.BytesIO(jieba_user_dictionary(["扎克伯格", "大模型"]).encode()))
    assert "扎克伯格" in tokenizer.lcut("官方的回应又给了扎克伯格一击")
    assert "大模型" in tokenizer.lcut("只因他的开源大模型")


def test_the_search_keeps_whole_every_glossary_name_and_only_the_best_candidates():
    candidates = [f"候选{i}" for i in range(CANDIDATE_WORDS + 50)]  # best first
    words = search_words(iter(["扎克伯格", "小扎"]), candidates)
    assert words == ["扎克伯格", "小扎", *candidates[:CANDIDATE_WORDS]]
