from zhiku.glossary.curated import load_curated, parse_curated


def test_errors_name_file_line_and_problem():
    text = """terms:
  AI:
    defintion: typo
  大模型:
    link: maybe
  Meta: [not, a, mapping]
  AI:
    definition: again
  OpenAI:
    aliases: [Open AI]
"""
    entries, errors = parse_curated(text, "content/glossary.yml")
    assert errors == [
        "content/glossary.yml:3: term 'AI': unknown field 'defintion' (known: definition, aliases, merge, split, "
        "drop, link, case_sensitive)",
        "content/glossary.yml:5: term '大模型': link must be true or false, not 'maybe'",
        "content/glossary.yml:6: term 'Meta': expected a mapping of fields or a definition string",
        "content/glossary.yml:7: term 'AI' is already defined on line 2",
    ]
    assert [e.name for e in entries] == ["OpenAI"]  # the good entry still applies
    assert entries[0].aliases == ["Open AI"]


def test_broken_yaml_names_the_line():
    _, errors = parse_curated("terms:\n  AI: [unclosed\n", "g.yml")
    assert len(errors) == 1 and errors[0].startswith("g.yml:") and "not valid YAML" in errors[0]


def test_short_forms():
    entries, errors = parse_curated("terms:\n  扎克伯格:\n  AI: 人工智能\n", "g.yml")
    assert errors == []
    assert [(e.name, e.definition) for e in entries] == [("扎克伯格", ""), ("AI", "人工智能")]


def test_wrong_top_level():
    assert parse_curated("- a\n- b\n", "g.yml")[1] == ["g.yml:1: expected a mapping with a 'terms:' key"]


def test_shipped_file_is_valid(tmp_path):
    from tests.conftest import ROOT

    entries, errors = load_curated(ROOT / "content" / "glossary.yml")
    assert errors == [] and len(entries) > 20
    assert load_curated(tmp_path / "missing.yml") == ([], [])
