-- History that holds against someone with the sqlite3 shell (docs/audit-chain.md).
--
-- The audit log takes only its next entry: numbered one past the newest, linked to the
-- newest's hash. `INSERT OR REPLACE` over an old entry deletes it without firing the delete
-- trigger; this refuses it before any row is touched. `IS NOT` rather than `<>`, so that a
-- NULL number or hash is refused too.
CREATE TRIGGER audit_log_next_only BEFORE INSERT ON audit_log
WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM audit_log)
  OR NEW.prev_hash IS NOT coalesce(
       (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1),
       '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN SELECT RAISE(ABORT, 'the audit log only takes its next entry'); END;

-- The public signing keys of the people who act, each registered by the person it names and
-- signed by its own secret half (which stays outside the file, see checkpoint.rs).
CREATE TABLE signing_keys (
    seq           INTEGER PRIMARY KEY,
    public_key    TEXT NOT NULL,
    person_id     TEXT NOT NULL,
    person_name   TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    signature     TEXT NOT NULL
);
CREATE UNIQUE INDEX signing_keys_public_key ON signing_keys (public_key);

-- Signed chain heads: "entry `audit_seq` with hash `audit_hash` was the head when the holder
-- of `public_key` looked". Not audit entries: signing one must not move the head it signs.
CREATE TABLE checkpoints (
    seq        INTEGER PRIMARY KEY,
    audit_seq  INTEGER NOT NULL,
    audit_hash TEXT NOT NULL,
    signed_at  TEXT NOT NULL,
    public_key TEXT NOT NULL,
    signature  TEXT NOT NULL
);

CREATE TRIGGER signing_keys_no_update BEFORE UPDATE ON signing_keys
BEGIN SELECT RAISE(ABORT, 'signing keys are append-only'); END;
CREATE TRIGGER signing_keys_no_delete BEFORE DELETE ON signing_keys
BEGIN SELECT RAISE(ABORT, 'signing keys are append-only'); END;
CREATE TRIGGER checkpoints_no_update BEFORE UPDATE ON checkpoints
BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
CREATE TRIGGER checkpoints_no_delete BEFORE DELETE ON checkpoints
BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only'); END;
