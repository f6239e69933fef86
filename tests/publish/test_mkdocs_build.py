from zhiku.publish.mkdocs_build import MKDOCS_CONFIG, read_site_config

URL = "https://example.org/zhiku/"


def test_site_name_and_url_from_the_config(tmp_path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: 某某知库\nsite_url: !ENV [ZHIKU_TEST_SITE_URL, null]\n", encoding="utf-8")
    monkeypatch.delenv("ZHIKU_TEST_SITE_URL", raising=False)
    assert read_site_config(config).url is None
    monkeypatch.setenv("ZHIKU_TEST_SITE_URL", URL)
    assert read_site_config(config).url == URL and read_site_config(config).name == "某某知库"


def test_the_repositorys_config_names_the_site():
    assert read_site_config(MKDOCS_CONFIG).name == "知库"
