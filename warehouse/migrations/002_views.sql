-- 002: views for the questions users ask.

-- Articles with their facts, one row per fact (articles without facts appear once, fact NULL).
CREATE VIEW article_facts AS
SELECT a.article_id, a.source, a.published_at, a.title, a.canonical_url, a.is_mining,
       f.type, f.value, f.unit, f.currency, f.value_usd, f.name, f.commodities, f.region,
       f.country, f.status, f.person, f.title AS person_title, f.org, f.sentence
FROM articles a LEFT JOIN facts f USING (article_id);

-- Deposits, mines and projects reported, with where and by whom.
CREATE VIEW deposits AS
SELECT f.name AS deposit, f.commodities, f.region, f.country, f.status,
       a.source, a.published_at, a.title, a.author, a.canonical_url, f.sentence, a.article_id
FROM facts f JOIN articles a USING (article_id)
WHERE f.type = 'deposit';

-- Money amounts with their US dollar value.
CREATE VIEW amounts_usd AS
SELECT f.value AS amount, f.currency, f.value_usd, f.rate_source,
       a.source, a.published_at, a.title, a.canonical_url, f.sentence, a.article_id
FROM facts f JOIN articles a USING (article_id)
WHERE f.type = 'amount';

-- Commodity mentions over time: articles per commodity per month.
CREATE VIEW commodity_mentions_monthly AS
SELECT e.name AS commodity, date_trunc('month', a.published_at) AS month,
       count(DISTINCT m.article_id) AS articles, count(*) AS mentions
FROM mentions m
JOIN entities e ON e.entity_id = m.entity_id AND e.kind = 'commodity'
JOIN articles a ON a.article_id = m.article_id
GROUP BY ALL;

-- The latest run per flow and source.
CREATE VIEW last_runs AS
SELECT * FROM runs
QUALIFY row_number() OVER (PARTITION BY flow, source ORDER BY started_at DESC) = 1;
