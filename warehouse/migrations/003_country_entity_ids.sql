-- One id per entity everywhere: a country's id is "country:<ISO alpha-2>" (as in the extractor
-- contract and `orewire extract --json`). Earlier loads wrote "country:<slug of the name>".
-- Rows already holding the code-based id win; the slug-based rows merge into them.
CREATE TEMP TABLE country_ids AS
SELECT entity_id AS old_id, 'country:' || upper(code) AS new_id
FROM entities
WHERE kind = 'country' AND code IS NOT NULL AND entity_id <> 'country:' || upper(code);

UPDATE mentions SET entity_id = c.new_id FROM country_ids c WHERE mentions.entity_id = c.old_id;

INSERT INTO entities
SELECT DISTINCT ON (c.new_id) c.new_id, e.kind, e.name, upper(e.code), e.aliases
FROM entities e JOIN country_ids c ON e.entity_id = c.old_id
WHERE c.new_id NOT IN (SELECT entity_id FROM entities);

DELETE FROM entities WHERE entity_id IN (SELECT old_id FROM country_ids);

DROP TABLE country_ids;
