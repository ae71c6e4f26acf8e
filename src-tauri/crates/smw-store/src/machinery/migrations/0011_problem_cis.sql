-- Problems name the configuration items behind them, as incidents do since migration 10; the
-- empty default is left out of the record's JSON, so existing digests still hold.
ALTER TABLE problems ADD COLUMN affected_ci_ids TEXT NOT NULL DEFAULT '[]';

-- A CI's record lists its open problems: only problems naming a CI are indexed.
CREATE INDEX problems_naming_cis ON problems(status) WHERE affected_ci_ids <> '[]';
