import pytest
from zhiku.publish.mkdocs_build import MKDOCS_CONFIG, PublishError, build_site, copy_folder, read_site_config

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


def small_docs(tmp_path):
    docs = tmp_path / "docs"
    (docs / "search" / "t").mkdir(parents=True)
    (docs / "index.md").write_text("# 首页\n", encoding="utf-8")
    (docs / "search" / "t" / "0.js").write_text("zhikuSearch.load(\"t/0\",{});\n", encoding="utf-8")
    (docs / "search" / ".zhiku-index.json").write_text("{}\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: 测试\nuse_directory_urls: false\nplugins: []\n", encoding="utf-8")
    return config, docs


def test_a_folder_left_out_is_not_published_by_mkdocs_but_by_the_finish(tmp_path):
    config, docs = small_docs(tmp_path)
    site = tmp_path / "site"
    build_site(config, docs, site, leave_out=("search",))
    assert (site / "index.html").exists() and not (site / "search").exists()
    build_site(config, docs, site, leave_out=("search",), finish=lambda built: copy_folder(docs / "search", built / "search"))
    assert (site / "search" / "t" / "0.js").read_bytes() == (docs / "search" / "t" / "0.js").read_bytes()
    assert not (site / "search" / ".zhiku-index.json").exists()  # a dot file, as MkDocs leaves it out


def test_a_failed_finish_leaves_the_site_as_it_was(tmp_path):
    config, docs = small_docs(tmp_path)
    site = tmp_path / "site"
    build_site(config, docs, site)
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))

    def fail(built):
        raise PublishError("search index: the index's process stopped")

    (docs / "index.md").write_text("# 新首页\n", encoding="utf-8")
    with pytest.raises(PublishError):
        build_site(config, docs, site, finish=fail)
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == before
    assert "新首页" not in (site / "index.html").read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".site.*"))
