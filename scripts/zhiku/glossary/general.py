"""General Chinese: how often a word occurs in Chinese at large, from jieba's dictionary (word,
frequency and part of speech for some 350,000 words, counted over general text; 60 million in all),
and for the entries it has no count for, from jieba's IDF table (how many documents use a word).
Both ship with jieba, offline, and are the reference that says a word is everyday Chinese."""
from __future__ import annotations

import os

# A word counted this often in jieba's dictionary (about 1 in 30,000 words of general text: 城市,
# 公司, 技术, 手机) is everyday Chinese, however often an article uses it: never a candidate. (A
# country or a city as frequent, 美国 or 北京, is a well-known place: names.named_places.)
EVERYDAY_FREQUENCY = 5000
DICTIONARY_TOTAL = 60_101_967  # the sum of the dictionary's frequencies (jieba 0.42.1)


# jieba's dictionary gives this count (or less) to the entries it has no count for (海拔高度,
# 中美, 纽约时报 …: some 200,000 of them), however common they are.
UNCOUNTED = 3
IDF_STEP = 0.5  # width of the IDF bands the estimate is made from


def read_dictionary(_item=None, _context=None) -> dict:
    """jieba's dictionary as this module uses it, as plain data: {"frequencies": word → count, the
    uncounted entries estimated; "tags": word → part of speech}. (A cached step's function:
    discover.GENERAL_CHINESE keeps it, so that a rebuild reads it back instead of parsing both files.)"""
    import jieba

    folder = os.path.dirname(jieba.__file__)
    with open(os.path.join(folder, "dict.txt"), encoding="utf-8") as dictionary:
        # "word count tag" a line: the fields of every line in one list, taken apart by slicing, so
        # that no Python loop runs over the 350,000 lines.
        fields = dictionary.read().replace("\n", " ").split(" ")
    if fields and not fields[-1]:
        fields.pop()
    if len(fields) % 3:
        raise ValueError(f"{dictionary.name}: not three fields a line")
    words = fields[0::3]
    frequencies = dict(zip(words, map(int, fields[1::3])))
    _estimate_uncounted(frequencies, os.path.join(folder, "analyse", "idf.txt"))
    return {"frequencies": frequencies, "tags": dict(zip(words, fields[2::3]))}


_loaded: tuple[dict[str, int], dict[str, str]] | None = None


def use_dictionary(data: dict) -> None:
    """Take read_dictionary's result, read elsewhere (a cache), as this process's dictionary."""
    global _loaded
    _loaded = data["frequencies"], data["tags"]


def _dictionary() -> tuple[dict[str, int], dict[str, str]]:
    if _loaded is None:
        use_dictionary(read_dictionary())
    return _loaded


def _estimate_uncounted(frequencies: dict[str, int], idf_path: str) -> None:
    """An uncounted entry's count, from how many documents use it: jieba's IDF table (over a large
    corpus of documents) holds most of them. The count is the median count of the counted words in
    its IDF band, so that a phrase every article writes (中美, 两国) is not rare, and a name few do
    (唐英年) stays rare."""
    bands: dict[int, list[int]] = {}
    uncounted: list[tuple[str, int]] = []
    get = frequencies.get
    with open(idf_path, encoding="utf-8") as table:
        for line in table:
            word, _, value = line.partition(" ")
            count = get(word)
            if count is None:
                continue
            band = int(float(value) / IDF_STEP)
            if count > UNCOUNTED:
                bands.setdefault(band, []).append(count)
            else:
                uncounted.append((word, band))
    median = {band: sorted(counts)[len(counts) // 2] for band, counts in bands.items()}
    for word, band in uncounted:
        frequencies[word] = max(frequencies[word], median.get(band, 0))


def frequency(word: str) -> int:
    """The word's count in jieba's dictionary; 0 for a word it lacks (Latin names included)."""
    return _dictionary()[0].get(word, 0)


def dictionary_tags() -> dict[str, str]:
    """Every word's part of speech in jieba's dictionary (for loops that look up every word)."""
    return _dictionary()[1]


def dictionary_tag(word: str) -> str | None:
    """The word's part of speech in jieba's dictionary (nr, ns, n, v …); None for a word it lacks."""
    return _dictionary()[1].get(word)


def is_everyday(word: str) -> bool:
    return frequency(word) >= EVERYDAY_FREQUENCY
