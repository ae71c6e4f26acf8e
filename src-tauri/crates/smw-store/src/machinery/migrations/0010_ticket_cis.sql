-- Incidents and requests name the configuration items they are about. The default is the
-- empty list, which the record's JSON leaves out, so every existing digest still holds.
ALTER TABLE tickets ADD COLUMN affected_ci_ids TEXT NOT NULL DEFAULT '[]';

-- A CI's record lists its open tickets: only tickets that name any CI are indexed.
CREATE INDEX tickets_naming_cis ON tickets(status) WHERE affected_ci_ids <> '[]';
