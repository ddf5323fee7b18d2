"""Extraction quality on the article-extraction benchmark, with the benchmark's published metric.

The metric: a text's tokens are its ``\\w+`` matches (case kept); a text becomes its 4-token
shingles counted with repeats (under 4 tokens, the whole text is one shingle). Per page,
TP/FP/FN are shingle counts in both / only predicted / only expected, divided by their sum so
every page weighs the same. Precision is averaged over the pages where the extractor returned
something, recall over all pages, and F1 comes from the two averages.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

TOKEN_RE = re.compile(r"\w+")
SHINGLE_SIZE = 4


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The text's ``size``-token shingles with their counts; empty for a text without tokens."""
    tokens = TOKEN_RE.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def page_counts(expected: str | None, predicted: str | None) -> tuple[float, float, float]:
    """Normalised (TP, FP, FN) of one page; (0, 0, 0) when both texts are empty."""
    truth = shingles(expected)
    pred = shingles(predicted)
    tp = sum((truth & pred).values())
    fp = sum((pred - truth).values())
    fn = sum((truth - pred).values())
    total = tp + fp + fn
    if not total:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    pages: int

    def __str__(self) -> str:
        return f"F1 {self.f1:.4f} (precision {self.precision:.4f}, recall {self.recall:.4f}, {self.pages} pages)"


def score(pairs: Iterable[tuple[str | None, str | None]]) -> Score:
    """Benchmark score of (expected, predicted) text pairs."""
    precisions: list[float] = []
    recalls: list[float] = []
    for expected, predicted in pairs:
        tp, fp, fn = page_counts(expected, predicted)
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        recalls.append(tp / (tp + fn) if tp + fn > 0 else 0.0)
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, len(recalls))


@dataclass(frozen=True)
class BenchmarkPage:
    page_id: str
    url: str
    html: bytes
    expected: str


def corpus_sha256(root: Path) -> str:
    """SHA-256 over ground-truth.json and the html files, by sorted name then bytes."""
    digest = hashlib.sha256()
    files = [root / "ground-truth.json", *sorted((root / "html").glob("*.html.gz"))]
    for path in sorted(files, key=lambda p: p.relative_to(root).as_posix()):
        digest.update(path.relative_to(root).as_posix().encode("utf-8"))
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_corpus(root: Path) -> Iterator[BenchmarkPage]:
    """The benchmark pages in id order (HTML as the decompressed bytes)."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id in sorted(truth):
        html = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())
        yield BenchmarkPage(page_id, truth[page_id]["url"], html, truth[page_id]["articleBody"])


def evaluate(pages: Iterable[BenchmarkPage], extractor: Callable[[BenchmarkPage], str | None]) -> Score:
    """Score ``extractor`` (page -> text or None) on the benchmark pages."""
    return score((page.expected, extractor(page)) for page in pages)
