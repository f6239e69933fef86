import pytest
from zhiku.link.matcher import TermMatcher
from zhiku.model import Term


@pytest.fixture(scope="package")
def matcher():
    terms = [Term("AI", ["ai", "人工智能"], definition="人工智能"), Term("大模型"), Term("模型"), Term("混元大模型"),
             Term("OpenAI"), Term("Instagram", ["Ins"], case_sensitive=True), Term("北大"), Term("Meta"),
             Term("扎克伯格", ["小扎"]), Term("应用", link=False), Term("Llama")]
    return TermMatcher(terms)
