import pytest
from zhiku.cache.lock import CacheBusy, cache_lock


def test_a_second_build_on_the_same_cache_folder_stops_with_a_clear_error(tmp_path):
    with cache_lock(tmp_path / "cache"):
        with pytest.raises(CacheBusy, match="another build is using the cache folder"):
            with cache_lock(tmp_path / "cache"):
                pass
    with cache_lock(tmp_path / "cache"):  # free again once the first build ended
        pass
