"""General Chinese (glossary/general.py): how often a word occurs in Chinese at large."""
from zhiku.glossary.general import frequency, is_everyday


def test_a_dictionary_entry_without_a_count_gets_one_from_how_many_documents_use_it():
    # jieba's dictionary gives 3 to entries it has no count for: 中美 and 两国 are not rare. Their
    # count is estimated from jieba's IDF table (how many documents of a large corpus use them).
    assert frequency("中美") >= 500 and frequency("两国") >= 500
    assert frequency("唐英年") < 50 and frequency("凤凰网") < 50  # names are rare in documents too
    assert frequency("公司") >= 5000 and is_everyday("公司")  # a counted word keeps its count


def test_a_word_neither_table_has_is_unknown():
    assert frequency("怪兽充电") == 0 and frequency("DeepMind") == 0
