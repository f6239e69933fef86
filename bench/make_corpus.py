#!/usr/bin/env python3
"""Write a synthetic corpus of N pages in the portal's formats, for benchmarks and large-site tests.

    .venv/bin/python bench/make_corpus.py OUT_DIR --pages 1000 [--seed 7] [--html-share 0.1] [--topics]

Pages are 3,000 to 8,000 Chinese characters, dated over two years, in monthly folders. Their text
mixes sentences of the sample page (with the companies and products in them swapped for other
glossary terms) and sentences made of real words from jieba's dictionary around glossary terms, so
term density, segmentation work and index size are close to real articles without one page being
the sample repeated. A share of the pages is saved as news-article HTML instead of the text dump.
The same arguments always give the same files.
"""
from __future__ import annotations

import argparse
import bisect
import html
import random
import re
import sys
from datetime import datetime, timedelta
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "content" / "pages" / "000_f2ff1240febe54e4.txt"

# Names in the sample's sentences that get swapped, and what they may become.
SWAPPABLE = ["Meta", "OpenAI", "TikTok", "Facebook", "谷歌", "微软", "苹果", "扎克伯格", "Llama", "Anthropic"]
COMPANIES = ["Meta", "OpenAI", "Anthropic", "谷歌", "微软", "苹果", "百度", "阿里巴巴", "腾讯", "字节跳动",
             "月之暗面", "零一万物", "阶跃星辰", "MiniMax", "智谱", "英伟达", "亚马逊", "特斯拉"]
PRODUCTS = ["ChatGPT", "Llama", "Claude", "Sora", "文心一言", "通义千问", "豆包", "可灵", "混元大模型",
            "Stable Diffusion", "Midjourney", "DeepSeek", "Kimi", "Gemini", "Pika", "PixelDance"]
TOPICS = ["大模型", "生成式AI", "开源", "智能体", "知识库", "文生视频", "文生图", "提示词", "微调", "扩散模型",
          "世界模型", "搜索增强", "强化学习", "多模态", "算力", "数据集", "AGI", "机器学习", "深度学习"]
PEOPLE = ["扎克伯格", "奥特曼", "马斯克", "黄仁勋", "李彦宏", "杨植麟", "李开复", "皮查伊", "纳德拉"]
SOURCES = ["表里表外", "新智元", "机器之心", "量子位", "36氪", "虎嗅", "极客公园", "雷锋网", "钛媒体"]
AUTHORS = ["洞见数据研究院", "张三", "李四", "王五", "赵六", "AI前线", "科技观察员", "研究部"]
TITLE_PATTERNS = [
    "{company}押注{topic}:{product}能否后来居上", "{person}谈{topic}:下一个十年属于谁",
    "{product}发布新版本,{topic}迎来新变局", "从{product}到{topic},{company}的转型之路",
    "{topic}大战升级:{company}与{company2}正面交锋", "重估{company}:{topic}带来的增长",
    "{topic}落地难?{company}给出了答案", "{person}的{topic}野心",
]
HOT_SEARCH_LINE = SAMPLE.read_text(encoding="utf-8").split("\n", 1)[0]
# --topics: each page is mostly about one of these stories, and stories rise and fade over the two
# years (weight at the start → at the end), so that the term graph and the trends have a shape.
STORIES = [
    (["OpenAI", "ChatGPT", "Sora", "奥特曼", "微软", "纳德拉", "AGI", "文生视频"], 3.0, 1.0),
    (["Meta", "Llama", "扎克伯格", "开源", "世界模型"], 2.0, 2.0),
    (["谷歌", "Gemini", "皮查伊", "多模态", "搜索增强"], 1.0, 2.0),
    (["百度", "文心一言", "李彦宏", "知识库", "智能体"], 2.0, 1.0),
    (["阿里巴巴", "通义千问", "腾讯", "混元大模型", "字节跳动", "豆包", "可灵"], 1.0, 2.5),
    (["月之暗面", "Kimi", "杨植麟", "零一万物", "李开复", "阶跃星辰", "MiniMax", "智谱"], 0.5, 3.0),
    (["英伟达", "黄仁勋", "算力", "特斯拉", "马斯克", "亚马逊"], 1.5, 1.5),
    (["Stable Diffusion", "Midjourney", "文生图", "扩散模型", "Pika", "PixelDance"], 2.5, 0.5),
    (["Anthropic", "Claude", "提示词", "微调", "强化学习", "数据集", "DeepSeek", "苹果"], 0.5, 2.5),
]
STORY_SHARE = 0.92  # of the terms a page names, the share from its story


def sample_sentences() -> list[str]:
    text = SAMPLE.read_text(encoding="utf-8").split("\n")[5:-8]
    body = "".join(line.strip() for line in text if line.strip() and not re.match(r"^0\d ", line))
    return [s + "。" for s in re.split(r"[。！？]", body) if 12 <= len(s) <= 160]


def dictionary_words() -> tuple[list[str], list[int]]:
    import jieba

    words, weights = [], []
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as handle:
        for line in handle:
            word, freq, tag = line.split()
            if 2 <= len(word) <= 4 and int(freq) >= 200 and tag[0] in "nvad":
                words.append(word)
                weights.append(int(freq))
    return words, list(accumulate(weights))


