"""The offline zip."""
import zipfile
from datetime import datetime, timedelta, timezone

from zhiku.publish.bundle import write_bundle


def test_bundle_is_deterministic_and_in_one_folder(tmp_path):
    site = tmp_path / "site"
    (site / "articles").mkdir(parents=True)
    (site / "index.html").write_text("首页", encoding="utf-8")
    (site / "articles" / "a.html").write_text("文章", encoding="utf-8")
    newest = datetime(2024, 5, 24, 11, 2, tzinfo=timezone(timedelta(hours=8)))
    assert write_bundle(site, tmp_path / "one.zip", newest=newest) == 2
    write_bundle(site, tmp_path / "two.zip", folder="one", newest=newest)
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as bundle:
        assert bundle.namelist() == ["one/articles/a.html", "one/index.html"]
        assert bundle.read("one/index.html").decode() == "首页"
