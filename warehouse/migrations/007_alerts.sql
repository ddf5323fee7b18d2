-- 007: alerts of the watchlists (watchlists.toml). After each load the articles new to the warehouse
-- (or with a new version) are matched against every watch; each match is one alert, one per watch
-- and story, delivered through apprise to the watch's notify URLs.

-- One row per watch and story. A story is an article and its syndicated copies and near-duplicates:
-- `story` is the article_id of its first article (the matching article's duplicate_of, else the
-- article itself). The unique key keeps a run re-done after a crash from alerting twice.
CREATE TABLE alerts (
    alert_id        VARCHAR PRIMARY KEY,  -- hash of (watch, story)
    watch           VARCHAR NOT NULL,     -- [watch.NAME] of the watchlist
    story           VARCHAR NOT NULL,
    article_id      VARCHAR NOT NULL,     -- the article that matched
    item_id         VARCHAR,              -- the matching event's event_id or fact's fact_id (NULL: a mention or words)
    item_kind       VARCHAR,              -- event | fact | mention | words | article
    reason          VARCHAR NOT NULL,     -- why it matched, short: "deal event; $120 million >= $100 million"
    sentence        VARCHAR,              -- the matching sentence
    mark_start      INTEGER,              -- the matching part (fact, event number, name, word): offsets in sentence
    mark_end        INTEGER,
    simhash         UBIGINT,              -- the article's fingerprint when it matched (near-duplicates of it do not alert)
    matched_at      TIMESTAMPTZ NOT NULL,
    via             VARCHAR NOT NULL,     -- load (after a run, backfill or import) | backfill (orewire alerts --backfill)
    state           VARCHAR NOT NULL,     -- sent | pending | failed: of all its deliveries
    attempts        INTEGER NOT NULL DEFAULT 0,  -- delivery attempts, all targets together
    last_error      VARCHAR,              -- one line, secrets blanked
    sent_at         TIMESTAMPTZ,          -- when its last delivery went out
    UNIQUE (watch, story)
);

-- One row per alert and notify target: a target is sent to once, whatever the other targets do.
CREATE TABLE alert_deliveries (
    alert_id        VARCHAR NOT NULL,
    target          VARCHAR NOT NULL,     -- hash of the notify URL as written in the watchlist (never the URL)
    service         VARCHAR,              -- scheme://host of the URL, for people
    state           VARCHAR NOT NULL,     -- pending | sending | sent | failed
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      VARCHAR,
    last_attempt_at TIMESTAMPTZ,
    next_attempt_at TIMESTAMPTZ,          -- not tried again before (back-off)
    sent_at         TIMESTAMPTZ,
    PRIMARY KEY (alert_id, target)
);

-- The article versions matching has looked at: an article is matched when it is new or has a new
-- version (a later fetch with another text), never again for a reprocess or a re-run.
CREATE TABLE alert_seen (
    article_id      VARCHAR PRIMARY KEY,
    version         INTEGER NOT NULL,
    seen_at         TIMESTAMPTZ NOT NULL
);

-- Matching's own bookkeeping: 'baseline' is when it first ran on this warehouse (what the
-- warehouse held then is the past, which no watch alerts on unless asked with --backfill).
CREATE TABLE alert_state (
    key             VARCHAR PRIMARY KEY,
    value           VARCHAR,
    updated_at      TIMESTAMPTZ NOT NULL
);
