"""Charts as inline SVG, drawn on the server.

Every chart is a small SVG document written from the query's rows: it needs no script, no font
and nothing fetched, prints and copies like the rest of the page, and each mark carries a
``<title>`` (its value on hover) and, where there is one, a link to the article or list behind it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, date, timedelta
from typing import Any

from markupsafe import Markup, escape

from orewire.web.markup import fact_label, number

PALETTE = ("#1f6f8b", "#e07a1f", "#4c9a2a", "#a23b72", "#6c5b7b", "#c8553d", "#2a9d8f", "#8d6a00")
WIDTH = 760


def _svg(height: int, body: list[str], label: str, css: str) -> Markup:
    return Markup(
        f'<svg class="chart {escape(css)}" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(label)}</title>'
        + "".join(body) + "</svg>"
    )


def _nice_max(value: float) -> float:
    if value <= 0:
        return 4
    if value <= 20:  # small counts: whole numbers on each of the four grid lines
        return float(4 * math.ceil(value / 4))
    exp = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * exp:
            return step * exp
    return 10 * exp


def _axis(top: float, height: float, left: float, right: float, vmax: float) -> list[str]:
    out = []
    for i in range(5):
        v = vmax * i / 4
        y = top + height - height * i / 4
        out.append(f'<line class="grid" x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}"/>')
        out.append(f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{_short(v)}</text>')
    return out


def _short(v: float) -> str:
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(v) >= size:
            return f"{v / size:.3g}{suffix}"
    return f"{v:.3g}" if v != int(v) else str(int(v))


def daily_bars(rows: Sequence[tuple[date, int, int]], start: date, end: date, link: str = "") -> Markup:
    """Articles per day (light) with the mining ones among them (dark), from ``start`` to ``end``.

    ``link``, when given, is the search address to which ``since=DAY&until=DAY`` is appended per bar.
    """
    days = (end - start).days + 1
    counts = {r[0]: (int(r[1]), int(r[2])) for r in rows}
    left, right, top, plot_h = 44.0, WIDTH - 10.0, 12.0, 150.0
    vmax = _nice_max(max([c[0] for c in counts.values()] or [0]))
    step = (right - left) / max(days, 1)
    body = _axis(top, plot_h, left, right, vmax)
    for i in range(days):
        day = start + timedelta(days=i)
        total, mining = counts.get(day, (0, 0))
        x = left + i * step
        w = max(step - 1.5, 1)
        h_all = plot_h * total / vmax
        h_min = plot_h * mining / vmax
        tip = escape(f"{day.isoformat()}: {total} articles, {mining} about mining")
        bar = (f'<rect class="bar bar-all" x="{x:.1f}" y="{top + plot_h - h_all:.1f}" width="{w:.1f}" '
               f'height="{h_all:.1f}" data-value="{total}"/>'
               f'<rect class="bar bar-mining" x="{x:.1f}" y="{top + plot_h - h_min:.1f}" width="{w:.1f}" '
               f'height="{h_min:.1f}" data-value="{mining}"/>')
        if total and link:
            href = escape(f"{link}&since={day.isoformat()}&until={day.isoformat()}")
            body.append(f'<a href="{href}"><title>{tip}</title>{bar}</a>')
        else:
            body.append(f"<g><title>{tip}</title>{bar}</g>")
        if i % max(1, days // 6) == 0:
            body.append(f'<text class="tick" x="{x:.1f}" y="{top + plot_h + 16}">{day:%d %b}</text>')
    body.append(f'<g class="legend"><rect class="bar-all" x="{left}" y="{top + plot_h + 26}" width="10" height="10"/>'
                f'<text x="{left + 14}" y="{top + plot_h + 35}">all articles</text>'
                f'<rect class="bar-mining" x="{left + 110}" y="{top + plot_h + 26}" width="10" height="10"/>'
                f'<text x="{left + 124}" y="{top + plot_h + 35}">about mining</text></g>')
    return _svg(int(top + plot_h + 44), body, f"Articles per day, {start} to {end}", "chart-daily")


def month_lines(rows: Sequence[tuple[str, date, int]], link: str = "") -> Markup:
    """One line per commodity: articles mentioning it per month. ``link`` + ``&commodity=NAME``
    is each legend entry's search address."""
    months = sorted({r[1] for r in rows})
    names = sorted({r[0] for r in rows}, key=lambda n: (-sum(r[2] for r in rows if r[0] == n), n))
    if not months:
        return _svg(40, ['<text x="10" y="24">No commodity mentions yet.</text>'], "Commodities per month",
                     "chart-commodities")
    values = {(r[0], r[1]): int(r[2]) for r in rows}
    left, right, top, plot_h = 44.0, WIDTH - 150.0, 12.0, 150.0
    vmax = _nice_max(max(values.values()))
    step = (right - left) / max(len(months) - 1, 1)
    body = _axis(top, plot_h, left, right, vmax)
    for i, month in enumerate(months):
        body.append(f'<text class="tick" x="{left + i * step:.1f}" y="{top + plot_h + 16}" '
                    f'text-anchor="middle">{month:%b %y}</text>')
    for k, name in enumerate(names):
        colour = PALETTE[k % len(PALETTE)]
        points = []
        for i, month in enumerate(months):
            v = values.get((name, month), 0)
            points.append((left + i * step, top + plot_h - plot_h * v / vmax, v, month))
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in points)
        body.append(f'<polyline class="series" data-series="{escape(name)}" fill="none" stroke="{colour}" '
                    f'stroke-width="2" points="{path}"/>')
        for x, y, v, month in points:
            body.append(f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}" data-value="{v}">'
                        f"<title>{escape(f'{name}, {month:%B %Y}: {v} articles')}</title></circle>")
        ly = top + 14 + k * 18
        label = f'<rect x="{right + 16}" y="{ly - 9}" width="10" height="10" fill="{colour}"/>' \
                f'<text x="{right + 30}" y="{ly}">{escape(name)}</text>'
        body.append(f'<a href="{escape(link + "&commodity=" + name)}">{label}</a>' if link else label)
    return _svg(int(top + plot_h + 26), body, "Articles per month mentioning the commodities most written about",
                "chart-commodities")


