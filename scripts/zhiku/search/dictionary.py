"""What the search's segmenter and index are fed from the glossary: a jieba user dictionary of every
name and alias (and the discovered candidates), and the names of each glossary entry."""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from ..chars import HAN
from ..write.files import write_text

USER_DICTIONARY = "jieba_userdict.txt"  # beside the docs folder, like the ingest report
NAMES = "search_names.json"
_HAN_WORD = re.compile(f"[{HAN}]{{2,}}")
# Of the discovered candidates (best first), those whose words the search keeps whole: the weaker
# evidence further down the list would move the cut of every page's text around wrong words.
CANDIDATE_WORDS = 300


def search_words(glossary_names: Iterable[str], candidate_names: list[str]) -> list[str]:
    """The words of the user dictionary: every glossary name and alias, and the best candidates."""
    return [*glossary_names, *candidate_names[:CANDIDATE_WORDS]]


def dictionary_words(terms: Iterable[str]) -> list[str]:
    """The words jieba should keep whole: every run of two or more Chinese characters in a term.

    Material hands jieba only the Chinese runs of the text ('生成式AI' → '生成式'), and jieba's
    dictionary format cannot hold spaces, so Latin parts are of no use to it.
    """
    return sorted({run for term in terms for run in _HAN_WORD.findall(term or "")})


def jieba_user_dictionary(terms: list[str]) -> str:
    """jieba's user-dictionary format: one word a line. No frequency: jieba then gives each word
    the lowest frequency that keeps it whole (suggest_freq), which does not upset the words around it."""
    words = dictionary_words(terms)
    return "".join(f"{word}\n" for word in words)


def user_dictionary_path(docs_dir: Path) -> Path:
    return Path(docs_dir).resolve().parent / USER_DICTIONARY


def names_path(docs_dir: Path) -> Path:
    return Path(docs_dir).resolve().parent / NAMES


def write_search_files(docs_dir: Path, words: list[str], names: dict[str, list[str]] | None = None) -> int:
    """Write the user dictionary and the names per page (Markdown path → names); files changed."""
    changed = write_text(user_dictionary_path(docs_dir), jieba_user_dictionary(words))
    data = {page: list(dict.fromkeys(n for n in page_names if n)) for page, page_names in sorted((names or {}).items())}
    changed += write_text(names_path(docs_dir), json.dumps(data, ensure_ascii=False, indent=0) + "\n")
    return changed


def read_names(docs_dir: Path) -> dict[str, list[str]]:
    path = names_path(docs_dir)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
