"""Source profiles are data: validated, and every setting in the fingerprint the extractions are keyed by."""
import dataclasses

import pytest
from zhiku.profile import ProfileError, default_profile, fingerprint, parse_profile


def test_a_bad_profile_names_its_file_and_the_problem():
    with pytest.raises(ProfileError, match=r"^portal\.yml: missing keys: "):
        parse_profile({"name": "x"}, "portal.yml")
    good = {"name": "p", "timezone": "Asia/Shanghai", "marker": "x", "clicks_date": "x", "section_heading": "x",
            "section_heading_not": "x", "references_header": "x", "reference_item": "x", "source_author": "x",
            "keywords": "x", "keyword_separator": ","}
    with pytest.raises(ProfileError, match=r"^portal\.yml: marker: bad pattern"):
        parse_profile({**good, "marker": "("}, "portal.yml")
    assert parse_profile(good, "portal.yml").name == "p"


def test_the_fingerprint_follows_every_setting_html_rules_included(profile):
    assert fingerprint(profile) == fingerprint(default_profile())
    assert fingerprint(dataclasses.replace(profile, marker_within_lines=profile.marker_within_lines + 1)) != fingerprint(profile)
    rules = dataclasses.replace(profile.html, chrome_phrases=profile.html.chrome_phrases + ("新的短语",))
    assert fingerprint(dataclasses.replace(profile, html=rules)) != fingerprint(profile)
