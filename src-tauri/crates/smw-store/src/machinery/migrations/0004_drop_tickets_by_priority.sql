-- tickets_by_priority (priority, status, seq DESC) served no query well: a board column
-- filtered by priority seeks tickets_by_status (status, priority, seq DESC) instead, and a
-- list filtered by priority alone used it only to then sort every match by seq, where a
-- newest-first walk of the table stops at the first page. On a large workspace it cost an
-- index entry per ticket in every import and every integrity check.
DROP INDEX tickets_by_priority;
