"""What discovery computes per article (glossary/spots.py): its names, the sentence shown for a candidate."""
from zhiku.glossary.spots import example_sentence, spot_article
from zhiku.model import Article, Block


def article(*paragraphs: str) -> Article:
    return Article(source_path="a.txt", sha256="", title="标题", slug="a", blocks=[Block("paragraph", p) for p in paragraphs])


def test_the_sentence_shown_uses_the_name_itself_not_a_longer_latin_word_holding_it():
    text = article("私域有面向80后的WhatsApp。", "下载App的用户更多了。")
    assert example_sentence((text, "App"), None) == "下载App的用户更多了。"


def test_a_chinese_name_is_shown_in_its_first_sentence():
    text = article("北京今天下雨。马克龙抵达北京，随后表示关注。")
    assert example_sentence((text, "马克龙"), None) == "马克龙抵达北京，随后表示关注。"


def test_a_name_only_in_the_title_is_shown_there():
    assert example_sentence((article("正文没有它。"), "标题"), None) == "标题"


def test_code_names_nothing():
    # A post's code holds identifiers (Console_Getopt, PEAR_Command), not names the text uses.
    code = Article(source_path="a.html", sha256="", title="标题", slug="a",
                   blocks=[Block("paragraph", "OpenAI发布了新模型。"), Block("code", "PEAR_Command::setFrontendType('CLI');\nConsole_Getopt")])
    assert set(spot_article(code)["mentions"]) == {"OpenAI"}

