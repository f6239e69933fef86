from zhiku.extract.text_dump import extract_article
from zhiku.glossary.curated import parse_curated
from zhiku.glossary.terms import (
    build_glossary,
    index_letter,
    parse_keyword_line,
    sort_key,
)
from zhiku.model import Article, Block, Term

from tests.conftest import SAMPLE, page


def groups_of(line):
    groups, fragments = parse_keyword_line(line)
    return groups, fragments


def test_comma_groups_are_synonyms():
    groups, _ = groups_of("LLM,llm AI,ai,Ai 大模型 Flux,flux")
    assert groups == [["LLM", "llm"], ["AI", "ai", "Ai"], ["大模型"], ["Flux", "flux"]]


def test_multi_word_latin_names_are_repaired():
    groups, fragments = groups_of("Red panda,panda Stable Diffusion,StableDiffusion,stable DALL- E 3 DALL E DALL Flux,flux")
    assert groups == [["Red panda", "panda"], ["Stable Diffusion", "StableDiffusion", "stable"],
                      ["DALL-E 3", "DALL E", "DALL"], ["Flux", "flux"]]
    assert fragments == []


def test_a_word_before_a_group_is_not_glued_without_evidence():
    groups, _ = groups_of("sora chatGPT,chatgpt,ChatGpt claude")
    assert groups == [["sora"], ["chatGPT", "chatgpt", "ChatGpt"], ["claude"]]


def test_fragments_never_become_terms():
    groups, fragments = groups_of("大模型 E 3 AI")
    assert groups == [["大模型"], ["AI"]]
    assert fragments == ["E", "3"]
    all_names = {n for g in parse_keyword_line(SAMPLE.read_text(encoding="utf-8").split("\n")[0])[0] for n in g}
    assert not any(len(n) == 1 and n.isascii() for n in all_names) and not any(n.isdigit() for n in all_names)


def article_with(keywords=(), portal="", text="", path="a.txt"):
    return Article(source_path=path, sha256="", title="t", keywords=list(keywords), portal_keyword_line=portal,
                   blocks=[Block("paragraph", text)] if text else [])


def names(build):
    return {t.name: t for t in build.terms}


def test_sample_glossary_merges_duplicates_case_insensitively(profile, sample_text):
    article = extract_article(page(sample_text), profile)
    terms = names(build_glossary([article], []))
    assert sorted(terms["ChatGPT"].aliases) == ["ChatGpt", "chatGPT", "chatgpt"]  # 'ChatGPT' and its group
    assert list(terms).count("安全") == 1
    # 'openai' (portal) and 'openai' (keywords) are one term, displayed as the article writes it.
    assert "OpenAI" in terms and "openai" not in terms
    assert "Meta" in terms and "keywords" in terms["Meta"].sources
    assert "E" not in terms and "3" not in terms


def test_display_casing_follows_the_articles():
    build = build_glossary([article_with(["openai"], text="新星OpenAI和OpenAI的对手")], [])
    assert [t.name for t in build.terms] == ["OpenAI"]


def curated(text):
    entries, errors = parse_curated(text, "glossary.yml")
    assert errors == []
    return entries


def test_curated_definitions_aliases_merge_split_drop_nolink():
    entries = curated("""
terms:
  AI:
    definition: 人工智能
    merge: [人工智能]
  Stable Diffusion:
    split: [stable]
  模型: {link: false}
  伦理: {drop: true}
  扎克伯格:
    aliases: [小扎]
""")
    article = article_with(portal="AI,ai 人工智能 模型 伦理 Stable Diffusion,StableDiffusion,stable")
    terms = names(build_glossary([article], entries))
    assert terms["AI"].definition == "人工智能" and "人工智能" in terms["AI"].aliases
    assert "人工智能" not in terms
    assert "stable" in terms and "stable" not in terms["Stable Diffusion"].aliases
    assert terms["模型"].link is False
    assert "伦理" not in terms
    assert terms["扎克伯格"].aliases == ["小扎"] and terms["扎克伯格"].sources == ["curated"]


def test_pinyin_order_mixes_chinese_and_latin():
    terms = [Term(n) for n in ("扎克伯格", "OpenAI", "大模型", "AI", "安全", "Meta", "元宇宙", "3D")]
    ordered = [t.name for t in sorted(terms, key=sort_key)]
    assert ordered == ["3D", "AI", "安全", "大模型", "Meta", "OpenAI", "元宇宙", "扎克伯格"]
    assert [index_letter(Term(n)) for n in ("安全", "OpenAI", "3D")] == ["A", "O", "#"]


def test_term_slugs_are_unique():
    build = build_glossary([article_with(portal="模型 魔性 AI")], [])
    slugs = [t.slug for t in build.terms]
    assert len(set(slugs)) == len(slugs) and "mo-xing" in slugs
