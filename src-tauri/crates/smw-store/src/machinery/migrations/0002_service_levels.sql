-- Service level management: calendars, SLAs, OLAs and underpinning contracts (audited
-- records, same conventions as 0001), and the derived ticket clocks.

CREATE TABLE calendars (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    key        TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    definition TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    version    INTEGER NOT NULL
);

CREATE TABLE slas (
    seq                  INTEGER PRIMARY KEY,
    id                   TEXT NOT NULL UNIQUE,
    key                  TEXT NOT NULL UNIQUE,
    name                 TEXT NOT NULL,
    customer_id          TEXT NOT NULL,
    service_id           TEXT NOT NULL,
    calendar_id          TEXT NOT NULL,
    targets              TEXT NOT NULL,
    availability_percent REAL,
    valid_from           TEXT NOT NULL,
    valid_to             TEXT,
    review_date          TEXT,
    pausing_statuses     TEXT NOT NULL,
    warning_thresholds   TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    deleted_at           TEXT,
    version              INTEGER NOT NULL
);
-- A new ticket looks up the SLA for its customer and service.
CREATE INDEX slas_by_agreement ON slas (customer_id, service_id) WHERE deleted_at IS NULL;
CREATE INDEX slas_by_calendar  ON slas (calendar_id) WHERE deleted_at IS NULL;

CREATE TABLE olas (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    key         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    group_id    TEXT NOT NULL,
    service_id  TEXT,
    calendar_id TEXT NOT NULL,
    targets     TEXT NOT NULL,
    valid_from  TEXT NOT NULL,
    valid_to    TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    version     INTEGER NOT NULL
);

CREATE TABLE contracts (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    key         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    supplier_id TEXT NOT NULL,
    service_id  TEXT NOT NULL,
    calendar_id TEXT NOT NULL,
    targets     TEXT NOT NULL,
    valid_from  TEXT NOT NULL,
    valid_to    TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    version     INTEGER NOT NULL
);

-- Editing an SLA recomputes the open tickets under it.
CREATE INDEX tickets_by_sla ON tickets (sla_id, status) WHERE sla_id IS NOT NULL AND deleted_at IS NULL;

-- Derived, not audited: each ticket's clocks as last computed from its recorded history
-- (at `computed_at`, the time of the ticket's latest change or of the latest edit of its SLA
-- or calendar). Rebuilt from history at any time; never the source of truth.
CREATE TABLE ticket_clocks (
    ticket_id       TEXT NOT NULL,
    clock           TEXT NOT NULL CHECK (clock IN ('response', 'resolution')),
    sla_id          TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('running', 'paused', 'stopped')),
    target_seconds  INTEGER NOT NULL,
    elapsed_seconds INTEGER NOT NULL,
    -- When the counted time reaches the target (projected while running).
    due_at          TEXT,
    -- When the clock last stopped, while it is stopped.
    stopped_at      TEXT,
    -- When the next warning threshold is reached if the clock keeps running.
    next_warning_at TEXT,
    percent         REAL NOT NULL,
    breached        INTEGER NOT NULL,
    ticket_status   TEXT NOT NULL,
    priority        INTEGER NOT NULL,
    computed_at     TEXT NOT NULL,
    PRIMARY KEY (ticket_id, clock)
) WITHOUT ROWID;
-- The at-risk list and the breach warnings read open clocks by deadline.
CREATE INDEX ticket_clocks_open_by_due ON ticket_clocks (due_at) WHERE state <> 'stopped';
CREATE INDEX ticket_clocks_by_sla ON ticket_clocks (sla_id);
