-- Indexes every live searchable record from the tables, each under the number of its newest
-- audit entry (see search.rs): ascending, because FTS5 builds its segments fastest in rowid
-- order. Run on an empty index, by migrations 0003 and 0005 (an import indexes the text as it
-- reads it: transfer/search_docs.rs).
-- The text per family must match `Stored::searchable` in tickets.rs, problems.rs, comments.rs.
INSERT INTO search_index (rowid, title, body)
SELECT doc, title, body FROM (
    SELECT (SELECT max(a.seq) FROM audit_log a WHERE a.record_id = t.id) AS doc,
           t.title AS title, t.description AS body
    FROM tickets t WHERE t.deleted_at IS NULL
    UNION ALL
    SELECT (SELECT max(a.seq) FROM audit_log a WHERE a.record_id = p.id),
           p.title, p.description || char(10) || p.root_cause || char(10) || p.workaround
    FROM problems p WHERE p.deleted_at IS NULL
    UNION ALL
    SELECT (SELECT max(a.seq) FROM audit_log a WHERE a.record_id = c.id), '', c.body
    FROM comments c WHERE c.deleted_at IS NULL
)
ORDER BY doc;
