"""Watchlists as data: ``watchlists.toml``, one ``[watch.NAME]`` table per watch.

The loader checks the whole file when it loads it. A bad watch raises :class:`WatchlistError`
whose message is one line naming the watch and the key (as the source registry does), so the
command line prints it without a traceback.

Notify URLs are kept as written: ``${VAR}`` stands for the environment variable VAR and is
replaced only at the moment a message is sent (:meth:`Target.expand`). What the warehouse and
the logs ever see of a URL is its key (a hash of the URL as written) and its service
(``mailto://smtp.example.org``), never a user name, password or token.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orewire.alerts.notifier import VARIABLE_RE, redact, understood

EVENT_KINDS = ("reserves", "production", "trade", "investment", "deal", "licence", "financial")
ENTITY_KINDS = ("company", "deposit", "person", "country", "region", "org", "commodity")
SELECTING_KEYS = ("entities", "kinds", "commodities", "countries", "min_usd", "words", "sources", "languages")
KEYS = (*SELECTING_KEYS, "notify")
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
ENTITY_ID_RE = re.compile(r"^(?P<kind>[a-z]+):(?P<rest>\S+)$")
LANGUAGE_RE = re.compile(r"^[a-z]{2}$")
MAX_WORDS_LENGTH = 200


class AlertsError(ValueError):
    """A problem with watches or alerts worth one line to the user."""


class WatchlistError(AlertsError):
    """A watchlist file that cannot be used; the message is one line."""


@dataclass(frozen=True)
class Target:
    """One notify URL of a watch, as written in the file (``${VAR}`` not yet replaced)."""

    template: str

    @property
    def key(self) -> str:
        """Stable id of the target (what the warehouse records): a hash of the URL as written."""
        return hashlib.sha256(self.template.encode("utf-8")).hexdigest()[:16]

    @property
    def service(self) -> str:
        """The URL's scheme and host, for people (no user, password, path or query)."""
        return redact(self.template)

    @property
    def variables(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(VARIABLE_RE.findall(self.template)))

    def expand(self, environ: dict[str, str] | None = None) -> tuple[str, tuple[str, ...]]:
        """The URL with every ``${VAR}`` replaced from the environment, and the values put in
        (to be blanked out of any error text). Raises AlertsError naming a variable that is unset."""
        env = os.environ if environ is None else environ
        missing = [v for v in self.variables if not env.get(v)]
        if missing:
            raise AlertsError(f"environment variable {missing[0]} is not set (notify {self.service})")
        secrets = tuple(env[v] for v in self.variables)
        return VARIABLE_RE.sub(lambda m: env[m.group(1)], self.template), secrets


