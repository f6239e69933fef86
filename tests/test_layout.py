from zhiku.layout import ARTICLES_DIR, GLOSSARY_DIR, article_page, html_path, term_page


def test_pages_are_where_mkdocs_writes_them():
    assert article_page("chong-jian") == f"{ARTICLES_DIR}/chong-jian.md"
    assert term_page("da-mo-xing") == f"{GLOSSARY_DIR}/da-mo-xing.md"
    assert html_path("glossary/da-mo-xing.md") == "glossary/da-mo-xing.html"  # use_directory_urls: false
    assert html_path("feed.xml") == "feed.xml"
