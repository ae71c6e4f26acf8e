-- The search index numbers its documents by the audit entry that last wrote the record, so
-- the separate document table (search_docs) and its per-record row and index go: a hit finds
-- its record through the audit log. The index is emptied here and refilled from the tables
-- (sql/search_fill.sql follows this file in the same migration).
DROP TABLE search_docs;
INSERT INTO search_index (search_index) VALUES ('delete-all');