@dataclass(frozen=True)
class Watch:
    """One watch: what it selects (its keys combine with AND, the values of one key with OR) and
    where its alerts go."""

    name: str
    entities: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    commodities: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    min_usd: float | None = None
    words: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    notify: tuple[str, ...] = ()

    @property
    def targets(self) -> tuple[Target, ...]:
        return tuple(Target(url) for url in self.notify)

    @property
    def event_kinds(self) -> tuple[str, ...]:
        return tuple(k for k in self.kinds if k in EVENT_KINDS)

    @property
    def entity_kinds(self) -> tuple[str, ...]:
        return tuple(k for k in self.kinds if k in ENTITY_KINDS)

    def describe(self) -> str:
        """The watch's keys in one line (notify shown by service only)."""
        parts = []
        for key in SELECTING_KEYS:
            value = getattr(self, key)
            if value is None or value == ():
                continue
            parts.append(f"{key}={_fmt_usd(value) if key == 'min_usd' else ','.join(value)}")
        if self.notify:
            parts.append("notify=" + ",".join(t.service for t in self.targets))
        return " ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        """The watch as JSON-able data; notify URLs by service only."""
        data: dict[str, Any] = {"name": self.name}
        for key in SELECTING_KEYS:
            value = getattr(self, key)
            if value is not None and value != ():
                data[key] = list(value) if isinstance(value, tuple) else value
        data["notify"] = [t.service for t in self.targets]
        return data


@dataclass(frozen=True)
class Watchlist:
    """All watches of the file, by name, in file order."""

    watches: dict[str, Watch] = field(default_factory=dict)
    path: Path | None = None
    operator: tuple[str, ...] = ()  # [operator] notify: where source-health alerts go

    @property
    def operator_targets(self) -> tuple[Target, ...]:
        return tuple(Target(url) for url in self.operator)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.watches.values())

    def __len__(self) -> int:
        return len(self.watches)

    def __contains__(self, name: object) -> bool:
        return name in self.watches

    def __getitem__(self, name: str) -> Watch:
        try:
            return self.watches[name]
        except KeyError:
            known = ", ".join(self.watches) or "none"
            raise WatchlistError(f"unknown watch {name!r} (the watchlist has: {known})") from None


def _fmt_usd(value: float) -> str:
    return f"{value:,.0f}"


def _fail(name: str, key: str, problem: str) -> WatchlistError:
    return WatchlistError(f"watchlists.toml: watch {name!r}, key {key!r}: {problem}")


def _str_list(name: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(name, key, "must be a non-empty list of non-empty strings")
    return tuple(dict.fromkeys(v.strip() for v in value))


def _known_commodities() -> dict[str, str]:
    from orewire.facts.gazetteer import COMMODITIES

    return {c.lower(): c for c in COMMODITIES}


def _known_countries() -> set[str]:
    from orewire.facts.gazetteer import COUNTRIES

    return {code.upper() for code, _forms in COUNTRIES.values()}


def _check_entities(name: str, values: tuple[str, ...]) -> tuple[str, ...]:
    out = []
    for value in values:
        match = ENTITY_ID_RE.match(value)
        if not match or match.group("kind") not in ENTITY_KINDS:
            raise _fail(name, "entities", f"{value!r} is not an entity id (kind:name, e.g. company:kazatomprom, "
                                          f"deposit:aktogay, country:KZ; kinds: {', '.join(ENTITY_KINDS)})")
        if match.group("kind") == "country":
            code = match.group("rest")
            if not re.fullmatch(r"[A-Za-z]{2}", code):
                raise _fail(name, "entities", f"{value!r}: a country's id is country:<ISO code>, e.g. country:KZ")
            value = f"country:{code.upper()}"
        elif match.group("rest") != match.group("rest").lower():
            raise _fail(name, "entities", f"{value!r}: entity ids are lower case ({value.lower()!r})")
        out.append(value)
    return tuple(dict.fromkeys(out))


def _check_notify(name: str, values: tuple[str, ...]) -> tuple[str, ...]:
    for value in values:
        if "://" not in value:
            raise _fail(name, "notify", f"{redact(value)!r} is not an apprise URL (scheme://..., e.g. "
                                        "mailto://user:${SMTP_PASSWORD}@smtp.example.org?to=analyst@example.org)")
        problem = understood(value)
        if problem:
            raise _fail(name, "notify", f"{redact(value)}: {problem}")
    return values


def parse_watch(name: str, table: Any, sources: set[str] | None = None) -> Watch:
    """One ``[watch.NAME]`` table, checked. Raises WatchlistError (one line)."""
    if not NAME_RE.match(name):
        raise WatchlistError(f"watchlists.toml: watch {name!r}: a name is lower-case letters, digits, '-' and '_' "
                             "(up to 64, starting with a letter or digit)")
    if not isinstance(table, dict):
        raise WatchlistError(f"watchlists.toml: watch {name!r}: must be a table ([watch.{name}])")
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise _fail(name, unknown[0], f"unknown key (known: {', '.join(KEYS)})")
    values: dict[str, Any] = {"name": name}
    if "entities" in table:
        values["entities"] = _check_entities(name, _str_list(name, "entities", table["entities"]))
    if "kinds" in table:
        kinds = tuple(k.lower() for k in _str_list(name, "kinds", table["kinds"]))
        for kind in kinds:
            if kind not in EVENT_KINDS and kind not in ENTITY_KINDS:
                raise _fail(name, "kinds", f"unknown kind {kind!r} (event kinds: {', '.join(EVENT_KINDS)}; "
                                           f"entity kinds: {', '.join(ENTITY_KINDS)})")
        values["kinds"] = kinds
    if "commodities" in table:
        known = _known_commodities()
        commodities = []
        for value in _str_list(name, "commodities", table["commodities"]):
            canonical = known.get(value.lower())
            if canonical is None:
                raise _fail(name, "commodities", f"unknown commodity {value!r} (a name of the commodity gazetteer, "
                                                 "e.g. copper, gold, uranium, rare earths)")
            commodities.append(canonical)
        values["commodities"] = tuple(commodities)
    if "countries" in table:
        codes = tuple(c.upper() for c in _str_list(name, "countries", table["countries"]))
        known_codes = _known_countries()
        for code in codes:
            if not re.fullmatch(r"[A-Z]{2}", code):
                raise _fail(name, "countries", f"{code!r} is not an ISO 3166 alpha-2 code (e.g. KZ)")
            if code not in known_codes:
                raise _fail(name, "countries", f"{code!r} is not a country the extractor knows")
        values["countries"] = codes
    if "min_usd" in table:
        amount = table["min_usd"]
        if isinstance(amount, bool) or not isinstance(amount, (int, float)) or not math.isfinite(amount) \
                or amount <= 0:
            raise _fail(name, "min_usd", "must be a positive number of US dollars (e.g. 100e6)")
        values["min_usd"] = float(amount)
    if "words" in table:
        words = _str_list(name, "words", table["words"])
        for word in words:
            if len(word) > MAX_WORDS_LENGTH:
                raise _fail(name, "words", f"a phrase is at most {MAX_WORDS_LENGTH} characters")
            if not re.search(r"\w", word):
                raise _fail(name, "words", f"{word!r} has no letter or digit")
        values["words"] = words
    if "sources" in table:
        names = _str_list(name, "sources", table["sources"])
        for source in names:
            if sources is not None and source not in sources:
                raise _fail(name, "sources", f"unknown source {source!r} (registry has: {', '.join(sorted(sources))})")
        values["sources"] = names
    if "languages" in table:
        langs = tuple(v.lower() for v in _str_list(name, "languages", table["languages"]))
        for lang in langs:
            if not LANGUAGE_RE.match(lang):
                raise _fail(name, "languages", f"{lang!r} is not an ISO 639-1 code (en, ru, kk, ...)")
        values["languages"] = langs
    if "notify" in table:
        values["notify"] = _check_notify(name, _str_list(name, "notify", table["notify"]))
    if not any(k in values for k in SELECTING_KEYS):
        raise WatchlistError(f"watchlists.toml: watch {name!r}: selects nothing (give at least one of "
                             f"{', '.join(SELECTING_KEYS)})")
    return Watch(**values)


def parse_watchlist(text: str, path: Path | None = None, *, sources: set[str] | None = None) -> Watchlist:
    """Parse and check a watchlist's text. ``sources``: the registry's names, to check ``sources``
    against. Raises WatchlistError (one line)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise WatchlistError(f"watchlists.toml: not valid TOML: {exc}") from None
    unknown = set(data) - {"watch", "operator"}
    if unknown:
        raise WatchlistError(f"watchlists.toml: unknown top-level key {sorted(unknown)[0]!r} "
                             "(expected [watch.NAME] or [operator])")
    tables = data.get("watch", {})
    if not isinstance(tables, dict):
        raise WatchlistError("watchlists.toml: 'watch' must hold tables ([watch.NAME])")
    watches = {name: parse_watch(name, table, sources) for name, table in tables.items()}
    return Watchlist(watches, path, parse_operator(data.get("operator")))


