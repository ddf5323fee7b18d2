"""Would a learned token classifier earn its keep beside the rules? An experiment, not a benchmark.

An averaged perceptron tags PER/ORG tokens (BIO) from word shape, gazetteer flags and a closed list
of cue words (no word of the training texts becomes a feature), trained on the project's gold set
and two thirds of the real set's tune split, tested on the last third (3 folds). Its names that
the rules did not find are added to the rules' output and scored with the real set's scorer.

Usage: ``python bench/eval_token_classifier.py`` (reads ../shared/data/facts-real).
"""

import importlib.util
import json
import random
import re
from collections import defaultdict
from pathlib import Path

from orewire.facts import extract
from orewire.facts import gazetteer as gz
from orewire.facts.realset import article_text, default_dir, split_keys

D = default_dir()
spec = importlib.util.spec_from_file_location("sc", D / "score.py")
sc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sc)
gold = json.loads((D / "gold.json").read_text(encoding="utf-8"))
TOK = re.compile(r"[A-Za-z\u00C0-\u024F][\w'’.&-]*|\d[\d,.]*|\S")
COUNTRY = set(f for _, (c, fs) in gz.COUNTRIES.items() for f in fs for f in f.split())
COMM = set(f.lower() for fs in gz.COMMODITIES.values() for f in fs)
COMPTOK = set(w for c, a in gz.COMPANIES.items() for f in (c, *a) for w in f.split())
TITLES = set(w.lower() for t in gz.TITLES for w in t.split())
CUES = set(
    [
        "said",
        "says",
        "told",
        "noted",
        "added",
        "stated",
        "according",
        "ceo",
        "chairman",
        "chief",
        "executive",
        "president",
        "director",
        "minister",
        "head",
        "deputy",
        "founder",
        "owner",
        "company",
        "group",
        "of",
        "the",
        "and",
        "'s",
        "’s",
        ",",
        "(",
        ")",
        "by",
        "with",
        "at",
        "in",
        "from",
        "for",
        "to",
        "mr",
        "ms",
        "dr",
        "mrs",
        "spokesman",
        "spokeswoman",
        "manager",
        "engineer",
        "general",
        "vice",
        "firm",
        "miner",
        "producer",
        "shares",
        "subsidiary",
        "mine",
        "deposit",
        "project",
        "plc",
        "ltd",
        "inc",
        "corp",
        "llp",
        "jsc",
    ]
)


def shape(w):
    if re.fullmatch(r"[A-Z]\.(?:[A-Z]\.)+", w):
        return "I."
    if w.isupper() and len(w) > 1:
        return "XX"
    if w[:1].isupper():
        return "Xx"
    if w[:1].isdigit():
        return "d"
    if w[:1].islower():
        return "x"
    return "p"


def tokfeat(w):
    f = [shape(w)]
    if w in gz.GIVEN_NAMES:
        f.append("given")
    if w in gz.STOPWORDS:
        f.append("stop")
    if w in gz.COMPANY_HEADS:
        f.append("head")
    if w in gz.LEGAL_SUFFIXES or w in gz.LEGAL_PREFIXES:
        f.append("legal")
    if w.lower() in TITLES:
        f.append("title")
    if w in COUNTRY:
        f.append("country")
    if w.lower() in COMM:
        f.append("comm")
    if w in COMPTOK:
        f.append("comptok")
    if w.endswith(("ov", "ev", "in", "ova", "eva", "enko", "uly", "bek", "yev", "aev", "ayev")):
        f.append("ru_suffix")
    if w.lower() in CUES:
        f.append("cue=" + w.lower())
    return f


def feats(toks, i, prev):
    out = ["b", "prev=" + prev]
    for off in (-2, -1, 0, 1, 2):
        j = i + off
        if 0 <= j < len(toks):
            for f in tokfeat(toks[j]):
                out.append(f"{off}:{f}")
        else:
            out.append(f"{off}:PAD")
    out.append("prev+shape=" + prev + shape(toks[i]))
    if i == 0 or toks[i - 1] in ".!?":
        out.append("sent_start")
    return out


LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG"]


def doc_tokens(text):
    return [(m.start(), m.end(), m.group()) for m in TOK.finditer(text)]


def labels_for(text, toks, g):
    lab = ["O"] * len(toks)
    starts = {s: i for i, (s, e, t) in enumerate(toks)}
    ends = {e: i for i, (s, e, t) in enumerate(toks)}
    for kind, L in (("person", "PER"), ("company", "ORG")):
        for names in g.get(kind, []) + g.get("?" + kind, []):
            for nm in names:
                for m in re.finditer(r"(?<![\w-])" + re.escape(nm) + r"(?![\w-])", text):
                    if m.start() in starts and m.end() in ends:
                        a, b = starts[m.start()], ends[m.end()]
                        if all(x == "O" for x in lab[a : b + 1]):
                            lab[a] = "B-" + L
                            for k in range(a + 1, b + 1):
                                lab[k] = "I-" + L
    return lab


