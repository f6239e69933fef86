"""The candidates page (glossary/candidates.md): each candidate's evidence, escaped, and YAML that
pastes into content/glossary.yml as it is."""
import markdown
import pytest
from zhiku.glossary.curated import parse_curated
from zhiku.glossary.ranking import Candidate
from zhiku.write.glossary_pages import candidates_yaml, render_candidates


def candidate(name, aliases=(), examples=(), kind="机构"):
    return Candidate(name, 12, 3, kind, 31.5, list(aliases), "以机构词结尾 2 次；证据 0.55 × … = 31.5", list(examples))


@pytest.mark.parametrize("names", [
    ["怪兽充电", "禹州市", "GPT-3.5", "Advantage+"],
    ["6·30大火", "yes", "#话题", "a: b", "- 列表", "'引号'", "@handle", "null", "1.5"],
])
def test_the_yaml_pasted_under_terms_gives_each_candidate_with_its_aliases(names):
    candidates = [candidate(n, aliases=[f"{n}别名", "no"]) for n in names]
    entries, errors = parse_curated("terms:\n" + candidates_yaml(candidates), "glossary.yml")
    assert errors == []
    assert [(e.name, e.aliases) for e in entries] == [(n, [f"{n}别名", "no"]) for n in names]


def test_the_yaml_goes_under_the_terms_the_curated_file_has_already():
    existing = "terms:\n  AI:\n    definition: 人工智能\n"
    entries, errors = parse_curated(existing + candidates_yaml([candidate("禹州市", ["禹州"])]), "glossary.yml")
    assert errors == [] and [e.name for e in entries] == ["AI", "禹州市"]


def test_each_candidate_shows_its_kind_figures_evidence_and_the_articles_with_a_sentence():
    page = render_candidates([candidate("禹州市", ["禹州"], [("yu-zhou", "禹州市钧瓷节", "禹州市位于河南。")], kind="地点")])
    assert "**禹州市** · 地点 · 别名 禹州 · 12 次提及，3 篇文章 · 得分 31.5" in page
    assert "- 依据：以机构词结尾 2 次" in page
    assert "- [禹州市钧瓷节](../articles/yu-zhou.md)：禹州市位于河南。" in page


def test_scraped_names_titles_and_sentences_never_become_markup():
    hostile = "<script>alert(1)</script>|*x*"
    page = render_candidates([candidate(hostile, [hostile], [("s", hostile, hostile)])])
    html = markdown.markdown(page.split("---\n", 2)[2], extensions=["fenced_code"])
    assert "<script>" not in html and "<em>" not in html
    assert "&lt;script&gt;" in html
    # The rank stays text too: "1." would start an ordered list that swallows the entries.
    assert "<ol>" not in html