def parse_operator(table: Any) -> tuple[str, ...]:
    """The ``[operator]`` table: ``notify``, the apprise URLs source-health alerts go to. Raises
    WatchlistError (one line naming the key)."""
    if table is None:
        return ()
    if not isinstance(table, dict):
        raise WatchlistError("watchlists.toml: 'operator' must be a table ([operator])")
    unknown = sorted(set(table) - {"notify"})
    if unknown:
        raise WatchlistError(f"watchlists.toml: [operator], key {unknown[0]!r}: unknown key (known: notify)")
    if "notify" not in table:
        return ()
    try:
        return _check_notify("operator", _str_list("operator", "notify", table["notify"]))
    except WatchlistError as exc:
        raise WatchlistError(str(exc).replace("watch 'operator',", "[operator],")) from None


def load_watchlist(path: Path | str, *, sources: set[str] | None = None) -> Watchlist:
    """Load and check the watchlist file; a missing file is an empty watchlist."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Watchlist({}, path)
    except OSError as exc:
        raise WatchlistError(f"watchlists.toml: cannot read {path}: {exc.strerror}") from None
    return parse_watchlist(text, path, sources=sources)


def registry_names(sources_path: Path) -> set[str] | None:
    """The registry's source names (None when the registry cannot be read: checked elsewhere)."""
    from orewire.sources import RegistryError, load_registry

    try:
        return set(load_registry(sources_path).names())
    except RegistryError:
        return None


