-- Configuration management: CIs, the classes a team defines, relationship types and the
-- typed relationships between CIs and services. New tables only: no existing row changes,
-- so every audit digest written before still holds. The catalogue's `depends_on` lists stay
-- where they are and are read as `depends_on` relationships (docs/cmdb.md).

CREATE TABLE ci_classes (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL,
    key         TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    attributes  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    version     INTEGER NOT NULL
);
CREATE UNIQUE INDEX ci_classes_id ON ci_classes (id);
CREATE UNIQUE INDEX ci_classes_key ON ci_classes (key);

CREATE TABLE relation_types (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL,
    key          TEXT NOT NULL,
    name         TEXT NOT NULL,
    reverse_name TEXT NOT NULL,
    flow         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT,
    version      INTEGER NOT NULL
);
CREATE UNIQUE INDEX relation_types_id ON relation_types (id);
CREATE UNIQUE INDEX relation_types_key ON relation_types (key);

CREATE TABLE cis (
    seq           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL,
    key           TEXT NOT NULL,
    name          TEXT NOT NULL,
    class         TEXT NOT NULL,
    status        TEXT NOT NULL,
    criticality   TEXT NOT NULL,
    description   TEXT NOT NULL,
    owner_id      TEXT,
    group_id      TEXT,
    supplier_id   TEXT,
    location_id   TEXT,
    serial_number TEXT NOT NULL,
    asset_tag     TEXT NOT NULL,
    verified_at   TEXT,
    verified_by   TEXT,
    service_ids   TEXT NOT NULL,
    attributes    TEXT NOT NULL,
    asset         TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT,
    version       INTEGER NOT NULL
);
CREATE UNIQUE INDEX cis_id ON cis (id);
CREATE UNIQUE INDEX cis_key ON cis (key);
CREATE INDEX cis_by_class ON cis (class) WHERE deleted_at IS NULL;
CREATE INDEX cis_by_owner ON cis (owner_id) WHERE deleted_at IS NULL;
CREATE INDEX cis_by_group ON cis (group_id) WHERE deleted_at IS NULL;
CREATE INDEX cis_by_serial ON cis (serial_number) WHERE deleted_at IS NULL AND serial_number <> '';
CREATE INDEX cis_by_asset_tag ON cis (asset_tag) WHERE deleted_at IS NULL AND asset_tag <> '';
CREATE INDEX cis_by_name ON cis (name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE relationships (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL,
    key         TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    source_id   TEXT NOT NULL,
    relation    TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    target_id   TEXT NOT NULL,
    note        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    version     INTEGER NOT NULL
);
CREATE UNIQUE INDEX relationships_id ON relationships (id);
CREATE UNIQUE INDEX relationships_key ON relationships (key);
CREATE INDEX relationships_by_source ON relationships (source_id);
CREATE INDEX relationships_by_target ON relationships (target_id);

-- Which revision of the graph the tables hold: the in-memory impact graph is rebuilt when
-- this moves. Bumped by triggers, so writes by another process (the CLI) are seen too; it
-- starts at a random number, so a restored or replaced file never matches a cached graph.
CREATE TABLE cmdb_state (generation INTEGER NOT NULL);
INSERT INTO cmdb_state (generation) VALUES (abs(random() % 1000000000000));
CREATE TRIGGER cis_moved_insert AFTER INSERT ON cis BEGIN UPDATE cmdb_state SET generation = generation + 1; END;
CREATE TRIGGER cis_moved_update AFTER UPDATE ON cis BEGIN UPDATE cmdb_state SET generation = generation + 1; END;
CREATE TRIGGER relationships_moved_insert AFTER INSERT ON relationships BEGIN UPDATE cmdb_state SET generation = generation + 1; END;
CREATE TRIGGER relationships_moved_update AFTER UPDATE ON relationships BEGIN UPDATE cmdb_state SET generation = generation + 1; END;
CREATE TRIGGER relation_types_moved_insert AFTER INSERT ON relation_types BEGIN UPDATE cmdb_state SET generation = generation + 1; END;
CREATE TRIGGER relation_types_moved_update AFTER UPDATE ON relation_types BEGIN UPDATE cmdb_state SET generation = generation + 1; END;
CREATE TRIGGER services_moved_insert AFTER INSERT ON services BEGIN UPDATE cmdb_state SET generation = generation + 1; END;
CREATE TRIGGER services_moved_update AFTER UPDATE ON services BEGIN UPDATE cmdb_state SET generation = generation + 1; END;
