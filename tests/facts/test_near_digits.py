"""Amounts are looked for only near digits: the same matches, in the same order, as a scan of every
character, on news sentences and on random strings of figures, currency signs and codes."""

from __future__ import annotations

import random

from orewire.facts.amounts import _FIRST, _REACH, AMOUNT_RE, find_amounts
from orewire.facts.text import near_digits

SENTENCES = [
    "KAZ Minerals will invest US$1.2 billion, or about KZT 540bn, in the Aktogay expansion.",
    "The deal is worth U.S.$ 85 million plus $.5 million in fees and 20 billion tenge in taxes.",
    "Revenue rose to $2,266 million (2022: $2,162 million); HK$3.1bn and NZ$40m were raised.",
    "Prices were between 1,200 and 1,500 rubles; R 12 million and Rp 5 trillion changed hands.",
    "Костанайская компания вложит 315 млрд тенге и $40,3 млн.",
    "1234567 $ 1,234,567.89 12,5 million €45-€50m ¥3bn ₸700 млн 2023 ABCUSD 5",
]


def test_the_same_amounts_as_a_scan_of_every_character() -> None:
    rnd = random.Random(7)
    alphabet = "0123456789 .,-–$€£¥₸USDKZTHK$NZ$U.S.$Rp million bn m tenge to\u00a0"
    texts = SENTENCES + ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 90))) for _ in range(3000)]
    # pages dense with figures, where the scan takes over part way
    texts += [" ".join(SENTENCES) * 3 + ",".join(str(rnd.randint(0, 999)) for _ in range(400)) + " $5 million"]
    texts += ["".join(rnd.choice(alphabet) for _ in range(20000))]
    for text in texts:
        scanned = [(m.span(), m.groupdict()) for m in AMOUNT_RE.finditer(text)]
        near = [(m.span(), m.groupdict()) for m in near_digits(AMOUNT_RE, text, _REACH, _FIRST)]
        assert near == scanned, text


def test_amounts_of_a_sentence() -> None:
    found = find_amounts(SENTENCES[0])
    assert [(a.value, a.currency) for a in found] == [(1.2e9, "USD"), (540e9, "KZT")]
