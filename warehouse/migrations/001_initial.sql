-- 001: the contract tables of DESIGN.md.
--
-- Keys: tables with modest row counts carry real PRIMARY KEY constraints. The high-volume
-- tables (fetches, mentions, facts) declare their logical key in a comment instead: DuckDB's
-- ART indexes make bulk upserts ~50x slower, and every write goes through the single writer's
-- delete-then-insert upsert (orewire.warehouse.upsert), which keeps those keys unique.
-- tests/warehouse checks the logical keys after every write path.

-- One row per article (the current version of its text). Identity is the article_id, stable
-- across host aliases, loopback copies and URL variants.
CREATE TABLE articles (
    article_id      VARCHAR PRIMARY KEY,  -- "<source>:<site id>" or "<source>:<hash of path>"
    source          VARCHAR NOT NULL,     -- registry key: trend, kazinform, ...
    url             VARCHAR NOT NULL,     -- URL as first fetched
    canonical_url   VARCHAR NOT NULL,     -- https, primary host, no tracking parameters
    title           VARCHAR,
    author          VARCHAR,              -- byline author, never the dateline
    section         VARCHAR,
    published_at    TIMESTAMPTZ,          -- instant of publication (the page's own offset honoured)
    language        VARCHAR,              -- ISO 639-1
    text            VARCHAR,              -- body, paragraphs separated by blank lines
    word_count      INTEGER,
    content_sha256  VARCHAR,              -- SHA-256 of text; a change creates a new version
    simhash         UBIGINT,              -- 64-bit near-duplicate fingerprint
    mining_score    DOUBLE,               -- relevance to mining in [0, 1]
    is_mining       BOOLEAN,              -- mining_score >= the documented threshold
    duplicate_of    VARCHAR,              -- article_id of the original when this is a syndicated copy
    version         INTEGER NOT NULL DEFAULT 1,
    warc_file       VARCHAR,              -- archive record the current text came from
    warc_offset     BIGINT,
    fetched_at      TIMESTAMPTZ,          -- when that record was fetched
    via             VARCHAR,              -- site | wayback | ccnews | import
    cleaner_version VARCHAR,
    extractor_version VARCHAR,            -- version of the facts now loaded for this article
    first_seen      TIMESTAMPTZ NOT NULL,
    last_seen       TIMESTAMPTZ NOT NULL
);

-- Earlier texts of articles whose text changed: nothing is overwritten silently.
CREATE TABLE article_versions (
    article_id      VARCHAR NOT NULL,
    version         INTEGER NOT NULL,
    title           VARCHAR,
    text            VARCHAR,
    published_at    TIMESTAMPTZ,
    content_sha256  VARCHAR,
    warc_file       VARCHAR,
    warc_offset     BIGINT,
    fetched_at      TIMESTAMPTZ,
    superseded_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (article_id, version)
);

-- One row per request the crawler made, failures included. Logical key: (run_id, url, fetched_at).
CREATE TABLE fetches (
    run_id          VARCHAR NOT NULL,
    source          VARCHAR,
    url             VARCHAR NOT NULL,
    final_url       VARCHAR,
    kind            VARCHAR,              -- robots | feed | sitemap | listing | article | capture | other
    status          INTEGER,              -- HTTP status; NULL when no response arrived
    fetched_at      TIMESTAMPTZ NOT NULL,
    content_type    VARCHAR,
    bytes           BIGINT,
    warc_file       VARCHAR,
    warc_offset     BIGINT,
    error           VARCHAR               -- one line: timeout, robots, offsite, size cap, ...
);

-- Archived responses that are not articles, with the reason. Key: (warc_file, warc_offset).
CREATE TABLE not_articles (
    warc_file       VARCHAR NOT NULL,
    warc_offset     BIGINT NOT NULL,
    source          VARCHAR,
    url             VARCHAR NOT NULL,
    status          INTEGER,
    reason          VARCHAR NOT NULL,     -- listing-page, http-status-404, empty-body, out-of-range ...
    detail          VARCHAR,
    fetched_at      TIMESTAMPTZ,
    PRIMARY KEY (warc_file, warc_offset)
);

-- Story entities: countries, regions, companies, orgs (government bodies), people, deposits, commodities.
CREATE TABLE entities (
    entity_id       VARCHAR PRIMARY KEY,  -- "<kind>:<slug>", countries "country:KZ"
    kind            VARCHAR NOT NULL,     -- country | region | company | org | person | deposit | commodity
    name            VARCHAR NOT NULL,     -- canonical name
    code            VARCHAR,              -- ISO 3166 alpha-2 for countries
    aliases         VARCHAR[]             -- other spellings seen
);

-- Every mention of an entity in an article. Logical key: (article_id, entity_id, start).
CREATE TABLE mentions (
    article_id      VARCHAR NOT NULL,
    entity_id       VARCHAR NOT NULL,
    start           INTEGER NOT NULL,     -- character offsets into articles.text
    "end"           INTEGER NOT NULL,
    extractor_version VARCHAR
);

-- Facts with provenance. Logical key: fact_id; an article's facts are replaced as a set when
-- a newer extractor_version runs.
CREATE TABLE facts (
    fact_id         VARCHAR NOT NULL,     -- hash of (article_id, type, start, end, extractor_version)
    article_id      VARCHAR NOT NULL,
    type            VARCHAR NOT NULL,     -- amount | quantity | deposit | role
    value           DOUBLE,               -- amount in currency units / quantity in canonical unit
    unit            VARCHAR,              -- t, oz, lb, km2, km, m, g/t, ...
    currency        VARCHAR,              -- ISO 4217
    value_usd       DOUBLE,
    rate_source     VARCHAR,              -- "stated" or the dated rate used
    name            VARCHAR,              -- deposit / project name
    commodities     VARCHAR[],
    region          VARCHAR,
    country         VARCHAR,              -- ISO 3166 alpha-2
    status          VARCHAR,              -- discovered | exploration | development | production
    person          VARCHAR,
    title           VARCHAR,
    org             VARCHAR,
    sentence        VARCHAR,              -- the sentence the fact was read from
    start           INTEGER,              -- character offsets into articles.text
    "end"           INTEGER,
    extractor_version VARCHAR NOT NULL
);

-- One row per flow run and source.
CREATE TABLE runs (
    run_id          VARCHAR PRIMARY KEY,
    flow            VARCHAR NOT NULL,     -- daily | backfill | reprocess | import | rebuild
    source          VARCHAR,
    started_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ,
    status          VARCHAR NOT NULL,     -- running | ok | failed | offline | partial
    fetched         INTEGER DEFAULT 0,
    new_articles    INTEGER DEFAULT 0,
    updated_articles INTEGER DEFAULT 0,
    not_articles    INTEGER DEFAULT 0,
    facts           INTEGER DEFAULT 0,
    errors          INTEGER DEFAULT 0,
    duration_s      DOUBLE,
    message         VARCHAR,
    params          JSON
);

-- Input files already processed (CC-NEWS WARCs, imported WARCs, crawl manifests): not read again.
CREATE TABLE processed_files (
    path            VARCHAR PRIMARY KEY,
    kind            VARCHAR NOT NULL,     -- manifest | warc | ccnews
    source          VARCHAR,
    records         BIGINT,
    bytes           BIGINT,
    processed_at    TIMESTAMPTZ NOT NULL
);