class Perc:
    def __init__(s):
        s.w = defaultdict(float)
        s.tot = defaultdict(float)
        s.ts = defaultdict(int)
        s.t = 0

    def score(s, fs):
        return {lab_: sum(s.w.get((f, lab_), 0.0) for f in fs) for lab_ in LABELS}

    def upd(s, fs, truth, guess):
        s.t += 1
        if truth == guess:
            return
        for f in fs:
            for lab_, d in ((truth, 1), (guess, -1)):
                k = (f, lab_)
                s.tot[k] += (s.t - s.ts[k]) * s.w[k]
                s.ts[k] = s.t
                s.w[k] += d

    def avg(s):
        for k in list(s.w):
            s.tot[k] += (s.t - s.ts[k]) * s.w[k]
            s.ts[k] = s.t
            s.w[k] = s.tot[k] / s.t


def decode(p, toks):
    prev = "O"
    out = []
    ws = [t for _, _, t in toks]
    for i in range(len(ws)):
        sc_ = p.score(feats(ws, i, prev))
        lab_ = max(sc_, key=sc_.get)
        if lab_.startswith("I-") and prev[2:] != lab_[2:]:
            lab_ = "B-" + lab_[2:]
        out.append(lab_)
        prev = lab_
    return out


def train(docs, epochs=8):
    p = Perc()
    rnd = random.Random(1)
    for _epoch in range(epochs):
        rnd.shuffle(docs)
        for _text, toks, lab in docs:
            ws = [t for _, _, t in toks]
            prev = "O"
            for i in range(len(ws)):
                fs = feats(ws, i, prev)
                sc_ = p.score(fs)
                g = max(sc_, key=sc_.get)
                p.upd(fs, lab[i], g)
                prev = lab[i]
    p.avg()
    return p


def spans(toks, lab):
    out = []
    cur = None
    for (s, e, _t), lab_ in zip(toks, lab, strict=True):
        if lab_.startswith("B-"):
            if cur:
                out.append(cur)
            cur = [s, e, lab_[2:]]
        elif lab_.startswith("I-") and cur and cur[2] == lab_[2:]:
            cur[1] = e
        else:
            if cur:
                out.append(cur)
                cur = None
    if cur:
        out.append(cur)
    return out


# synthetic gold docs
synth = []
for p_ in sorted((Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "gold").glob("*/*.txt")):
    if p_.parent.name == "seed":
        continue
    js = json.loads(p_.with_suffix(".json").read_text())
    g = {
        "person": [[e["name"], *e.get("aliases", [])] for e in js["entities"] if e["kind"] == "person"],
        "company": [[e["name"], *e.get("aliases", [])] for e in js["entities"] if e["kind"] == "company"],
    }
    synth.append((p_.read_text(), g))
tune = split_keys("tune")
folds = [tune[i::3] for i in range(3)]
tot_base = defaultdict(lambda: [0, 0, 0])
tot_new = defaultdict(lambda: [0, 0, 0])
for fi in range(3):
    test = folds[fi]
    trk = [k for k in tune if k not in test]
    docs = []
    for text, g in synth + [(article_text(D, k), gold[k]) for k in trk]:
        toks = doc_tokens(text)
        docs.append((text, toks, labels_for(text, toks, g)))
    p = train(docs)
    for k in test:
        text = article_text(D, k)
        out = extract(text).to_contract()
        for cat, v in sc.score_article(gold[k], out).items():
            if cat in ("person", "company"):
                for i in range(3):
                    tot_base[cat][i] += v[i]
        # add predicted spans not overlapping rule mentions
        taken = [(m[0], m[1]) for e in out["entities"] for m in e["mentions"]]
        toks = doc_tokens(text)
        lab = decode(p, toks)
        extra = []
        for s, e, L in spans(toks, lab):
            if any(a < e and s < b for a, b in taken):
                continue
            nm = text[s:e]
            extra.append({"kind": "person" if L == "PER" else "company", "name": nm, "mentions": [[s, e]]})
        out2 = dict(out)
        out2["entities"] = out["entities"] + extra
        for cat, v in sc.score_article(gold[k], out2).items():
            if cat in ("person", "company"):
                for i in range(3):
                    tot_new[cat][i] += v[i]
        if extra:
            print(k, [(x["kind"], x["name"]) for x in extra])
for cat in ("person", "company"):
    print(cat, "base", sc.prf(*tot_base[cat]), "new", sc.prf(*tot_new[cat]))