class Writer:
    def __init__(self, seed: int, topics: bool = False):
        self.rng = random.Random(seed)
        self.topics = topics
        self.story: list[str] | None = None
        self.sentences = sample_sentences()
        self.words, self.cumulative = dictionary_words()

    def pick(self, items):
        return items[self.rng.randrange(len(items))]

    def word(self) -> str:
        return self.words[bisect.bisect(self.cumulative, self.rng.random() * self.cumulative[-1])]

    def term(self) -> str:
        if self.story and self.rng.random() < STORY_SHARE:
            return self.pick(self.story)
        return self.pick(self.pick([COMPANIES, PRODUCTS, TOPICS, PEOPLE]))

    def from_story(self, kind: list[str]) -> str:
        own = [name for name in self.story or () if name in kind]
        return self.pick(own) if own and self.rng.random() < STORY_SHARE else self.pick(kind)

    def sentence(self) -> str:
        if self.rng.random() < 0.45:
            text = self.pick(self.sentences)
            for name in SWAPPABLE:
                if name in text and self.rng.random() < 0.7:
                    text = text.replace(name, self.term())
            return text
        words = [self.word() for _ in range(self.rng.randint(6, 14))]
        for _ in range(self.rng.randint(1, 3)):
            words.insert(self.rng.randrange(len(words) + 1), self.term())
        cut = self.rng.randrange(3, len(words))
        return "".join(words[:cut]) + "," + "".join(words[cut:]) + self.pick(["。", "。", "。", "?", "!"])

    def article(self, index: int, start: datetime) -> dict:
        rng = self.rng
        if self.topics:  # the date first: it decides which stories are in the news
            date = start + timedelta(minutes=rng.randrange(0, 2 * 365 * 24 * 60))
            t = (date - start) / timedelta(days=2 * 365)
            weights = [first + (last - first) * t for _, first, last in STORIES]
            self.story = rng.choices([names for names, _, _ in STORIES], weights)[0]
        pick = self.from_story if self.topics else self.pick
        names = {"company": pick(COMPANIES), "company2": self.pick(COMPANIES), "topic": pick(TOPICS),
                 "product": pick(PRODUCTS), "person": pick(PEOPLE)}
        title = self.pick(TITLE_PATTERNS).format(**names)
        target = rng.randint(3000, 8000)
        blocks, size, section = [], 0, 1
        while size < target:
            if size > 800 * section and rng.random() < 0.15 and section < 9:
                blocks.append(("h", f"0{section} {self.term()}{self.word()}{self.word()}"))
                section += 1
            paragraph = "".join(self.sentence() for _ in range(rng.randint(1, 4)))
            blocks.append(("p", paragraph))
            size += len(paragraph)
        if not self.topics:
            date = start + timedelta(minutes=rng.randrange(0, 2 * 365 * 24 * 60))
        keywords = sorted({names["company"], names["topic"], names["product"], self.term()})
        references = [(self.pick(SOURCES), f"{self.term()}{self.word()}{self.word()}报告")
                      for _ in range(rng.choice([0, 0, 2, 3, 5]))]
        return {"index": index, "title": title, "date": date, "clicks": rng.randint(50, 50000),
                "blocks": blocks, "keywords": keywords, "references": references,
                "source": self.pick(SOURCES), "author": self.pick(AUTHORS)}


def as_text_dump(a: dict) -> str:
    lines = [HOT_SEARCH_LINE, "# 热门搜索 #", "搜索", a["title"],
             f"{a['clicks']}点击\u00a0\u00a0\u00a0\u00a0 {a['date']:%Y-%m-%d %H:%M}", ""]
    for kind, text in a["blocks"]:
        lines += [text, "", "", ""] if kind == "p" else [text, "", ""]
    if a["references"]:
        lines += ["参考资料:", ""] + [f"{p}:《{t}》\n" for p, t in a["references"]]
    lines += [f"文章来源于“{a['source']}”,作者“{a['author']}", "", f"关键词: {' , '.join(a['keywords'])}"]
    return "\n".join(lines)


def as_html(a: dict) -> str:
    e = html.escape
    body = "\n".join(f"<h2>{e(t)}</h2>" if k == "h" else f"<p>{e(t)}</p>" for k, t in a["blocks"])
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{e(a['title'])}_{e(a['source'])}</title>
<meta name="keywords" content="{e(','.join(a['keywords']))}">
<meta name="author" content="{e(a['author'])}">
<meta property="article:published_time" content="{a['date']:%Y-%m-%dT%H:%M:%S}+08:00">
</head><body>
<nav><a href="/">首页</a> &gt; <a href="/ai">人工智能</a></nav>
<article><h1>{e(a['title'])}</h1>
<div class="info">{a['date']:%Y-%m-%d %H:%M} 来源：{e(a['source'])} 作者：{e(a['author'])}</div>
{body}
</article>
<footer>违法和不良信息举报电话 · 版权所有</footer>
</body></html>
"""


def write_corpus(out: Path, pages: int, seed: int = 7, html_share: float = 0.1, topics: bool = False) -> list[Path]:
    writer = Writer(seed, topics)
    start = datetime(2023, 1, 1)
    written = []
    for index in range(pages):
        article = writer.article(index, start)
        folder = out / f"{article['date']:%Y-%m}"
        folder.mkdir(parents=True, exist_ok=True)
        if writer.rng.random() < html_share:
            path = folder / f"page-{index:05d}.html"
            path.write_text(as_html(article), encoding="utf-8")
        else:
            path = folder / f"page-{index:05d}.txt"
            path.write_text(as_text_dump(article), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--html-share", type=float, default=0.1, help="share of pages saved as HTML")
    parser.add_argument("--topics", action="store_true",
                        help="pages keep to one story each, stories rise and fade over time (term graph, trends)")
    args = parser.parse_args()
    paths = write_corpus(args.out, args.pages, args.seed, args.html_share, args.topics)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} pages, {size / 1e6:.1f} MB in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
