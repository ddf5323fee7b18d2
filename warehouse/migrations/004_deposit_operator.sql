-- 004: the deposits view names the company that owns or runs a deposit where the article says so
-- (facts.org of a deposit fact: "KAZ Minerals' Bozshakol", "the Akyem mine, operated by Newmont").
CREATE OR REPLACE VIEW deposits AS
SELECT f.name AS deposit, f.commodities, f.region, f.country, f.status, f.org AS operator,
       a.source, a.published_at, a.title, a.author, a.canonical_url, f.sentence, a.article_id
FROM facts f JOIN articles a USING (article_id)
WHERE f.type = 'deposit';