# -- editing the file: `orewire watch add|remove` ---------------------------------------------------

def _toml_string(value: str) -> str:
    # JSON's escapes (\" \\ \n \t \uXXXX) are TOML basic-string escapes.
    return json.dumps(value, ensure_ascii=False)


def render_watch(watch: Watch) -> str:
    """A ``[watch.NAME]`` table as TOML text."""
    lines = [f"[watch.{watch.name}]"]
    for key in KEYS:
        value = getattr(watch, key)
        if value is None or value == ():
            continue
        if key == "min_usd":
            lines.append(f"{key} = {int(value) if float(value).is_integer() else value}")
        else:
            lines.append(f"{key} = [{', '.join(_toml_string(v) for v in value)}]")
    return "\n".join(lines) + "\n"


_HEADER_RE = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")


def _header_name(line: str) -> str | None:
    match = _HEADER_RE.match(line)
    return match.group(1).replace(" ", "").replace('"', "") if match else None


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def add_watch(path: Path, watch: Watch, *, sources: set[str] | None = None) -> Watchlist:
    """Append ``watch`` to the file (created if missing); the whole file is checked first."""
    current = load_watchlist(path, sources=sources)
    if watch.name in current:
        raise WatchlistError(f"watchlists.toml: watch {watch.name!r} exists already (remove it first, or edit "
                             f"{path})")
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    if text and not text.endswith("\n"):
        text += "\n"
    text += "\n" + render_watch(watch)
    checked = parse_watchlist(text, path, sources=sources)
    _write_atomic(path, text)
    return checked


def remove_watch(path: Path, name: str, *, sources: set[str] | None = None) -> Watchlist:
    """Take the ``[watch.NAME]`` table (its header to the next table) out of the file; comments
    and the other watches stay as written."""
    current = load_watchlist(path, sources=sources)
    current[name]  # unknown: one line naming the watches there are
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next((i for i, ln in enumerate(lines) if _header_name(ln) == f"watch.{name}"), None)
    if start is None:
        raise WatchlistError(f"watchlists.toml: watch {name!r} is not written as a [watch.{name}] table; edit "
                             f"{path} by hand")
    end = next((i for i in range(start + 1, len(lines)) if _header_name(lines[i]) is not None), len(lines))
    # Comment lines just above a table (no blank line between) belong to it: the removed one's go
    # with it, the next one's stay.
    while end > start + 1 and lines[end - 1].lstrip().startswith("#"):
        end -= 1
    while start > 0 and lines[start - 1].lstrip().startswith("#"):
        start -= 1
    text = "".join(lines[:start] + lines[end:])
    text = re.sub(r"\n{3,}", "\n\n", text)
    checked = parse_watchlist(text, path, sources=sources)
    if name in checked:
        raise WatchlistError(f"watchlists.toml: watch {name!r} is written in more than one place; edit {path} by hand")
    _write_atomic(path, text)
    return checked


HEADER = """\
# Watchlists of orewire: what an analyst follows. See watchlists.toml in the project for every key.
"""

