-- 005: mining events, what the numbers of an article measure ("Kazatomprom produced 21,000 tonnes
-- of uranium in 2023": production; "acquired a 51% stake in Copper LLP for $120 million": deal),
-- one view per kind, and each deposit's latest reserves and production in the deposits view.

-- Events with provenance. Logical key: event_id; an article's events are replaced as a set with
-- its facts (same load, same transaction) when a newer extractor_version runs.
CREATE TABLE events (
    event_id        VARCHAR NOT NULL,     -- hash of (article_id, kind, start, end, the number, extractor_version)
    article_id      VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,     -- reserves | production | trade | investment | deal | licence | financial
    subject         VARCHAR,              -- who or what the event is about: the company, the deposit ...
    subject_id      VARCHAR,              -- its entities.entity_id ("deposit:aktogay", "company:kazatomprom")
    party           VARCHAR,              -- the other side: the seller, the target, the buyer country ...
    party_id        VARCHAR,              -- its entities.entity_id
    commodity       VARCHAR,              -- canonical commodity name: copper, uranium, ...
    quantity        DOUBLE,               -- in the canonical unit
    unit            VARCHAR,              -- t, oz, lb, ... (as facts.unit)
    amount          DOUBLE,               -- money, in currency units
    currency        VARCHAR,              -- ISO 4217
    value_usd       DOUBLE,
    rate_source     VARCHAR,              -- "stated" or the dated rate used
    share           DOUBLE,               -- percent: 51 for a 51% stake
    period          INTEGER,              -- the year the number belongs to
    basis           VARCHAR,              -- production and trade: actual | plan | capacity
    direction       VARCHAR,              -- trade: export | import
    sentence        VARCHAR,              -- the sentence the event was read from
    start           INTEGER,              -- character offsets into articles.text of the evidence (the number,
    "end"           INTEGER,              --   or the word that states a numberless event)
    sentence_start  INTEGER,              -- character offsets into articles.text of the sentence
    sentence_end    INTEGER,
    extractor_version VARCHAR NOT NULL
);

-- One view per kind: every event column, with the article it was read from.
CREATE VIEW reserves AS
SELECT e.event_id, e.kind, e.subject, e.subject_id, e.party, e.party_id, e.commodity, e.quantity, e.unit,
       e.amount, e.currency, e.value_usd, e.rate_source, e.share, e.period, e.basis, e.direction,
       e.sentence, e.start, e."end", e.sentence_start, e.sentence_end, e.extractor_version,
       a.source, a.published_at, a.title, a.canonical_url, a.article_id
FROM events e JOIN articles a USING (article_id)
WHERE e.kind = 'reserves';

CREATE VIEW production AS
SELECT e.event_id, e.kind, e.subject, e.subject_id, e.party, e.party_id, e.commodity, e.quantity, e.unit,
       e.amount, e.currency, e.value_usd, e.rate_source, e.share, e.period, e.basis, e.direction,
       e.sentence, e.start, e."end", e.sentence_start, e.sentence_end, e.extractor_version,
       a.source, a.published_at, a.title, a.canonical_url, a.article_id
FROM events e JOIN articles a USING (article_id)
WHERE e.kind = 'production';

CREATE VIEW trade AS
SELECT e.event_id, e.kind, e.subject, e.subject_id, e.party, e.party_id, e.commodity, e.quantity, e.unit,
       e.amount, e.currency, e.value_usd, e.rate_source, e.share, e.period, e.basis, e.direction,
       e.sentence, e.start, e."end", e.sentence_start, e.sentence_end, e.extractor_version,
       a.source, a.published_at, a.title, a.canonical_url, a.article_id
FROM events e JOIN articles a USING (article_id)
WHERE e.kind = 'trade';

CREATE VIEW investments AS
SELECT e.event_id, e.kind, e.subject, e.subject_id, e.party, e.party_id, e.commodity, e.quantity, e.unit,
       e.amount, e.currency, e.value_usd, e.rate_source, e.share, e.period, e.basis, e.direction,
       e.sentence, e.start, e."end", e.sentence_start, e.sentence_end, e.extractor_version,
       a.source, a.published_at, a.title, a.canonical_url, a.article_id
FROM events e JOIN articles a USING (article_id)
WHERE e.kind = 'investment';

CREATE VIEW deals AS
SELECT e.event_id, e.kind, e.subject, e.subject_id, e.party, e.party_id, e.commodity, e.quantity, e.unit,
       e.amount, e.currency, e.value_usd, e.rate_source, e.share, e.period, e.basis, e.direction,
       e.sentence, e.start, e."end", e.sentence_start, e.sentence_end, e.extractor_version,
       a.source, a.published_at, a.title, a.canonical_url, a.article_id
FROM events e JOIN articles a USING (article_id)
WHERE e.kind = 'deal';

CREATE VIEW licences AS
SELECT e.event_id, e.kind, e.subject, e.subject_id, e.party, e.party_id, e.commodity, e.quantity, e.unit,
       e.amount, e.currency, e.value_usd, e.rate_source, e.share, e.period, e.basis, e.direction,
       e.sentence, e.start, e."end", e.sentence_start, e.sentence_end, e.extractor_version,
       a.source, a.published_at, a.title, a.canonical_url, a.article_id
FROM events e JOIN articles a USING (article_id)
WHERE e.kind = 'licence';

CREATE VIEW financials AS
SELECT e.event_id, e.kind, e.subject, e.subject_id, e.party, e.party_id, e.commodity, e.quantity, e.unit,
       e.amount, e.currency, e.value_usd, e.rate_source, e.share, e.period, e.basis, e.direction,
       e.sentence, e.start, e."end", e.sentence_start, e.sentence_end, e.extractor_version,
       a.source, a.published_at, a.title, a.canonical_url, a.article_id
FROM events e JOIN articles a USING (article_id)
WHERE e.kind = 'financial';

-- The deposits view keeps its columns and order and gains, after them:
--   deposit_id  the deposit's entity id (the deposit entity mentioned where the fact's evidence starts)
--   reserves    its latest reserves, one per commodity and unit: the figure of the most recently
--               published article (then the latest period), as [{commodity, quantity, unit, period,
--               reported}] ordered by commodity and unit; NULL when no article gives one
--   production  its latest annual production: the actual output of the latest year stated
--               (then the most recently published article, then the first figure of that article),
--               as {commodity, quantity, unit, period}; NULL when none
CREATE OR REPLACE VIEW deposits AS
WITH deposit_ids AS (
    SELECT article_id, start, entity_id FROM mentions WHERE starts_with(entity_id, 'deposit:')
),
latest_reserves AS (
    SELECT e.subject_id, e.commodity, e.quantity, e.unit, e.period, a.published_at
    FROM events e JOIN articles a USING (article_id)
    WHERE e.kind = 'reserves' AND e.subject_id IS NOT NULL AND e.quantity IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY e.subject_id, e.commodity, e.unit
                               ORDER BY a.published_at DESC NULLS LAST, e.period DESC NULLS LAST,
                                        e.article_id, e.start, e.event_id) = 1
),
reserves_by_deposit AS (
    SELECT subject_id,
           list({'commodity': commodity, 'quantity': quantity, 'unit': unit, 'period': period,
                 'reported': published_at} ORDER BY commodity NULLS LAST, unit) AS reserves
    FROM latest_reserves GROUP BY subject_id
),
production_by_deposit AS (
    SELECT e.subject_id,
           {'commodity': e.commodity, 'quantity': e.quantity, 'unit': e.unit, 'period': e.period} AS production
    FROM events e JOIN articles a USING (article_id)
    WHERE e.kind = 'production' AND e.basis = 'actual' AND e.period IS NOT NULL
      AND e.subject_id IS NOT NULL AND e.quantity IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY e.subject_id
                               ORDER BY e.period DESC, a.published_at DESC NULLS LAST,
                                        e.article_id, e.start, e.event_id) = 1
)
SELECT f.name AS deposit, f.commodities, f.region, f.country, f.status, f.org AS operator,
       a.source, a.published_at, a.title, a.author, a.canonical_url, f.sentence, a.article_id,
       d.entity_id AS deposit_id, r.reserves, p.production
FROM facts f JOIN articles a USING (article_id)
LEFT JOIN deposit_ids d ON d.article_id = f.article_id AND d.start = f.start
LEFT JOIN reserves_by_deposit r ON r.subject_id = d.entity_id
LEFT JOIN production_by_deposit p ON p.subject_id = d.entity_id
WHERE f.type = 'deposit';
