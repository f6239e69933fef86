"""One article changed: the index is patched where the article's keys are (only those shards), and
the patched index is byte for byte the index a fresh build writes from the same pages; when the
change moves page ids, it is grouped again, with the same result."""

import pytest
from zhiku.cache.step import Cache
from zhiku.search import index as index_module
from zhiku.search.stage import build_search_index

WORDS = ["人工智能", "大模型", "扎克伯格", "开源", "算力", "法国", "罢工", "发布", "手机", "模型", "Llama", "GPT-4o",
         "ZoomEye", "S20", "智能体", "龙湖集团"]


def article(n: int, date: str, extra: str = "") -> str:
    body = "，".join(WORDS[(n * k) % len(WORDS)] + WORDS[(n + k) % len(WORDS)] for k in range(1, 10))
    return (f"---\ntitle: {WORDS[n % len(WORDS)]}的第{n}年\ndate: {date}\ntags:\n- {WORDS[(n * 3) % len(WORDS)]}\n"
            f"zhiku: article\n---\n\n# {WORDS[n % len(WORDS)]}的第{n}年\n\n{body}。{extra}\n")


ENTRY = "---\ntitle: 扎克伯格\nzhiku: term\n---\n\n# 扎克伯格\n\nMeta 的创始人。\n"
NAMES = {"glossary/zha-ke-bo-ge.md": ["扎克伯格", "小扎"]}


def site(folder, changes=None):
    pages = {f"articles/a{n}.md": article(n, f"2024-{n % 12 + 1:02d}-{n % 27 + 1:02d}") for n in range(40)}
    pages["glossary/zha-ke-bo-ge.md"] = ENTRY
    pages.update(changes or {})
    for rel, text in pages.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return pages


def index(folder, cache, pages, changed):
    return build_search_index(Cache(cache), folder, pages, changed, NAMES, None, jobs=1)


def files(folder):
    root = folder / "search"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(autouse=True)
def small_files(monkeypatch):
    monkeypatch.setattr(index_module, "TOP", 3)
    monkeypatch.setattr(index_module, "BLOCK", 4)
    monkeypatch.setattr(index_module, "PACK_BYTES", 60)
    monkeypatch.setattr(index_module, "SHARD_BYTES", 400)
    monkeypatch.setattr(index_module, "PATCH_SHARDS", 1.0)  # this small index: any share


@pytest.mark.parametrize("change, patched", [
    ({"articles/a7.md": article(7, "2024-08-08", "这一段多了一句话，说的是量子计算和大模型。")}, True),
    ({"articles/a7.md": article(7, "2024-08-08").replace("手机", "平板")}, True),
    ({"articles/a7.md": article(7, "2025-01-01")}, False),  # a later date: the ids move
])
def test_patched_index_is_the_fresh_index(tmp_path, change, patched):
    old, fresh = tmp_path / "old", tmp_path / "fresh"
    pages = site(old)
    first = index(old, tmp_path / "cache-old", pages, set(pages))
    assert first["shards"] >= 8 and "patched" not in first
    before = files(old)
    pages = site(old, change)
    second = index(old, tmp_path / "cache-old", pages, set(change))
    assert ("patched" in second) == patched
    after = files(old)
    if patched:  # some shards and the page's file rewritten, most of the index left as it was
        rewritten = {rel for rel in after if before.get(rel) != after[rel]} - {".zhiku-index.json"}
        assert 0 < len(rewritten) < len(after) / 3
    fresh_pages = site(fresh, change)
    index(fresh, tmp_path / "cache-fresh", fresh_pages, set(fresh_pages))
    assert after == files(fresh)


def test_patch_follows_a_change_back(tmp_path):
    pages = site(tmp_path / "docs")
    index(tmp_path / "docs", tmp_path / "cache", pages, set(pages))
    before = files(tmp_path / "docs")
    change = {"articles/a3.md": article(3, "2024-04-04", "再加一句：罢工。")}
    changed = site(tmp_path / "docs", change)
    assert "patched" in index(tmp_path / "docs", tmp_path / "cache", changed, set(change))
    assert files(tmp_path / "docs") != before
    back = site(tmp_path / "docs")
    assert "patched" in index(tmp_path / "docs", tmp_path / "cache", back, {"articles/a3.md"})
    assert files(tmp_path / "docs") == before
