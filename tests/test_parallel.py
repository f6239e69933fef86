"""Work on the other core gives what the same work gives here, and never outlives its caller."""
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from zhiku.cache.step import CacheDamaged
from zhiku.parallel import in_background, parallel_map, release_freed_memory, runs_beside


def square(n):
    return n * n


def test_parallel_map_gives_the_results_in_order_on_any_number_of_cores():
    items = list(range(200))
    assert list(parallel_map(square, items, jobs=2)) == list(parallel_map(square, items, jobs=1)) == [n * n for n in items]


def pages_of(site):
    site["seen"] = True  # changed in the other process: stays there
    return {f"{name}.md": f"# {name}\n" for name in site["names"]}


@pytest.mark.parametrize("jobs", [1, 2])
def test_in_background_gives_the_result_of_the_call(jobs):
    site = {"names": ["大模型", "扎克伯格"]}
    with in_background(pages_of, site, jobs=jobs) as result:
        assert result() == {"大模型.md": "# 大模型\n", "扎克伯格.md": "# 扎克伯格\n"}
    assert site.get("seen") is (True if jobs == 1 else None)
    assert runs_beside(jobs) is (jobs == 2)  # what the build's timings say of where the index was made


def test_a_fresh_background_process_holds_none_of_this_ones_objects(monkeypatch):
    import zhiku.parallel as parallel

    monkeypatch.setattr(parallel, "_state", "set in this process")
    with in_background(parallel.worker_state, jobs=2) as forked, in_background(parallel.worker_state, jobs=2, fresh=True) as fresh:
        assert forked() == "set in this process"  # a fork starts with this process's memory
        assert fresh() is None  # a new interpreter imports the module again


def damaged():
    raise CacheDamaged("links/ab/abc.json is missing")


@pytest.mark.parametrize("jobs", [1, 2])
def test_in_background_raises_what_the_call_raised(jobs):
    with pytest.raises(CacheDamaged) as raised, in_background(damaged, jobs=jobs) as result:
        result()
    assert str(raised.value) == str(CacheDamaged("links/ab/abc.json is missing"))


def sleep_long(folder):
    (folder / "pid.tmp").write_text(str(os.getpid()))
    (folder / "pid.tmp").rename(folder / "pid")
    time.sleep(20)
    (folder / "done").touch()


def test_leaving_without_waiting_stops_the_process(tmp_path):
    with pytest.raises(ValueError), in_background(sleep_long, tmp_path, jobs=2):
        while not (tmp_path / "pid").exists():
            time.sleep(0.01)
        raise ValueError("the caller failed before it waited")
    assert not (tmp_path / "done").exists()  # stopped, not waited for
    with pytest.raises(ProcessLookupError):  # and reaped, not left behind
        os.kill(int((tmp_path / "pid").read_text()), 0)


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="reads the resident size from /proc")
def test_freed_memory_is_given_back():
    import ctypes
    try:
        ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError, TypeError):
        pytest.skip("no malloc_trim in this C library")
    # 200 MB of blocks below the size the allocator maps on its own, every hundredth kept: the freed
    # ones lie between blocks in use, where freeing alone gives nothing back and a trim does.
    blocks = [os.urandom(16) * 640 for _ in range(20_000)]
    kept = blocks[::100]
    del blocks
    before = resident_mb()
    release_freed_memory()
    assert before - resident_mb() > 100, "the freed blocks are still resident"
    assert len(kept) == 200


def test_the_peak_memory_is_this_processs_or_its_largest_ended_childs():
    # In a fresh interpreter, whose own peak is small: 200 MB of its own, then a child of 300 MB.
    script = ("import subprocess, sys\n"
              "from zhiku.parallel import peak_memory_mb\n"
              "block = b'x' * (200 << 20)\n"
              "own = peak_memory_mb()\n"
              "subprocess.run([sys.executable, '-c', \"b = b'x' * (300 << 20)\"], check=True)\n"
              "print(own, peak_memory_mb())\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "scripts")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    own, after = map(float, done.stdout.split())
    assert 200 <= own < 300 and after >= 300
