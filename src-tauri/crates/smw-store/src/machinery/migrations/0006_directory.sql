-- The directory a person fills in from an empty workspace: people get a phone number and
-- whether they may act in the workbench, groups a lead, customers and suppliers their
-- contacts, and locations arrive. Existing rows take the values their records already
-- imply (no phone, may act, no lead, no contacts), so their audit digests still hold.

ALTER TABLE people ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN can_act INTEGER NOT NULL DEFAULT 1;
ALTER TABLE groups ADD COLUMN lead_id TEXT;
ALTER TABLE customers ADD COLUMN contacts TEXT NOT NULL DEFAULT '';
ALTER TABLE suppliers ADD COLUMN contacts TEXT NOT NULL DEFAULT '';

CREATE TABLE locations (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL,
    key         TEXT NOT NULL,
    name        TEXT NOT NULL,
    address     TEXT NOT NULL,
    time_zone   TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    version     INTEGER NOT NULL
);
CREATE UNIQUE INDEX locations_id ON locations (id);
CREATE UNIQUE INDEX locations_key ON locations (key);