def month_bars(rows: Sequence[tuple[date, int]], label: str) -> Markup:
    """Articles per month, one bar each."""
    if not rows:
        return _svg(40, ['<text x="10" y="24">No dated articles.</text>'], label, "chart-months")
    left, right, top, plot_h = 44.0, WIDTH - 10.0, 12.0, 110.0
    vmax = _nice_max(max(int(r[1]) for r in rows))
    first, last = rows[0][0], rows[-1][0]
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = (right - left) / months
    counts = {r[0]: int(r[1]) for r in rows}
    body = _axis(top, plot_h, left, right, vmax)
    for i in range(months):
        year, month = divmod(first.month - 1 + i, 12)
        day = date(first.year + year, month + 1, 1)
        n = counts.get(day, 0)
        h = plot_h * n / vmax
        x = left + i * step
        body.append(f'<rect class="bar bar-all" x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{max(step - 2, 1):.1f}" '
                    f'height="{h:.1f}" data-value="{n}"><title>{day:%B %Y}: {n} articles</title></rect>')
        if i % max(1, months // 8) == 0:
            body.append(f'<text class="tick" x="{x:.1f}" y="{top + plot_h + 16}">{day:%b %y}</text>')
    return _svg(int(top + plot_h + 24), body, label, "chart-months")


LANES = ("deposit", "amount", "quantity", "role")


def _lane_text(fact: dict[str, Any]) -> str:
    kind = fact["type"]
    if kind == "deposit":
        return fact.get("status") or "reported"
    if kind == "amount":
        usd = fact.get("value_usd")
        return f"${number(usd)}" if usd is not None else f"{number(fact.get('value'))} {fact.get('currency') or ''}"
    if kind == "quantity":
        return f"{number(fact.get('value'))} {fact.get('unit') or ''}"
    if kind == "role":
        return fact.get("title") or fact.get("person") or ""
    return kind


def timeline(facts: Sequence[dict[str, Any]], article_href: Any, label: str) -> Markup:
    """Facts over time, one lane per kind (status, amounts, quantities, roles); each mark links to
    its sentence in its article and names the fact on hover. Amounts are sized by their USD value."""
    dated = [f for f in facts if f.get("published_at") is not None]
    if not dated:
        return _svg(40, ['<text x="10" y="24">No dated facts.</text>'], label, "chart-timeline")
    times = [f["published_at"].astimezone(UTC) for f in dated]
    t0, t1 = min(times), max(times)
    if t1 - t0 < timedelta(days=2):
        t0, t1 = t0 - timedelta(days=1), t1 + timedelta(days=1)
    lanes = [lane for lane in LANES if any(f["type"] == lane for f in dated)]
    left, right, top, lane_h = 80.0, WIDTH - 20.0, 10.0, 34.0
    span = (t1 - t0).total_seconds()
    usd = [f["value_usd"] for f in dated if f["type"] == "amount" and f.get("value_usd")]
    usd_max = max(usd) if usd else 1.0
    body: list[str] = []
    for k, lane in enumerate(lanes):
        y = top + k * lane_h + lane_h / 2
        body.append(f'<line class="grid" x1="{left}" x2="{right}" y1="{y}" y2="{y}"/>')
        body.append(f'<text class="lane" x="{left - 8}" y="{y + 4}" text-anchor="end">{lane}</text>')
    last_label: dict[str, float] = {}
    for fact, when in sorted(zip(dated, times, strict=True), key=lambda p: p[1]):
        if fact["type"] not in lanes:
            continue
        k = lanes.index(fact["type"])
        x = left + (right - left) * (when - t0).total_seconds() / span
        y = top + k * lane_h + lane_h / 2
        r = 5.0
        if fact["type"] == "amount" and fact.get("value_usd"):
            r = 3 + 7 * math.sqrt(fact["value_usd"] / usd_max)
        tip = escape(f"{when:%Y-%m-%d}: {fact_label(fact)}")
        href = escape(f"{article_href(fact['article_id'])}#fact-{fact['fact_id']}")
        mark = (f'<a href="{href}" class="mark" data-fact="{escape(fact["fact_id"])}">'
                f'<circle class="dot dot-{fact["type"]}" cx="{x:.1f}" cy="{y}" r="{r:.1f}"/><title>{tip}</title>')
        if x - last_label.get(fact["type"], -1e9) > 70:
            at = f'x="{x - 7:.1f}" text-anchor="end"' if x > right - 80 else f'x="{x + 7:.1f}"'
            mark += f'<text class="dot-label" {at} y="{y - 7}">{escape(_lane_text(fact))}</text>'
            last_label[fact["type"]] = x
        body.append(mark + "</a>")
    axis_y = top + len(lanes) * lane_h + 4
    for i in range(5):
        when = t0 + (t1 - t0) * i / 4
        x = left + (right - left) * i / 4
        anchor = ("start", "middle", "middle", "middle", "end")[i]
        label = f"{when:%m-%d %H:%M}" if t1 - t0 < timedelta(days=5) else f"{when:%Y-%m-%d}"
        body.append(f'<text class="tick" x="{x:.1f}" y="{axis_y + 12}" text-anchor="{anchor}">{label}</text>')
    return _svg(int(axis_y + 20), body, label, "chart-timeline")


def year_lines(series: Sequence[dict[str, Any]], label: str) -> Markup:
    """Values by year, one line per series, on one axis (give it series of one unit).

    Each series is a dict with ``name`` and ``points``: (year, value, tip, href) tuples. A year a
    series has no value for breaks its line; each point names its value on hover and links to
    ``href`` (the report behind it) when there is one.
    """
    years = sorted({p[0] for s in series for p in s["points"]})
    if not years:
        return _svg(40, ['<text x="10" y="24">No yearly figures.</text>'], label, "chart-years")
    first, last = years[0], years[-1]
    count = last - first + 1
    left, right, top, plot_h = 56.0, WIDTH - 170.0, 12.0, 150.0
    vmax = _nice_max(max(float(p[1]) for s in series for p in s["points"]))
    step = (right - left) / max(count - 1, 1)

    def x_of(year: int) -> float:
        return left + (year - first) * step if count > 1 else (left + right) / 2

    body = _axis(top, plot_h, left, right, vmax)
    every = max(1, math.ceil(count / 12))
    for year in range(first, last + 1):
        if (year - first) % every == 0:
            body.append(f'<text class="tick" x="{x_of(year):.1f}" y="{top + plot_h + 16}" '
                        f'text-anchor="middle">{year}</text>')
    for k, s in enumerate(series):
        colour = PALETTE[k % len(PALETTE)]
        points = sorted((int(p[0]), float(p[1]), p[2], p[3]) for p in s["points"])
        runs: list[list[tuple[float, float]]] = []
        previous = None
        for year, value, _, _ in points:
            xy = (x_of(year), top + plot_h - plot_h * value / vmax)
            if previous is not None and year == previous + 1:
                runs[-1].append(xy)
            else:
                runs.append([xy])
            previous = year
        for run in runs:
            if len(run) > 1:
                path = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                body.append(f'<polyline class="series" data-series="{escape(s["name"])}" fill="none" '
                            f'stroke="{colour}" stroke-width="2" points="{path}"/>')
        for year, value, tip, href in points:
            y = top + plot_h - plot_h * value / vmax
            dot = (f'<circle class="point" cx="{x_of(year):.1f}" cy="{y:.1f}" r="3.5" fill="{colour}" '
                   f'data-series="{escape(s["name"])}" data-year="{year}" data-value="{value!r}">'
                   f"<title>{escape(tip)}</title></circle>")
            body.append(f'<a href="{escape(href)}">{dot}</a>' if href else dot)
        ly = top + 14 + k * 18
        body.append(f'<rect x="{right + 16}" y="{ly - 9}" width="10" height="10" fill="{colour}"/>'
                    f'<text x="{right + 30}" y="{ly}">{escape(s["name"])}</text>')
    return _svg(int(top + plot_h + 26), body, label, "chart-years")
