-- The first schema: directory, catalogue, tickets, problems, comments, links, settings,
-- the audit chain and full-text search.
--
-- Uniqueness is declared with named indexes rather than column constraints, so a bulk
-- import into a new file can drop them and rebuild them by sorting once (the importer
-- checks uniqueness itself, naming the line).
--
-- Conventions: `seq` is the SQLite rowid (insertion order, used for recency); `id` is the
-- UUIDv7 as text; `key` the human key; instants are UTC text in one fixed form
-- (2026-05-04T09:00:00.000Z); lists of ids are JSON arrays; nothing is ever deleted
-- (deleted_at is a tombstone).

CREATE TABLE key_counters (
    prefix TEXT PRIMARY KEY,
    last   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE people (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL,
    key         TEXT NOT NULL,
    name        TEXT NOT NULL,
    email       TEXT NOT NULL,
    group_ids   TEXT NOT NULL,
    customer_id TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    version     INTEGER NOT NULL
);
CREATE UNIQUE INDEX people_id ON people (id);
CREATE UNIQUE INDEX people_key ON people (key);

CREATE TABLE groups (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL,
    key         TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    version     INTEGER NOT NULL
);
CREATE UNIQUE INDEX groups_id ON groups (id);
CREATE UNIQUE INDEX groups_key ON groups (key);

CREATE TABLE services (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL,
    key          TEXT NOT NULL,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL,
    status       TEXT NOT NULL,
    owner_id     TEXT,
    customer_ids TEXT NOT NULL,
    depends_on   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT,
    version      INTEGER NOT NULL
);
CREATE UNIQUE INDEX services_id ON services (id);
CREATE UNIQUE INDEX services_key ON services (key);

CREATE TABLE customers (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL,
    key         TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    version     INTEGER NOT NULL
);
CREATE UNIQUE INDEX customers_id ON customers (id);
CREATE UNIQUE INDEX customers_key ON customers (key);

CREATE TABLE suppliers (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL,
    key         TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    version     INTEGER NOT NULL
);
CREATE UNIQUE INDEX suppliers_id ON suppliers (id);
CREATE UNIQUE INDEX suppliers_key ON suppliers (key);

CREATE TABLE tickets (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL,
    key              TEXT NOT NULL,
    kind             TEXT NOT NULL,
    title            TEXT NOT NULL,
    description      TEXT NOT NULL,
    caller_id        TEXT,
    customer_id      TEXT,
    service_id       TEXT,
    category         TEXT NOT NULL,
    impact           TEXT NOT NULL,
    urgency          TEXT NOT NULL,
    priority         INTEGER NOT NULL,
    status           TEXT NOT NULL,
    assignee_id      TEXT,
    group_id         TEXT,
    pending_reason   TEXT,
    resolution_code  TEXT,
    resolution_notes TEXT,
    problem_id       TEXT,
    sla_id           TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    responded_at     TEXT,
    resolved_at      TEXT,
    closed_at        TEXT,
    deleted_at       TEXT,
    version          INTEGER NOT NULL
);
CREATE UNIQUE INDEX tickets_id ON tickets (id);
CREATE UNIQUE INDEX tickets_key ON tickets (key);
-- The board reads each status column by priority, newest first; filters narrow by one of these.
CREATE INDEX tickets_by_status   ON tickets (status, priority, seq DESC) WHERE deleted_at IS NULL;
CREATE INDEX tickets_by_group    ON tickets (group_id, status, priority, seq DESC) WHERE deleted_at IS NULL;
CREATE INDEX tickets_by_assignee ON tickets (assignee_id, status, priority, seq DESC) WHERE deleted_at IS NULL;
CREATE INDEX tickets_by_service  ON tickets (service_id, status, priority, seq DESC) WHERE deleted_at IS NULL;
CREATE INDEX tickets_by_priority ON tickets (priority, status, seq DESC) WHERE deleted_at IS NULL;
CREATE INDEX tickets_by_problem  ON tickets (problem_id) WHERE problem_id IS NOT NULL;

CREATE TABLE problems (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL,
    key         TEXT NOT NULL,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    status      TEXT NOT NULL,
    priority    INTEGER NOT NULL,
    service_id  TEXT,
    assignee_id TEXT,
    group_id    TEXT,
    root_cause  TEXT NOT NULL,
    workaround  TEXT NOT NULL,
    known_error INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    resolved_at TEXT,
    deleted_at  TEXT,
    version     INTEGER NOT NULL
);
CREATE UNIQUE INDEX problems_id ON problems (id);
CREATE UNIQUE INDEX problems_key ON problems (key);

CREATE TABLE comments (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL,
    key        TEXT NOT NULL,
    parent_id  TEXT NOT NULL,
    author_id  TEXT,
    body       TEXT NOT NULL,
    internal   INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    version    INTEGER NOT NULL
);
CREATE UNIQUE INDEX comments_id ON comments (id);
CREATE UNIQUE INDEX comments_key ON comments (key);
CREATE INDEX comments_by_parent ON comments (parent_id, seq);

CREATE TABLE links (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL,
    key        TEXT NOT NULL,
    from_id    TEXT NOT NULL,
    to_id      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    version    INTEGER NOT NULL
);
CREATE UNIQUE INDEX links_id ON links (id);
CREATE UNIQUE INDEX links_key ON links (key);
CREATE INDEX links_by_from ON links (from_id) WHERE deleted_at IS NULL;
CREATE INDEX links_by_to   ON links (to_id) WHERE deleted_at IS NULL;

CREATE TABLE settings (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL,
    key        TEXT NOT NULL,
    name       TEXT NOT NULL,
    value      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    version    INTEGER NOT NULL
);
CREATE UNIQUE INDEX settings_id ON settings (id);
CREATE UNIQUE INDEX settings_key ON settings (key);
CREATE UNIQUE INDEX settings_name ON settings (name);

-- Append-only and hash-chained: see docs/audit-chain.md.
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor_id    TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    record_key  TEXT NOT NULL,
    changes     TEXT NOT NULL,
    row_digest  TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_by_record ON audit_log (record_id, seq);
-- Guards against accidents, not attackers (who can drop triggers): verify finds the rest.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Full text over ticket and problem titles and descriptions and comment bodies.
-- `doc` grows with every (re)indexing, so ordering by it ranks by recency without scoring.
CREATE TABLE search_docs (
    doc         INTEGER PRIMARY KEY,
    record_id   TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    owner_id    TEXT NOT NULL,
    owner_kind  TEXT NOT NULL
);
CREATE UNIQUE INDEX search_docs_record_id ON search_docs (record_id);
CREATE VIRTUAL TABLE search_index USING fts5 (
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
