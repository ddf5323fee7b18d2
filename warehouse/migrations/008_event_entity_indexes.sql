-- 008: an entity's events are found by their subject or party id through an index (DuckDB's ART)
-- instead of a scan of the whole events table. DuckDB answers an equality filter on one indexed
-- column from the index when few rows match (up to index_scan_max_count, 2048, or a thousandth of
-- the table), so the web view asks for the subject and the party in two such lookups (a UNION),
-- never in one OR. The indexes are not unique: an article's events are still replaced as a set
-- (deleted, then inserted in the same transaction).
CREATE INDEX events_subject_id ON events (subject_id);
CREATE INDEX events_party_id ON events (party_id);
